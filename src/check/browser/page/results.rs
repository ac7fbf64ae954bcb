//! What the page POSTs back (`page.html`'s `R`). Every field is optional: a browser that lacks an
//! API (no Permissions API, no `selectedCandidatePairId`) leaves it out, and what is missing is
//! said as such, never guessed.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PageResults {
    pub user_agent: String,
    pub secure_context: bool,
    pub mic: Mic,
    pub call: Option<Call>,
    pub notes: Vec<String>,
    /// A wait of the page ended at the check's deadline, not at its own limit.
    pub cut_by_deadline: bool,
}

/// A DOMException as the page saw it (`NotAllowedError`, `NotFoundError`, ...).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct PageError {
    pub name: String,
    pub message: String,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() { write!(f, "{}", self.name) } else { write!(f, "{}: {}", self.name, self.message) }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Mic {
    /// `navigator.mediaDevices.getUserMedia` exists (it does only in a secure context).
    pub media_devices: bool,
    /// The Permissions API's state for "microphone" before asking: granted, denied, prompt.
    pub permission: Option<String>,
    /// ... and after a refusal (a dismissed prompt stays "prompt").
    pub permission_after: Option<String>,
    pub error: Option<PageError>,
    /// getUserMedia's time, prompt included.
    pub ms: Option<f64>,
    pub track: Option<Track>,
    /// The audio inputs' labels (empty labels before permission).
    pub devices: Option<Vec<String>>,
    pub level: Option<Level>,
    pub level_error: Option<PageError>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Track {
    pub label: String,
    pub muted: bool,
    pub muted_after: Option<bool>,
    pub enabled: bool,
    pub ready_state: String,
    pub sample_rate: Option<f64>,
    pub channel_count: Option<f64>,
    pub echo_cancellation: Option<bool>,
    pub noise_suppression: Option<bool>,
    pub auto_gain_control: Option<bool>,
}

/// WebAudio's view of the captured signal (full scale 1.0).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Level {
    pub peak: f64,
    pub rms: f64,
    pub samples: f64,
    pub context_state: String,
    pub sample_rate: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Call {
    /// Milliseconds from `new RTCPeerConnection` to each step the page reached.
    pub steps: BTreeMap<String, f64>,
    pub gathered: Vec<PageCandidate>,
    pub candidate_errors: Vec<CandidateError>,
    pub ice: Vec<StateAt>,
    pub connection: Vec<StateAt>,
    /// The types of the first events on oai-events.
    pub events: Vec<String>,
    pub error_event: Option<String>,
    /// Where the page stopped, when it did: peer, offer, answer, answer_applied.
    pub stopped_at: Option<String>,
    pub error: Option<PageError>,
    pub listen_only: bool,
    pub gathering_complete: Option<bool>,
    pub session_started: Option<serde_json::Value>,
    pub close_sent: bool,
    pub closed_reason: Option<String>,
    #[serde(rename = "final")]
    pub last: Option<FinalStates>,
    pub dtls_state: Option<String>,
    pub selected: Option<Selected>,
    pub stats_error: Option<PageError>,
}

impl Call {
    pub fn step(&self, name: &str) -> Option<f64> {
        self.steps.get(name).copied().filter(|v| v.is_finite() && *v >= 0.0)
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PageCandidate {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub protocol: Option<String>,
    pub address: Option<String>,
    pub port: Option<f64>,
    pub tcp_type: Option<String>,
    pub url: Option<String>,
    pub relay_protocol: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CandidateError {
    pub url: Option<String>,
    pub error_code: Option<f64>,
    pub error_text: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StateAt {
    pub state: String,
    pub ms: f64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FinalStates {
    pub ice: String,
    pub connection: String,
    pub channel: String,
    pub gathering: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Selected {
    pub local: Option<PageCandidate>,
    pub remote: Option<PageCandidate>,
    pub rtt_ms: Option<f64>,
}
