//! WebRTC peers with the `webrtc` crate (0.21, sans-io `rtc` underneath): the browser-like
//! offerer the `sdp` and `datachannel` checks use, and the answerer of the fake Realtime API.
//! Both report what happens as timestamped [`Event`]s on one channel, so a check can time every
//! phase from the start and name the one that never came.

pub mod sdp;

use crate::report::{Candidate, CandidatePair, CandidateType, Protocol, Side};
use bytes::BytesMut;
use rtc::rtp_transceiver::rtp_sender::RtpCodecKind;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::mpsc;
use webrtc::data_channel::{DataChannel, DataChannelEvent};
use webrtc::peer_connection::{
    MediaEngine, PeerConnection, PeerConnectionBuilder, PeerConnectionEventHandler, RTCConfigurationBuilder,
    RTCIceConnectionState, RTCIceGatheringState, RTCIceServer, RTCIceTransportPolicy, RTCPeerConnectionState,
    RTCSessionDescription, Registry, register_default_interceptors,
};
use webrtc::rtp_transceiver::{RTCRtpTransceiverDirection, RTCRtpTransceiverInit};

/// The label OpenAI's WebRTC guide gives the events channel.
pub const CHANNEL: &str = "oai-events";

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    GatheringComplete,
    Ice(RTCIceConnectionState),
    Connection(RTCPeerConnectionState),
    ChannelOpen,
    Message(String),
    ChannelClosed,
}

/// What the answerer does with the channel the offerer opens.
type OnChannel = Arc<dyn Fn(Arc<dyn DataChannel>) + Send + Sync>;

struct Handler {
    tx: mpsc::UnboundedSender<(Instant, Event)>,
    /// For the answerer: what to do with the channel the offerer opens.
    on_channel: Option<OnChannel>,
}

#[async_trait::async_trait]
impl PeerConnectionEventHandler for Handler {
    async fn on_ice_gathering_state_change(&self, state: RTCIceGatheringState) {
        if state == RTCIceGatheringState::Complete {
            let _ = self.tx.send((Instant::now(), Event::GatheringComplete));
        }
    }
    async fn on_ice_connection_state_change(&self, state: RTCIceConnectionState) {
        let _ = self.tx.send((Instant::now(), Event::Ice(state)));
    }
    async fn on_connection_state_change(&self, state: RTCPeerConnectionState) {
        let _ = self.tx.send((Instant::now(), Event::Connection(state)));
    }
    async fn on_data_channel(&self, dc: Arc<dyn DataChannel>) {
        // Handlers must not block the driver (webrtc 0.21): hand the channel off.
        if let Some(f) = &self.on_channel {
            f(dc);
        }
    }
}

/// Forward a channel's events to `tx` until it closes.
fn pump(dc: Arc<dyn DataChannel>, tx: mpsc::UnboundedSender<(Instant, Event)>) {
    tokio::spawn(async move {
        while let Some(ev) = dc.poll().await {
            let e = match ev {
                DataChannelEvent::OnOpen => Event::ChannelOpen,
                DataChannelEvent::OnMessage(m) => Event::Message(String::from_utf8_lossy(&m.data).into_owned()),
                DataChannelEvent::OnClose => Event::ChannelClosed,
                _ => continue,
            };
            let closed = e == Event::ChannelClosed;
            if tx.send((Instant::now(), e)).is_err() || closed {
                break;
            }
        }
    });
}

pub struct Options {
    pub ice_servers: Vec<RTCIceServer>,
    pub relay_only: bool,
    /// Local addresses for the ICE sockets: `0.0.0.0:0` means every interface but loopback;
    /// a concrete address binds exactly that one (the crate's semantics).
    pub udp_addrs: Vec<String>,
    pub tcp_addrs: Vec<String>,
}

/// Timer settings for a diagnostic: the crate's defaults (pion's) pace ICE checks every 200 ms and
/// hold a succeeded pair back before nominating it (srflx 0.5 s, prflx 1 s, relay 2 s) in case a
/// better one succeeds. A browser paces checks at ~50 ms (RFC 8445 §14.2's Ta) and does not wait
/// 2 s for relays; these values keep the preference order but not the long waits.
///
/// `REALTIME_DOCTOR_WEBRTC_DEFAULT_TIMERS=1` keeps the crate's defaults (for the benchmark that
/// compares the two).
fn tuned() -> webrtc::peer_connection::SettingEngine {
    use std::time::Duration;
    if std::env::var_os("REALTIME_DOCTOR_WEBRTC_DEFAULT_TIMERS").is_some() {
        return webrtc::peer_connection::SettingEngineBuilder::new()
            .with_multicast_dns_mode(rtc::ice::mdns::MulticastDnsMode::Disabled)
            .build();
    }
    webrtc::peer_connection::SettingEngineBuilder::new()
        // No mDNS: OpenAI's answers carry IP candidates, and joining the multicast group fails
        // with ENODEV on a host without a default route (found in the network lab).
        .with_multicast_dns_mode(rtc::ice::mdns::MulticastDnsMode::Disabled)
        .with_ice_connection_attempts(Some(Duration::from_millis(50)), Some(25))
        .with_srflx_acceptance_min_wait(Some(Duration::from_millis(100)))
        .with_prflx_acceptance_min_wait(Some(Duration::from_millis(150)))
        .with_relay_acceptance_min_wait(Some(Duration::from_millis(250)))
        .build()
}

async fn build(opts: &Options, handler: Handler) -> Result<Arc<dyn PeerConnection>, String> {
    let mut media = MediaEngine::default();
    media.register_default_codecs().map_err(|e| e.to_string())?;
    let registry = register_default_interceptors(Registry::new(), &mut media).map_err(|e| e.to_string())?;
    let mut cfg = RTCConfigurationBuilder::new().with_ice_servers(opts.ice_servers.clone());
    if opts.relay_only {
        cfg = cfg.with_ice_transport_policy(RTCIceTransportPolicy::Relay);
    }
    let mut b = PeerConnectionBuilder::new()
        .with_configuration(cfg.build())
        .with_setting_engine(tuned())
        .with_media_engine(media)
        .with_interceptor_registry(registry)
        .with_handler(Arc::new(handler))
        .with_udp_addrs(opts.udp_addrs.clone());
    if !opts.tcp_addrs.is_empty() {
        b = b.with_tcp_addrs(opts.tcp_addrs.clone());
    }
    let pc = b.build().await.map_err(|e| e.to_string())?;
    Ok(Arc::new(pc))
}

/// The browser-like side: audio transceiver and data channel, then the offer.
pub struct Offerer {
    pub pc: Arc<dyn PeerConnection>,
    pub channel: Arc<dyn DataChannel>,
    pub events: mpsc::UnboundedReceiver<(Instant, Event)>,
}

impl Offerer {
    /// Build the peer as a correct app does (OpenAI's WebRTC guide's order): audio transceiver (sendrecv, one
    /// send encoding), the `oai-events` channel *before* createOffer, then the offer.
    pub async fn new(opts: &Options) -> Result<Offerer, String> {
        let (tx, events) = mpsc::unbounded_channel();
        let pc = build(opts, Handler { tx: tx.clone(), on_channel: None }).await?;
        let init = RTCRtpTransceiverInit {
            direction: RTCRtpTransceiverDirection::Sendrecv,
            streams: vec![],
            // webrtc 0.21 refuses a sendrecv transceiver without a send encoding.
            send_encodings: vec![rtc::rtp_transceiver::rtp_sender::RTCRtpEncodingParameters {
                rtp_coding_parameters: rtc::rtp_transceiver::rtp_sender::RTCRtpCodingParameters {
                    ssrc: Some(fastrand::u32(..)),
                    ..Default::default()
                },
                active: true,
                codec: rtc::rtp_transceiver::rtp_sender::RTCRtpCodec {
                    mime_type: "audio/opus".into(),
                    clock_rate: 48_000,
                    channels: 2,
                    ..Default::default()
                },
                ..Default::default()
            }],
        };
        pc.add_transceiver_from_kind(RtpCodecKind::Audio, Some(init))
            .await
            .map_err(|e| format!("audio transceiver: {e}"))?;
        let channel = pc.create_data_channel(CHANNEL, None).await.map_err(|e| format!("data channel: {e}"))?;
        pump(channel.clone(), tx);
        Ok(Offerer { pc, channel, events })
    }

    /// Create the offer and wait for complete gathering (the endpoint expects non-trickle SDP)
    /// until `until`; then the offer as gathered so far, and whether gathering completed.
    pub async fn offer(&mut self, until: Instant) -> Result<(String, bool), String> {
        let offer = self.pc.create_offer(None).await.map_err(|e| e.to_string())?;
        self.pc.set_local_description(offer).await.map_err(|e| e.to_string())?;
        let end = tokio::time::Instant::from_std(until);
        let complete = loop {
            match tokio::time::timeout_at(end, self.events.recv()).await {
                Ok(Some((_, Event::GatheringComplete))) => break true,
                Ok(Some(_)) => continue,
                Ok(None) => return Err("the peer connection stopped while gathering".into()),
                // A STUN/TURN server that does not answer holds gathering open: go on with what
                // has been gathered, as a trickle-less app eventually must, and say so.
                Err(_) => break false,
            }
        };
        Ok((self.pc.local_description().await.ok_or("no local description")?.sdp, complete))
    }

    pub async fn apply_answer(&self, sdp: &str) -> Result<(), String> {
        let answer = RTCSessionDescription::answer(sdp.to_owned()).map_err(|e| e.to_string())?;
        self.pc.set_remote_description(answer).await.map_err(|e| e.to_string())
    }

    pub async fn send(&self, text: &str) -> Result<(), String> {
        self.channel.send(BytesMut::from(text.as_bytes())).await.map(|_| ()).map_err(|e| e.to_string())
    }

    pub async fn close(&self) {
        let _ = self.pc.close().await;
    }
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
}

/// The fake server's side: answer an offer; the connection lives until `close`.
pub struct Answerer {
    pub pc: Arc<dyn PeerConnection>,
}

impl Answerer {
    pub async fn answer(
        offer_sdp: &str,
        opts: &Options,
        behaviour: AnswerBehaviour,
        until: Instant,
    ) -> Result<(Answerer, String), String> {
        let (tx, mut events) = mpsc::unbounded_channel();
        let on_channel: OnChannel = Arc::new(move |dc: Arc<dyn DataChannel>| {
            tokio::spawn(serve_events(dc, behaviour));
        });
        let pc = build(opts, Handler { tx, on_channel: Some(on_channel) }).await?;
        let offer = RTCSessionDescription::offer(offer_sdp.to_owned()).map_err(|e| e.to_string())?;
        pc.set_remote_description(offer).await.map_err(|e| e.to_string())?;
        let answer = pc.create_answer(None).await.map_err(|e| e.to_string())?;
        pc.set_local_description(answer).await.map_err(|e| e.to_string())?;
        let end = tokio::time::Instant::from_std(until);
        loop {
            match tokio::time::timeout_at(end, events.recv()).await {
                Ok(Some((_, Event::GatheringComplete))) => break,
                Ok(Some(_)) => continue,
                _ => return Err("answerer gathering did not complete".into()),
            }
        }
        let sdp = pc.local_description().await.ok_or("no answer")?.sdp;
        // Keep draining state events so the unbounded channel does not grow.
        tokio::spawn(async move { while events.recv().await.is_some() {} });
        Ok((Answerer { pc }, sdp))
    }

    pub async fn close(&self) {
        let _ = self.pc.close().await;
    }
}

/// The Realtime server's side of `oai-events`: session.created on open, session.updated for
/// each session.update (OpenAI's Realtime server events reference).
async fn serve_events(dc: Arc<dyn DataChannel>, b: AnswerBehaviour) {
    let id = || format!("event_{:012x}", fastrand::u64(..) >> 16);
    let send = |v: serde_json::Value| {
        let dc = dc.clone();
        async move {
            let _ = dc.send(BytesMut::from(v.to_string().as_bytes())).await;
        }
    };
    while let Some(ev) = dc.poll().await {
        match ev {
            DataChannelEvent::OnOpen => {
                if b.error_event {
                    send(serde_json::json!({"type": "error", "event_id": id(), "error": {"type": "invalid_request_error", "code": "session_expired", "message": "Your session hit the maximum duration of 60 minutes."}})).await;
                }
                if b.session_created {
                    send(serde_json::json!({"type": "session.created", "event_id": id(), "session": {"type": "realtime", "object": "realtime.session", "id": format!("sess_{:016x}", fastrand::u64(..)), "model": "gpt-realtime"}})).await;
                }
            }
            DataChannelEvent::OnMessage(m) => {
                let Ok(v) = serde_json::from_slice::<serde_json::Value>(&m.data) else { continue };
                if b.session_updated && v.get("type").and_then(|t| t.as_str()) == Some("session.update") {
                    let mut session = v.get("session").cloned().unwrap_or_default();
                    if let Some(obj) = session.as_object_mut() {
                        obj.insert("type".into(), "realtime".into());
                    }
                    send(serde_json::json!({"type": "session.updated", "event_id": id(), "session": session})).await;
                }
            }
            DataChannelEvent::OnClose => break,
            _ => {}
        }
    }
}

/// The selected candidate pair from the connection's stats: the local side, and the remote side
/// when the stats carry it (webrtc 0.21.1 reports local candidates only, with their id prefixed).
pub async fn selected_pair(pc: &Arc<dyn PeerConnection>) -> Option<CandidatePair> {
    use webrtc::peer_connection::{RTCStatsReportEntry, StatsSelector};
    let report = pc.get_stats(Instant::now(), StatsSelector::None).await;
    let pair_id = report.iter().find_map(|e| match e {
        RTCStatsReportEntry::Transport(t) if !t.selected_candidate_pair_id.is_empty() => {
            Some(t.selected_candidate_pair_id.clone())
        }
        _ => None,
    })?;
    let (local_id, remote_id) = match report.get(&pair_id)? {
        RTCStatsReportEntry::IceCandidatePair(p) => (p.local_candidate_id.clone(), p.remote_candidate_id.clone()),
        _ => return None,
    };
    let side = |ids: [String; 2], side: Side| {
        ids.iter().find_map(|id| match report.get(id)? {
            RTCStatsReportEntry::LocalCandidate(c) | RTCStatsReportEntry::RemoteCandidate(c) => {
                let kind = match format!("{:?}", c.candidate_type).to_ascii_lowercase().as_str() {
                    "srflx" | "serverreflexive" => CandidateType::Srflx,
                    "prflx" | "peerreflexive" => CandidateType::Prflx,
                    "relay" => CandidateType::Relay,
                    _ => CandidateType::Host,
                };
                let protocol = if c.protocol.eq_ignore_ascii_case("tcp") { Protocol::Tcp } else { Protocol::Udp };
                let address = c.address.clone().unwrap_or_default();
                Some(Candidate { kind, protocol, address, port: c.port, side, source: None })
            }
            _ => None,
        })
    };
    let local = side([format!("RTCLocalIceCandidate_{local_id}"), local_id], Side::Local)?;
    let remote = side([format!("RTCRemoteIceCandidate_{remote_id}"), remote_id], Side::Remote);
    Some(CandidatePair { local, remote })
}
