//! `realtime-doctor analyze FILE...`: what a user sends (an SDP offer or answer, a saved report or
//! support bundle) turned into the same Report a run makes, with causes, fixes and one verdict.
//!
//! Every input is read with a size limit before it is parsed, and its kind is told from its
//! content (an SDP starts with `v=0`, RFC 8866 §5.1; reports and bundles carry `schema_version`).
//! Files of a kind this version does not read are refused with their kind named, never guessed at.

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
pub enum Kind {
    SdpOffer,
    SdpAnswer,
    /// A realtime-doctor report or support bundle.
    Report,
    Har,
    WebrtcInternals,
}

impl Kind {
    pub fn words(self) -> &'static str {
        match self {
            Kind::SdpOffer => "SDP offer",
            Kind::SdpAnswer => "SDP answer",
            Kind::Report => "realtime-doctor report",
            Kind::Har => "HAR file",
            Kind::WebrtcInternals => "webrtc-internals dump",
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
    let mut bytes = Vec::new();
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
    let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{name} is not text (not UTF-8)"))?;
    Ok(Input { name, text })
}

/// The kind of an input, from its content (and, for an SDP that does not say, its name).
pub fn detect(input: &Input) -> Result<Kind> {
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
            return Ok(Kind::Report);
        }
        if v.pointer("/log/entries").is_some() {
            return Ok(Kind::Har);
        }
        if v.get("PeerConnections").is_some() {
            return Ok(Kind::WebrtcInternals);
        }
        if v.get("error").is_some() {
            // An API error where SDP belongs: what an app passes to setRemoteDescription when it
            // does not check the status ("Failed to parse SessionDescription"). Judged as the SDP
            // it stands in for: the answer, unless the name says offer.
            return Ok(if input.name.to_ascii_lowercase().contains("offer") {
                Kind::SdpOffer
            } else {
                Kind::SdpAnswer
            });
        }
        bail!("{} is JSON, but not a report, bundle, HAR or webrtc-internals dump", input.name);
    }
    bail!(
        "{} is not something this tool reads: an SDP (starting with v=0), a realtime-doctor report or bundle ({})",
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
            Kind::SdpOffer if offer.is_none() => offer = Some(input),
            Kind::SdpAnswer if answer.is_none() => answer = Some(input),
            Kind::SdpOffer | Kind::SdpAnswer => {
                bail!("{}: a second {}; give one offer and one answer (of the same call)", input.name, kind.words())
            }
            Kind::Report => {
                if paths.len() > 1 {
                    bail!("{}: a report or bundle is shown on its own (realtime-doctor report show FILE)", input.name);
                }
                let loaded =
                    crate::report::load(&input.text).with_context(|| format!("{} cannot be shown", input.name))?;
                return Ok(loaded.report);
            }
            Kind::Har | Kind::WebrtcInternals => bail!(
                "{} is a {}: this version does not read those yet; ask for the SDP offer and answer (the webrtc-internals page shows both), or for a realtime-doctor bundle",
                input.name,
                kind.words()
            ),
        }
    }
    let result = sdp::check(offer.as_ref(), answer.as_ref());
    // Nothing was called: no base URL or model to name (the human view names the files instead).
    let target = Target { api: Default::default(), base_url: String::new(), model: String::new() };
    let mut report = Report::new(target, started, clock.elapsed(), vec![result]);
    report.analyzed = files;
    report.verdict = crate::verdict::diagnose(&report);
    Ok(report)
}
