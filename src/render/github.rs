//! GitHub Actions workflow commands: one `::error`/`::warning` annotation per failing or warning
//! check, and the verdict, so problems show on the run's summary page.
//! <https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions>

use super::Render;
use crate::report::{Report, Status};

pub struct Github {
    /// Warnings are errors (`--strict`).
    pub strict: bool,
}

impl Render for Github {
    fn render(&self, report: &Report) -> String {
        render(report, self.strict)
    }
}

/// Message data: `%`, CR and LF are escaped.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Property values: additionally `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn render(report: &Report, strict: bool) -> String {
    let mut out = String::new();
    for r in &report.results {
        let level = match r.status {
            Status::Fail => "error",
            Status::Warn if strict => "error",
            Status::Warn => "warning",
            Status::Skip | Status::Pass => "notice",
        };
        let mut msg = r.summary.clone();
        if let Some(f) = &r.fix
            && r.status >= Status::Warn
        {
            msg.push_str(&format!("\nfix: {}", f.text));
        }
        let title = format!("realtime-doctor {} {}", r.id, r.status);
        out.push_str(&format!("::{level} title={}::{}\n", property(&title), data(&msg)));
    }
    if let Some(v) = &report.verdict {
        let level = if report.status == Status::Fail || strict { "error" } else { "warning" };
        let title = format!("realtime-doctor verdict: {}", v.stage);
        out.push_str(&format!(
            "::{level} title={}::{}\n",
            property(&title),
            data(&format!("{}\nfix: {}", v.summary, v.fix.text))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_annotation_per_check_and_the_verdict() {
        let text = Github { strict: false }.render(&crate::render::sample::report());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert!(lines[1].starts_with("::error title=realtime-doctor stun FAIL::no reply"), "{text}");
        assert!(lines[1].contains("%0Afix: Do the obvious thing"), "{text}");
        assert!(lines[3].starts_with("::warning title=realtime-doctor datachannel WARN::"), "{text}");
        assert!(lines[4].starts_with("::error title=realtime-doctor verdict%3A STUN::"), "{text}");
        let strict = Github { strict: true }.render(&crate::render::sample::report());
        assert!(strict.lines().nth(3).unwrap().starts_with("::error"), "{strict}");
    }

    #[test]
    fn escapes_per_the_workflow_command_rules() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a: b, c"), "a%3A b%2C c");
    }
}
