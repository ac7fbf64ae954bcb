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
            Mask::Tail => crate::report::mask_key(self.expose()),
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
