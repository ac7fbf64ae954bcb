//! The answering side the fake OpenAI API runs for each call: a real WebRTC peer where the
//! media server would be (a UDP host candidate and an ICE-TCP passive one, as OpenAI's media
//! servers offer), on the same driver as the offerer, so that it answers as promptly as a quiet
//! server does; on `oai-events` it speaks the Realtime server events, or GPT-Live's.

use super::driver::{Driver, Happening, peer_connection};
use super::gather;
pub use super::model::VoiceBehaviour;
use super::model::{Model, Say};
use rtc::data_channel::RTCDataChannelId;
use rtc::ice::tcp_type::TcpType;
use rtc::peer_connection::sdp::RTCSessionDescription;
use rtc::peer_connection::transport::RTCDtlsRole;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// Where the answerer listens, and what it does.
#[derive(Debug, Clone)]
pub struct AnswerOptions {
    /// The UDP host candidate (port 0: any).
    pub udp: SocketAddr,
    /// The ICE-TCP passive host candidate (RFC 6544), as OpenAI's media servers offer on 443.
    pub tcp: SocketAddr,
    pub behaviour: AnswerBehaviour,
}

/// What the answerer's channel does, for fault injection.
#[derive(Debug, Clone, Default)]
pub struct AnswerBehaviour {
    /// Send the first event when the channel opens (`session.created`, or GPT-Live's
    /// `session.started`).
    pub session_created: bool,
    /// Send an `error` event first.
    pub error_event: bool,
    /// Confirm commands: `session.update` with `session.updated` (and GPT-Live's mute/unmute).
    pub session_updated: bool,
    /// Answer `a=setup:passive` (the DTLS server) instead of the usual `active` (RFC 5763 §5).
    pub dtls_passive: bool,
    /// Speak GPT-Live's events instead of the Realtime API's.
    pub live: Option<LiveBehaviour>,
    /// How the model hears and answers on the audio track.
    pub voice: VoiceBehaviour,
}

/// A GPT-Live session as the answerer plays it (the events of OpenAI's Live SDK types).
#[derive(Debug, Clone, Default)]
pub struct LiveBehaviour {
    /// The session id the create returned (`live_…`).
    pub session_id: String,
    pub model: String,
    /// `session.started` names this id instead (a fault: another session's media).
    pub started_id: Option<String>,
    /// Right after `session.started`, the session ends by itself with this reason.
    pub closed_early: Option<String>,
    /// `session.close` is not answered.
    pub ignore_close: bool,
    /// The server's open sessions: this one leaves it with `session.closed` (for tests that no
    /// session is left open).
    pub open_sessions: Option<Arc<std::sync::Mutex<std::collections::HashSet<String>>>>,
}

/// A call's media side; the connection lives until `close`.
pub struct Answerer {
    stop: Arc<Notify>,
    done: tokio::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
    /// Becomes true when the connection has ended (closed, or a GPT-Live session.closed).
    ended: tokio::sync::watch::Receiver<bool>,
}

impl Answerer {
    /// Answer `offer_sdp` at once: the answer carries its host candidates (no gathering to wait for).
    pub async fn answer(offer_sdp: &str, opts: &AnswerOptions) -> Result<(Answerer, String), String> {
        let role = opts.behaviour.dtls_passive.then_some(RTCDtlsRole::Server);
        let mut d = Driver::new(peer_connection(None, role)?);
        let udp = d.bind_udp(opts.udp).await.map_err(|e| format!("UDP on {}: {e}", opts.udp))?;
        let tcp = d.listen_tcp(opts.tcp).await.map_err(|e| format!("TCP on {}: {e}", opts.tcp))?;
        let offer = RTCSessionDescription::offer(offer_sdp.to_owned()).map_err(|e| e.to_string())?;
        d.pc.set_remote_description(Instant::now(), offer).map_err(|e| e.to_string())?;
        // The model's voice: a track on the offer's audio section makes it sendrecv, as OpenAI's
        // answers are.
        let track = rtc::media_stream::MediaStreamTrack::new(
            "model".into(),
            "model-voice".into(),
            "voice".into(),
            rtc::rtp_transceiver::rtp_sender::RtpCodecKind::Audio,
            vec![super::audio::opus_encoding()],
        );
        d.pc.add_track(track).map_err(|e| format!("audio track: {e}"))?;
        for c in [gather::host(udp, None), gather::host(tcp, Some(TcpType::Passive))].into_iter().flatten() {
            d.pc.add_local_candidate(c).map_err(|e| e.to_string())?;
        }
        d.pc.add_local_candidate(Default::default()).map_err(|e| e.to_string())?;
        let answer = d.pc.create_answer(None).map_err(|e| e.to_string())?;
        d.pc.set_local_description(Instant::now(), answer).map_err(|e| e.to_string())?;
        let sdp = d.pc.local_description().ok_or("no answer")?.sdp;
        let stop = Arc::new(Notify::new());
        let (tx, ended) = tokio::sync::watch::channel(false);
        let behaviour = opts.behaviour.clone();
        let notify = stop.clone();
        let task = tokio::spawn(async move {
            serve(d, behaviour, notify).await;
            let _ = tx.send(true);
        });
        Ok((Answerer { stop, done: tokio::sync::Mutex::new(Some(task)), ended }, sdp))
    }

    /// Resolves when the connection has ended, by `close` or by itself.
    pub fn ended(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut rx = self.ended.clone();
        async move {
            let _ = rx.wait_for(|e| *e).await;
        }
    }

    /// End the call: close the connection (its DTLS close_notify goes out) and its transports.
    pub async fn close(&self) {
        self.stop.notify_one();
        if let Some(task) = self.done.lock().await.take() {
            let _ = tokio::time::timeout(Duration::from_secs(2), task).await;
        }
    }
}

/// The server's side of `oai-events`: the Realtime API's events or GPT-Live's. The connection
/// ends when `stop` is notified, or after a GPT-Live `session.closed`.
async fn serve(mut d: Driver, b: AnswerBehaviour, stop: Arc<Notify>) {
    let mut channel: Option<RTCDataChannelId> = None;
    let mut model = Model::new(b.live.is_some(), b.voice.clone());
    let mut ended = false;
    // A fault: from this moment the media server is silent (no packet handled or sent).
    let mut silent_at: Option<Instant> = None;
    while !ended {
        if silent_at.is_some_and(|at| Instant::now() >= at) {
            // Nothing more goes out, nothing is answered: what a dead path looks like from the
            // other side (its consent checks go unanswered), until the call is ended.
            stop.notified().await;
            break;
        }
        let far = tokio::time::Instant::now() + Duration::from_secs(3600);
        // The next frame of a reply being spoken is due then.
        let until = model.due().into_iter().chain(silent_at).min().map(tokio::time::Instant::from_std).unwrap_or(far);
        let h = tokio::select! {
            h = d.next(until) => h,
            _ = stop.notified() => break,
        };
        let said = match h {
            Some((_, Happening::Open(ch))) if channel.is_none() => {
                channel = Some(ch);
                silent_at = b.voice.media_stops.map(|d| Instant::now() + d);
                events(match &b.live {
                    Some(l) => live_opened(&b, l),
                    None => realtime_opened(&b),
                })
            }
            Some((_, Happening::Message(ch, text))) if Some(ch) == channel => {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
                events(match &b.live {
                    Some(l) => live_reply(&b, l, &v),
                    None => realtime_reply(&b, &v),
                })
            }
            Some((_, Happening::Rtp(packet))) => model.hear(&packet.payload),
            None => model.speak(),
            _ => Vec::new(),
        };
        ended = said.iter().any(|s| matches!(s, Say::Event(e) if e["type"] == "session.closed"));
        if ended
            && let Some(l) = &b.live
            && let Some(open) = &l.open_sessions
        {
            open.lock().expect("sessions").remove(&l.session_id);
        }
        say(&mut d, channel, said).await;
    }
    if ended {
        // GPT-Live ends the connection after session.closed; the client hangs up first if it
        // follows the guide, so wait for it a moment (or for `stop`).
        let _ = tokio::time::timeout(Duration::from_millis(500), stop.notified()).await;
    }
    d.close().await;
}

fn events(replies: Vec<serde_json::Value>) -> Vec<Say> {
    replies.into_iter().map(Say::Event).collect()
}

/// Events go out on `oai-events` (once it is open), audio on the track.
async fn say(d: &mut Driver, channel: Option<RTCDataChannelId>, said: Vec<Say>) {
    if said.is_empty() {
        return;
    }
    for s in said {
        match s {
            Say::Event(e) => {
                if let Some(mut dc) = channel.and_then(|ch| d.pc.data_channel(ch)) {
                    let _ = dc.send_text(Instant::now(), e.to_string());
                }
            }
            Say::Audio(payload) => {
                let _ = d.send_audio(payload).await;
            }
        }
    }
    d.drain().await;
}

fn event_id() -> String {
    format!("event_{:012x}", fastrand::u64(..) >> 16)
}

/// The Realtime API on open: `session.created` (OpenAI's Realtime server events reference).
fn realtime_opened(b: &AnswerBehaviour) -> Vec<serde_json::Value> {
    let mut replies = Vec::new();
    if b.error_event {
        replies.push(serde_json::json!({"type": "error", "event_id": event_id(), "error": {"type": "invalid_request_error", "code": "session_expired", "message": "Your session hit the maximum duration of 60 minutes."}}));
    }
    if b.session_created {
        replies.push(serde_json::json!({"type": "session.created", "event_id": event_id(), "session": {"type": "realtime", "object": "realtime.session", "id": format!("sess_{:016x}", fastrand::u64(..)), "model": "gpt-realtime"}}));
    }
    replies
}

/// `session.update` gets `session.updated`.
fn realtime_reply(b: &AnswerBehaviour, v: &serde_json::Value) -> Vec<serde_json::Value> {
    if !(b.session_updated && v.get("type").and_then(|t| t.as_str()) == Some("session.update")) {
        return Vec::new();
    }
    let mut session = v.get("session").cloned().unwrap_or_default();
    if let Some(obj) = session.as_object_mut() {
        obj.insert("type".into(), "realtime".into());
    }
    vec![serde_json::json!({"type": "session.updated", "event_id": event_id(), "session": session})]
}

fn live_session(l: &LiveBehaviour, id: &str) -> serde_json::Value {
    let expires_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() + 3600)
        .unwrap_or_default();
    serde_json::json!({"id": id, "expires_at": expires_at, "model": l.model, "status": "active",
                       "audio": {"output": {"voice": "marin"}}, "delegation": null, "input": [], "store": false})
}

/// GPT-Live on open: `session.started` (after an `info` event, whose order is not documented, so
/// clients must accept it first), or an error, or the session ending early.
fn live_opened(b: &AnswerBehaviour, l: &LiveBehaviour) -> Vec<serde_json::Value> {
    let mut replies = vec![
        serde_json::json!({"type": "info", "event_id": event_id(), "code": "data_channel_permissions",
                                              "message": "All client and server events are allowed on this data channel."}),
    ];
    if b.error_event {
        replies.push(serde_json::json!({"type": "error", "event_id": event_id(), "error": {"type": "invalid_request_error", "code": "session_failed", "message": "The session could not be started."}}));
    }
    if b.session_created {
        let id = l.started_id.as_deref().unwrap_or(&l.session_id);
        replies.push(
            serde_json::json!({"type": "session.started", "event_id": event_id(), "session": live_session(l, id)}),
        );
    }
    if let Some(reason) = &l.closed_early {
        replies.push(live_closed(l, reason));
    }
    replies
}

fn live_closed(l: &LiveBehaviour, reason: &str) -> serde_json::Value {
    serde_json::json!({"type": "session.closed", "event_id": event_id(), "reason": reason,
                       "session": live_session(l, &l.session_id), "usage": {"seconds": 0.4}})
}

/// GPT-Live's commands on a WebRTC data channel (OpenAI's Live SDK): each confirmed with its own
/// event echoing `client_event_id`; `session.start` is refused (the create started the session);
/// anything unknown gets an `error`.
fn live_reply(b: &AnswerBehaviour, l: &LiveBehaviour, v: &serde_json::Value) -> Vec<serde_json::Value> {
    let kind = v.get("type").and_then(|t| t.as_str()).unwrap_or("");
    let echo = v.get("event_id").cloned().unwrap_or(serde_json::Value::Null);
    let confirm = |t: &str| {
        let mut e = serde_json::json!({"type": t, "event_id": event_id()});
        if !echo.is_null() {
            e["client_event_id"] = echo.clone();
        }
        vec![e]
    };
    let error = |code: &str, message: &str| {
        vec![
            serde_json::json!({"type": "error", "event_id": event_id(), "error": {"type": "invalid_request_error", "code": code, "message": message, "param": null, "client_event_id": echo}}),
        ]
    };
    match kind {
        "session.input_audio.mute" if b.session_updated => confirm("session.input_audio.muted"),
        "session.input_audio.unmute" if b.session_updated => confirm("session.input_audio.unmuted"),
        "session.input_audio.mute" | "session.input_audio.unmute" => Vec::new(),
        "session.close" if l.ignore_close => Vec::new(),
        "session.close" => {
            let mut closed = live_closed(l, "close_requested");
            if !echo.is_null() {
                closed["client_event_id"] = echo;
            }
            vec![closed]
        }
        "session.start" => {
            error("invalid_event", "The session has already started: do not send session.start over WebRTC.")
        }
        other => error("unknown_event", &format!("Unknown client event type: '{other}'.")),
    }
}
