//! Renderers: one [`Report`] value, several views that cannot drift apart. Each format implements
//! [`Render`] (hyperfine's exporters); the run writes standard output and every `--output` file
//! through [`renderer`].

pub mod github;
pub mod human;
pub mod json;
pub mod junit;

use crate::args::Format;
use crate::args::Verbosity;
use crate::report::{CheckId, Report};

pub trait Render {
    fn render(&self, report: &Report) -> String;
}

/// What the renderers are told of the run besides the report.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub verbosity: Verbosity,
    /// Warnings count as failures (JUnit, GitHub annotations).
    pub strict: bool,
    /// Colour for the human view (files never get it).
    pub color: bool,
    /// Whether a check talks to the API (the human header then names the API, URL and model).
    pub talks_to_api: fn(CheckId) -> bool,
}

/// The renderer of `format`.
pub fn renderer(format: Format, o: &Options) -> Box<dyn Render> {
    match format {
        Format::Human => {
            Box::new(human::Human { verbosity: o.verbosity, color: o.color, talks_to_api: o.talks_to_api })
        }
        Format::Json => Box::new(json::Json),
        Format::Junit => Box::new(junit::Junit { strict: o.strict }),
        Format::Github => Box::new(github::Github { strict: o.strict }),
    }
}

#[cfg(test)]
pub(crate) mod sample {
    //! Reports built by hand for the renderers' tests.
    use crate::report::*;

    pub fn result(id: CheckId, status: Status, summary: &str, cause: Option<(&str, &str)>) -> CheckResult {
        CheckResult {
            id,
            title: id.title().into(),
            status,
            summary: summary.into(),
            cause: cause.map(|(c, m)| Cause { id: format!("{id}.{c}"), message: m.into() }),
            fix: cause
                .map(|_| Fix::new("Do the obvious thing, then run the check again.").doc("https://example.com/fix")),
            evidence: Evidence::default(),
            duration_ms: 12.5,
        }
    }

    /// key passes, stun fails with evidence, mic is skipped, datachannel warns with a pair.
    pub fn report() -> Report {
        let mut stun = result(
            CheckId::Stun,
            Status::Fail,
            "no reply from 1 STUN server",
            Some(("udp_blocked", "no reply from 1 STUN server")),
        );
        stun.evidence.detail("stun:198.51.100.1:3478", "no reply to 6 request(s)");
        stun.evidence.timing("dns stun.example", std::time::Duration::from_millis(3));
        let mut dc = result(
            CheckId::Datachannel,
            Status::Warn,
            "open; but slow",
            Some(("gathering_stalled", "gathering stalled")),
        );
        let local = Candidate::new(CandidateType::Host, Protocol::Tcp, "10.0.0.2:50000".parse().unwrap(), Side::Local);
        dc.evidence.selected_pair = Some(CandidatePair { local, remote: None });
        let results = vec![
            result(CheckId::Key, Status::Pass, "key works", None),
            stun,
            result(CheckId::Mic, Status::Skip, "no device <&> here", None),
            dc,
        ];
        let mut r = Report::new(
            Target {
                api: crate::report::VoiceApi::Realtime,
                base_url: "https://api.openai.com".into(),
                model: "gpt-realtime".into(),
            },
            std::time::SystemTime::UNIX_EPOCH,
            std::time::Duration::from_millis(1500),
            results,
        );
        r.verdict = Some(Verdict {
            rule: "stun_only".into(),
            stage: "STUN".into(),
            summary: "no STUN server answers".into(),
            fix: Fix::new("Allow UDP 3478."),
        });
        r
    }
}
