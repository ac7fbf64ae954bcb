//! The human view: a line per check as it finishes (with a spinner for the rest on a terminal),
//! then the summary and the fixes. `report show` renders a saved report through the same functions.

use super::Render;
use crate::args::Verbosity;
use crate::report::{CandidatePair, CheckId, CheckResult, Report, Status};
use colored::{ColoredString, Colorize};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::time::Duration;

fn styled(status: Status) -> ColoredString {
    let w = status.word();
    match status {
        Status::Pass => w.green().bold(),
        Status::Warn => w.yellow().bold(),
        Status::Fail => w.red().bold(),
        Status::Skip => w.dimmed(),
    }
}

fn ms(v: f64) -> String {
    if v >= 1000.0 { format!("{:.2} s", v / 1000.0) } else { format!("{v:.1} ms") }
}

/// Details hidden at normal verbosity (shown with -v): context a user rarely needs to act.
const NOISY: &[&str] = &[
    "key_kind",
    "base_url",
    "model",
    "organization",
    "project",
    "resolved",
    "local_address",
    "tls_version",
    "realtime_models",
    "clock_skew_s",
    "client_secret",
    "nat_meaning",
    "devices",
    "default_device",
    // The browser checks' context.
    "page",
    "page_opened",
    "user_agent",
    "secure_context",
    "inputs",
    "format",
    "final_state",
];

fn shown(name: &str, verbosity: Verbosity) -> bool {
    verbosity == Verbosity::Verbose
        || !(NOISY.contains(&name) || name.starts_with("GET ") || name.starts_with("POST ") || name.ends_with(" realm"))
}

/// The lines for one result.
pub fn result_lines(r: &CheckResult, verbosity: Verbosity) -> String {
    let mut s = format!(
        "{} {:<12} {}  {}\n",
        styled(r.status),
        r.id.as_str(),
        r.summary,
        format!("({})", ms(r.duration_ms)).dimmed()
    );
    if verbosity == Verbosity::Quiet && r.status <= Status::Pass {
        return s;
    }
    let pad = "     ";
    if !r.evidence.timings.is_empty() {
        let t: Vec<String> =
            r.evidence.timings.iter().map(|t| format!("{} {}", t.phase.replace('_', " "), ms(t.ms))).collect();
        s.push_str(&format!("{pad}{}\n", t.join(" · ").dimmed()));
    }
    for d in &r.evidence.details {
        if shown(&d.name, verbosity) {
            s.push_str(&format!("{pad}{}\n", format!("{}: {}", d.name, d.value).dimmed()));
        }
    }
    if let Some(p) = &r.evidence.selected_pair {
        s.push_str(&format!("{pad}{}\n", format!("selected pair: {}", pair(p)).dimmed()));
    }
    if verbosity == Verbosity::Verbose || r.status >= Status::Warn {
        for c in &r.evidence.candidates {
            let src = c.source.as_deref().map(|s| format!(" via {s}")).unwrap_or_default();
            let side = if c.side == crate::report::Side::Local { "local" } else { "remote" };
            s.push_str(&format!("{pad}{}\n", format!("candidate {c} ({side}){src}").dimmed()));
        }
    }
    if r.status >= Status::Warn
        && let Some(c) = &r.cause
    {
        if c.message == r.summary {
            s.push_str(&format!("{pad}cause: [{}]\n", c.id));
        } else {
            s.push_str(&format!("{pad}cause: {} [{}]\n", c.message, c.id));
        }
    }
    s
}

/// The closing block: counts, then one fix per non-passing check.
pub fn summary_lines(report: &Report) -> String {
    let c = report.counts;
    let mut parts = Vec::new();
    if c.fail > 0 {
        parts.push(format!("{} failed", c.fail).red().bold().to_string());
    }
    if c.warn > 0 {
        parts.push(format!("{} warning{}", c.warn, if c.warn == 1 { "" } else { "s" }).yellow().bold().to_string());
    }
    parts.push(format!("{} passed", c.pass));
    if c.skip > 0 {
        parts.push(format!("{} skipped", c.skip));
    }
    let mut s = format!("\n{} in {}\n", parts.join(", "), ms(report.duration_ms));
    if let Some(v) = &report.verdict {
        s.push_str(&format!("\n{} {} {}\n", "Verdict:".bold(), format!("[{}]", v.stage).bold(), v.summary));
        s.push_str(&format!("  {} {}\n", "fix:".bold(), v.fix.text.cyan()));
        if let Some(doc) = &v.fix.doc {
            s.push_str(&format!("       {}\n", doc.dimmed()));
        }
    }
    let fixes: Vec<&CheckResult> =
        report.results.iter().filter(|r| r.status >= Status::Warn && r.fix.is_some()).collect();
    if !fixes.is_empty() {
        s.push_str(&format!("\n{}\n", "What to do:".bold()));
        // One line per distinct fix: checks that failed for the same reason share it.
        let mut shown: Vec<(&crate::report::Fix, Status, Vec<String>)> = Vec::new();
        for r in fixes {
            let f = r.fix.as_ref().expect("filtered");
            match shown.iter_mut().find(|(g, _, _)| *g == f) {
                Some((_, status, ids)) => {
                    *status = (*status).max(r.status);
                    ids.push(r.id.to_string());
                }
                None => shown.push((f, r.status, vec![r.id.to_string()])),
            }
        }
        for (f, status, ids) in shown {
            s.push_str(&format!("  {} {}: {}\n", styled(status), ids.join(", "), f.text.cyan()));
            if let Some(doc) = &f.doc {
                s.push_str(&format!("       {}\n", doc.dimmed()));
            }
        }
    }
    s
}

/// `host udp 10.0.0.2:50000 -> host udp 203.0.113.5:3478`.
pub fn pair(p: &CandidatePair) -> String {
    let remote = p.remote.as_ref().map(|r| r.to_string()).unwrap_or_else(|| "the answer's candidate".into());
    format!("{} -> {remote}", p.local)
}

/// The first line: the tool, and when a check of the run talks to the API, which API, where, and
/// which model (a `stun` or `mic` run has nothing to do with them).
pub fn header_line(report_target: &crate::report::Target, version: &str, names_api: bool) -> String {
    let t = report_target;
    let tool = format!("{} {}", "realtime-doctor".bold(), version);
    if names_api {
        format!("{tool} · {} · {} · model {}\n", t.api.name().bold(), t.base_url, t.model)
    } else {
        format!("{tool}\n")
    }
}

/// The human view of a whole report, at once (`report show`, `--output run.txt`).
pub struct Human {
    pub verbosity: Verbosity,
    pub color: bool,
    /// Whether a check talks to the API (see `render::Options`).
    pub talks_to_api: fn(CheckId) -> bool,
}

impl Render for Human {
    fn render(&self, report: &Report) -> String {
        // colored's switch is global: set it for this rendering and put it back, one rendering at
        // a time (tests render concurrently, with and without colour).
        static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let before = colored::control::SHOULD_COLORIZE.should_colorize();
        colored::control::set_override(self.color);
        let text = render(report, self.verbosity, self.talks_to_api);
        colored::control::set_override(before);
        text
    }
}

/// A whole report at once: exactly the lines the live view printed.
fn render(report: &Report, verbosity: Verbosity, talks_to_api: fn(CheckId) -> bool) -> String {
    let names_api = report.results.iter().any(|r| talks_to_api(r.id));
    let mut s = if report.analyzed.is_empty() {
        header_line(&report.target, &report.tool.version, names_api)
    } else {
        let files: Vec<String> = report.analyzed.iter().map(|f| format!("{} ({})", f.name, f.kind)).collect();
        format!("{} {} · analyzed {}\n", "realtime-doctor".bold(), report.tool.version, files.join(", "))
    };
    for r in &report.results {
        s.push_str(&result_lines(r, verbosity));
    }
    s.push_str(&summary_lines(report));
    s
}

/// The live view of a run in progress.
pub struct Live {
    out: Box<dyn Write + Send>,
    bar: Option<ProgressBar>,
    running: Vec<CheckId>,
    verbosity: Verbosity,
    /// Set once stdout is gone (`| head`): a closed pipe is not an error, just stop writing.
    closed: bool,
}

impl Live {
    pub fn start(
        out: Box<dyn Write + Send>,
        target: &crate::report::Target,
        ids: &[CheckId],
        options: &super::Options,
        spinner: bool,
    ) -> Live {
        let verbosity = options.verbosity;
        let mut live = Live { out, bar: None, running: ids.to_vec(), verbosity, closed: false };
        let names_api = ids.iter().any(|id| (options.talks_to_api)(*id));
        live.write(&header_line(target, env!("CARGO_PKG_VERSION"), names_api));
        if spinner {
            let bar = ProgressBar::new_spinner();
            bar.set_style(ProgressStyle::with_template("{spinner} {msg} {elapsed:.dim}").expect("template"));
            bar.enable_steady_tick(Duration::from_millis(100));
            live.bar = Some(bar);
            live.update_bar();
        }
        live
    }

    fn update_bar(&self) {
        if let Some(b) = &self.bar {
            let names: Vec<&str> = self.running.iter().map(|i| i.as_str()).collect();
            b.set_message(format!("running: {}", names.join(", ")));
        }
    }

    fn write(&mut self, s: &str) {
        if self.closed || s.is_empty() {
            return;
        }
        let out = &mut self.out;
        let mut w = || out.write_all(s.as_bytes()).and_then(|_| out.flush());
        let res = match &self.bar {
            Some(b) => b.suspend(w),
            None => w(),
        };
        if res.is_err() {
            self.closed = true;
        }
    }

    pub fn result(&mut self, r: &CheckResult) {
        self.running.retain(|id| *id != r.id);
        self.update_bar();
        self.write(&result_lines(r, self.verbosity));
    }

    pub fn finish(mut self, report: &Report) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
        self.write(&summary_lines(report));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The human view as a run of these checks sees it: key talks to the API.
    fn human(verbosity: Verbosity, color: bool) -> Human {
        Human { verbosity, color, talks_to_api: |id| id == CheckId::Key }
    }

    #[test]
    fn lines_summary_verdict_and_fixes() {
        let text = human(Verbosity::Normal, false).render(&crate::render::sample::report());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "realtime-doctor 0.1.0 · Realtime API · https://api.openai.com · model gpt-realtime");
        assert!(lines[1].starts_with("PASS key          key works  (12.5 ms)"), "{text}");
        assert!(text.contains("FAIL stun         no reply from 1 STUN server"), "{text}");
        // The cause's sentence is the summary: only its id is repeated.
        assert!(text.contains("     cause: [stun.udp_blocked]"), "{text}");
        assert!(text.contains("     dns stun.example 3.0 ms"), "{text}");
        assert!(text.contains("SKIP mic          no device <&> here"), "{text}");
        assert!(text.contains("     selected pair: host tcp 10.0.0.2:50000 -> the answer's candidate"), "{text}");
        assert!(text.contains("1 failed, 1 warning, 1 passed, 1 skipped in 1.50 s"), "{text}");
        assert!(text.contains("Verdict: [STUN] no STUN server answers\n  fix: Allow UDP 3478."), "{text}");
        // Checks with the same fix share one line, under the worst status.
        assert!(text.contains("What to do:\n  FAIL stun, datachannel: Do the obvious thing"), "{text}");
        assert!(!text.contains('\u{1b}'), "no colour when not asked");
        let coloured = human(Verbosity::Normal, true).render(&crate::render::sample::report());
        assert!(coloured.contains("\u{1b}[1;31mFAIL"), "{coloured}");
    }

    #[test]
    fn quiet_keeps_problems_and_verbose_shows_everything() {
        let report = crate::render::sample::report();
        let quiet = human(Verbosity::Quiet, false).render(&report);
        assert!(quiet.contains("PASS key") && quiet.contains("cause: [stun.udp_blocked]"), "{quiet}");
        let mut r = report.clone();
        r.results[0].evidence.detail("key_kind", "project key");
        let normal = human(Verbosity::Normal, false).render(&r);
        let verbose = human(Verbosity::Verbose, false).render(&r);
        assert!(!normal.contains("key_kind") && verbose.contains("key_kind: project key"), "{verbose}");
        assert!(verbose.contains("candidate host tcp 10.0.0.2:50000") || !verbose.contains("candidate "));
    }
}
