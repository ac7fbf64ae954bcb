//! The `sdp` check: the offer a correct app makes, POSTed to `/v1/realtime/calls` (or created as a
//! GPT-Live session with `/v1/live/sessions`, then closed), and the answer
//! validated and probed: each of its candidates gets an ICE connectivity check of our own (RFC 8445
//! §7.2.4), over UDP and over TCP with RFC 6544 framing, independent of the ICE agent, to say
//! which paths to the media server answer.

mod probe;

use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::path::{AnswerUdp, Answered, MediaPath};
use crate::check::signal::{self, CallCause};
use crate::check::{CheckSpec, Ctx, Outcome, check_fn};
use crate::peer::sdp;
use crate::report::{CheckId, CheckResult, Protocol};
use std::time::Duration;

pub const SPEC: CheckSpec = CheckSpec {
    title: "SDP offer/answer",
    about: "Check the SDP round trip (/v1/realtime/calls, or /v1/live/sessions for GPT-Live), and which answer candidates answer",
    waits: "ICE gathering 3 s (a third of the budget when that is shorter), each API request 10 s, each connectivity check to the answer's \
            candidates 2 s (four retransmissions: far beyond any round trip). GPT-Live: the session it creates is \
            then connected (5 s) and closed with session.close (2 s), in the part of the budget kept for that \
            (a quarter, at most 3 s); each such session is billed 15 s of voice while it starts",
    budget: |_| Duration::from_secs(15),
    budget_text: "15s",
    needs: &[CheckId::Key],
    after: &[],
    options: &[OptionGroup::Api, OptionGroup::Ice, OptionGroup::Peer, OptionGroup::OwnPeer],
    in_selftest: true,
    in_browser: false,
    stage: "SDP",
    causes: CauseTable(&[signal::CAUSES, crate::check::key::CAUSES]),
    run: check_fn!(run),
};

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::Sdp);
    let full = ctx;
    let ctx = &signal::live::working(full);
    let mut call = match signal::open(ctx, &mut out).await {
        Ok(c) => c,
        Err(cause) => return out.diagnose(&cause, None),
    };
    let cands = sdp::candidates(&call.answer);
    let checked = check_candidates(ctx, (&call.offer, &call.answer), &cands, &mut out).await;
    let summary_paths = format!(
        "{} candidate(s) in the answer; {} UDP and {} TCP answer a connectivity check",
        cands.len(),
        checked.answered.udp,
        checked.answered.tcp
    );
    // GPT-Live: a session whose media server answers no check cannot be closed over the data
    // channel; `end` goes straight to the sideband connection.
    let a = checked.answered;
    call.live.unreachable = a.checked > 0 && a.udp == 0 && a.tcp == 0;
    let call_id = call.call_id.clone().unwrap_or_else(|| "no call id".into());
    let http_status = call.status;
    let path = MediaPath {
        leg: None,
        answer: AnswerUdp::of(&cands),
        answered: Some(checked.answered),
        relay_only: ctx.settings.relay_only,
    };
    // What the checks found comes first; a path that works may still have gathered slowly.
    let verdict = match (path.news(), call.gathering_stalled) {
        (Some(news), _) => Err(news.cause(None, &checked.dead.join("; "))),
        (None, Some(secs)) => Err(CallCause::GatheringStalled { secs }),
        (None, None) => Ok(()),
    };
    call.end(full, &mut out).await;
    let summary = format!("answer received ({http_status}, {call_id}) with audio and data channel; {summary_paths}");
    match verdict {
        Ok(()) => out.pass(summary),
        Err(
            cause @ (CallCause::UdpBlockedTcpWorks { .. }
            | CallCause::GatheringStalled { .. }
            | CallCause::NoUdpCandidate),
        ) => out.pass_or_warn(summary, Some(&cause)),
        Err(cause) => out.diagnose(&cause, None),
    }
}

/// What the connectivity checks to the answer's candidates found.
struct Checked {
    answered: Answered,
    /// The candidates that did not answer, and why.
    dead: Vec<String>,
}

/// An ICE connectivity check (RFC 8445 §7.2) to each of the answer's candidates, over UDP and
/// ICE-TCP, each recorded in the evidence.
async fn check_candidates(
    ctx: &Ctx,
    (offer, answer): (&str, &str),
    cands: &[sdp::SdpCandidate],
    out: &mut Outcome,
) -> Checked {
    let local = sdp::ice_credentials(offer);
    let remote = sdp::ice_credentials(answer);
    let results = match (local, remote) {
        (Some(l), Some(r)) => probe::all(cands, &l, &r, ctx.wait(probe::LIMIT).until).await,
        _ => Vec::new(),
    };
    let mut checked = Checked { answered: Answered { checked: results.len(), udp: 0, tcp: 0 }, dead: Vec::new() };
    for (c, res) in &results {
        let name = format!("check {} {}:{}", c.protocol.as_str(), c.address, c.port);
        match res {
            Ok(rtt) => {
                out.evidence.detail(name, format!("answers ({:.2} ms)", rtt.as_secs_f64() * 1000.0));
                if c.protocol == Protocol::Udp {
                    checked.answered.udp += 1;
                } else {
                    checked.answered.tcp += 1;
                }
            }
            Err(e) => {
                out.evidence.detail(name, format!("no: {e}"));
                checked.dead.push(format!("{} {}:{} {e}", c.protocol.as_str(), c.address, c.port));
            }
        }
    }
    checked
}
