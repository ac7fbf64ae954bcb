//! One verdict for a run: the first stage that failed on the path key → token → SDP → ICE → DTLS →
//! data channel → session, the most likely cause given all the evidence, and the fix. The rules
//! are a table, tried in order; each has a test on a constructed report.

use crate::report::{CheckId, Fix, Report, Status, Verdict};

/// What the rules look at: per check, its status and cause id (without the check prefix).
pub struct Facts<'a> {
    report: &'a Report,
}

impl<'a> Facts<'a> {
    fn result(&self, id: CheckId) -> Option<&'a crate::report::CheckResult> {
        self.report.results.iter().find(|r| r.id == id)
    }
    pub fn status(&self, id: CheckId) -> Status {
        self.result(id).map(|r| r.status).unwrap_or(Status::Skip)
    }
    /// The cause id without its `check.` prefix.
    pub fn cause(&self, id: CheckId) -> &'a str {
        self.result(id)
            .and_then(|r| r.cause.as_ref())
            .map(|c| c.id.split_once('.').map_or(c.id.as_str(), |(_, x)| x))
            .unwrap_or("")
    }
    fn is(&self, id: CheckId, causes: &[&str]) -> bool {
        causes.contains(&self.cause(id))
    }
    fn failed(&self, id: CheckId) -> bool {
        self.status(id) == Status::Fail
    }
    fn message(&self, id: CheckId) -> String {
        self.result(id).and_then(|r| r.cause.as_ref()).map(|c| c.message.clone()).unwrap_or_default()
    }
    /// The transport of the data channel's selected pair (`udp`/`tcp`), when it connected.
    fn media_transport(&self) -> Option<&'a str> {
        let d = self.result(CheckId::Datachannel)?.evidence.details.iter().find(|d| d.name == "selected_pair")?;
        d.value.split_whitespace().nth(1)
    }
    fn fix(&self, id: CheckId) -> Fix {
        self.result(id).and_then(|r| r.fix.clone()).unwrap_or_else(|| Fix::new("See the check's evidence."))
    }
}

const HTTPS_DOWN: &[&str] = &[
    "dns_failure",
    "connection_refused",
    "network_unreachable",
    "connect_timeout",
    "proxy_auth_required",
    "proxy_refused",
    "tls_untrusted",
    "tls_expired",
    "tls_wrong_name",
    "not_tls",
    "tls_failure",
    "no_answer",
    "connection_closed",
    "transport_error",
    "not_openai_response",
];
const KEY_REJECTED: &[&str] = &[
    "missing_key",
    "empty_key",
    "key_quoted",
    "key_whitespace",
    "key_bearer_prefix",
    "key_masked_copy",
    "key_non_ascii",
    "ephemeral_key",
    "admin_key",
    "invalid_api_key",
    "unauthorized",
    "forbidden",
    "model_not_found",
    "endpoint_not_found",
];
const UDP_DEAD: &[&str] = &["udp_blocked", "udp_rejected"];
const ICE_DEAD: &[&str] = &["ice_stuck_checking", "ice_failed"];

type Pred = fn(&Facts) -> bool;
type Text = fn(&Facts) -> (String, Fix);

/// One row of the table: when the evidence matches, this is the verdict.
pub struct Rule {
    pub id: &'static str,
    pub stage: &'static str,
    pub when: Pred,
    pub then: Text,
}

const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";

pub const RULES: &[Rule] = &[
    Rule {
        id: "tls_interception",
        stage: "network (HTTPS)",
        when: |f| f.failed(CheckId::Key) && f.is(CheckId::Key, &["tls_interception"]),
        then: |f| {
            (format!("TLS to the API is intercepted on this network: {}", f.message(CheckId::Key)), f.fix(CheckId::Key))
        },
    },
    Rule {
        id: "api_unreachable",
        stage: "network (HTTPS)",
        when: |f| f.failed(CheckId::Key) && f.is(CheckId::Key, HTTPS_DOWN),
        then: |f| (format!("the API cannot be reached over HTTPS: {}", f.message(CheckId::Key)), f.fix(CheckId::Key)),
    },
    Rule {
        id: "no_credit",
        stage: "token",
        when: |f| f.is(CheckId::Key, &["insufficient_quota"]) || f.is(CheckId::Sdp, &["insufficient_quota"]),
        then: |f| {
            let id = if f.is(CheckId::Key, &["insufficient_quota"]) { CheckId::Key } else { CheckId::Sdp };
            (
                "the account has no credit left (429 insufficient_quota): a billing problem, not a rate limit".into(),
                f.fix(id),
            )
        },
    },
    Rule {
        id: "key_rejected",
        stage: "key",
        when: |f| f.failed(CheckId::Key) && f.is(CheckId::Key, KEY_REJECTED),
        then: |f| (format!("the API key cannot be used: {}", f.message(CheckId::Key)), f.fix(CheckId::Key)),
    },
    Rule {
        id: "token",
        stage: "token",
        when: |f| f.failed(CheckId::Key),
        then: |f| (format!("no client secret can be minted: {}", f.message(CheckId::Key)), f.fix(CheckId::Key)),
    },
    Rule {
        id: "all_blocked",
        stage: "ICE",
        // Not when TCP to the media server answers: our own peer (webrtc-rs) does no active
        // ICE-TCP, so its ICE failure then says nothing about browsers, which do.
        when: |f| {
            f.is(CheckId::Stun, UDP_DEAD)
                && !f.is(CheckId::Sdp, &["udp_blocked_tcp_works"])
                && (f.is(CheckId::Sdp, &["candidates_unreachable"]) || f.is(CheckId::Datachannel, ICE_DEAD))
                && !matches!(f.status(CheckId::Turn), Status::Pass | Status::Warn)
        },
        then: |_| {
            (
                "outbound UDP and TCP to the media servers are blocked: a firewall stops every path, and no working TURN is configured".into(),
                Fix::new("Allow outbound UDP 3478 and TCP 443 to OpenAI's media servers, or provide a TURN server over TLS on 443 (turns:host:443?transport=tcp) that your proxy lets through.").doc(WEBRTC),
            )
        },
    },
    Rule {
        id: "udp_blocked_tcp_works",
        stage: "ICE",
        // UDP dead needs TCP evidence: the answer's TCP candidates answered and its UDP ones did
        // not, or media itself runs over TCP. A dead STUN server alone proves nothing about UDP.
        when: |f| {
            f.is(CheckId::Sdp, &["udp_blocked_tcp_works"])
                || (f.is(CheckId::Stun, UDP_DEAD) && f.media_transport() == Some("tcp"))
        },
        then: |_| {
            (
                "outbound UDP is blocked; media will fall back to ICE-TCP on port 443 in browsers, expect higher latency".into(),
                Fix::new("Allow outbound UDP 3478 to OpenAI's media servers for the best latency, or configure TURN over TLS on 443 (turns:host:443?transport=tcp) as a fallback.").doc(WEBRTC),
            )
        },
    },
    Rule {
        id: "dead_ice_servers",
        stage: "ICE gathering",
        when: |f| f.is(CheckId::Sdp, &["gathering_stalled"]) || f.is(CheckId::Datachannel, &["gathering_stalled"]),
        then: |f| {
            let id =
                if f.is(CheckId::Datachannel, &["gathering_stalled"]) { CheckId::Datachannel } else { CheckId::Sdp };
            (
                format!(
                    "an ICE server in the configuration does not answer and holds up ICE gathering; the connection itself works: {}",
                    f.message(id)
                ),
                f.fix(id),
            )
        },
    },
    Rule {
        id: "sdp",
        stage: "SDP",
        when: |f| f.failed(CheckId::Sdp) && !f.is(CheckId::Sdp, &["candidates_unreachable"]),
        then: |f| {
            (
                format!("the SDP exchange with /v1/realtime/calls fails: {}", f.message(CheckId::Sdp)),
                f.fix(CheckId::Sdp),
            )
        },
    },
    Rule {
        id: "ice",
        stage: "ICE",
        when: |f| f.is(CheckId::Datachannel, ICE_DEAD) || f.is(CheckId::Sdp, &["candidates_unreachable"]),
        then: |f| {
            let id = if f.is(CheckId::Datachannel, ICE_DEAD) { CheckId::Datachannel } else { CheckId::Sdp };
            (format!("ICE never connects: {}", f.message(id)), f.fix(id))
        },
    },
    Rule {
        id: "dtls",
        stage: "DTLS",
        when: |f| f.is(CheckId::Datachannel, &["dtls_failed"]),
        then: |f| (f.message(CheckId::Datachannel), f.fix(CheckId::Datachannel)),
    },
    Rule {
        id: "data_channel",
        stage: "data channel",
        when: |f| {
            f.is(
                CheckId::Datachannel,
                &["channel_never_opens", "no_application_section", "incomplete_answer", "answer_rejected"],
            )
        },
        then: |f| (f.message(CheckId::Datachannel), f.fix(CheckId::Datachannel)),
    },
    Rule {
        id: "session",
        stage: "session",
        when: |f| f.is(CheckId::Datachannel, &["no_session_created", "server_error_event", "no_session_updated"]),
        then: |f| (f.message(CheckId::Datachannel), f.fix(CheckId::Datachannel)),
    },
    Rule {
        id: "webrtc_other",
        stage: "data channel",
        when: |f| f.failed(CheckId::Datachannel),
        then: |f| (f.message(CheckId::Datachannel), f.fix(CheckId::Datachannel)),
    },
    Rule {
        id: "turn",
        stage: "TURN",
        when: |f| f.failed(CheckId::Turn),
        then: |f| {
            (format!("the configured TURN server does not work: {}", f.message(CheckId::Turn)), f.fix(CheckId::Turn))
        },
    },
    Rule {
        id: "stun_only",
        stage: "STUN",
        when: |f| f.failed(CheckId::Stun),
        then: |f| {
            let works = if f.status(CheckId::Datachannel) == Status::Pass {
                " (the Realtime connection itself works: OpenAI's media servers are reached directly)"
            } else {
                ""
            };
            (format!("no STUN server answers{works}: {}", f.message(CheckId::Stun)), f.fix(CheckId::Stun))
        },
    },
    Rule {
        id: "microphone",
        stage: "microphone",
        when: |f| f.failed(CheckId::Mic),
        then: |f| {
            (
                format!("the network path works, but the microphone does not: {}", f.message(CheckId::Mic)),
                f.fix(CheckId::Mic),
            )
        },
    },
];

/// The verdict for a report: the first rule that matches; `None` when nothing failed or warned.
pub fn diagnose(report: &Report) -> Option<Verdict> {
    if report.status <= Status::Pass {
        return None;
    }
    let f = Facts { report };
    RULES.iter().find(|r| (r.when)(&f)).map(|r| {
        let (summary, fix) = (r.then)(&f);
        Verdict { rule: r.id.into(), stage: r.stage.into(), summary, fix }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Cause, CheckResult, Evidence, Target};

    fn result(id: CheckId, status: Status, cause: &str) -> CheckResult {
        CheckResult {
            id,
            title: id.title().into(),
            status,
            summary: format!("{id} {status}"),
            cause: (!cause.is_empty())
                .then(|| Cause { id: format!("{id}.{cause}"), message: format!("{cause} happened") }),
            fix: (!cause.is_empty()).then(|| Fix::new(format!("fix for {cause}"))),
            evidence: Evidence::default(),
            duration_ms: 1.0,
        }
    }

    /// A report from (check, status, cause) triples; unlisted checks pass.
    fn report(rows: &[(CheckId, Status, &str)]) -> Report {
        let results = CheckId::ALL
            .iter()
            .map(|id| {
                rows.iter()
                    .find(|r| r.0 == *id)
                    .map(|r| result(r.0, r.1, r.2))
                    .unwrap_or_else(|| result(*id, Status::Pass, ""))
            })
            .collect();
        Report::new(
            Target { base_url: "b".into(), model: "m".into() },
            std::time::SystemTime::UNIX_EPOCH,
            std::time::Duration::ZERO,
            results,
        )
    }

    fn rule(rows: &[(CheckId, Status, &str)]) -> Option<String> {
        diagnose(&report(rows)).map(|v| v.rule)
    }

    use CheckId::*;
    use Status::*;

    #[test]
    fn every_rule_fires_on_its_pattern() {
        type Row<'a> = (&'a [(CheckId, Status, &'a str)], &'a str);
        let table: &[Row] = &[
            (&[(Key, Fail, "tls_interception"), (Sdp, Skip, ""), (Datachannel, Skip, "")], "tls_interception"),
            (&[(Key, Fail, "connect_timeout")], "api_unreachable"),
            (&[(Key, Fail, "insufficient_quota"), (Sdp, Skip, "")], "no_credit"),
            (&[(Key, Fail, "invalid_api_key")], "key_rejected"),
            (&[(Key, Fail, "bad_client_secret")], "token"),
            (
                &[
                    (Stun, Fail, "udp_blocked"),
                    (Sdp, Fail, "candidates_unreachable"),
                    (Datachannel, Fail, "ice_stuck_checking"),
                    (Turn, Skip, ""),
                ],
                "all_blocked",
            ),
            (&[(Stun, Fail, "udp_blocked"), (Sdp, Warn, "udp_blocked_tcp_works")], "udp_blocked_tcp_works"),
            // The network lab's "UDP dropped": our peer cannot do ICE-TCP, browsers can.
            (
                &[
                    (Stun, Fail, "udp_blocked"),
                    (Sdp, Warn, "udp_blocked_tcp_works"),
                    (Datachannel, Fail, "ice_stuck_checking"),
                    (Turn, Warn, "udp_blocked_tcp_works"),
                ],
                "udp_blocked_tcp_works",
            ),
            (&[(Stun, Fail, "udp_rejected")], "stun_only"),
            (
                &[
                    (Stun, Fail, "udp_blocked"),
                    (Sdp, Warn, "gathering_stalled"),
                    (Datachannel, Warn, "gathering_stalled"),
                ],
                "dead_ice_servers",
            ),
            (&[(Sdp, Fail, "answer_not_sdp")], "sdp"),
            (&[(Datachannel, Fail, "ice_stuck_checking")], "ice"),
            (&[(Datachannel, Fail, "dtls_failed")], "dtls"),
            (&[(Datachannel, Fail, "channel_never_opens")], "data_channel"),
            (&[(Datachannel, Fail, "no_session_created")], "session"),
            (&[(Datachannel, Fail, "peer_setup")], "webrtc_other"),
            (&[(Turn, Fail, "credentials_rejected")], "turn"),
            (&[(Stun, Fail, "dns_failure")], "stun_only"),
            (&[(Mic, Fail, "silence")], "microphone"),
        ];
        for (rows, want) in table {
            assert_eq!(rule(rows).as_deref(), Some(*want), "{rows:?}");
        }
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        for r in &ids {
            assert!(table.iter().any(|(_, w)| w == r), "rule {r} has no test row");
        }
    }

    #[test]
    fn the_issue_example_names_blocked_udp_and_the_tcp_fallback() {
        let v = diagnose(&report(&[(Stun, Fail, "udp_blocked"), (Sdp, Warn, "udp_blocked_tcp_works")])).unwrap();
        assert_eq!(v.stage, "ICE");
        assert!(v.summary.contains("ICE-TCP on port 443") && v.summary.contains("higher latency"), "{}", v.summary);
        assert!(v.fix.text.contains("TURN over TLS on 443"), "{}", v.fix.text);
    }

    #[test]
    fn no_verdict_when_all_is_well_and_quota_is_billing() {
        assert_eq!(rule(&[]), None);
        assert_eq!(rule(&[(Mic, Skip, ""), (Turn, Skip, "")]), None);
        let v = diagnose(&report(&[(Key, Fail, "insufficient_quota")])).unwrap();
        assert!(v.summary.contains("billing") && !v.fix.text.to_lowercase().contains("retry-after"));
    }

    #[test]
    fn media_over_tcp_with_dead_udp_is_the_tcp_fallback() {
        let mut r = report(&[(Stun, Fail, "udp_blocked")]);
        let dc = r.results.iter_mut().find(|x| x.id == Datachannel).unwrap();
        dc.evidence.detail("selected_pair", "host tcp 10.0.0.2:50000 -> the answer's candidate");
        assert_eq!(diagnose(&r).map(|v| v.rule).as_deref(), Some("udp_blocked_tcp_works"));
        let dc = r.results.iter_mut().find(|x| x.id == Datachannel).unwrap();
        dc.evidence.details[0].value = "host udp 10.0.0.2:50000 -> the answer's candidate".into();
        assert_eq!(diagnose(&r).map(|v| v.rule).as_deref(), Some("stun_only"));
    }

    #[test]
    fn the_first_failing_stage_wins() {
        // A key failure explains the skipped WebRTC checks, whatever else failed.
        assert_eq!(
            rule(&[(Key, Fail, "invalid_api_key"), (Stun, Fail, "udp_blocked"), (Mic, Fail, "silence")]).as_deref(),
            Some("key_rejected")
        );
        // The data channel's stage comes before the microphone's.
        assert_eq!(rule(&[(Datachannel, Fail, "dtls_failed"), (Mic, Fail, "silence")]).as_deref(), Some("dtls"));
    }
}
