//! The browser-like side: the offer a correct voice app makes, on the sans-I/O `rtc` core and
//! this project's own loop (see `driver`), with the transports a browser has: host candidates on
//! every local address, server-reflexive ones from its STUN servers, relay ones from its TURN
//! servers over UDP, TCP or TLS, and active ICE-TCP to the answer's passive TCP candidates.

use super::Event;
use super::driver::{Driver, Happening, peer_connection};
use super::gather::{self, Gathered};
use crate::report::{Candidate, CandidatePair, CandidateType, Protocol, Side};
use crate::stun::IceUrl;
use rtc::data_channel::RTCDataChannelId;
use rtc::peer_connection::sdp::RTCSessionDescription;
use rtc::rtp_transceiver::rtp_sender::RtpCodecKind;
use rtc::rtp_transceiver::{RTCRtpTransceiverDirection, RTCRtpTransceiverInit};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

/// What the peer is built with: its ICE servers (the app's `iceServers`) and where it binds.
#[derive(Clone, Default)]
pub struct Options {
    pub stun: Vec<IceUrl>,
    pub turn: Vec<IceUrl>,
    /// (username, password) for every TURN URL.
    pub turn_credentials: Option<(String, crate::secret::Secret)>,
    /// Trust for `turns:` servers.
    pub tls: Option<Arc<rustls::ClientConfig>>,
    /// `iceTransportPolicy: "relay"`: only relay candidates.
    pub relay_only: bool,
    /// The address host candidates are gathered on: a concrete IP is exactly that one; none (or an
    /// unspecified one) is every interface but loopback, as browsers gather.
    pub bind: Option<IpAddr>,
}

pub struct Offerer {
    driver: Driver,
    channel: RTCDataChannelId,
    opts: Options,
    /// The TURN URL behind each relayed address (for the evidence).
    relay_urls: HashMap<SocketAddr, String>,
}

impl Offerer {
    /// Build the peer as a correct app does (OpenAI's WebRTC guide's order): an audio transceiver
    /// (sendrecv, one send encoding), the `oai-events` channel *before* createOffer; and bind the
    /// host sockets.
    pub async fn new(opts: &Options) -> Result<Offerer, String> {
        let relay_only = opts.relay_only.then(|| {
            let (username, credential) =
                opts.turn_credentials.as_ref().map(|(u, p)| (u.clone(), p.expose().to_owned())).unwrap_or_default();
            let urls = opts.turn.iter().map(|u| u.to_string()).collect();
            vec![rtc::peer_connection::configuration::RTCIceServer { urls, username, credential }]
        });
        let mut pc = peer_connection(relay_only, None)?;
        let init = RTCRtpTransceiverInit {
            direction: RTCRtpTransceiverDirection::Sendrecv,
            streams: vec![],
            // A sendrecv transceiver needs a send encoding (the crate refuses one without).
            send_encodings: vec![super::audio::opus_encoding()],
        };
        pc.add_transceiver_from_kind(RtpCodecKind::Audio, Some(init)).map_err(|e| format!("audio transceiver: {e}"))?;
        let channel = pc.create_data_channel(super::CHANNEL, None).map_err(|e| format!("data channel: {e}"))?.id();
        let mut driver = Driver::new(pc);
        if !opts.relay_only {
            for ip in gather::local_ips(opts.bind) {
                driver.bind_udp(SocketAddr::new(ip, 0)).await.map_err(|e| format!("UDP socket on {ip}: {e}"))?;
            }
            if driver.udp_sockets().is_empty() {
                return Err("no local address to gather host candidates on".into());
            }
        }
        Ok(Offerer { driver, channel, opts: opts.clone(), relay_urls: HashMap::new() })
    }

    /// Gather until `until` (host candidates at once, server-reflexive and relay ones as their
    /// servers answer), then create the offer with every candidate (the endpoint expects
    /// non-trickle SDP). Returns the offer and whether gathering completed.
    pub async fn offer(&mut self, until: Instant) -> Result<(String, bool), String> {
        let sockets = self.driver.udp_sockets().clone();
        let Gathered { candidates, reflexive, relays, complete } =
            gather::all(&self.opts, &sockets, &mut self.driver.inbound, until).await;
        for (mapped, base) in reflexive {
            self.driver.alias_udp(mapped, base);
        }
        for (url, allocation) in relays {
            self.relay_urls.insert(allocation.relayed, url);
            self.driver.relay(allocation);
        }
        let pc = &mut self.driver.pc;
        for c in candidates {
            pc.add_local_candidate(c).map_err(|e| format!("local candidate: {e}"))?;
        }
        // The end-of-candidates sentinel: gathering is complete as far as the peer knows.
        pc.add_local_candidate(Default::default()).map_err(|e| e.to_string())?;
        let offer = pc.create_offer(None).map_err(|e| e.to_string())?;
        pc.set_local_description(Instant::now(), offer).map_err(|e| e.to_string())?;
        let sdp = pc.local_description().ok_or("no local description")?.sdp;
        Ok((sdp, complete))
    }

    /// Apply the answer: its candidates become the remote ones; TURN permissions are made for
    /// them, and active ICE-TCP connections are opened to its passive TCP candidates.
    pub async fn apply_answer(&mut self, sdp: &str) -> Result<(), String> {
        let answer = RTCSessionDescription::answer(sdp.to_owned()).map_err(|e| e.to_string())?;
        self.driver.pc.set_remote_description(Instant::now(), answer).map_err(|e| e.to_string())?;
        let remote = super::sdp::candidates(sdp);
        let ips: Vec<IpAddr> = remote.iter().filter_map(|c| c.address.parse().ok()).collect();
        self.driver.permit(&ips);
        if !self.opts.relay_only {
            let locals = gather::local_ips(self.opts.bind);
            let passive =
                remote.iter().filter(|c| c.protocol == Protocol::Tcp && c.tcp_type.as_deref() == Some("passive"));
            for c in passive {
                let Ok(ip) = c.address.parse::<IpAddr>() else { continue };
                if let Some(local) = locals.iter().copied().find(|l| l.is_ipv4() == ip.is_ipv4()) {
                    self.driver.connect_tcp(local, SocketAddr::new(ip, c.port));
                }
            }
        }
        self.driver.drain().await;
        Ok(())
    }

    /// Drive the connection until it has an event for the caller, or `until` passes (`None`).
    pub async fn next_event(&mut self, until: tokio::time::Instant) -> Option<(Instant, Event)> {
        loop {
            let (at, h) = self.driver.next(until).await?;
            let e = match h {
                Happening::Ice(s) => Event::Ice(s),
                Happening::Connection(s) => Event::Connection(s),
                Happening::Open(id) if id == self.channel => Event::ChannelOpen,
                Happening::Closed(id) if id == self.channel => Event::ChannelClosed,
                Happening::Message(id, text) if id == self.channel => Event::Message(text),
                Happening::Rtp(packet) => Event::Audio(packet.into()),
                _ => continue,
            };
            return Some((at, e));
        }
    }

    /// Whether `oai-events` is open (messages can be sent on it).
    pub fn channel_open(&mut self) -> bool {
        self.driver
            .pc
            .data_channel(self.channel)
            .is_some_and(|dc| dc.ready_state() == rtc::data_channel::RTCDataChannelState::Open)
    }

    /// Send a text message on `oai-events`; it leaves at once.
    pub async fn send(&mut self, text: &str) -> Result<(), String> {
        let mut dc = self.driver.pc.data_channel(self.channel).ok_or("the data channel is gone")?;
        dc.send_text(Instant::now(), text).map_err(|e| e.to_string())?;
        self.driver.drain().await;
        Ok(())
    }

    /// Send one Opus frame on the audio track (see `Driver::send_audio`).
    pub async fn send_audio(&mut self, payload: bytes::Bytes) -> Result<(), String> {
        self.driver.send_audio(payload).await
    }

    /// The pair ICE selected, from the connection's statistics, with each side as the report
    /// shows candidates (a relay's TURN URL as its source).
    pub fn selected_pair(&mut self) -> Option<CandidatePair> {
        let mut pair = super::stats::selected_pair(&mut self.driver.pc)?;
        // The crate's stats carry no remote candidate; for ICE-TCP, the connection names it.
        if pair.remote.is_none()
            && pair.local.protocol == Protocol::Tcp
            && let [peer] = self.driver.tcp_peers()[..]
        {
            pair.remote = Some(Candidate::new(CandidateType::Host, Protocol::Tcp, peer, Side::Remote));
        }
        if pair.local.kind == CandidateType::Relay
            && let Ok(addr) = format!("{}:{}", pair.local.address, pair.local.port).parse::<SocketAddr>()
        {
            pair.local.source = self.relay_urls.get(&addr).cloned();
        }
        Some(pair)
    }

    /// Close the connection and release what it holds (TURN allocations, sockets, connections).
    pub async fn close(mut self) {
        self.driver.close().await;
    }
}
