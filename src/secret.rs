//! Secrets: the one type that holds one, the set of a run's secrets that every output is
//! redacted with, how a secret is shown masked, and how secrets are found in a user's file.
//!
//! The one type that holds a secret: the API key, an ephemeral `ek_` token, a TURN password or a
//! TURN REST shared secret.
//!
//! Its `Debug` and `Display` show only the masked form, it has no `Serialize`, and reading the
//! value takes an explicit [`Secret::expose`]: a future log line, `{:?}` of the settings or a
//! field added to the report cannot leak it by accident. The bytes live in `secrecy`'s
//! `SecretString`, which zeroes them when dropped.

use secrecy::{ExposeSecret, SecretString};

/// How a secret is shown when it has to be named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mask {
    /// Kind and last four characters (`sk-proj-…a1b2`): enough to tell which key, as OpenAI's
    /// dashboard shows keys.
    Tail,
    /// Nothing but that there is one: a password's tail would narrow a guess.
    Hidden,
}

#[derive(Clone)]
pub struct Secret {
    value: SecretString,
    mask: Mask,
}

impl Secret {
    /// An API key or token: shown as its kind and last four characters.
    pub fn key(value: impl Into<String>) -> Secret {
        Secret { value: SecretString::from(value.into()), mask: Mask::Tail }
    }

    /// A password or shared secret: never shown, not even in part.
    pub fn password(value: impl Into<String>) -> Secret {
        Secret { value: SecretString::from(value.into()), mask: Mask::Hidden }
    }

    /// The value itself, for the one place that sends it (a header, a HMAC key, the redactor).
    pub fn expose(&self) -> &str {
        self.value.expose_secret()
    }

    /// What may be printed.
    pub fn masked(&self) -> String {
        match self.mask {
            Mask::Tail => mask_key(self.expose()),
            Mask::Hidden => "***".to_owned(),
        }
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.masked())
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.masked())
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Secret) -> bool {
        self.mask == other.mask && self.expose() == other.expose()
    }
}

impl Eq for Secret {}

/// The secrets of one run (API key, ephemeral tokens, TURN credentials).
#[derive(Debug, Clone, Default)]
pub struct Secrets {
    values: Vec<String>,
}

/// Shorter values are not matched: a toy TURN password such as "secret" would mask the word in
/// "client secret minted" (found in the network lab). Nothing prints a secret in the first place;
/// this redactor is the second line.
const MIN_SECRET_LEN: usize = 8;

impl Secrets {
    pub fn add(&mut self, secret: &str) {
        // The raw value and its trimmed form: a key read with a stray newline is also sent trimmed
        // by some clients, and either may come back in an echo.
        for s in [secret, secret.trim(), secret.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())] {
            if s.len() >= MIN_SECRET_LEN && !self.values.iter().any(|v| v == s) {
                self.values.push(s.to_owned());
            }
        }
        // Longest first, so a secret that contains another is replaced whole.
        self.values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    }

    /// Whether no secret is known (nothing to redact).
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for v in &self.values {
            if out.contains(v.as_str()) {
                out = out.replace(v.as_str(), &mask_key(v));
            }
        }
        out
    }
}

/// Whether a text holds a standard key (`sk-` and at least 20 more characters), which never
/// belongs in a browser.
pub fn has_standard_key(text: &str) -> bool {
    text.match_indices("sk-").any(|(i, _)| {
        text[i..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_').count() >= 23
    })
}

/// OpenAI keys and tokens anywhere in a text (`sk-…`, `ek_…`, `sess_…` is not one), registered
/// for masking: a HAR or a dump quotes what the app sent and what the API echoed.
pub fn find_secrets(text: &str, secrets: &mut Secrets) {
    let bytes = text.as_bytes();
    let token = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    for prefix in ["sk-", "ek_", "rk-"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(prefix) {
            let start = from + at;
            let before_ok = start == 0 || !token(bytes[start - 1]);
            let end = start + bytes[start..].iter().take_while(|b| token(**b)).count();
            if before_ok && end - start >= 12 {
                secrets.add(&text[start..end]);
            }
            from = end.max(start + prefix.len());
        }
    }
}

/// A key shown safely: its kind prefix and last four characters (`sk-proj-…Ab12`).
/// Short values show no tail at all: four characters of a short secret are too much of it.
pub fn mask_key(key: &str) -> String {
    let key = key.trim();
    let bare = key.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
    let prefix = ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-", "sk-", "ek_", "rk-", "sess_"]
        .into_iter()
        .find(|p| bare.starts_with(p))
        .unwrap_or("");
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 16 {
        return format!("{prefix}… ({} chars)", chars.len());
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{prefix}…{tail}")
}

#[cfg(test)]
mod redact_tests {
    use super::*;

    #[test]
    fn masks_keep_kind_and_tail_only() {
        assert_eq!(mask_key("sk-proj-abcdefghijklmnopqrstuvwxyz1234"), "sk-proj-…1234");
        assert_eq!(mask_key("ek_68af0000000000000000000000abcd"), "ek_…abcd");
        assert_eq!(mask_key("sk-short"), "sk-… (8 chars)");
        assert_eq!(mask_key("weird-gateway-token-000001"), "…0001");
    }

    #[test]
    fn redacts_raw_and_trimmed_forms() {
        let mut s = Secrets::default();
        s.add("\"sk-proj-SECRETSECRETSECRET9999\"\n");
        let out = s.redact("got \"sk-proj-SECRETSECRETSECRET9999\" and sk-proj-SECRETSECRETSECRET9999!");
        assert!(!out.contains("SECRETSECRET"), "{out}");
        assert!(out.contains("sk-proj-…9999"));
    }

    #[test]
    fn short_values_do_not_mask_ordinary_words() {
        let mut s = Secrets::default();
        s.add("a");
        s.add("secret");
        assert_eq!(s.redact("a banana; client secret minted"), "a banana; client secret minted");
        s.add("secret42");
        assert_eq!(s.redact("pw secret42"), "pw … (8 chars)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neither_debug_nor_display_shows_the_value() {
        let key = Secret::key("sk-proj-0123456789abcdefghijklmnopqrstuv");
        let pass = Secret::password("correct horse battery staple");
        for shown in [format!("{key:?}"), format!("{key}"), format!("{:?}", Some(&key)), format!("{key:#?}")] {
            assert!(!shown.contains("0123456789abcdef"), "{shown}");
            assert!(shown.starts_with("sk-proj-…") || shown.starts_with("Some(sk-proj-…"), "{shown}");
        }
        for shown in [format!("{pass:?}"), format!("{pass}")] {
            assert!(!shown.contains("horse") && !shown.contains("staple"), "{shown}");
        }
        assert_eq!(key.expose(), "sk-proj-0123456789abcdefghijklmnopqrstuv");
    }
}
