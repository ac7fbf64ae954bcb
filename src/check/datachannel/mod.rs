//! The `datachannel` check: the whole way to the first event. Applies the answer and times each
//! phase from the start (gathered, answer, ICE checking and connected with the selected pair,
//! DTLS, channel open, session.created, session.updated), and names the stage that failed.

use crate::check::call::{self, CallCause};
use crate::check::{Ctx, Outcome};
use crate::peer::Event;
use crate::report::{Candidate, CandidateType, CheckId, CheckResult};
use std::time::Instant;
use webrtc::peer_connection::{RTCIceConnectionState, RTCPeerConnectionState};

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::Datachannel);
    if call::key_failed(ctx).await {
        return out.skip("the key check failed, so no call was attempted: fix the key first");
    }
    // One call at a time: when sdp runs too, this call starts after its hang-up, so the two never
    // compete for a media server's ports (the network lab's fake has one set, as a real media
    // address does) and each check's evidence is its own.
    let _ = ctx.deps.wait(CheckId::Sdp).await;
    let mut call = match call::open(ctx, &mut out).await {
        Ok(c) => c,
        Err(cause) => return out.diagnose(&cause, None),
    };
    let stalled = call.gathering_stalled;
    let result = connect(ctx, &mut out, &mut call).await;
    if let Some((local, remote)) = crate::peer::selected_pair(&call.offerer.pc).await {
        let show = |c: &crate::peer::PairSide| format!("{} {} {}:{}", c.0, c.1, c.2, c.3);
        let remote_text = remote.as_ref().map(show).unwrap_or_else(|| "the answer's candidate".into());
        out.evidence.detail("selected_pair", format!("{} -> {remote_text}", show(&local)));
        for (side, c) in std::iter::once(("local", local)).chain(remote.map(|r| ("remote", r))) {
            let kind = match c.0.as_str() {
                "srflx" | "serverreflexive" => CandidateType::Srflx,
                "prflx" | "peerreflexive" => CandidateType::Prflx,
                "relay" => CandidateType::Relay,
                _ => CandidateType::Host,
            };
            out.evidence.candidates.push(Candidate {
                kind,
                protocol: c.1,
                address: c.2,
                port: c.3,
                side: side.into(),
                source: Some("selected pair".into()),
            });
        }
    }
    call.end(ctx, &mut out).await;
    match result {
        Ok(summary) => {
            let stalled = stalled.map(|secs| CallCause::GatheringStalled { secs });
            out.pass_or_warn(summary, stalled.as_ref().map(|c| c as &dyn crate::check::Diagnosis))
        }
        Err(cause) => out.diagnose(&cause, None),
    }
}

/// Drive the connection to `session.updated`, recording each phase.
async fn connect(ctx: &Ctx, out: &mut Outcome, call: &mut call::Call) -> Result<String, CallCause> {
    let start = call.start;
    call.offerer.apply_answer(&call.answer).await.map_err(CallCause::BadAnswer)?;
    let until = tokio::time::Instant::from_std(ctx.deadline);
    let (mut checking, mut ice_up, mut dtls_up, mut open) = (None::<Instant>, false, false, false);
    let mark = |out: &mut Outcome, phase: &str| out.evidence.timing(phase, start.elapsed());
    // Phase 1: to the first message on oai-events (which also proves the channel open: on relay
    // paths webrtc 0.21 can deliver the first message before the open event).
    let first = loop {
        let ev = match tokio::time::timeout_at(until, call.offerer.events.recv()).await {
            Ok(Some((_, e))) => e,
            Ok(None) => return Err(CallCause::Peer("the peer connection stopped".into())),
            Err(_) => {
                return Err(match (ice_up, dtls_up, open) {
                    (false, _, _) => {
                        CallCause::IceStuckChecking { secs: checking.map(|t| t.elapsed().as_secs_f64()).unwrap_or(0.0) }
                    }
                    (true, false, _) => {
                        CallCause::DtlsFailed { detail: "no DTLS handshake before the deadline".into() }
                    }
                    (true, true, false) => CallCause::ChannelNeverOpens,
                    (true, true, true) => CallCause::NoSessionCreated { first: "no event at all".into() },
                });
            }
        };
        match ev {
            Event::Ice(RTCIceConnectionState::Checking) if checking.is_none() => {
                checking = Some(Instant::now());
                mark(out, "ice_checking");
            }
            Event::Ice(RTCIceConnectionState::Connected | RTCIceConnectionState::Completed) if !ice_up => {
                ice_up = true;
                mark(out, "ice_connected");
            }
            Event::Ice(RTCIceConnectionState::Failed) => {
                return Err(if ice_up {
                    CallCause::DtlsFailed { detail: "ICE failed after connecting".into() }
                } else {
                    CallCause::IceFailed
                });
            }
            Event::Connection(RTCPeerConnectionState::Connected) if !dtls_up => {
                dtls_up = true;
                mark(out, "dtls_connected");
            }
            Event::Connection(RTCPeerConnectionState::Failed) => {
                return Err(if ice_up {
                    CallCause::DtlsFailed { detail: "the connection failed after ICE connected".into() }
                } else {
                    CallCause::IceFailed
                });
            }
            Event::ChannelOpen if !open => {
                open = true;
                mark(out, "channel_open");
            }
            Event::ChannelClosed if !open => return Err(CallCause::ChannelNeverOpens),
            Event::Message(m) => {
                if !open {
                    mark(out, "channel_open");
                }
                mark(out, "first_event");
                break m;
            }
            _ => {}
        }
    };
    let kind = event_type(&first);
    out.evidence.detail("first_event", kind.clone());
    match kind.as_str() {
        "session.created" => {}
        "error" => return Err(CallCause::ServerError(first)),
        other => return Err(CallCause::NoSessionCreated { first: other.to_owned() }),
    }

    // Phase 2: session.update -> session.updated.
    let sent = Instant::now();
    let update = serde_json::json!({"type": "session.update", "session": {"type": "realtime", "instructions": "realtime-doctor connectivity check"}});
    call.offerer.send(&update.to_string()).await.map_err(|e| CallCause::Peer(format!("send: {e}")))?;
    loop {
        match tokio::time::timeout_at(until, call.offerer.events.recv()).await {
            Ok(Some((_, Event::Message(m)))) => match event_type(&m).as_str() {
                "session.updated" => {
                    mark(out, "session_updated");
                    break;
                }
                "error" => return Err(CallCause::ServerError(m)),
                _ => continue,
            },
            Ok(Some(_)) => continue,
            _ => return Err(CallCause::NoSessionUpdated { secs: sent.elapsed().as_secs_f64() }),
        }
    }
    Ok(format!(
        "data channel open and session ready: session.created in {:.0} ms, session.updated in {:.0} ms",
        ms_of(out, "first_event"),
        ms_of(out, "session_updated")
    ))
}

fn event_type(m: &str) -> String {
    serde_json::from_str::<serde_json::Value>(m)
        .ok()
        .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "not JSON".into())
}

fn ms_of(out: &Outcome, phase: &str) -> f64 {
    out.evidence.timings.iter().find(|t| t.phase == phase).map(|t| t.ms).unwrap_or(0.0)
}
