//! Reading a saved report or support bundle back: any schema this tool has written, upgraded to
//! the current one; anything else refused with the reason, never misread and never a panic.
//! Loading only reads: a report saved without a verdict (schema 1 predates it) gets one from the
//! caller (`verdict::diagnose`), which knows the rules.

use super::{Candidate, CandidatePair, CandidateType, Protocol, Report, SCHEMA_VERSION, Side};
use serde_json::Value;

/// Larger than any report (a few hundred kilobytes with SDPs): a file beyond this is not one.
pub const MAX_SIZE: usize = 16 << 20;

/// A report read back, and the whole bundle when the file was one.
#[derive(Debug)]
pub struct Loaded {
    pub report: Report,
    pub bundle: Option<Value>,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("it is {0} bytes: larger than any report ({MAX_SIZE} bytes at most)")]
    TooLarge(usize),
    #[error("it is not JSON ({0})")]
    NotJson(String),
    #[error("it is a support bundle without a report")]
    BundleWithoutReport,
    #[error("it is not a realtime-doctor report: no schema_version")]
    NoSchema,
    #[error("it has report schema 0: not a realtime-doctor report")]
    SchemaZero,
    #[error("it has report schema {0}, newer than this tool's {SCHEMA_VERSION}: upgrade realtime-doctor to read it")]
    Newer(u64),
    #[error("it does not match report schema {version} ({error})")]
    Shape { version: u64, error: String },
}

/// Parse `text` as a report or a bundle, upgrading older schemas.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    if text.len() > MAX_SIZE {
        return Err(LoadError::TooLarge(text.len()));
    }
    let whole: Value = serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let bundle = whole.get("bundle_version").is_some();
    let mut value =
        if bundle { whole.get("report").cloned().ok_or(LoadError::BundleWithoutReport)? } else { whole.clone() };
    let version = value.get("schema_version").and_then(Value::as_u64).ok_or(LoadError::NoSchema)?;
    match version {
        0 => return Err(LoadError::SchemaZero),
        v if v > u64::from(SCHEMA_VERSION) => return Err(LoadError::Newer(v)),
        v if v < 3 => upgrade_pairs(&mut value),
        _ => {}
    }
    let report: Report =
        serde_json::from_value(value).map_err(|e| LoadError::Shape { version, error: e.to_string() })?;
    Ok(Loaded { report, bundle: bundle.then_some(whole) })
}

/// Schema 2 and older wrote the selected pair as a detail line (`host udp 10.0.0.2:5 -> ...`) and
/// repeated its candidates with the source "selected pair": make it the structure it is now.
fn upgrade_pairs(report: &mut Value) {
    let Some(results) = report.get_mut("results").and_then(Value::as_array_mut) else { return };
    for r in results {
        let Some(ev) = r.get_mut("evidence").and_then(Value::as_object_mut) else { continue };
        let line = ev.get_mut("details").and_then(Value::as_array_mut).and_then(|details| {
            let i = details.iter().position(|d| d.get("name").and_then(Value::as_str) == Some("selected_pair"))?;
            details.remove(i).get("value").and_then(Value::as_str).map(str::to_owned)
        });
        if let Some(cands) = ev.get_mut("candidates").and_then(Value::as_array_mut) {
            cands.retain(|c| c.get("source").and_then(Value::as_str) != Some("selected pair"));
        }
        if let Some(pair) = line.as_deref().and_then(parse_pair).and_then(|p| serde_json::to_value(p).ok()) {
            ev.insert("selected_pair".into(), pair);
        }
    }
}

/// `host udp 10.0.0.2:50000 -> relay udp 203.0.113.5:3478` (or `-> the answer's candidate`).
fn parse_pair(line: &str) -> Option<CandidatePair> {
    let (local, remote) = line.split_once(" -> ").unwrap_or((line, ""));
    Some(CandidatePair { local: parse_side(local, Side::Local)?, remote: parse_side(remote, Side::Remote) })
}

fn parse_side(text: &str, side: Side) -> Option<Candidate> {
    let mut f = text.split_whitespace();
    let kind = match f.next()? {
        "host" => CandidateType::Host,
        "srflx" | "serverreflexive" => CandidateType::Srflx,
        "prflx" | "peerreflexive" => CandidateType::Prflx,
        "relay" => CandidateType::Relay,
        _ => return None,
    };
    let protocol = match f.next()? {
        "udp" => Protocol::Udp,
        "tcp" => Protocol::Tcp,
        _ => return None,
    };
    let (address, port) = f.next()?.rsplit_once(':')?;
    let address = address.trim_start_matches('[').trim_end_matches(']').to_owned();
    Some(Candidate { kind, protocol, address, port: port.parse().ok()?, side, source: None, tcp_type: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::props;
    use proptest::prelude::*;

    const EXAMPLES: [&str; 2] =
        [include_str!("../../examples/support-bundle.json"), include_str!("../../examples/report-schema1.json")];

    #[test]
    fn older_schemas_are_upgraded() {
        for text in EXAMPLES {
            let loaded = load(text).unwrap();
            // Before schema 4 only the Realtime API was checked.
            assert_eq!(loaded.report.target.api, crate::report::VoiceApi::Realtime);
        }
        let pair = parse_pair("host udp 127.0.0.1:39383 -> the answer's candidate").unwrap();
        assert_eq!((pair.local.port, pair.local.protocol, pair.remote), (39383, Protocol::Udp, None));
        let pair = parse_pair("relay tcp ::1:5000 -> host udp 203.0.113.5:3478").unwrap();
        assert_eq!(pair.local.address, "::1");
        assert_eq!(pair.remote.unwrap().to_string(), "host udp 203.0.113.5:3478");
    }

    #[test]
    fn what_is_not_a_report_is_refused_with_the_reason() {
        for (text, want) in [
            ("<html>", "not JSON"),
            ("{}", "no schema_version"),
            (r#"{"schema_version": 0}"#, "schema 0"),
            (r#"{"schema_version": 999, "results": []}"#, "newer than this tool"),
            (r#"{"schema_version": 3, "results": 7}"#, "does not match report schema 3"),
            (r#"{"bundle_version": 1}"#, "without a report"),
        ] {
            let e = load(text).unwrap_err().to_string();
            assert!(e.contains(want), "{text}: {e}");
        }
    }

    /// Arbitrary text, and the committed examples with a byte changed, cut short or a value
    /// swapped: a report, or a refusal, never a panic.
    #[test]
    fn prop_saved_reports_never_crash_the_reader() {
        props::check("report text", ".{0,200}", |text| {
            let _ = load(&text);
            Ok(())
        });
        let mutated = (0..EXAMPLES.len(), any::<prop::sample::Index>(), any::<u8>(), any::<bool>());
        props::check("mutated report", mutated, |(which, at, byte, cut)| {
            let bytes = EXAMPLES[which].as_bytes();
            let i = at.index(bytes.len());
            let mut b = bytes.to_vec();
            if cut {
                b.truncate(i);
            } else {
                b[i] = byte;
            }
            if let Ok(text) = String::from_utf8(b) {
                let _ = load(&text);
            }
            Ok(())
        });
        let values = props::json_value();
        props::check("report with odd values", values, |v| {
            let mut base: Value = serde_json::from_str(EXAMPLES[0]).unwrap();
            base["report"]["results"][0]["evidence"] = v.clone();
            base["report"]["results"][1] = v;
            let _ = load(&base.to_string());
            Ok(())
        });
    }
}
