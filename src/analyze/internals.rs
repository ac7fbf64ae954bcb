//! A `chrome://webrtc-internals` dump ("Download the webrtc-internals dump"): per peer
//! connection, the page's `url`, its `rtcConfiguration`, an `updateLog` of API calls and events
//! (`{type, value, timestamp}`) and `stats` as `"<stats id>-<property>"` series whose `values` are
//! JSON text. Judged as the sdp and datachannel checks judge their own peer: the offer and answer,
//! the data channel's place before createOffer, gathering, the ICE timeline, the selected pair and
//! the channel's state.

use crate::check::path::{AnswerUdp, Leg, MediaPath};
use crate::check::signal::{CallCause, judge_answer};
use crate::check::stage::{Progress, Stage, Stopped};
use crate::check::{Diagnosis, Outcome};
use crate::peer::sdp;
use crate::report::CheckId;
use crate::report::{Artifact, Candidate, CandidatePair, CandidateType, CheckResult, Protocol, Side, Status, VoiceApi};
use crate::secret::Secrets;
use serde_json::Value;
use std::time::Duration;

/// One `updateLog` line.
struct Update {
    ms: f64,
    kind: String,
    value: String,
}

/// A peer connection of the dump.
struct Pc<'a> {
    id: String,
    url: String,
    config: String,
    log: Vec<Update>,
    stats: &'a serde_json::Map<String, Value>,
}

impl Pc<'_> {
    fn first(&self, kind: &str) -> Option<&Update> {
        self.log.iter().find(|u| u.kind == kind)
    }
    fn last(&self, kind: &str) -> Option<&Update> {
        self.log.iter().rev().find(|u| u.kind == kind)
    }
    /// Milliseconds since the connection's first logged call.
    fn at(&self, u: &Update) -> Duration {
        let t0 = self.log.first().map_or(u.ms, |f| f.ms);
        super::duration_ms(u.ms - t0)
    }
    /// The SDP in a `{type, sdp}` value.
    fn sdp_of(&self, kind: &str) -> Option<String> {
        let v: Value = serde_json::from_str(&self.last(kind)?.value).ok()?;
        v.get("sdp").and_then(|s| s.as_str()).map(str::to_owned)
    }
    /// The last sample of a stats series (`values` is JSON text of an array).
    fn stat(&self, key: &str) -> Option<Value> {
        let series = self.stats.get(key)?;
        let values: Value = match series.get("values")? {
            Value::String(s) => serde_json::from_str(s).ok()?,
            other => other.clone(),
        };
        values.as_array()?.last().cloned()
    }
    fn stat_str(&self, key: &str) -> Option<String> {
        self.stat(key).and_then(|v| v.as_str().map(str::to_owned))
    }
    /// Stats ids of a type (`statsType` of the series).
    fn ids_of(&self, stats_type: &str) -> Vec<String> {
        let mut ids: Vec<String> = self
            .stats
            .iter()
            .filter(|(_, s)| s.get("statsType").and_then(|t| t.as_str()) == Some(stats_type))
            .filter_map(|(k, _)| k.rsplit_once('-').map(|(id, _)| id.to_owned()))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
    /// A state change event's states in order (values are JSON strings in newer Chrome).
    fn states(&self, kind: &str) -> Vec<(&Update, String)> {
        self.log.iter().filter(|u| u.kind == kind).map(|u| (u, u.value.trim().trim_matches('"').to_owned())).collect()
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn peer_connections(v: &Value) -> Result<Vec<Pc<'_>>, String> {
    let pcs = v
        .get("PeerConnections")
        .and_then(|p| p.as_object())
        .ok_or("no PeerConnections: not a webrtc-internals dump")?;
    static EMPTY: std::sync::OnceLock<serde_json::Map<String, Value>> = std::sync::OnceLock::new();
    let mut out: Vec<Pc> = pcs
        .iter()
        .map(|(id, pc)| Pc {
            id: id.clone(),
            url: pc.get("url").map(text).unwrap_or_default(),
            config: pc.get("rtcConfiguration").map(text).unwrap_or_default(),
            log: pc
                .get("updateLog")
                .and_then(|l| l.as_array())
                .map(|l| {
                    l.iter()
                        .map(|u| Update {
                            // `timestamp` in current Chrome, `time` (a date text) in older dumps.
                            ms: u.get("timestamp").and_then(|t| t.as_f64()).unwrap_or(0.0),
                            kind: u.get("type").map(text).unwrap_or_default(),
                            value: u.get("value").map(text).unwrap_or_default(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            stats: pc.get("stats").and_then(|s| s.as_object()).unwrap_or_else(|| EMPTY.get_or_init(Default::default)),
        })
        .collect();
    // The most recent connection last: the attempt the user reports.
    out.sort_by(|a, b| {
        let t = |p: &Pc| p.log.first().map_or(0.0, |u| u.ms);
        t(a).total_cmp(&t(b))
    });
    Ok(out)
}

/// Everything secret the dump quotes: TURN credentials in the configuration, ICE passwords in the
/// SDPs, keys or tokens anywhere.
fn collect_secrets(pcs: &[Pc], secrets: &mut Secrets) {
    for pc in pcs {
        crate::secret::find_secrets(&pc.config, secrets);
        crate::secret::find_secrets(&pc.url, secrets);
        if let Ok(cfg) = serde_json::from_str::<Value>(&pc.config) {
            for server in cfg.get("iceServers").and_then(|s| s.as_array()).into_iter().flatten() {
                if let Some(c) = server.get("credential").and_then(|c| c.as_str()) {
                    secrets.add(c);
                }
            }
        }
        for u in &pc.log {
            crate::secret::find_secrets(&u.value, secrets);
            for line in u.value.split("\\r\\n").flat_map(|l| l.split("\r\n")) {
                if let Some(pwd) = line.strip_prefix("a=ice-pwd:") {
                    secrets.add(pwd.trim());
                }
            }
        }
    }
}

pub fn analyze(v: &Value, secrets: &mut Secrets) -> Result<(VoiceApi, Vec<CheckResult>), String> {
    let pcs = peer_connections(v)?;
    collect_secrets(&pcs, secrets);
    let Some(pc) = pcs.last() else {
        let mut out = Outcome::new(CheckId::Sdp);
        if let Some(g) = v.get("getUserMedia").and_then(|g| g.as_array()) {
            out.evidence.detail("getUserMedia", format!("{} request(s) logged", g.len()));
        }
        return Ok((
            VoiceApi::Realtime,
            vec![out.skip(
                "the page created no RTCPeerConnection: the call stopped before WebRTC (the app's token request is the usual place; a HAR file shows it)",
            )],
        ));
    };
    // A dump does not say which API the page called; the Realtime API's words are used.
    let api = VoiceApi::Realtime;
    let mut sdp_out = Outcome::new(CheckId::Sdp);
    let ev = &mut sdp_out.evidence;
    ev.detail("page", &pc.url);
    ev.detail("peer_connection", format!("{} (the most recent of {})", pc.id, pcs.len()));
    ev.detail("rtc_configuration", ice_servers(&pc.config));
    if let Some(ua) = v.get("UserAgent").map(text) {
        ev.detail("browser", ua);
    }
    let leg = selected_pair(pc).map(|(p, _)| Leg::of(&p, relay_protocol(pc).as_deref()));
    let sdp_result = sdp_stage(pc, sdp_out, leg);
    let answered = pc.first("setRemoteDescriptionOnSuccess").is_some();
    // When the dump was taken: how long a state lasted, at least.
    let dumped = v.get("timestamp").and_then(|t| t.as_f64());
    let channel = if answered {
        channel_stage(pc, dumped)
    } else {
        Outcome::new(CheckId::Datachannel).skip("not run: no answer was set, so no connection was attempted")
    };
    Ok((api, vec![sdp_result, channel]))
}

/// The configured ICE servers, without credentials.
fn ice_servers(config: &str) -> String {
    let Ok(cfg) = serde_json::from_str::<Value>(config) else {
        return config.to_owned();
    };
    let urls: Vec<String> = cfg
        .get("iceServers")
        .and_then(|s| s.as_array())
        .into_iter()
        .flatten()
        .flat_map(|s| match s.get("urls") {
            Some(Value::Array(a)) => a.iter().map(text).collect::<Vec<_>>(),
            Some(u) => vec![text(u)],
            None => Vec::new(),
        })
        .collect();
    let policy = cfg.get("iceTransportPolicy").map(text).unwrap_or_else(|| "all".into());
    if urls.is_empty() {
        format!("no ICE servers (as OpenAI's SDKs), iceTransportPolicy {policy}")
    } else {
        format!("iceServers {}, iceTransportPolicy {policy}", urls.join(", "))
    }
}

/// The offer and answer: the offer's rules (its data channel created before createOffer, as the
/// log's order proves), whether it was sent before gathering finished, and the answer as set.
fn sdp_stage(pc: &Pc, mut out: Outcome, leg: Option<Leg>) -> CheckResult {
    let mut findings: Vec<CallCause> = Vec::new();
    let offer = pc.sdp_of("setLocalDescription").or_else(|| pc.sdp_of("createOfferOnSuccess"));
    if let Some(o) = &offer {
        out.evidence.artifacts.push(Artifact { name: "offer.sdp".into(), content: sdp::redacted(o) });
        let media: Vec<String> = sdp::media(o).iter().map(|m| m.kind.clone()).collect();
        out.evidence.detail("offer", format!("{} (as created; candidates trickle in afterwards)", media.join(" + ")));
        // Chrome logs the offer as created, before gathering: candidates are judged by time.
        findings.extend(super::sdp::judge_offer(o).into_iter().filter(|c| !matches!(c, CallCause::OfferNoCandidates)));
    }
    if let (Some(offer_at), Some(channel_at)) = (pc.first("createOffer"), pc.first("createDataChannel"))
        && channel_at.ms > offer_at.ms
    {
        out.evidence.detail(
            "createDataChannel",
            format!(
                "at {:.0} ms, after createOffer at {:.0} ms",
                pc.at(channel_at).as_secs_f64() * 1000.0,
                pc.at(offer_at).as_secs_f64() * 1000.0
            ),
        );
    }
    let gathered = pc.states("onicegatheringstatechange").into_iter().find(|(_, s)| s == "complete").map(|(u, _)| u.ms);
    if let Some(set) = pc.first("setRemoteDescription") {
        out.evidence.timing("answer set", pc.at(set));
        if gathered.is_none_or(|g| g > set.ms) {
            // The answer came before gathering ended: the offer that was sent lacked candidates.
            findings.push(CallCause::OfferNoCandidates);
        }
    }
    if let Some(fail) = pc.last("setRemoteDescriptionOnFailure") {
        findings.push(remote_failure(&fail.value));
    } else if let Some(answer) = pc.sdp_of("setRemoteDescription") {
        findings.extend(answer_findings(&answer, leg, &mut out));
    } else if offer.is_some() {
        return out.diagnose(
            &CallCause::BlockedByBrowser {
                request: "the SDP offer".into(),
                why: "the page never set an answer (the request failed, or the page gave up)".into(),
            },
            None,
        );
    }
    let fail = findings.iter().position(|c| c.status() == Status::Fail);
    let main = fail.or((!findings.is_empty()).then_some(0));
    for (i, c) in findings.iter().enumerate() {
        if Some(i) != main {
            out.evidence.detail("also", c.to_string());
        }
    }
    match main {
        Some(i) if findings[i].status() == Status::Fail => out.diagnose(&findings[i], None),
        w => out.pass_or_warn("the offer and the answer were set".to_owned(), w.map(|i| &findings[i])),
    }
}

/// The answer the page set, into the evidence, and what is wrong with it. The SDP stage judges the
/// answer; how media ran over TCP is the channel stage's (`leg`: how it ran).
fn answer_findings(answer: &str, leg: Option<Leg>, out: &mut Outcome) -> Vec<CallCause> {
    out.evidence.artifacts.push(Artifact { name: "answer.sdp".into(), content: sdp::redacted(answer) });
    for c in sdp::candidates(answer) {
        out.evidence.candidates.push(c.to_report(Side::Remote, Some("answer".into())));
    }
    if let Err(c) = judge_answer(answer) {
        return vec![c];
    }
    let media_udp = leg.filter(|l| !l.over_tcp());
    if media_udp.is_some() && AnswerUdp::of_sdp(answer) == AnswerUdp::Missing {
        // The server's own checks taught the browser a peer-reflexive UDP candidate.
        out.evidence.detail("answer_udp", "the answer has no UDP candidate, but media runs over UDP (a peer-reflexive candidate learned from the server's checks)");
    }
    super::sdp::answer_warnings(answer, media_udp)
}

/// What setRemoteDescription refused: an API error passed on as SDP shows its JSON in Chrome's
/// message ("Failed to parse SessionDescription. {...} Expect line: v=").
fn remote_failure(text: &str) -> CallCause {
    if let (Some(start), Some(end)) = (text.find('{'), text.rfind('}'))
        && start < end
        && let Ok(v) = serde_json::from_str::<Value>(&text[start..=end])
        && let Some(e) = v.get("error")
    {
        let message = e.get("message").map(text_of).unwrap_or_default();
        let code = e.get("code").map(text_of).filter(|c| !c.is_empty() && c != "null");
        return CallCause::ErrorAsAnswer { message: code.map_or(message.clone(), |c| format!("{message} ({c})")) };
    }
    if text.contains("Expect line: v=") {
        return CallCause::UnparseableAnswer(text.trim().chars().take(300).collect());
    }
    CallCause::BadAnswer(text.trim().chars().take(300).collect())
}

fn text_of(v: &Value) -> String {
    text(v)
}

/// ICE, DTLS and the data channel, from the state changes and the last stats sample.
fn channel_stage(pc: &Pc, dumped: Option<f64>) -> CheckResult {
    let mut out = Outcome::new(CheckId::Datachannel);
    let relay = gathered(pc, &mut out);
    let ice = pc.states("oniceconnectionstatechange");
    for (u, s) in &ice {
        out.evidence.timing(format!("ice {s}"), pc.at(u));
    }
    let timeline: Vec<String> = ice.iter().map(|(_, s)| s.clone()).collect();
    out.evidence.detail("ice_states", if timeline.is_empty() { "none logged".into() } else { timeline.join(" → ") });
    let connected = ice.iter().any(|(_, s)| s == "connected" || s == "completed");
    let last_ice = ice.last().map(|(_, s)| s.as_str()).unwrap_or("new");
    let Transport { dtls, channel, pair } = transport(pc, &mut out);
    let dtls_ok = dtls.as_deref().is_none_or(|d| d == "connected");
    let channel_open = channel.as_ref().is_some_and(|(_, s)| s == "open");
    // A dump holds no session events: the session stage is not judged here.
    // A dump without a DTLS statistic says nothing of DTLS: it passes only on a connected path.
    let progress =
        Progress { ice: connected, dtls: connected && dtls_ok, channel: channel_open, session: channel_open };
    let cause = match progress.stopped_at() {
        Some(stage) => {
            let wait = if stage == Stage::Ice {
                // Until the dump was taken (the last logged event when the dump has no time of its own).
                let end_ms = pc.log.last().map_or(0.0, |u| u.ms).max(dumped.unwrap_or(0.0));
                let checking_ms = ice.iter().find(|(_, s)| s == "checking").map(|(u, _)| u.ms);
                let secs = checking_ms.map_or(0.0, |c| (end_ms - c) / 1000.0);
                format!("in the {secs:.1} s logged after checking began (state: {last_ice})")
            } else {
                format!("(state {})", channel.map_or("unknown".into(), |(_, s)| s))
            };
            Some(stage.cause(Stopped {
                wait,
                ice_failed: last_ice == "failed",
                relay_gathered: relay,
                dtls: format!("DTLS state {}", dtls.clone().unwrap_or_default()),
                offered: offered_channel(pc),
                ..Stopped::default()
            }))
        }
        // An answer without a UDP candidate explains TCP media by itself: no claim about the network.
        None => {
            media_path(pc, pair.as_ref().map(|(p, _)| p)).news().map(|n| n.cause(pair.as_ref().map(|(p, _)| p), ""))
        }
    };
    let summary = match &pair {
        Some((p, _)) => format!("connected over {}; data channel open", p.local),
        None => "connected; data channel open".to_owned(),
    };
    match cause {
        Some(c) if c.status() == Status::Fail => out.diagnose(&c, None),
        w => out.pass_or_warn(summary, w.as_ref()),
    }
}

/// The candidates the page gathered (onicecandidate) and the ICE servers' errors, into the
/// evidence; whether a relay candidate was among them.
fn gathered(pc: &Pc, out: &mut Outcome) -> bool {
    let mut relay = false;
    for u in pc.log.iter().filter(|u| u.kind == "onicecandidate") {
        let Ok(v) = serde_json::from_str::<Value>(&u.value) else { continue };
        let Some(line) = v.get("candidate").and_then(|c| c.as_str()) else { continue };
        for c in sdp::candidates(&format!("a={line}")) {
            relay |= c.kind == CandidateType::Relay;
            let r = c.to_report(Side::Local, Some("gathered".into()));
            if !out.evidence.candidates.contains(&r) {
                out.evidence.candidates.push(r);
            }
        }
    }
    for u in pc.log.iter().filter(|u| u.kind == "icecandidateerror") {
        out.evidence.detail("ice_server_error", &u.value);
    }
    relay
}

/// What the dump's transport statistics say of the connection.
struct Transport {
    dtls: Option<String>,
    /// The data channel's label and state.
    channel: Option<(String, String)>,
    /// The selected pair, and its RTT in seconds.
    pair: Option<(CandidatePair, Option<f64>)>,
}

/// The dump's transport statistics, into the evidence: the DTLS state, the data channel's state,
/// the selected pair with its RTT, and the audio packets each way.
fn transport(pc: &Pc, out: &mut Outcome) -> Transport {
    let dtls = pc.ids_of("transport").first().and_then(|t| pc.stat_str(&format!("{t}-dtlsState")));
    if let Some(d) = &dtls {
        out.evidence.detail("dtls_state", d);
    }
    let channel = pc.ids_of("data-channel").into_iter().find_map(|id| {
        let label = pc.stat_str(&format!("{id}-label")).unwrap_or_default();
        pc.stat_str(&format!("{id}-state")).map(|s| (label, s))
    });
    if let Some((label, state)) = &channel {
        out.evidence.detail("data_channel", format!("{label}: {state}"));
    }
    let pair = selected_pair(pc);
    if let Some((p, rtt)) = &pair {
        out.evidence.selected_pair = Some(p.clone());
        if let Some(rtt) = rtt {
            out.evidence.detail("rtt", format!("{:.1} ms", rtt * 1000.0));
        }
    }
    for (kind, prop, name) in [
        ("outbound-rtp", "packetsSent", "audio_packets_sent"),
        ("inbound-rtp", "packetsReceived", "audio_packets_received"),
    ] {
        if let Some(n) = pc.ids_of(kind).first().and_then(|id| pc.stat(&format!("{id}-{prop}"))) {
            out.evidence.detail(name, n.to_string());
        }
    }
    Transport { dtls, channel, pair }
}

/// Whether the app offered a data channel at all (without one, its place in the code is the fix).
fn offered_channel(pc: &Pc) -> bool {
    pc.sdp_of("setLocalDescription")
        .or_else(|| pc.sdp_of("createOfferOnSuccess"))
        .is_none_or(|o| sdp::media(&o).iter().any(|m| m.kind == "application"))
}

/// The call's media path: the selected pair's leg, and what the answer offered.
fn media_path(pc: &Pc, pair: Option<&CandidatePair>) -> MediaPath {
    MediaPath {
        leg: pair.map(|p| Leg::of(p, relay_protocol(pc).as_deref())),
        answer: pc.sdp_of("setRemoteDescription").map_or(AnswerUdp::Unknown, |a| AnswerUdp::of_sdp(&a)),
        answered: None,
        relay_only: relay_only(&pc.config),
    }
}

/// The page's `iceTransportPolicy` was `relay`: TCP to the relay is then its own choice.
fn relay_only(config: &str) -> bool {
    serde_json::from_str::<Value>(config)
        .ok()
        .and_then(|c| c.get("iceTransportPolicy").and_then(|p| p.as_str().map(|p| p == "relay")))
        .unwrap_or(false)
}

/// How the selected local candidate reached its TURN server, when it is a relay (`relayProtocol`).
fn relay_protocol(pc: &Pc) -> Option<String> {
    let transport = pc.ids_of("transport").into_iter().next()?;
    let pair = pc.stat_str(&format!("{transport}-selectedCandidatePairId"))?;
    let local = pc.stat_str(&format!("{pair}-localCandidateId"))?;
    pc.stat_str(&format!("{local}-relayProtocol"))
}

/// The transport's selected pair, its candidates, and its current RTT in seconds.
fn selected_pair(pc: &Pc) -> Option<(CandidatePair, Option<f64>)> {
    let transport = pc.ids_of("transport").into_iter().next()?;
    let pair = pc.stat_str(&format!("{transport}-selectedCandidatePairId"))?;
    let candidate = |id: &str| -> Option<Candidate> {
        let kind = match pc.stat_str(&format!("{id}-candidateType"))?.as_str() {
            "srflx" => CandidateType::Srflx,
            "prflx" => CandidateType::Prflx,
            "relay" => CandidateType::Relay,
            _ => CandidateType::Host,
        };
        let protocol = if pc.stat_str(&format!("{id}-protocol"))?.eq_ignore_ascii_case("tcp") {
            Protocol::Tcp
        } else {
            Protocol::Udp
        };
        let address =
            pc.stat_str(&format!("{id}-address")).or_else(|| pc.stat_str(&format!("{id}-ip"))).unwrap_or_default();
        let port = pc.stat(&format!("{id}-port")).and_then(|p| p.as_u64()).unwrap_or(0) as u16;
        let tcp_type = pc.stat_str(&format!("{id}-tcpType"));
        Some(Candidate { kind, protocol, address, port, side: Side::Local, source: None, tcp_type })
    };
    let local = candidate(&pc.stat_str(&format!("{pair}-localCandidateId"))?)?;
    let remote = pc.stat_str(&format!("{pair}-remoteCandidateId")).and_then(|id| candidate(&id)).map(|mut c| {
        c.side = Side::Remote;
        c
    });
    let rtt = pc.stat(&format!("{pair}-currentRoundTripTime")).and_then(|r| r.as_f64());
    Some((CandidatePair { local, remote }, rtt))
}
