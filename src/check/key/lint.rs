//! Key lint: the mistakes worth catching before any request (an empty value, quotes or whitespace
//! from a `.env` file, a `Bearer ` prefix, a masked copy from the dashboard, an `ek_` client secret
//! or an admin key where a standard key is needed). Each finding is a [`KeyCause`] with its fix.

use super::cause::KeyCause;
use crate::check::Diagnosis;
use crate::report::Status;

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
    // `get` and not indexing: byte 7 may fall inside a multi-byte character.
    let (head, rest) = (k.get(..7)?, k.get(7..)?);
    (head.eq_ignore_ascii_case("bearer ") && !rest.is_empty()).then_some(rest)
}

/// The lint's verdict: the findings that only warn, or the cause that stops the key from being
/// sent: the one finding, or all of them together so that one round of fixing is enough.
pub fn verdict(raw: &str) -> Result<Vec<KeyCause>, KeyCause> {
    let (mut fails, warns): (Vec<KeyCause>, Vec<KeyCause>) =
        lint(raw).into_iter().partition(|c| c.status() == Status::Fail);
    match fails.len() {
        0 => Ok(warns),
        1 => Err(fails.remove(0)),
        _ => Err(KeyCause::Several(fails)),
    }
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
    fn several_problems_are_named_in_one_cause_and_one_fix() {
        let c = verdict("\"sk-proj-abcdefghijklmnop\"\n").unwrap_err();
        assert_eq!(c.id(), "key_several_problems");
        let msg = c.to_string();
        assert!(msg.contains("2 problems") && msg.contains("quotes") && msg.contains("a newline at the end"), "{msg}");
        let fix = c.fix().text;
        assert!(fix.contains("Remove the quotes") && fix.contains("Remove the whitespace"), "{fix}");
        assert_eq!(verdict("sk-proj-abcdefghijklmnop\n").unwrap_err().id(), "key_whitespace");
        assert_eq!(verdict("gw-token-0123456789").unwrap().len(), 1, "an unusual shape only warns");
    }

    #[test]
    fn multi_byte_text_near_the_bearer_prefix_is_not_split() {
        for raw in ["abcdef\u{e9}xyz", "Bearer\u{e9}", "bearer \u{1F600}", "\u{e9}\u{e9}\u{e9}\u{e9}"] {
            let _ = lint(raw);
            let _ = kind(raw);
        }
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

    #[test]
    fn prop_any_key_is_linted_without_panicking_and_never_shown_whole() {
        use crate::testing::props;
        let keys = proptest::prop_oneof![
            "(Bearer |bearer )?[\"'\u{201c}]?(sk-(proj-|admin-|svcacct-)?|ek_)?.{0,40}[\"'\u{201d}]?\\s?",
            ".{0,60}"
        ];
        props::check("key", keys, |raw| {
            let _ = (lint(&raw), kind(&raw));
            if let Err(c) = verdict(&raw) {
                proptest::prop_assert!(c.fix().text.len() > 20);
            }
            let shown = crate::secret::mask_key(&raw);
            if raw.trim().chars().count() >= 16 {
                proptest::prop_assert!(!shown.contains(raw.trim()), "{shown}");
            }
            Ok(())
        });
    }
}
