//! Key lint: the mistakes worth catching before any request (see ../shared/realtime-api.md,
//! "Common user mistakes"). Each finding is a [`KeyCause`] with its fix.

use super::cause::KeyCause;

/// What kind of credential a value looks like, from its prefix.
pub fn kind(key: &str) -> &'static str {
    let k = key.trim().trim_matches(|c| c == '"' || c == '\'');
    let k = strip_bearer(k).unwrap_or(k);
    if k.starts_with("sk-proj-") {
        "project key"
    } else if k.starts_with("sk-svcacct-") {
        "service account key"
    } else if k.starts_with("sk-admin-") {
        "admin key"
    } else if k.starts_with("sk-") {
        "user key (legacy)"
    } else if k.starts_with("ek_") {
        "ephemeral client secret"
    } else {
        "unknown"
    }
}

fn strip_bearer(k: &str) -> Option<&str> {
    (k.len() > 7 && k[..7].eq_ignore_ascii_case("bearer ")).then(|| &k[7..])
}

/// The findings for a key, most serious first. An empty list means "looks like a standard key".
pub fn lint(raw: &str) -> Vec<KeyCause> {
    let mut found = Vec::new();
    if raw.trim().is_empty() {
        return vec![KeyCause::Empty];
    }
    let quotes = ['"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '`'];
    let t = raw.trim();
    if t.starts_with(quotes) || t.ends_with(quotes) {
        found.push(KeyCause::Quoted);
    }
    if let Some(place) = whitespace(raw) {
        found.push(KeyCause::Whitespace { place });
    }
    let unquoted = t.trim_matches(quotes);
    if strip_bearer(unquoted).is_some() {
        found.push(KeyCause::BearerPrefix);
    }
    if unquoted.contains('\u{2026}') || unquoted.contains("***") || unquoted.contains("...") {
        found.push(KeyCause::LooksMasked);
    } else if !unquoted.is_ascii() {
        found.push(KeyCause::NonAscii);
    }
    let core = strip_bearer(unquoted).unwrap_or(unquoted).trim();
    if core.starts_with("ek_") {
        found.push(KeyCause::Ephemeral);
    } else if core.starts_with("sk-admin-") {
        found.push(KeyCause::Admin);
    } else if !core.starts_with("sk-") && found.is_empty() {
        // Gateways and Azure use other shapes: worth a word, not a failure.
        found.push(KeyCause::UnknownShape);
    }
    found
}

/// Where whitespace sits in the raw value, in words a user recognises.
fn whitespace(raw: &str) -> Option<String> {
    let describe = |c: char| match c {
        '\n' => "a newline",
        '\r' => "a carriage return (a Windows line ending)",
        '\t' => "a tab",
        _ => "a space",
    };
    if let Some(c) = raw.chars().last().filter(|c| c.is_whitespace()) {
        return Some(format!("{} at the end", describe(c)));
    }
    if let Some(c) = raw.chars().next().filter(|c| c.is_whitespace()) {
        return Some(format!("{} at the start", describe(c)));
    }
    let t = raw.trim();
    let t = strip_bearer(t.trim_matches(['"', '\''])).unwrap_or(t);
    t.chars().find(|c| c.is_whitespace()).map(|c| format!("{} inside the key", describe(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(raw: &str) -> Vec<&'static str> {
        use crate::check::Diagnosis;
        lint(raw).iter().map(|c| c.id()).collect()
    }

    #[test]
    fn lint_table() {
        let good = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";
        for (raw, want) in [
            (good.to_owned(), vec![]),
            ("sk-svcacct-abcdefghijklmnop".to_owned(), vec![]),
            (String::new(), vec!["empty_key"]),
            ("   ".to_owned(), vec!["empty_key"]),
            (format!("\"{good}\""), vec!["key_quoted"]),
            (format!("'{good}'"), vec!["key_quoted"]),
            (format!("{good}\n"), vec!["key_whitespace"]),
            (format!(" {good}"), vec!["key_whitespace"]),
            (format!("{good}\r"), vec!["key_whitespace"]),
            (format!("Bearer {good}"), vec!["key_bearer_prefix"]),
            ("sk-proj-…AbCd".to_owned(), vec!["key_masked_copy"]),
            ("sk-proj-********AbCd".to_owned(), vec!["key_masked_copy"]),
            ("ek_68af1234567890abcdef".to_owned(), vec!["ephemeral_key"]),
            ("sk-admin-abcdefghijklmnop".to_owned(), vec!["admin_key"]),
            ("azure-0123456789abcdef".to_owned(), vec!["unknown_key_shape"]),
            (format!("\"{good}\"\n"), vec!["key_quoted", "key_whitespace"]),
        ] {
            assert_eq!(ids(&raw), want, "{raw:?}");
        }
    }

    #[test]
    fn whitespace_is_located() {
        let found = lint("sk-proj-abc def");
        assert_eq!(found.len(), 1);
        assert!(found[0].to_string().contains("a space inside the key"), "{}", found[0]);
        assert!(lint("sk-proj-abc\n")[0].to_string().contains("a newline at the end"));
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("sk-proj-x"), "project key");
        assert_eq!(kind("\"sk-svcacct-x\""), "service account key");
        assert_eq!(kind("Bearer sk-admin-x"), "admin key");
        assert_eq!(kind("sk-abc"), "user key (legacy)");
        assert_eq!(kind("ek_x"), "ephemeral client secret");
        assert_eq!(kind("xyz"), "unknown");
    }
}
