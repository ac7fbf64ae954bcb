//! Keeping secrets out of every output.
//!
//! Checks never put a secret in a report on purpose; this is the second line: every string of a
//! result passes through [`Secrets::redact_result`] before any renderer sees it, so a server that
//! echoes the key in an error message (or a proxy page that does) cannot leak it either.

use super::{CheckResult, Report};

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

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for v in &self.values {
            if out.contains(v.as_str()) {
                out = out.replace(v.as_str(), &mask_key(v));
            }
        }
        out
    }

    pub fn redact_result(&self, r: &mut CheckResult) {
        if self.values.is_empty() {
            return;
        }
        let f = |s: &mut String| *s = self.redact(s);
        f(&mut r.summary);
        f(&mut r.title);
        if let Some(c) = &mut r.cause {
            f(&mut c.message);
            f(&mut c.id);
        }
        if let Some(fx) = &mut r.fix {
            f(&mut fx.text);
        }
        for d in &mut r.evidence.details {
            f(&mut d.name);
            f(&mut d.value);
        }
        for a in &mut r.evidence.artifacts {
            f(&mut a.content);
        }
        for c in &mut r.evidence.candidates {
            f(&mut c.address);
            if let Some(s) = &mut c.source {
                f(s);
            }
        }
    }

    pub fn redact_report(&self, report: &mut Report) {
        report.target.base_url = self.redact(&report.target.base_url);
        if let Some(v) = &mut report.verdict {
            v.summary = self.redact(&v.summary);
            v.fix.text = self.redact(&v.fix.text);
        }
        for r in &mut report.results {
            self.redact_result(r);
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
mod tests {
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
