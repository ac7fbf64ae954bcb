//! The JUnit XML view for CI: one test case per check; failures carry the cause and the fix.

use crate::report::{Report, Status};
use quick_junit::{NonSuccessKind, Report as JReport, TestCase, TestCaseStatus, TestSuite};
use std::time::Duration;

pub fn render(report: &Report, strict: bool) -> String {
    let mut suite = TestSuite::new("realtime-doctor");
    for r in &report.results {
        let evidence: String = r
            .evidence
            .details
            .iter()
            .map(|d| format!("{}: {}\n", d.name, d.value))
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
