//! The JSON view: the report as is; its shape is `docs/report.schema.json`.

use super::Render;
use crate::report::Report;

pub struct Json;

impl Render for Json {
    fn render(&self, report: &Report) -> String {
        let mut s = serde_json::to_string_pretty(report).expect("a report always serialises");
        s.push('\n');
        s
    }
}
