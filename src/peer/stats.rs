//! The selected candidate pair, read from the connection's statistics (W3C webrtc-stats:
//! `RTCTransportStats.selectedCandidatePairId`, then the pair's local and remote candidates).

use crate::report::{Candidate, CandidatePair, CandidateType, Protocol, Side};
use rtc::peer_connection::RTCPeerConnection;
use rtc::statistics::StatsSelector;
use rtc::statistics::report::RTCStatsReportEntry;
use std::time::Instant;

pub fn selected_pair(pc: &mut RTCPeerConnection) -> Option<CandidatePair> {
    let report = pc.get_stats(Instant::now(), StatsSelector::None);
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
    // The stats name candidates with or without a type prefix, depending on the entry.
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
                // The stats carry no tcptype; an active ICE-TCP candidate is the one with the
                // discard port 9 (RFC 6544 section 4.5).
                let tcp_type = (protocol == Protocol::Tcp && c.port == 9).then(|| "active".to_owned());
                Some(Candidate { kind, protocol, address, port: c.port, side, source: None, tcp_type })
            }
            _ => None,
        })
    };
    let local = side([format!("RTCLocalIceCandidate_{local_id}"), local_id], Side::Local)?;
    let remote = side([format!("RTCRemoteIceCandidate_{remote_id}"), remote_id], Side::Remote);
    Some(CandidatePair { local, remote })
}
