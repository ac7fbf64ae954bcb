//! The layers of the library, lowest first, and the test that keeps them so: a module may use
//! only modules of lower layers (read from the `crate::` paths of its non-test code). A new
//! top-level module must be given a layer here. `docs/architecture.md` explains each layer.

/// Lowest first. Modules of one layer do not use each other.
pub(crate) const LAYERS: &[(&str, &[&str])] = &[
    ("foundation", &["secret", "wait", "files"]),
    ("report", &["report"]),
    ("domain and protocols", &["api", "net", "stun"]),
    ("WebRTC peer", &["peer"]),
    ("options", &["args"]),
    ("settings and renderers", &["settings", "render", "bundle"]),
    ("test fake", &["fake"]),
    ("checks", &["check"]),
    ("verdict", &["verdict"]),
    ("analysis and scheduling", &["analyze", "scheduler"]),
    ("command line", &["cli"]),
    ("the run", &["app"]),
];

#[cfg(test)]
mod tests {
    use super::LAYERS;
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    fn layer_of(module: &str) -> Option<usize> {
        LAYERS.iter().position(|(_, mods)| mods.contains(&module))
    }

    /// The text with the insides of string and character literals and of `//` comments blanked
    /// (newlines kept), so that a brace or a path in them counts for nothing.
    fn blank_literals(text: &str) -> String {
        let b = text.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        let blank = |out: &mut Vec<u8>, c: u8| out.push(if c == b'\n' { b'\n' } else { b' ' });
        while i < b.len() {
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < b.len() && b[i] != b'\n' {
                        out.push(b' ');
                        i += 1;
                    }
                }
                b'r' if b.get(i + 1) == Some(&b'#')
                    || (b.get(i + 1) == Some(&b'"') && (i == 0 || !b[i - 1].is_ascii_alphanumeric())) =>
                {
                    // A raw string: r"..." or r#"..."#.
                    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                    if b.get(i + 1 + hashes) != Some(&b'"') {
                        out.push(b[i]);
                        i += 1;
                        continue;
                    }
                    let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                    out.extend(std::iter::repeat_n(b' ', 2 + hashes));
                    i += 2 + hashes;
                    while i < b.len() && !b[i..].starts_with(&close) {
                        blank(&mut out, b[i]);
                        i += 1;
                    }
                    out.extend(std::iter::repeat_n(b' ', close.len().min(b.len() - i)));
                    i += close.len();
                }
                b'"' => {
                    out.push(b' ');
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        if b[i] == b'\\' {
                            blank(&mut out, b[i]);
                            i += 1;
                        }
                        if i < b.len() {
                            blank(&mut out, b[i]);
                            i += 1;
                        }
                    }
                    out.push(b' ');
                    i += 1;
                }
                // A character literal ('{', '\''), not a lifetime ('a).
                b'\''
                    if b.get(i + 2) == Some(&b'\'')
                        || (b.get(i + 1) == Some(&b'\\') && b.get(i + 3) == Some(&b'\'')) =>
                {
                    let len = if b[i + 1] == b'\\' { 4 } else { 3 };
                    out.extend(std::iter::repeat_n(b' ', len));
                    i += len;
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The text of a file without its comments and without the items compiled only for tests (each
    /// `#[cfg(test)]` item, to the end of its block or its `;`).
    fn without_tests(text: &str) -> String {
        let code = blank_literals(text);
        let mut out = String::new();
        let mut rest = code.as_str();
        while let Some(i) = rest.find("#[cfg(test)]") {
            out.push_str(&rest[..i]);
            let item = &rest[i..];
            let (mut depth, mut end) = (0usize, item.len());
            for (j, c) in item.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth > 0 => {
                        depth -= 1;
                        if depth == 0 {
                            end = j + 1;
                            break;
                        }
                    }
                    ';' if depth == 0 => {
                        end = j + 1;
                        break;
                    }
                    _ => {}
                }
            }
            rest = &item[end..];
        }
        out.push_str(rest);
        out
    }

    /// Every module a text names as `crate::NAME`, or inside `crate::{NAME, ...}` (over lines too),
    /// with the line it is named on.
    fn uses(text: &str) -> Vec<(String, usize)> {
        let ident =
            |s: &str| s.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
        let mut out = Vec::new();
        for (at, _) in text.match_indices("crate::") {
            let line = text[..at].matches('\n').count() + 1;
            let rest = &text[at + "crate::".len()..];
            if let Some(inner) = rest.strip_prefix('{') {
                // Top-level names only: `crate::{a, b::{c, d}}` names a and b.
                let (mut depth, mut part) = (0usize, String::new());
                for c in inner.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            out.push((ident(&part), line));
                            part.clear();
                            continue;
                        }
                        _ => {}
                    }
                    if depth == 0 {
                        part.push(c);
                    }
                }
                out.push((ident(&part), line));
            } else {
                out.push((ident(rest), line));
            }
        }
        out.retain(|(n, _)| !n.is_empty());
        out
    }

    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    #[test]
    fn no_module_uses_a_higher_layer() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut all = Vec::new();
        files(&src, &mut all);
        let mut wrong = BTreeMap::new();
        for f in all {
            let rel = f.strip_prefix(&src).unwrap();
            let top = rel.components().next().unwrap().as_os_str().to_string_lossy();
            let top = top.trim_end_matches(".rs").to_owned();
            if ["lib", "main", "testing", "layers"].contains(&top.as_str()) {
                continue;
            }
            let Some(mine) = layer_of(&top) else { panic!("src/{top} has no layer in src/layers.rs") };
            let text = std::fs::read_to_string(&f).unwrap();
            for (dep, line) in uses(&without_tests(&text)) {
                if dep == top || dep.is_empty() {
                    continue;
                }
                let theirs =
                    layer_of(&dep).unwrap_or_else(|| panic!("{}:{line}: crate::{dep} has no layer", rel.display()));
                if theirs >= mine {
                    wrong.insert(
                        format!("{}:{line}", rel.display()),
                        format!("{top} ({}) uses {dep} ({})", LAYERS[mine].0, LAYERS[theirs].0),
                    );
                }
            }
        }
        assert!(wrong.is_empty(), "modules that use a layer at or above their own:\n{wrong:#?}");
    }

    #[test]
    fn the_reader_finds_what_it_must() {
        let text = "let s = \"{ crate::app }\"; let c = '{';\nuse crate::report::{A, B};\nuse crate::{\n    net::{x, y},\n    stun,\n};\nlet x = crate::check::Ctx; // crate::app\n#[cfg(test)]\nfn t() { crate::cli::x(); }\nlet y = crate::verdict::f();\n#[cfg(test)]\nuse crate::fake;\n";
        let found: Vec<String> = uses(&without_tests(text)).into_iter().map(|(n, _)| n).collect();
        assert_eq!(found, ["report", "net", "stun", "check", "verdict"]);
    }
}
