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

    /// The text of a file without its unit tests (`#[cfg(test)]` at the start of a line, to the end).
    fn without_tests(text: &str) -> &str {
        text.find("\n#[cfg(test)]").map_or(text, |i| &text[..i])
    }

    /// Every `crate::NAME` a text names, with its line.
    fn uses(text: &str) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            let mut rest = line;
            while let Some(i) = rest.find("crate::") {
                rest = &rest[i + "crate::".len()..];
                if rest.starts_with('{') {
                    // `crate::{a, b::c}`: each first segment.
                    let inner = &rest[1..rest.find('}').unwrap_or(rest.len())];
                    for part in inner.split(',') {
                        let name: String =
                            part.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                        out.push((name, n + 1));
                    }
                } else {
                    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    out.push((name, n + 1));
                }
            }
        }
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
            for (dep, line) in uses(without_tests(&text)) {
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
        let found: Vec<String> =
            uses("use crate::report::{A, B};\nuse crate::{net::x, stun};\nlet x = crate::check::Ctx; // crate::app")
                .into_iter()
                .map(|(n, _)| n)
                .collect();
        assert_eq!(found, ["report", "net", "stun", "check"]);
        assert_eq!(without_tests("a\n#[cfg(test)]\nmod tests {}"), "a");
    }
}
