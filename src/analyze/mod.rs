//! `realtime-doctor analyze FILE...`: what a user sends (an SDP offer or answer, a
//! `chrome://webrtc-internals` dump, a HAR file from the Network tab, a saved report or support
//! bundle) turned into the same Report a run makes, with causes, fixes and one verdict.
//!
//! Every input is read with a size limit before it is parsed (a gzip-compressed dump, as Chrome
//! saves it by default, is inflated under the same limit), and its kind is told from its content
//! (an SDP starts with `v=0`, RFC 8866 §5.1; a HAR has `log.entries`; a dump `PeerConnections`;
//! reports and bundles `schema_version`). Secrets found in the input (authorization headers,
//! cookies, keys and `ek_` tokens in bodies) are masked in everything rendered.

mod har;
mod internals;
mod sdp;

use crate::report::{AnalyzedFile, Report, Target};
use anyhow::{Context, Result, bail};
use std::io::Read;
use std::path::Path;

/// The largest input read: far beyond any SDP or report (a webrtc-internals dump of a long call is
/// a few MiB); a larger file is refused before it is read.
pub const MAX_INPUT: u64 = 16 << 20;

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    SdpOffer,
    SdpAnswer,
    /// A realtime-doctor report or support bundle.
    Report,
    Har,
    WebrtcInternals,
}

impl FileKind {
    pub fn words(self) -> &'static str {
        match self {
            FileKind::SdpOffer => "SDP offer",
            FileKind::SdpAnswer => "SDP answer",
            FileKind::Report => "realtime-doctor report",
            FileKind::Har => "HAR file",
            FileKind::WebrtcInternals => "webrtc-internals dump",
        }
    }
}

/// One input, read.
pub struct Input {
    /// As the user named it (`-` is standard input).
    pub name: String,
    pub text: String,
}

/// Read `path` (`-`: standard input), refusing more than [`MAX_INPUT`] bytes.
pub fn read(path: &Path) -> Result<Input> {
    let name = path.display().to_string();
    let mut bytes: Vec<u8> = Vec::new();
    if name == "-" {
        std::io::stdin().lock().take(MAX_INPUT + 1).read_to_end(&mut bytes).context("reading standard input")?;
    } else {
        let meta = std::fs::metadata(path).with_context(|| format!("reading {name}"))?;
        if meta.is_file() && meta.len() > MAX_INPUT {
            bail!(
                "{name} is {} bytes: larger than any SDP, report or dump this tool reads ({MAX_INPUT} at most)",
                meta.len()
            );
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut bytes))
            .with_context(|| format!("reading {name}"))?;
    }
    if bytes.len() as u64 > MAX_INPUT {
        bail!("{name} is larger than any SDP, report or dump this tool reads ({MAX_INPUT} bytes at most)");
    }
    // gzip (RFC 1952 magic 1f 8b): Chrome's webrtc-internals dump is compressed by default.
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut inflated = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).take(MAX_INPUT + 1).read_to_end(&mut inflated).map_err(|e| {
            anyhow::anyhow!("{name} is gzip-compressed but does not inflate ({e}): a truncated download?")
        })?;
        if inflated.len() as u64 > MAX_INPUT {
            bail!("{name} inflates to more than {MAX_INPUT} bytes: larger than any dump this tool reads");
        }
        bytes = inflated;
    }
    let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{name} is not text (not UTF-8)"))?;
    Ok(Input { name, text })
}

/// The kind of an input, from its content (and, for an SDP that does not say, its name).
pub fn detect(input: &Input) -> Result<FileKind> {
    let t = input.text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("v=0") {
        return sdp::role(&input.name, t).ok_or_else(|| {
            anyhow::anyhow!(
                "{}: an SDP without a=setup, so it does not say whether it is an offer or an answer: name the file *offer*.sdp or *answer*.sdp",
                input.name
            )
        });
    }
    if t.starts_with('{') {
        let v: serde_json::Value = serde_json::from_str(t).map_err(|e| {
            anyhow::anyhow!(
                "{} is not valid JSON ({e}): a truncated or edited file? Send the file as saved",
                input.name
            )
        })?;
        if v.get("schema_version").is_some() || v.get("report").is_some_and(|r| r.get("schema_version").is_some()) {
            return Ok(FileKind::Report);
        }
        if v.pointer("/log/entries").is_some() {
            return Ok(FileKind::Har);
        }
        if v.get("PeerConnections").is_some() {
            return Ok(FileKind::WebrtcInternals);
        }
        if v.get("error").is_some() {
            // An API error where SDP belongs: what an app passes to setRemoteDescription when it
            // does not check the status ("Failed to parse SessionDescription"). Judged as the SDP
            // it stands in for: the answer, unless the name says offer.
            return Ok(if input.name.to_ascii_lowercase().contains("offer") {
                FileKind::SdpOffer
            } else {
                FileKind::SdpAnswer
            });
        }
        bail!("{} is JSON, but not a report, bundle, HAR or webrtc-internals dump", input.name);
    }
    bail!(
        "{} is not something this tool reads: an SDP (starting with v=0), a webrtc-internals dump, a HAR file, a realtime-doctor report or bundle ({})",
        input.name,
        crate::net::http::describe_body(None, t)
    )
}

/// Analyze the inputs into one report.
pub fn analyze(paths: &[std::path::PathBuf]) -> Result<Report> {
    let started = std::time::SystemTime::now();
    let clock = std::time::Instant::now();
    let mut offer = None;
    let mut answer = None;
    let mut files = Vec::new();
    for p in paths {
        let input = read(p)?;
        let kind = detect(&input)?;
        files.push(AnalyzedFile { name: input.name.clone(), kind: kind.words().to_owned() });
        match kind {
            FileKind::SdpOffer if offer.is_none() => offer = Some(input),
            FileKind::SdpAnswer if answer.is_none() => answer = Some(input),
            FileKind::SdpOffer | FileKind::SdpAnswer => {
                bail!("{}: a second {}; give one offer and one answer (of the same call)", input.name, kind.words())
            }
            FileKind::Report => {
                if paths.len() > 1 {
                    bail!("{}: a report or bundle is shown on its own (realtime-doctor report show FILE)", input.name);
                }
                let mut report =
                    crate::report::load(&input.text).with_context(|| format!("{} cannot be shown", input.name))?.report;
                crate::verdict::complete(&mut report);
                return Ok(report);
            }
            FileKind::Har | FileKind::WebrtcInternals => {
                if paths.len() > 1 {
                    bail!("{}: a {} is analyzed on its own", input.name, kind.words());
                }
                let v: serde_json::Value = serde_json::from_str(input.text.trim_start_matches('\u{feff}'))
                    .with_context(|| format!("{} is not valid JSON", input.name))?;
                let mut secrets = crate::secret::Secrets::default();
                let (api, results) = if kind == FileKind::Har {
                    har::analyze(&v, &mut secrets).map_err(|e| anyhow::anyhow!("{}: {e}", input.name))?
                } else {
                    internals::analyze(&v, &mut secrets).map_err(|e| anyhow::anyhow!("{}: {e}", input.name))?
                };
                return Ok(finish(api, started, clock, results, files, &secrets));
            }
        }
    }
    let mut secrets = crate::secret::Secrets::default();
    for input in offer.iter().chain(answer.iter()) {
        crate::secret::find_secrets(&input.text, &mut secrets);
    }
    let result = sdp::check(offer.as_ref(), answer.as_ref());
    Ok(finish(Default::default(), started, clock, vec![result], files, &secrets))
}

/// The report of an analysis: nothing was called, so no base URL or model to name (the human view
/// names the files instead); the verdict from the results; every secret of the input masked.
fn finish(
    api: crate::report::VoiceApi,
    started: std::time::SystemTime,
    clock: std::time::Instant,
    results: Vec<crate::report::CheckResult>,
    files: Vec<AnalyzedFile>,
    secrets: &crate::secret::Secrets,
) -> Report {
    let target = Target { api, base_url: String::new(), model: String::new() };
    let mut report = Report::new(target, started, clock.elapsed(), results);
    report.analyzed = files;
    report.verdict = crate::verdict::diagnose(&report);
    secrets.redact_report(&mut report);
    report
}

/// A duration from milliseconds found in an input: negative, infinite or absurd values (a file
/// can say anything) are clamped, never a panic in `Duration::from_secs_f64`.
pub(crate) fn duration_ms(ms: f64) -> std::time::Duration {
    let secs = ms / 1000.0;
    if secs.is_finite() && secs > 0.0 {
        std::time::Duration::from_secs_f64(secs.min(86_400.0 * 365.0))
    } else {
        std::time::Duration::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The `n`-th node of `v` (depth first, wrapping) replaced by `with`.
    fn replace_nth(v: &mut Value, n: &mut usize, with: &Value) -> bool {
        if *n == 0 {
            *v = with.clone();
            return true;
        }
        *n -= 1;
        match v {
            Value::Array(a) => a.iter_mut().any(|x| replace_nth(x, n, with)),
            Value::Object(o) => o.values_mut().any(|x| replace_nth(x, n, with)),
            _ => false,
        }
    }

    #[test]
    fn prop_browser_exports_with_any_field_of_any_type_get_a_verdict() {
        use crate::testing::props;
        let har: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/analyze/healthy.har")).expect("fixture");
        let dump: Value = {
            let gz = include_bytes!("../../tests/fixtures/analyze/udp-blocked.webrtc_internals_dump.gz");
            let mut s = String::new();
            flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut s).expect("fixture");
            serde_json::from_str(&s).expect("fixture")
        };
        let scalars = prop_oneof_values();
        props::check("analyze-exports", (0usize..4000, 0usize..scalars.len(), 0usize..4000), |(at, pick, at2)| {
            for base in [&har, &dump] {
                let mut v = base.clone();
                replace_nth(&mut v, &mut at.clone(), &scalars[pick]);
                replace_nth(&mut v, &mut at2.clone(), &scalars[(pick + 1) % scalars.len()]);
                let mut secrets = crate::secret::Secrets::default();
                // Either a verdict or a reason: never a panic.
                let _ = har::analyze(&v, &mut secrets);
                let _ = internals::analyze(&v, &mut secrets);
            }
            Ok(())
        });
    }

    /// Drop every object entry whose key ends with `suffix`, anywhere in `v`.
    fn drop_keys(v: &mut Value, suffix: &str) {
        match v {
            Value::Object(o) => {
                o.retain(|k, _| !k.ends_with(suffix));
                o.values_mut().for_each(|x| drop_keys(x, suffix));
            }
            Value::Array(a) => a.iter_mut().for_each(|x| drop_keys(x, suffix)),
            _ => {}
        }
    }

    /// A dump with no DTLS statistic (an older browser, a cut dump) whose ICE never connected
    /// stopped at ICE: the missing statistic says nothing of a later stage.
    #[test]
    fn a_dump_without_dtls_statistics_stops_where_ice_did() {
        let gz = include_bytes!("../../tests/fixtures/analyze/ice-failure.webrtc_internals_dump.gz");
        let mut s = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut s).expect("fixture");
        let mut dump: Value = serde_json::from_str(&s).expect("fixture");
        drop_keys(&mut dump, "dtlsState");
        let (_, results) = internals::analyze(&dump, &mut crate::secret::Secrets::default()).expect("a dump");
        let dc = results.iter().find(|r| r.id == crate::report::CheckId::Datachannel).expect("datachannel");
        let cause = dc.cause.as_ref().map(|c| c.id.as_str());
        assert_eq!(cause, Some("datachannel.ice_stuck_checking"), "{dc:#?}");
    }

    #[test]
    fn durations_from_a_file_never_panic() {
        for ms in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -5.0, 1e308] {
            assert!(duration_ms(ms) <= std::time::Duration::from_secs(86_400 * 365), "{ms}");
        }
        assert_eq!(duration_ms(1500.0), std::time::Duration::from_millis(1500));
    }

    fn prop_oneof_values() -> Vec<Value> {
        vec![
            Value::Null,
            Value::from(-1),
            Value::from(1e308),
            Value::from(-1e308),
            Value::from(""),
            Value::from("[\"x\"]"),
            Value::from("{\"sdp\": 5}"),
            Value::from("v=0\r\nm=application 0 x y\r\n"),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([1, "a", null]),
        ]
    }
}
