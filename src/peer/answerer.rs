//! The answering side the fake Realtime API runs for each call: a real WebRTC peer where the
//! media server would be (a UDP host candidate and an ICE-TCP passive one, as OpenAI's media
//! servers offer), on the same driver as the offerer, so that it answers as promptly as a quiet
//! server does; it opens `oai-events` and speaks the Realtime server events.

use super::driver::{Driver, Happening, peer_connection};
use super::gather;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerBehaviour {
    /// Send `session.created` when the channel opens.
    pub session_created: bool,
    /// Send an `error` event first.
    pub error_event: bool,
    /// Answer `session.update` with `session.updated`.
    pub session_updated: bool,
    /// Answer `a=setup:passive` (the DTLS server) instead of the usual `active` (RFC 5763 §5).
    pub dtls_passive: bool,
}

/// A call's media side; the connection lives until `close`.
pub struct Answerer {
    stop: Arc<Notify>,
    done: tokio::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
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
        for c in [gather::host(udp, None), gather::host(tcp, Some(TcpType::Passive))].into_iter().flatten() {
            d.pc.add_local_candidate(c).map_err(|e| e.to_string())?;
        }
        d.pc.add_local_candidate(Default::default()).map_err(|e| e.to_string())?;
        let answer = d.pc.create_answer(None).map_err(|e| e.to_string())?;
        d.pc.set_local_description(Instant::now(), answer).map_err(|e| e.to_string())?;
        let sdp = d.pc.local_description().ok_or("no answer")?.sdp;
        let stop = Arc::new(Notify::new());
        let task = tokio::spawn(serve(d, opts.behaviour, stop.clone()));
        Ok((Answerer { stop, done: tokio::sync::Mutex::new(Some(task)) }, sdp))
    }

    /// End the call: close the connection (its DTLS close_notify goes out) and its transports.
    pub async fn close(&self) {
        self.stop.notify_one();
        if let Some(task) = self.done.lock().await.take() {
            let _ = tokio::time::timeout(Duration::from_secs(2), task).await;
        }
    }
}

/// The Realtime server's side of `oai-events`: session.created on open, session.updated for each
/// session.update (OpenAI's Realtime server events reference).
async fn serve(mut d: Driver, b: AnswerBehaviour, stop: Arc<Notify>) {
    let id = || format!("event_{:012x}", fastrand::u64(..) >> 16);
    let mut channel: Option<RTCDataChannelId> = None;
    loop {
        let far = tokio::time::Instant::now() + Duration::from_secs(3600);
        let h = tokio::select! {
            h = d.next(far) => h,
            _ = stop.notified() => break,
        };
        let mut replies = Vec::new();
        match h {
            Some((_, Happening::Open(ch))) if channel.is_none() => {
                channel = Some(ch);
                if b.error_event {
                    replies.push(serde_json::json!({"type": "error", "event_id": id(), "error": {"type": "invalid_request_error", "code": "session_expired", "message": "Your session hit the maximum duration of 60 minutes."}}));
                }
                if b.session_created {
                    replies.push(serde_json::json!({"type": "session.created", "event_id": id(), "session": {"type": "realtime", "object": "realtime.session", "id": format!("sess_{:016x}", fastrand::u64(..)), "model": "gpt-realtime"}}));
                }
            }
            Some((_, Happening::Message(ch, text))) if Some(ch) == channel => {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
                if b.session_updated && v.get("type").and_then(|t| t.as_str()) == Some("session.update") {
                    let mut session = v.get("session").cloned().unwrap_or_default();
                    if let Some(obj) = session.as_object_mut() {
                        obj.insert("type".into(), "realtime".into());
                    }
                    replies.push(serde_json::json!({"type": "session.updated", "event_id": id(), "session": session}));
                }
            }
            _ => {}
        }
        if let Some(ch) = channel
            && !replies.is_empty()
        {
            if let Some(mut dc) = d.pc.data_channel(ch) {
                for r in replies {
                    let _ = dc.send_text(Instant::now(), r.to_string());
                }
            }
            d.drain().await;
        }
    }
    d.close().await;
}
