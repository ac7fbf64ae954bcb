//! Keeping secrets out of every output.
//!
//! Checks never put a secret in a report on purpose; this is the second line: every string of a
//! result passes through [`Secrets::redact_result`] before any renderer sees it, so a server that
//! echoes the key in an error message (or a proxy page that does) cannot leak it either.

use super::{CheckResult, Report};
use crate::secret::Secrets;

impl Secrets {
    pub fn redact_result(&self, r: &mut CheckResult) {
        if self.is_empty() {
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
