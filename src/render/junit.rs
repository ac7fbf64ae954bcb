//! The JUnit XML view for CI: one test case per check; failures carry the cause and the fix.

use super::Render;
use crate::report::{Report, Status};
use quick_junit::{NonSuccessKind, Report as JReport, TestCase, TestCaseStatus, TestSuite};
use std::time::Duration;

pub struct Junit {
    /// Warnings are failures (`--strict`).
    pub strict: bool,
}

impl Render for Junit {
    fn render(&self, report: &Report) -> String {
        render(report, self.strict)
    }
}

fn render(report: &Report, strict: bool) -> String {
    let mut suite = TestSuite::new("realtime-doctor");
    for r in &report.results {
        let evidence: String = r
            .evidence
            .details
            .iter()
            .map(|d| format!("{}: {}\n", d.name, d.value))
            .chain(r.evidence.selected_pair.iter().map(|p| format!("selected pair: {}\n", super::human::pair(p))))
            .chain(r.evidence.timings.iter().map(|t| format!("{} ms: {}\n", t.phase, t.ms)))
            .collect();
        let fix = r.fix.as_ref().map(|f| match &f.doc {
            Some(doc) => format!("fix: {} ({doc})", f.text),
            None => format!("fix: {}", f.text),
        });
        let message = match &fix {
            Some(fix) => format!("{} | {fix}", r.summary),
            None => r.summary.clone(),
        };
        let failing = r.status == Status::Fail || (strict && r.status == Status::Warn);
        let status = if failing {
            let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
            s.set_message(message.clone());
            if let Some(c) = &r.cause {
                s.set_type(c.id.clone());
            }
            s.set_description(format!("{message}\n{evidence}"));
            s
        } else if r.status == Status::Skip {
            let mut s = TestCaseStatus::skipped();
            s.set_message(r.summary.clone());
            s
        } else {
            TestCaseStatus::success()
        };
        let mut case = TestCase::new(r.id.as_str(), status);
        case.set_classname(format!("realtime-doctor.{}", r.id));
        case.set_time(Duration::from_secs_f64(r.duration_ms / 1000.0));
        let out = format!("{}: {}\n{}", r.status, message, evidence);
        case.set_system_out(out);
        suite.add_test_case(case);
    }
    if let Some(v) = &report.verdict {
        suite.set_system_out(format!("verdict [{}] {}\nfix: {}\n", v.stage, v.summary, v.fix.text));
    }
    let mut jr = JReport::new("realtime-doctor");
    jr.set_time(Duration::from_secs_f64(report.duration_ms / 1000.0));
    jr.add_test_suite(suite);
    jr.to_string().expect("JUnit serialisation")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(xml: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
        doc.descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .map(|c| {
                let child = c.children().find(|n| n.is_element() && !n.has_tag_name("system-out"));
                (
                    c.attribute("name").unwrap().to_owned(),
                    child.map(|n| n.tag_name().name().to_owned()),
                    child.and_then(|n| n.attribute("type").or(n.attribute("message")).map(str::to_owned)),
                )
            })
            .collect()
    }

    #[test]
    fn one_case_per_check_with_failures_skips_and_the_verdict() {
        let report = crate::render::sample::report();
        let xml = Junit { strict: false }.render(&report);
        let cases = parse(&xml);
        let names: Vec<&str> = cases.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(names, ["key", "stun", "mic", "datachannel"]);
        assert_eq!(cases[0].1, None, "a pass has no child: {xml}");
        assert_eq!((cases[1].1.as_deref(), cases[1].2.as_deref()), (Some("failure"), Some("stun.udp_blocked")));
        assert_eq!((cases[2].1.as_deref(), cases[2].2.as_deref()), (Some("skipped"), Some("no device <&> here")));
        assert_eq!(cases[3].1, None, "a warning passes unless --strict");
        assert!(xml.contains("selected pair: host tcp 10.0.0.2:50000"), "{xml}");
        assert!(xml.contains("verdict [STUN] no STUN server answers"), "{xml}");
        let strict = parse(&Junit { strict: true }.render(&report));
        assert_eq!(strict[3].1.as_deref(), Some("failure"));
    }
}
