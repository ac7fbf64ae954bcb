//! The loop that drives a sans-I/O `rtc` peer connection, and the transports it owns.
//!
//! Why not the `webrtc` crate's driver: it runs `poll_writes → poll_events → poll_reads` and then
//! sleeps until its next timer, so a packet that an event handler queues (the DTLS ClientHello
//! once ICE selects a pair, the SCTP INIT once DTLS completes, DATA_CHANNEL_OPEN once SCTP is up)
//! waits for the ICE agent's next tick, 200 ms once ICE is connected: its "channel open" time was
//! mostly that idle loop. Here every input and every timer is followed by draining *all* outputs,
//! again until nothing new comes out (the contract str0m documents): what is ready leaves at once,
//! so the timings measure the network.
//!
//! The transports: UDP sockets (host candidates), ICE-TCP connections (RFC 6544) with RFC 4571
//! framing, active (connecting out) or passive (accepted), and TURN allocations carrying ICE
//! traffic in Send and Data indications (RFC 8656 §11).

use crate::stun::turn::Allocation;
use bytes::BytesMut;
use rtc::data_channel::RTCDataChannelId;
use rtc::peer_connection::RTCPeerConnection;
use rtc::peer_connection::event::{RTCDataChannelEvent, RTCPeerConnectionEvent};
use rtc::peer_connection::message::{RTCMessage, TaggedRTCMessage};
use rtc::peer_connection::state::{RTCIceConnectionState, RTCPeerConnectionState};
use rtc::sansio::Protocol as _;
use rtc::shared::tcp_framing::{TcpFrameDecoder, frame_packet};
use rtc::shared::{TaggedBytesMut, TransportContext, TransportProtocol};
use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::{TcpListener, TcpStream, UdpSocket};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// The ICE agent's tick: connectivity checks, and the controlling side's nomination (USE-CANDIDATE,
/// RFC 8445 §8.1.1), go out on it (rtc-ice nominates on the tick, not on the first success), so
/// the time from the first successful check to DTLS is up to one tick. Measured on loopback
/// against the project's fake (release, medians of 6 to 12), channel open at 54 ms with 50 ms
/// (RFC 8445 §14.2's Ta), 26 ms with 20 ms, 16 ms with 10 ms; against an aiortc answerer 32 ms
/// with 10 ms, where aiortc's own client (which nominates on the first success) takes 34-37 ms
/// (benches/datachannel-open.sh). The cost: 100 checks a second per pair, only while checking.
const CHECK_INTERVAL: Duration = Duration::from_millis(10);
/// How long one ICE-TCP write may wait for the peer's window.
const TCP_WRITE_LIMIT: Duration = Duration::from_secs(1);
/// Checks per pair before it fails: 5 s of them, so an ICE-TCP pair outlives a lost SYN (sent
/// again after 1 s and 3 s) and a slow path gets as long as a browser gives a new connection.
const CHECK_ATTEMPTS: u16 = 500;

/// A peer connection with the codecs a voice app offers and timers for a diagnostic: the tick
/// above, and a succeeded pair held back only briefly before nomination in case a better one
/// succeeds (the crate's defaults, pion's, are 200 ms and up to 2 s for relays). `answering_role`
/// sets the DTLS role an answerer takes (RFC 5763 §5: `active` is the usual one).
pub(super) fn peer_connection(
    relay_only: Option<Vec<rtc::peer_connection::configuration::RTCIceServer>>,
    answering_role: Option<rtc::peer_connection::transport::RTCDtlsRole>,
) -> Result<RTCPeerConnection, String> {
    use rtc::peer_connection::RTCPeerConnectionBuilder;
    use rtc::peer_connection::configuration::setting_engine::SettingEngineBuilder;
    use rtc::peer_connection::configuration::{
        RTCConfigurationBuilder, RTCIceTransportPolicy, media_engine::MediaEngine,
    };
    let mut media = MediaEngine::default();
    media.register_default_codecs().map_err(|e| e.to_string())?;
    let mut settings = SettingEngineBuilder::new()
        .with_multicast_dns_mode(rtc::ice::mdns::MulticastDnsMode::Disabled)
        .with_ice_connection_attempts(Some(CHECK_INTERVAL), Some(CHECK_ATTEMPTS))
        .with_srflx_acceptance_min_wait(Some(Duration::from_millis(100)))
        .with_prflx_acceptance_min_wait(Some(Duration::from_millis(150)))
        .with_relay_acceptance_min_wait(Some(Duration::from_millis(250)));
    if let Some(role) = answering_role {
        settings = settings.with_answering_dtls_role(role);
    }
    let mut cfg = RTCConfigurationBuilder::new();
    // The relay-only policy (`iceTransportPolicy: "relay"`) wants its TURN servers named, as a
    // browser's configuration does; the gathering itself is this project's (see `gather`).
    if let Some(servers) = relay_only {
        cfg = cfg.with_ice_transport_policy(RTCIceTransportPolicy::Relay).with_ice_servers(servers);
    }
    RTCPeerConnectionBuilder::new()
        .with_configuration(cfg.build())
        .with_setting_engine(settings.build())
        .with_media_engine(media)
        .build(Instant::now())
        .map_err(|e| e.to_string())
}

/// A packet that came in on one of the transports.
pub(super) struct Inbound {
    /// When the socket received it: the instant what it causes is stamped with, however long it
    /// waited in the queue.
    pub at: Instant,
    pub local: SocketAddr,
    pub peer: SocketAddr,
    pub protocol: TransportProtocol,
    pub data: Vec<u8>,
}

/// What happened on the connection, as the drivers' users see it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Happening {
    Ice(RTCIceConnectionState),
    Connection(RTCPeerConnectionState),
    Open(RTCDataChannelId),
    Closed(RTCDataChannelId),
    Message(RTCDataChannelId, String),
    /// An RTP packet of the other side's audio, as it came (SRTP already removed).
    Rtp(rtc::rtp::Packet),
}

/// What a relay's task is asked to do.
enum RelayCommand {
    Send(SocketAddr, Vec<u8>),
    /// CreatePermission for these peers (RFC 8656 §9) before sending to them.
    Permit(Vec<IpAddr>),
}

pub(super) struct Driver {
    pub pc: RTCPeerConnection,
    /// UDP sockets by local address (and by the server-reflexive addresses learnt through them).
    udp: HashMap<SocketAddr, Arc<UdpSocket>>,
    /// ICE-TCP connections, by the remote address.
    tcp: HashMap<SocketAddr, OwnedWriteHalf>,
    /// TURN allocations, by relayed address.
    relays: HashMap<SocketAddr, mpsc::UnboundedSender<RelayCommand>>,
    pub inbound: mpsc::UnboundedReceiver<Inbound>,
    inbound_tx: mpsc::UnboundedSender<Inbound>,
    tcp_up: mpsc::UnboundedReceiver<(SocketAddr, OwnedWriteHalf)>,
    tcp_up_tx: mpsc::UnboundedSender<(SocketAddr, OwnedWriteHalf)>,
    pending: VecDeque<(Instant, Happening)>,
    /// Readers, listeners and connectors: stopped at close.
    tasks: Vec<JoinHandle<()>>,
    /// Relays: given time at close to release their allocation.
    relay_tasks: Vec<JoinHandle<()>>,
    /// The RTP stream this side's audio goes out on, from the first packet sent.
    audio_out: Option<super::audio::RtpStream>,
    /// When the packet being handled was received: what it causes happened then.
    stamp: Option<Instant>,
}

impl Driver {
    pub fn new(pc: RTCPeerConnection) -> Driver {
        let (inbound_tx, inbound) = mpsc::unbounded_channel();
        let (tcp_up_tx, tcp_up) = mpsc::unbounded_channel();
        Driver {
            pc,
            udp: HashMap::new(),
            tcp: HashMap::new(),
            relays: HashMap::new(),
            inbound,
            inbound_tx,
            tcp_up,
            tcp_up_tx,
            pending: VecDeque::new(),
            tasks: Vec::new(),
            relay_tasks: Vec::new(),
            audio_out: None,
            stamp: None,
        }
    }

    pub fn udp_sockets(&self) -> &HashMap<SocketAddr, Arc<UdpSocket>> {
        &self.udp
    }

    /// The remote ends of the ICE-TCP connections that are up.
    pub fn tcp_peers(&self) -> Vec<SocketAddr> {
        self.tcp.keys().copied().collect()
    }

    /// A UDP socket on `addr`; returns its local address.
    pub async fn bind_udp(&mut self, addr: SocketAddr) -> std::io::Result<SocketAddr> {
        let sock = Arc::new(UdpSocket::bind(addr).await?);
        let local = sock.local_addr()?;
        self.tasks.push(tokio::spawn(read_udp(sock.clone(), local, self.inbound_tx.clone())));
        self.udp.insert(local, sock);
        Ok(local)
    }

    /// Packets the peer sends from `mapped` (a server-reflexive address) go out of `base`'s socket.
    pub fn alias_udp(&mut self, mapped: SocketAddr, base: SocketAddr) {
        if let Some(sock) = self.udp.get(&base).cloned() {
            self.udp.insert(mapped, sock);
        }
    }

    /// A passive ICE-TCP candidate: accept connections on `addr`; returns the local address.
    pub async fn listen_tcp(&mut self, addr: SocketAddr) -> std::io::Result<SocketAddr> {
        let listener = TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let (tx, up) = (self.inbound_tx.clone(), self.tcp_up_tx.clone());
        self.tasks.push(tokio::spawn(async move {
            while let Ok((stream, peer)) = listener.accept().await {
                tokio::spawn(carry_tcp(stream, peer, tx.clone(), up.clone()));
            }
        }));
        Ok(local)
    }

    /// Active ICE-TCP (RFC 6544 §4.2): connect from `local` to a remote passive candidate.
    pub fn connect_tcp(&mut self, local: IpAddr, peer: SocketAddr) {
        let (tx, up) = (self.inbound_tx.clone(), self.tcp_up_tx.clone());
        self.tasks.push(tokio::spawn(async move {
            let socket = match local {
                IpAddr::V4(_) => tokio::net::TcpSocket::new_v4(),
                IpAddr::V6(_) => tokio::net::TcpSocket::new_v6(),
            };
            let Ok(socket) = socket else { return };
            if socket.bind(SocketAddr::new(local, 0)).is_err() {
                return;
            }
            if let Ok(stream) = socket.connect(peer).await {
                carry_tcp(stream, peer, tx, up).await;
            }
        }));
    }

    /// Carry ICE traffic through a TURN allocation; its relayed address is the candidate's.
    pub fn relay(&mut self, allocation: Allocation) {
        let (tx, rx) = mpsc::unbounded_channel();
        self.relays.insert(allocation.relayed, tx);
        self.relay_tasks.push(tokio::spawn(run_relay(allocation, rx, self.inbound_tx.clone())));
    }

    /// Let every relay send to these peers (the answer's candidates).
    pub fn permit(&self, ips: &[IpAddr]) {
        for relay in self.relays.values() {
            let _ = relay.send(RelayCommand::Permit(ips.to_vec()));
        }
    }

    /// Drive the connection until it has something to report, or `until` passes (`None`).
    pub async fn next(&mut self, until: tokio::time::Instant) -> Option<(Instant, Happening)> {
        loop {
            self.drain().await;
            if let Some(h) = self.pending.pop_front() {
                return Some(h);
            }
            // A stream of packets that raise nothing (junk, a flood) must not hold the caller past
            // its deadline: the select below would always find one ready.
            if tokio::time::Instant::now() >= until {
                return None;
            }
            let timer = self.pc.poll_timeout().map(tokio::time::Instant::from_std).unwrap_or(until).min(until);
            tokio::select! {
                // A connection is registered before anything read from it is handled, so that
                // the answer to its first packet has somewhere to go.
                biased;
                Some((peer, w)) = self.tcp_up.recv() => {
                    self.tcp.insert(peer, w);
                }
                Some(p) = self.inbound.recv() => {
                    self.stamp = Some(p.at);
                    self.read(p);
                    self.drain().await;
                    self.stamp = None;
                }
                _ = tokio::time::sleep_until(timer) => {
                    if tokio::time::Instant::now() >= until {
                        return None;
                    }
                    let _ = self.pc.handle_timeout(Instant::now());
                }
            }
        }
    }

    fn read(&mut self, p: Inbound) {
        // The stack's own clock only moves forward: it gets the time it handles the packet (the
        // receipt time is the events' stamp, see `next`).
        let message = TaggedBytesMut {
            now: Instant::now(),
            transport: TransportContext {
                local_addr: p.local,
                peer_addr: p.peer,
                ecn: None,
                transport_protocol: p.protocol,
            },
            message: BytesMut::from(&p.data[..]),
        };
        // A packet the connection cannot use (a stray, a late retransmission) is dropped, as the
        // network would; the ICE and DTLS state machines say when that matters.
        let _ = self.pc.handle_read(message);
    }

    /// Everything the connection has to say, at once: events, messages, then packets out; again
    /// while any of them produced more. Packets come last on purpose: polling events runs the
    /// internal ones through the handlers, and some queue packets without raising an event of
    /// their own (DTLS complete, on the DTLS client's side, queues the SCTP INIT, RFC 8261 §6):
    /// stopping after an empty event poll would leave that INIT for the next timer, 200 ms later.
    pub async fn drain(&mut self) {
        loop {
            let mut progress = false;
            while let Some(ev) = self.pc.poll_event() {
                progress = true;
                if let Some(h) = happening(ev) {
                    self.pending.push_back((self.stamp.unwrap_or_else(Instant::now), h));
                }
            }
            while let Some(TaggedRTCMessage { message, .. }) = self.pc.poll_read() {
                progress = true;
                match message {
                    RTCMessage::DataChannelMessage(id, m) => {
                        let text = String::from_utf8_lossy(&m.data).into_owned();
                        self.pending.push_back((self.stamp.unwrap_or_else(Instant::now), Happening::Message(id, text)));
                    }
                    RTCMessage::RtpPacket(_, packet) => {
                        self.pending.push_back((self.stamp.unwrap_or_else(Instant::now), Happening::Rtp(packet)))
                    }
                    _ => {}
                }
            }
            while let Some(out) = self.pc.poll_write() {
                progress = true;
                self.write(out).await;
            }
            if !progress {
                return;
            }
        }
    }

    /// Send one Opus frame on the audio track (its SSRC and the negotiated payload type, RFC 7587);
    /// it leaves at once, SRTP-protected. Before DTLS is up the stack drops it: send once connected.
    pub async fn send_audio(&mut self, payload: bytes::Bytes) -> Result<(), String> {
        let id = self.pc.get_senders().next().ok_or("no audio sender")?;
        let mut sender = self.pc.rtp_sender(id).ok_or("the audio track does not send (the answer's direction)")?;
        if self.audio_out.is_none() {
            let params = sender.get_parameters();
            let pt = params
                .rtp_parameters
                .codecs
                .iter()
                .find(|c| c.rtp_codec.mime_type.eq_ignore_ascii_case("audio/opus"))
                .map(|c| c.payload_type)
                .ok_or("Opus was not negotiated")?;
            let ssrc = params.encodings.first().and_then(|e| e.rtp_coding_parameters.ssrc).ok_or("no SSRC")?;
            self.audio_out = Some(super::audio::RtpStream::new(ssrc, pt));
        }
        let packet = self.audio_out.as_mut().map(|s| s.packet(payload)).ok_or("no RTP stream")?;
        sender.write_rtp(Instant::now(), packet).map_err(|e| format!("RTP: {e}"))?;
        self.drain().await;
        Ok(())
    }

    /// Send one packet on the transport it belongs to: an ICE-TCP connection (by the remote
    /// address), a relay (by relayed address), or a UDP socket (by local address).
    async fn write(&mut self, out: TaggedBytesMut) {
        let (local, peer) = (out.transport.local_addr, out.transport.peer_addr);
        if out.transport.transport_protocol == TransportProtocol::TCP {
            if let Some(w) = self.tcp.get_mut(&peer) {
                // A peer that stops reading fills the TCP window: the packet is lost, as it would
                // be on UDP, rather than the loop blocked.
                let _ = tokio::time::timeout(TCP_WRITE_LIMIT, w.write_all(&frame_packet(&out.message))).await;
            }
        } else if let Some(relay) = self.relays.get(&local) {
            let _ = relay.send(RelayCommand::Send(peer, out.message.to_vec()));
        } else if let Some(sock) = self.udp.get(&local) {
            let _ = sock.send_to(&out.message, peer).await;
        }
    }

    /// Close the connection and release what it holds (TURN allocations, sockets, connections).
    pub async fn close(&mut self) {
        let _ = self.pc.close();
        self.drain().await;
        for t in self.tasks.drain(..) {
            t.abort();
        }
        // Relay tasks release their allocation (a Refresh of lifetime 0, bounded at 1.5 s) once
        // their command channel closes.
        self.relays.clear();
        for t in self.relay_tasks.drain(..) {
            let abort = t.abort_handle();
            if tokio::time::timeout(Duration::from_millis(1600), t).await.is_err() {
                abort.abort();
            }
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        for t in self.tasks.iter().chain(&self.relay_tasks) {
            t.abort();
        }
    }
}

fn happening(ev: RTCPeerConnectionEvent) -> Option<Happening> {
    match ev {
        RTCPeerConnectionEvent::OnIceConnectionStateChangeEvent(s) => Some(Happening::Ice(s)),
        RTCPeerConnectionEvent::OnConnectionStateChangeEvent(s) => Some(Happening::Connection(s)),
        RTCPeerConnectionEvent::OnDataChannel(RTCDataChannelEvent::OnOpen(id)) => Some(Happening::Open(id)),
        RTCPeerConnectionEvent::OnDataChannel(RTCDataChannelEvent::OnClose(id)) => Some(Happening::Closed(id)),
        _ => None,
    }
}

async fn read_udp(sock: Arc<UdpSocket>, local: SocketAddr, tx: mpsc::UnboundedSender<Inbound>) {
    let mut buf = vec![0u8; 2048];
    loop {
        match sock.recv_from(&mut buf).await {
            Ok((n, peer)) => {
                let p = Inbound {
                    at: Instant::now(),
                    local,
                    peer,
                    protocol: TransportProtocol::UDP,
                    data: buf[..n].to_vec(),
                };
                if tx.send(p).is_err() {
                    return;
                }
            }
            // An ICMP error surfaces on the next read: the socket itself is still good.
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => continue,
            Err(_) => return,
        }
    }
}

/// One ICE-TCP connection: its write half to the loop, RFC 4571 frames from it to the loop.
async fn carry_tcp(
    stream: TcpStream,
    peer: SocketAddr,
    tx: mpsc::UnboundedSender<Inbound>,
    up: mpsc::UnboundedSender<(SocketAddr, OwnedWriteHalf)>,
) {
    let _ = stream.set_nodelay(true);
    let Ok(local) = stream.local_addr() else { return };
    let (mut r, w) = stream.into_split();
    if up.send((peer, w)).is_err() {
        return;
    }
    let mut decoder = TcpFrameDecoder::new();
    let mut buf = vec![0u8; 4096];
    while let Ok(n) = r.read(&mut buf).await {
        if n == 0 {
            return;
        }
        decoder.extend_from_slice(&buf[..n]);
        while let Some(data) = decoder.next_packet() {
            let at = Instant::now();
            if tx.send(Inbound { at, local, peer, protocol: TransportProtocol::TCP, data }).is_err() {
                return;
            }
        }
    }
}

/// A TURN allocation carrying ICE traffic: Send indications out, Data indications in (RFC 8656
/// §11); released when the loop drops its end of the command channel.
async fn run_relay(
    mut a: Allocation,
    mut commands: mpsc::UnboundedReceiver<RelayCommand>,
    tx: mpsc::UnboundedSender<Inbound>,
) {
    enum Next {
        Command(Option<RelayCommand>),
        Data(Result<Option<(SocketAddr, Vec<u8>)>, crate::stun::conn::TxError>),
    }
    let local = a.relayed;
    loop {
        let far = Instant::now() + Duration::from_secs(3600);
        let next = tokio::select! {
            c = commands.recv() => Next::Command(c),
            d = a.recv_data(far) => Next::Data(d),
        };
        match next {
            Next::Command(None) => break,
            Next::Command(Some(RelayCommand::Send(peer, data))) => {
                let _ = a.send_to(peer, &data).await;
            }
            Next::Command(Some(RelayCommand::Permit(ips))) => {
                let mut done: Vec<IpAddr> = Vec::new();
                for ip in ips.into_iter().filter(|ip| ip.is_ipv4() == local.is_ipv4()) {
                    if !done.contains(&ip) {
                        let _ = a.permit(ip, Instant::now() + Duration::from_secs(2)).await;
                        done.push(ip);
                    }
                }
            }
            Next::Data(Ok(Some((peer, data)))) => {
                let at = Instant::now();
                if tx.send(Inbound { at, local, peer, protocol: TransportProtocol::UDP, data }).is_err() {
                    break;
                }
            }
            Next::Data(Ok(None)) => {}
            Next::Data(Err(_)) => return,
        }
    }
    a.release().await;
}
