//! One verdict for a run: the first stage that failed on the path key → token → SDP → ICE → DTLS →
//! data channel → session, the most likely cause given all the evidence, and the fix. The rules
//! are a table, tried in order; each has a test on a constructed report. Rules match cause kinds
//! (`check::kind`) and structured evidence, never strings: a cause a rule uses cannot be renamed
//! or removed without the rule failing to compile.

use crate::check::CauseKind;
use crate::check::browser::BrowserKind;
use crate::check::key::KeyKind;
use crate::check::kind::Kind;
use crate::check::path::Leg;
use crate::check::signal::CallKind;
use crate::check::stage::Stage;
use crate::check::stun::StunKind;
use crate::check::turn::TurnKind;
use crate::report::CheckId;
use crate::report::{CheckResult, Fix, Report, Status, Verdict, VoiceApi};

/// What the rules look at: each check's status, its cause as a kind, and its evidence.
pub struct Facts<'a> {
    report: &'a Report,
}

impl<'a> Facts<'a> {
    fn result(&self, id: CheckId) -> Option<&'a CheckResult> {
        self.report.results.iter().find(|r| r.id == id)
    }
    /// The voice API the run checked.
    fn api(&self) -> VoiceApi {
        self.report.target.api
    }
    pub fn status(&self, id: CheckId) -> Status {
        self.result(id).map(|r| r.status).unwrap_or(Status::Skip)
    }
    /// The kind of a check's cause, from its id through the check's own cause table.
    pub fn cause(&self, id: CheckId) -> Option<CauseKind> {
        crate::check::kind::of(self.result(id)?)
    }
    fn failed(&self, id: CheckId) -> bool {
        self.status(id) == Status::Fail
    }
    /// The kind of a check's cause, when it is one of `K`'s.
    fn kind<K: Kind>(&self, id: CheckId) -> Option<K> {
        self.cause(id)?.get::<K>()
    }
    /// The key-check kind of a check's cause (the key check's, or an HTTP cause of a WebRTC check).
    fn key(&self, id: CheckId) -> Option<KeyKind> {
        self.kind(id)
    }
    fn call(&self, id: CheckId) -> Option<CallKind> {
        self.kind(id)
    }
    fn browser(&self, id: CheckId) -> Option<BrowserKind> {
        self.kind(id)
    }
    /// The browser's page never ran to its end: it says nothing of the path.
    fn page_failed(&self, id: CheckId) -> bool {
        self.failed(id)
            && matches!(
                self.browser(id),
                Some(
                    BrowserKind::LaunchFailed
                        | BrowserKind::NotServed
                        | BrowserKind::BrowserExited
                        | BrowserKind::NotOpened
                        | BrowserKind::Stalled
                )
            )
    }
    fn stun(&self) -> Option<StunKind> {
        self.kind(CheckId::Stun)
    }
    fn turn(&self) -> Option<TurnKind> {
        self.kind(CheckId::Turn)
    }
    /// STUN over UDP got nothing, silently or with ICMP.
    fn stun_udp_dead(&self) -> bool {
        matches!(self.stun(), Some(StunKind::UdpBlocked | StunKind::UdpRejected))
    }
    /// Our own peer's ICE never connected.
    fn ice_dead(&self) -> bool {
        self.stage(self.call_check()) == Some(Stage::Ice)
    }
    /// The check that made this machine's call: the datachannel check, or the voice check when it
    /// ran without it (and made its own).
    fn call_check(&self) -> CheckId {
        match self.result(CheckId::Datachannel) {
            Some(r) if r.status != Status::Skip || self.result(CheckId::Voice).is_none() => CheckId::Datachannel,
            _ => CheckId::Voice,
        }
    }
    /// The stage of the call at which a check's cause stopped it.
    fn stage(&self, id: CheckId) -> Option<Stage> {
        self.call(id).and_then(Stage::of)
    }
    fn message(&self, id: CheckId) -> String {
        self.result(id).and_then(|r| r.cause.as_ref()).map(|c| c.message.clone()).unwrap_or_default()
    }
    fn fix(&self, id: CheckId) -> Fix {
        self.result(id).and_then(|r| r.fix.clone()).unwrap_or_else(|| Fix::new("See the check's evidence."))
    }
    /// The selected pair of a call that connected: this machine's peer's, else the browser's.
    fn media_pair(&self) -> Option<&'a crate::report::CandidatePair> {
        [CheckId::Datachannel, CheckId::BrowserWebrtc]
            .into_iter()
            .find_map(|id| self.result(id)?.evidence.selected_pair.as_ref())
    }
    /// How the media of the call that connected left this side.
    fn media_leg(&self) -> Option<Leg> {
        Some(Leg::of(self.media_pair()?, None))
    }
    /// The call ran over ICE-TCP straight to the media server.
    fn media_over_ice_tcp(&self) -> bool {
        self.media_leg() == Some(Leg::IceTcp)
    }
    /// The media server's port on the selected pair, when the evidence names the remote side.
    fn media_port(&self) -> Option<u16> {
        Some(self.media_pair()?.remote.as_ref()?.port)
    }
    /// Which calls ran over ICE-TCP: this machine's, the browser's, or both.
    fn calls_over_tcp(&self) -> &'static str {
        let tcp = |id| {
            self.result(id)
                .and_then(|r| r.evidence.selected_pair.as_ref())
                .is_some_and(|p| Leg::of(p, None) == Leg::IceTcp)
        };
        match (tcp(CheckId::Datachannel), tcp(CheckId::BrowserWebrtc)) {
            (true, true) => "this machine's call and the browser's did",
            (false, true) => "the browser's call did",
            _ => "the call did",
        }
    }
    /// The call itself went through a TURN relay reached over TCP or TLS.
    fn call_relayed_over_stream(&self) -> bool {
        self.result(Datachannel)
            .and_then(|r| r.evidence.selected_pair.as_ref())
            .is_some_and(|p| Leg::of(p, None).relayed_over_stream())
    }
    /// The TURN URLs over TCP or TLS that relayed in the turn check.
    fn turn_stream_relays(&self) -> Vec<String> {
        let Some(r) = self.result(CheckId::Turn) else { return Vec::new() };
        r.evidence
            .candidates
            .iter()
            .filter(|c| Leg::of_candidate(c, None).relayed_over_stream())
            .filter_map(|c| c.source.clone())
            .collect()
    }
}

type Pred = fn(&Facts) -> bool;
type Text = fn(&Facts) -> (String, Fix);

/// One row of the table: when the evidence matches, this is the verdict.
pub struct Rule {
    pub id: &'static str,
    pub stage: &'static str,
    pub when: Pred,
    pub then: Text,
}

pub(crate) const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";

mod rules;
use CheckId::Datachannel;
pub use rules::RULES;

/// A rule's stage that is the stage of the check it names (its registry entry's).
const FROM_THE_CHECK: &str = "";

/// The first check, in the registry's order, that failed.
fn first_failed(f: &Facts) -> Option<CheckId> {
    f.report.results.iter().find(|r| r.status == Status::Fail).map(|r| r.id)
}

/// The first check, in the registry's order, with the worst status of the run (when it is not a pass).
fn worst(f: &Facts) -> Option<CheckId> {
    let worst = f.report.results.iter().map(|r| r.status).max()?;
    (worst > Status::Pass).then(|| f.report.results.iter().find(|r| r.status == worst).map(|r| r.id)).flatten()
}

/// The verdict for a report: the first rule that matches; `None` when nothing failed or warned.
pub fn diagnose(report: &Report) -> Option<Verdict> {
    if report.status <= Status::Pass {
        return None;
    }
    diagnose_by(RULES, report)
}

fn diagnose_by(rules: &[Rule], report: &Report) -> Option<Verdict> {
    let f = Facts { report };
    rules.iter().find(|r| (r.when)(&f)).map(|r| {
        let (summary, fix) = (r.then)(&f);
        let stage = match r.stage {
            FROM_THE_CHECK => first_failed(&f).map_or("check", |id| id.spec().stage),
            s => s,
        };
        Verdict { rule: r.id.into(), stage: stage.into(), summary, fix }
    })
}

/// A saved report read back: one written before verdicts existed (schema 1) gets its verdict from
/// its results, as a run would have given it.
pub fn complete(report: &mut Report) {
    if report.verdict.is_none() {
        report.verdict = diagnose(report);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Candidate, CandidatePair, CandidateType, Cause, Evidence, Protocol, Side, Target};
    use CauseKind as C;
    use CheckId::{BrowserMic, BrowserWebrtc, Key, Mic, Sdp, Stun, Turn, Voice};
    use Status::*;

    fn result(id: CheckId, status: Status, cause: Option<CauseKind>) -> CheckResult {
        CheckResult {
            id,
            title: id.title().into(),
            status,
            summary: format!("{id} {status}"),
            cause: cause.map(|k| Cause { id: format!("{id}.{}", k.id()), message: format!("{} happened", k.id()) }),
            fix: cause.map(|k| Fix::new(format!("fix for {}", k.id()))),
            evidence: Evidence::default(),
            duration_ms: 1.0,
        }
    }

    /// A report from (check, status, cause) rows; unlisted checks pass.
    fn report(rows: &[(CheckId, Status, Option<CauseKind>)]) -> Report {
        let results = CheckId::ALL
            .iter()
            .map(|id| {
                rows.iter()
                    .find(|r| r.0 == *id)
                    .map(|r| result(r.0, r.1, r.2))
                    .unwrap_or_else(|| result(*id, Pass, None))
            })
            .collect();
        Report::new(
            Target { api: VoiceApi::Realtime, base_url: "b".into(), model: "m".into() },
            std::time::SystemTime::UNIX_EPOCH,
            std::time::Duration::ZERO,
            results,
        )
    }

    fn rule(rows: &[(CheckId, Status, Option<CauseKind>)]) -> Option<String> {
        diagnose(&report(rows)).map(|v| v.rule)
    }

    fn key(k: KeyKind) -> Option<CauseKind> {
        Some(C::of(k))
    }
    fn call(k: CallKind) -> Option<CauseKind> {
        Some(C::of(k))
    }
    fn stun(k: StunKind) -> Option<CauseKind> {
        Some(C::of(k))
    }
    fn turn(k: TurnKind) -> Option<CauseKind> {
        Some(C::of(k))
    }
    fn browser(k: BrowserKind) -> Option<CauseKind> {
        Some(C::of(k))
    }

    #[test]
    fn every_rule_fires_on_its_pattern() {
        type Row<'a> = (&'a [(CheckId, Status, Option<CauseKind>)], &'a str);
        let table: &[Row] = &[
            (
                &[(Key, Fail, key(KeyKind::TlsIntercepted)), (Sdp, Skip, None), (Datachannel, Skip, None)],
                "tls_interception",
            ),
            (&[(Key, Fail, key(KeyKind::AzurePreviewRetired)), (Sdp, Skip, None)], "retired_endpoint"),
            (&[(Key, Fail, key(KeyKind::Cleartext)), (Sdp, Skip, None)], "cleartext_key"),
            (&[(Key, Fail, key(KeyKind::WrongApiModel))], "model_wrong_api"),
            (
                &[(Sdp, Fail, key(KeyKind::WrongApiModel)), (Datachannel, Fail, key(KeyKind::WrongApiModel))],
                "model_wrong_api",
            ),
            (&[(Key, Fail, key(KeyKind::ConnectTimeout))], "api_unreachable"),
            (&[(Key, Fail, key(KeyKind::NotOpenAi))], "api_unreachable"),
            (&[(Key, Fail, key(KeyKind::InsufficientQuota)), (Sdp, Skip, None)], "no_credit"),
            (&[(Sdp, Fail, key(KeyKind::InsufficientQuota))], "no_credit"),
            (&[(Key, Fail, key(KeyKind::InvalidApiKey))], "key_rejected"),
            (&[(Key, Fail, key(KeyKind::Several))], "key_rejected"),
            (&[(Key, Fail, key(KeyKind::BadClientSecret))], "token"),
            (
                &[
                    (Stun, Fail, stun(StunKind::UdpBlocked)),
                    (Sdp, Fail, call(CallKind::CandidatesUnreachable)),
                    (Datachannel, Fail, call(CallKind::IceStuckChecking)),
                    (Turn, Skip, None),
                ],
                "all_blocked",
            ),
            (
                &[(Stun, Fail, stun(StunKind::UdpBlocked)), (Sdp, Warn, call(CallKind::UdpBlockedTcpWorks))],
                "udp_blocked_tcp_works",
            ),
            // The network lab's "UDP dropped": our peer cannot do ICE-TCP, browsers can.
            (
                &[
                    (Stun, Fail, stun(StunKind::UdpBlocked)),
                    (Sdp, Warn, call(CallKind::UdpBlockedTcpWorks)),
                    (Datachannel, Fail, call(CallKind::IceStuckChecking)),
                    (Turn, Warn, turn(TurnKind::UdpBlockedStreamWorks)),
                ],
                "udp_blocked_tcp_works",
            ),
            // UDP blocked, no TCP candidate reachable, TURN over TCP relays: the relay is the way.
            (
                &[
                    (Stun, Fail, stun(StunKind::UdpBlocked)),
                    (Sdp, Fail, call(CallKind::CandidatesUnreachable)),
                    (Datachannel, Fail, call(CallKind::IceStuckChecking)),
                    (Turn, Warn, turn(TurnKind::UdpBlockedStreamWorks)),
                ],
                "udp_blocked_turn_tcp_works",
            ),
            (&[(Stun, Fail, stun(StunKind::UdpRejected))], "stun_only"),
            (
                &[
                    (Stun, Fail, stun(StunKind::UdpBlocked)),
                    (Sdp, Warn, call(CallKind::GatheringStalled)),
                    (Datachannel, Warn, call(CallKind::GatheringStalled)),
                ],
                "dead_ice_servers",
            ),
            (&[(Sdp, Fail, call(CallKind::NotSdp))], "sdp"),
            (&[(Sdp, Fail, call(CallKind::ViaRoute)), (Datachannel, Fail, call(CallKind::ViaRoute))], "backend"),
            (&[(Sdp, Fail, call(CallKind::ApplicationRejected))], "sdp"),
            (&[(Datachannel, Fail, call(CallKind::IceStuckChecking))], "ice"),
            (&[(Sdp, Fail, call(CallKind::CandidatesUnreachable))], "ice"),
            (&[(Datachannel, Fail, call(CallKind::DtlsFailed))], "dtls"),
            (&[(Datachannel, Fail, call(CallKind::ChannelNeverOpens))], "data_channel"),
            (&[(Datachannel, Fail, call(CallKind::ApplicationRejected))], "data_channel"),
            (&[(Datachannel, Fail, call(CallKind::NoSessionCreated))], "session"),
            (&[(Datachannel, Fail, call(CallKind::NoSessionStarted))], "session"),
            (&[(Datachannel, Fail, call(CallKind::SessionMismatch))], "session"),
            (&[(Datachannel, Fail, call(CallKind::NoCommandConfirmation))], "session"),
            (&[(Datachannel, Fail, call(CallKind::SessionClosed))], "session"),
            (&[(Datachannel, Fail, call(CallKind::UnparseableAnswer))], "data_channel"),
            (&[(Datachannel, Warn, call(CallKind::NoSessionClosed))], "warning"),
            (&[(Datachannel, Fail, call(CallKind::Peer))], "webrtc_other"),
            (&[(Turn, Fail, turn(TurnKind::CredentialsRejected))], "turn"),
            (&[(Stun, Fail, stun(StunKind::Dns))], "stun_only"),
            (&[(Mic, Fail, Some(C::of(crate::check::mic::MicKind::DigitalSilence)))], "microphone"),
            // The browser checks (the browser command runs only them: the others are skipped).
            (&[(BrowserWebrtc, Fail, key(KeyKind::InvalidApiKey)), (Key, Skip, None)], "key_rejected"),
            (&[(BrowserWebrtc, Fail, key(KeyKind::InsufficientQuota))], "no_credit"),
            (
                &[
                    (BrowserWebrtc, Fail, browser(BrowserKind::LaunchFailed)),
                    (BrowserMic, Fail, browser(BrowserKind::LaunchFailed)),
                ],
                "browser_page",
            ),
            (&[(BrowserMic, Fail, browser(BrowserKind::NotOpened))], "browser_page"),
            (
                &[
                    (BrowserWebrtc, Fail, browser(BrowserKind::HostOnly)),
                    (BrowserMic, Fail, browser(BrowserKind::PermissionDenied)),
                ],
                "browser_call",
            ),
            (&[(BrowserWebrtc, Fail, call(CallKind::ChannelNeverOpens))], "browser_call"),
            (&[(BrowserWebrtc, Fail, call(CallKind::ViaRoute))], "backend"),
            (&[(BrowserMic, Fail, browser(BrowserKind::PermissionDenied))], "browser_microphone"),
            (&[(BrowserWebrtc, Warn, call(CallKind::MediaOverTcp))], "warning"),
            // The scheduler's own cause on a browser check.
            (
                &[(Turn, Skip, None), (BrowserMic, Fail, Some(C::of(crate::check::RunKind::CheckTimeout)))],
                "browser_microphone",
            ),
            (&[(Key, Warn, key(KeyKind::ClockSkew))], "warning"),
            (&[(Voice, Fail, Some(C::of(crate::check::voice::VoiceKind::NotHeard)))], "voice"),
            (
                &[(Voice, Fail, Some(C::of(crate::check::voice::VoiceKind::NoReplyAudio))), (Datachannel, Skip, None)],
                "voice",
            ),
            (&[(Voice, Fail, call(CallKind::IceFailed)), (Datachannel, Skip, None)], "ice"),
        ];
        for (rows, want) in table {
            assert_eq!(rule(rows).as_deref(), Some(*want), "{rows:?}");
        }
        for r in RULES {
            // The catch-all for checks without rules of their own has a test of its own below.
            assert!(r.id == "check_failed" || table.iter().any(|(_, w)| *w == r.id), "rule {} has no test row", r.id);
        }
    }

    /// A check with no rule of its own still gets a verdict in its own stage and words: what a new
    /// check has before anyone writes one.
    #[test]
    fn a_check_without_rules_of_its_own_gets_the_catch_all() {
        let generic: Vec<Rule> =
            RULES.iter().filter(|r| ["check_failed", "warning"].contains(&r.id)).map(|r| Rule { ..*r }).collect();
        let silent = Some(C::of(crate::check::mic::MicKind::DigitalSilence));
        let v = diagnose_by(&generic, &report(&[(Mic, Fail, silent)])).unwrap();
        assert_eq!((v.rule.as_str(), v.stage.as_str()), ("check_failed", "microphone"), "{v:?}");
        assert!(v.summary.starts_with("the mic check fails: silence happened"), "{v:?}");
        assert_eq!(v.fix.text, "fix for silence");
        let v = diagnose_by(&generic, &report(&[(Mic, Warn, silent)])).unwrap();
        assert_eq!(v.rule, "warning");
    }

    #[test]
    fn a_microphone_verdict_claims_only_what_ran() {
        let silent = Some(C::of(crate::check::mic::MicKind::DigitalSilence));
        let lead = |rows: &[(CheckId, Status, Option<CauseKind>)]| diagnose(&report(rows)).unwrap().summary;
        // Unlisted checks pass in `report`: list the ones that did not run.
        let none = [(Key, Skip, None), (Stun, Skip, None), (Turn, Skip, None), (Sdp, Skip, None)];
        let with = |extra: &[(CheckId, Status, Option<CauseKind>)]| {
            // The first row for a check counts.
            let mut rows = extra.to_vec();
            rows.extend_from_slice(&none);
            rows.push((Mic, Fail, silent));
            lead(&rows)
        };
        assert!(with(&[(Datachannel, Skip, None)]).starts_with("the microphone does not work:"));
        assert!(with(&[(Stun, Pass, None), (Datachannel, Skip, None)]).starts_with("the network checks pass, but"));
        assert!(with(&[(Datachannel, Pass, None)]).starts_with("the call connects, but"));
    }

    #[test]
    fn the_verdict_names_the_api_checked() {
        let mut r = report(&[(Sdp, Fail, call(CallKind::NotLiveAnswer))]);
        r.target.api = VoiceApi::Live;
        let v = diagnose(&r).unwrap();
        assert_eq!(v.rule, "sdp");
        assert!(v.summary.contains("/v1/live/sessions"), "{v:?}");
        let mut r = report(&[(Key, Fail, key(KeyKind::RateLimited))]);
        r.target.api = VoiceApi::Live;
        assert!(!diagnose(&r).unwrap().summary.contains("client secret"));
        let r = report(&[(Key, Fail, key(KeyKind::RateLimited))]);
        assert!(diagnose(&r).unwrap().summary.contains("client secret"));
    }

    /// Every cause of every check, alone in a run: a verdict with a fix; a failure always gets a
    /// rule of its own stage, never the catch-all for warnings.
    #[test]
    fn every_cause_of_every_check_gets_a_verdict() {
        for id in CheckId::ALL {
            for cause in id.spec().causes.examples() {
                let status = cause.status();
                let v = diagnose(&report(&[(*id, status, Some(cause.kind()))]))
                    .unwrap_or_else(|| panic!("{id}.{}: no verdict", cause.id()));
                assert!(v.fix.text.len() > 10, "{id}.{}: {v:?}", cause.id());
                crate::check::registry::words::assert_clean(&format!("verdict {}", v.rule), &v.summary);
                crate::check::registry::words::assert_clean(&format!("verdict {} fix", v.rule), &v.fix.text);
                if status == Fail {
                    // The catch-all names the check's own stage: a rule of its own stage too.
                    let own = v.rule == "check_failed" && v.stage == id.spec().stage;
                    assert!(
                        v.rule != "warning" && (v.rule != "check_failed" || own),
                        "{id}.{} fails without a rule of its own stage: {} ({})",
                        cause.id(),
                        v.rule,
                        v.stage
                    );
                }
            }
        }
    }

    #[test]
    fn the_udp_blocked_verdict_names_the_tcp_fallback() {
        let v = diagnose(&report(&[
            (Stun, Fail, stun(StunKind::UdpBlocked)),
            (Sdp, Warn, call(CallKind::UdpBlockedTcpWorks)),
        ]))
        .unwrap();
        assert_eq!(v.stage, "ICE");
        assert!(v.summary.contains("ICE-TCP on port 443") && v.summary.contains("higher latency"), "{}", v.summary);
        assert!(v.fix.text.contains("TURN server over TLS on 443"), "{}", v.fix.text);
    }

    #[test]
    fn the_turn_relay_verdict_names_the_url_that_relayed() {
        let mut r = report(&[
            (Stun, Fail, stun(StunKind::UdpBlocked)),
            (Sdp, Fail, call(CallKind::CandidatesUnreachable)),
            (Datachannel, Fail, call(CallKind::IceStuckChecking)),
            (Turn, Warn, turn(TurnKind::UdpBlockedStreamWorks)),
        ]);
        let t = r.results.iter_mut().find(|x| x.id == Turn).unwrap();
        let relay = |src: &str| {
            Candidate::new(CandidateType::Relay, Protocol::Udp, "198.18.0.3:49400".parse().unwrap(), Side::Local)
                .from(src)
        };
        t.evidence.candidates.push(relay("turn:198.18.0.3:443?transport=tcp"));
        t.evidence.candidates.push(relay("turn:198.18.0.2:3478"));
        let v = diagnose(&r).unwrap();
        assert!(
            v.summary.contains("UDP is blocked") && v.summary.contains("turn:198.18.0.3:443?transport=tcp relayed"),
            "{}",
            v.summary
        );
        assert!(
            v.fix.text.contains("Put turn:198.18.0.3:443?transport=tcp in your app's iceServers"),
            "{}",
            v.fix.text
        );
        assert!(!v.fix.text.contains("198.18.0.2:3478"), "the UDP URL did not relay: {}", v.fix.text);
    }

    #[test]
    fn a_saved_report_without_a_verdict_gets_one() {
        for text in
            [include_str!("../../examples/support-bundle.json"), include_str!("../../examples/report-schema1.json")]
        {
            let mut report = crate::report::load(text).unwrap().report;
            complete(&mut report);
            assert!(report.verdict.is_some() || report.status <= Status::Pass, "{report:?}");
        }
    }

    #[test]
    fn no_verdict_when_all_is_well_and_quota_is_billing() {
        assert_eq!(rule(&[]), None);
        assert_eq!(rule(&[(Mic, Skip, None), (Turn, Skip, None)]), None);
        let v = diagnose(&report(&[(Key, Fail, key(KeyKind::InsufficientQuota))])).unwrap();
        assert!(v.summary.contains("billing") && !v.fix.text.to_lowercase().contains("retry-after"));
    }

    #[test]
    fn a_turn_server_that_relayed_over_tcp_is_named_not_advised() {
        let mut r =
            report(&[(Stun, Fail, stun(StunKind::UdpBlocked)), (Sdp, Warn, call(CallKind::UdpBlockedTcpWorks))]);
        let url = "turn:198.18.0.2:3478?transport=tcp";
        let relay =
            Candidate::new(CandidateType::Relay, Protocol::Udp, "198.18.0.2:49400".parse().unwrap(), Side::Local);
        r.results.iter_mut().find(|x| x.id == Turn).unwrap().evidence.candidates.push(relay.from(url));
        let v = diagnose(&r).unwrap();
        assert_eq!(v.rule, "udp_blocked_tcp_works");
        assert!(
            v.fix.text.contains("your TURN server over TCP (turn:198.18.0.2:3478?transport=tcp)"),
            "{}",
            v.fix.text
        );
        assert!(!v.fix.text.contains("turns:host:443"), "{}", v.fix.text);
    }

    #[test]
    fn a_call_that_went_through_the_relay_is_not_told_to_configure_it() {
        let mut r = report(&[
            (Stun, Fail, stun(StunKind::UdpBlocked)),
            (Sdp, Fail, call(CallKind::CandidatesUnreachable)),
            (Datachannel, Warn, call(CallKind::MediaOverTcp)),
            (Turn, Warn, turn(TurnKind::UdpBlockedStreamWorks)),
        ]);
        let url = "turn:198.18.0.3:443?transport=tcp";
        let relay =
            Candidate::new(CandidateType::Relay, Protocol::Udp, "198.18.0.3:49400".parse().unwrap(), Side::Local);
        r.results.iter_mut().find(|x| x.id == Turn).unwrap().evidence.candidates.push(relay.clone().from(url));
        r.results.iter_mut().find(|x| x.id == Datachannel).unwrap().evidence.selected_pair =
            Some(CandidatePair { local: relay.from(url), remote: None });
        let v = diagnose(&r).unwrap();
        assert_eq!(v.rule, "udp_blocked_turn_tcp_works");
        assert!(v.summary.contains("carried this run's call"), "{}", v.summary);
        assert!(
            v.fix.text.starts_with("Keep turn:198.18.0.3:443?transport=tcp in your app's iceServers"),
            "{}",
            v.fix.text
        );
        assert!(!v.fix.text.contains("Put "), "{}", v.fix.text);
    }

    #[test]
    fn media_over_tcp_with_dead_udp_is_the_tcp_fallback() {
        let mut r = report(&[(Stun, Fail, stun(StunKind::UdpBlocked))]);
        let pair = |p| CandidatePair {
            local: Candidate::new(CandidateType::Host, p, "10.0.0.2:50000".parse().unwrap(), Side::Local),
            remote: None,
        };
        let dc = r.results.iter_mut().find(|x| x.id == Datachannel).unwrap();
        dc.evidence.selected_pair = Some(pair(Protocol::Tcp));
        assert_eq!(diagnose(&r).map(|v| v.rule).as_deref(), Some("udp_blocked_tcp_works"));
        let dc = r.results.iter_mut().find(|x| x.id == Datachannel).unwrap();
        dc.evidence.selected_pair = Some(pair(Protocol::Udp));
        assert_eq!(diagnose(&r).map(|v| v.rule).as_deref(), Some("stun_only"));
        // The call itself over ICE-TCP although the answer had UDP: UDP is blocked, whatever STUN says.
        let mut r = report(&[(Datachannel, Warn, call(CallKind::MediaOverTcp))]);
        let dc = r.results.iter_mut().find(|x| x.id == Datachannel).unwrap();
        dc.evidence.selected_pair = Some(pair(Protocol::Tcp));
        assert_eq!(diagnose(&r).map(|v| v.rule).as_deref(), Some("udp_blocked_tcp_works"));
        // The browser's call alone (the browser command) says the same, and says whose call it was.
        let mut r = report(&[(BrowserWebrtc, Warn, call(CallKind::MediaOverTcp)), (Datachannel, Skip, None)]);
        let b = r.results.iter_mut().find(|x| x.id == BrowserWebrtc).unwrap();
        b.evidence.selected_pair = Some(pair(Protocol::Tcp));
        let v = diagnose(&r).unwrap();
        assert_eq!(v.rule, "udp_blocked_tcp_works");
        assert!(v.summary.contains("the browser's call did"), "{}", v.summary);
    }

    #[test]
    fn the_first_failing_stage_wins() {
        // A key failure explains the skipped WebRTC checks, whatever else failed.
        assert_eq!(
            rule(&[
                (Key, Fail, key(KeyKind::InvalidApiKey)),
                (Stun, Fail, stun(StunKind::UdpBlocked)),
                (Mic, Fail, Some(C::of(crate::check::mic::MicKind::DigitalSilence)))
            ])
            .as_deref(),
            Some("key_rejected")
        );
        // The data channel's stage comes before the microphone's.
        assert_eq!(
            rule(&[
                (Datachannel, Fail, call(CallKind::DtlsFailed)),
                (Mic, Fail, Some(C::of(crate::check::mic::MicKind::DigitalSilence)))
            ])
            .as_deref(),
            Some("dtls")
        );
    }
}
