//! The report model: what every check returns and what every renderer reads.
//!
//! These types are the JSON contract (`docs/report.schema.json` is generated from them and a test
//! fails when the two differ), so they never hold library types from reqwest, webrtc or stun-rs.

mod check_id;
mod load;
mod redact;
mod status;

pub use load::{LoadError, Loaded, load};
pub use status::Status;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Bumped whenever the shape of [`Report`] changes incompatibly. 3: the selected candidate pair
/// is a structure (`evidence.selected_pair`), no longer a `selected_pair` detail line. 6: the
/// `voice` check (its timing phase `first_audio` is the time to first audio).
pub const SCHEMA_VERSION: u32 = 6;

pub use check_id::CheckId;
pub(crate) use check_id::checks;

/// A suggested fix: what to do, and where the vendor documents it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fix {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
}

impl Fix {
    pub fn new(text: impl Into<String>) -> Self {
        Fix { text: text.into(), doc: None }
    }
    pub fn doc(mut self, url: &str) -> Self {
        self.doc = Some(url.to_owned());
        self
    }
}

/// Why a check did not pass: a stable machine id (`key.insufficient_quota`) and a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cause {
    pub id: String,
    pub message: String,
}

/// One named fact a check observed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detail {
    pub name: String,
    pub value: String,
}

/// Time spent in one phase, in milliseconds (fractional: loopback phases take well under 1 ms).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    pub phase: String,
    pub ms: f64,
}

/// ICE candidate types (RFC 8445 §5.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CandidateType {
    Host,
    Srflx,
    Prflx,
    Relay,
}

impl CandidateType {
    pub fn as_str(self) -> &'static str {
        match self {
            CandidateType::Host => "host",
            CandidateType::Srflx => "srflx",
            CandidateType::Prflx => "prflx",
            CandidateType::Relay => "relay",
        }
    }
}

/// The transport protocol of a candidate (RFC 8445 for UDP, RFC 6544 for TCP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Udp,
    Tcp,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Udp => "udp",
            Protocol::Tcp => "tcp",
        }
    }
}

/// Whose candidate: gathered here, or the peer's (from the answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Local,
    Remote,
}

/// An ICE candidate seen locally (gathered) or remotely (in the answer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    #[serde(rename = "type")]
    pub kind: CandidateType,
    pub protocol: Protocol,
    pub address: String,
    pub port: u16,
    pub side: Side,
    /// Where it came from: a STUN/TURN server URL, or the SDP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// An ICE-TCP candidate's role (RFC 6544 section 4.5): `active` connects out (its port is the
    /// placeholder 9), `passive` listens, `so` does both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp_type: Option<String>,
}

impl Candidate {
    pub fn new(kind: CandidateType, protocol: Protocol, addr: std::net::SocketAddr, side: Side) -> Candidate {
        Candidate {
            kind,
            protocol,
            address: addr.ip().to_string(),
            port: addr.port(),
            side,
            source: None,
            tcp_type: None,
        }
    }

    pub fn from(mut self, source: impl Into<String>) -> Candidate {
        self.source = Some(source.into());
        self
    }
}

impl std::fmt::Display for Candidate {
    /// `host udp 10.0.0.2:50000`, as webrtc-internals names candidates.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, proto) = (self.kind.as_str(), self.protocol.as_str());
        if self.address.contains(':') {
            write!(f, "{kind} {proto} [{}]:{}", self.address, self.port)?;
        } else {
            write!(f, "{kind} {proto} {}:{}", self.address, self.port)?;
        }
        match &self.tcp_type {
            Some(t) => write!(f, " tcptype {t}"),
            None => Ok(()),
        }
    }
}

/// The candidate pair ICE selected: what media actually flows over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CandidatePair {
    pub local: Candidate,
    /// Absent when the peer's statistics do not name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<Candidate>,
}

/// Everything a check observed, whatever its verdict.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    #[serde(default)]
    pub details: Vec<Detail>,
    #[serde(default)]
    pub timings: Vec<Timing>,
    #[serde(default)]
    pub candidates: Vec<Candidate>,
    /// The pair ICE selected, when a connection was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_pair: Option<CandidatePair>,
    /// Texts worth keeping for support (the offer and answer SDPs), already redacted: ICE
    /// credentials and DTLS fingerprints never enter a report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub artifacts: Vec<Artifact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Artifact {
    pub name: String,
    pub content: String,
}

impl Evidence {
    pub fn detail(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.details.push(Detail { name: name.into(), value: value.into() });
    }

    pub fn timing(&mut self, phase: impl Into<String>, elapsed: std::time::Duration) {
        self.timings.push(Timing { phase: phase.into(), ms: round_ms(elapsed) });
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.details.iter().find(|d| d.name == name).map(|d| d.value.as_str())
    }
}

/// Milliseconds with 0.1 ms resolution: enough for loopback, stable in JSON.
pub fn round_ms(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckResult {
    pub id: CheckId,
    pub title: String,
    pub status: Status,
    /// One line a person reads first.
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    pub evidence: Evidence,
    pub duration_ms: f64,
}

/// What was checked: the API, the endpoint and the model the checks ran against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Reports before schema 4 checked only the Realtime API.
    #[serde(default)]
    pub api: VoiceApi,
    pub base_url: String,
    pub model: String,
}

/// Which of OpenAI's voice APIs over WebRTC a run checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VoiceApi {
    /// The Realtime API, GA shapes: `/v1/realtime/client_secrets`, `/v1/realtime/calls`.
    #[default]
    Realtime,
    /// The Realtime API's retired beta shapes: `/v1/realtime/sessions`, `/v1/realtime?model=`.
    RealtimeBeta,
    /// GPT-Live: `POST /v1/live/sessions`, JSON both ways.
    Live,
}

impl VoiceApi {
    /// The name a user knows it by.
    pub fn name(self) -> &'static str {
        match self {
            VoiceApi::Realtime => "Realtime API",
            VoiceApi::RealtimeBeta => "Realtime API (beta)",
            VoiceApi::Live => "GPT-Live",
        }
    }

    /// The endpoint an app POSTs its SDP offer to.
    pub fn offer_path(self) -> &'static str {
        match self {
            VoiceApi::Realtime | VoiceApi::RealtimeBeta => "/v1/realtime/calls",
            VoiceApi::Live => "/v1/live/sessions",
        }
    }
}

impl std::fmt::Display for VoiceApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Default for Tool {
    fn default() -> Self {
        Tool { name: env!("CARGO_PKG_NAME").into(), version: env!("CARGO_PKG_VERSION").into() }
    }
}

/// How many results ended in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub pass: u32,
    pub warn: u32,
    pub fail: u32,
    pub skip: u32,
}

impl Counts {
    pub fn of(results: &[CheckResult]) -> Counts {
        let mut c = Counts::default();
        for r in results {
            match r.status {
                Status::Pass => c.pass += 1,
                Status::Warn => c.warn += 1,
                Status::Fail => c.fail += 1,
                Status::Skip => c.skip += 1,
            }
        }
        c
    }
}

/// The diagnosis of a whole run (see the `verdict` module): the stage that failed first, why, and the fix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// The rule that matched (stable id).
    pub rule: String,
    /// key, token, network (HTTPS), SDP, ICE, DTLS, data channel, session, TURN, STUN, microphone.
    pub stage: String,
    pub summary: String,
    pub fix: Fix,
}

/// One run of the tool: built once, rendered as human text, JSON or JUnit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    /// RFC 3339, UTC.
    pub started_at: String,
    pub duration_ms: f64,
    /// The worst status of all results (Skip < Pass < Warn < Fail).
    pub status: Status,
    pub counts: Counts,
    pub target: Target,
    pub results: Vec<CheckResult>,
    /// Absent when nothing failed or warned (and in schema 1 reports, which predate it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// `analyze`: the files the results come from (schema 5); absent for a run of the checks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analyzed: Vec<AnalyzedFile>,
}

/// A file `analyze` read, and what it was taken for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalyzedFile {
    /// As the user named it (`-` is standard input).
    pub name: String,
    /// "SDP offer", "SDP answer", ...
    pub kind: String,
}

impl Report {
    pub fn new(
        target: Target,
        started_at: std::time::SystemTime,
        duration: std::time::Duration,
        results: Vec<CheckResult>,
    ) -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: Tool::default(),
            started_at: humantime::format_rfc3339_millis(started_at).to_string(),
            duration_ms: round_ms(duration),
            status: Status::overall(results.iter().map(|r| r.status)),
            counts: Counts::of(&results),
            target,
            results,
            verdict: None,
            analyzed: Vec::new(),
        }
    }

    /// The exit code this report stands for: 1 when a check failed (or warned, with `strict`).
    pub fn exit_code(&self, strict: bool) -> i32 {
        match self.status {
            Status::Fail => 1,
            Status::Warn if strict => 1,
            _ => 0,
        }
    }
}
