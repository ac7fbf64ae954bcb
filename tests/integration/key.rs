//! Every classification of the key check, driven through the real binary against the fake API.

use super::support::*;
use realtime_doctor::fake::{FakeConfig, Fault};

fn with(fault: Option<Fault>) -> realtime_doctor::fake::FakeServer {
    let cfg = FakeConfig::new(KEY);
    fake(match fault {
        Some(f) => cfg.fault(f),
        None => cfg,
    })
}

#[test]
fn a_good_key_passes_with_timings_request_ids_and_ttl() {
    let s = with(None);
    let r = key_check(&s.url(), Some(KEY), &[]);
    let res = expect(&r, "pass", None);
    let phases: Vec<&str> =
        res["evidence"]["timings"].as_array().unwrap().iter().map(|t| t["phase"].as_str().unwrap()).collect();
    for p in ["dns", "connect", "first_byte", "models", "model", "client_secret"] {
        assert!(phases.contains(&p), "missing phase {p}: {phases:?}");
    }
    let details = res["evidence"]["details"].to_string();
    assert!(details.contains("x-request-id req_"), "{details}");
    assert!(details.contains("\"client_secret_ttl_s\",\"value\":\"600\""), "{details}");
    assert!(details.contains("sk-proj-…ET42"), "masked key shown: {details}");
    assert!(res["summary"].as_str().unwrap().contains("expires in 600 s"));
}

#[test]
fn server_failures_are_classified() {
    let table: &[(Option<Fault>, &str, &str)] = &[
        (Some(Fault::InvalidKey), "fail", "key.invalid_api_key"),
        (Some(Fault::Forbidden), "fail", "key.forbidden"),
        (Some(Fault::Quota), "fail", "key.insufficient_quota"),
        (Some(Fault::ModelNotFound), "fail", "key.model_not_found"),
        (Some(Fault::BetaOnly), "fail", "key.beta_only"),
        (Some(Fault::Html), "fail", "key.not_openai_response"),
        (Some(Fault::BadSecret), "fail", "key.bad_client_secret"),
        (Some(Fault::ExpiredSecret), "fail", "key.bad_client_secret"),
        (Some(Fault::BetaShapedSecret), "fail", "key.bad_client_secret"),
        (Some(Fault::RateLimit { times: 1, retry_after_s: 0 }), "warn", "key.rate_limited_recovered"),
    ];
    for (fault, status, cause) in table {
        let s = with(fault.clone());
        let r = key_check(&s.url(), Some(KEY), &[]);
        let res = expect(&r, status, Some(cause));
        eprintln!("{fault:?} -> {}", res["summary"]);
    }
}

#[test]
fn quota_is_a_billing_problem_not_a_rate_limit() {
    let s = with(Some(Fault::Quota));
    let r = key_check(&s.url(), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.insufficient_quota"));
    let fix = res["fix"]["text"].as_str().unwrap();
    assert!(fix.contains("will not help") && fix.contains("Billing"), "{fix}");
    assert!(res["fix"]["doc"].as_str().unwrap().contains("billing"));
    // No retries were spent on it.
    assert!(!res["evidence"]["details"].to_string().contains("attempts"), "{res:#}");
}

#[test]
fn persistent_rate_limit_honours_retry_after_and_gives_up() {
    let s = with(Some(Fault::RateLimit { times: u32::MAX, retry_after_s: 1 }));
    let r = key_check(&s.url(), Some(KEY), &["--timeout", "10s"]);
    let res = expect(&r, "fail", Some("key.rate_limited"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.contains("3 attempt") && msg.contains("retry-after 1 s"), "{msg}");
    // Two waits of retry-after (1 s each), not the backoff's own schedule.
    assert!(r.elapsed.as_secs_f64() >= 2.0, "{:?}", r.elapsed);
}

#[test]
fn rate_limit_wait_beyond_the_budget_is_not_taken() {
    let s = with(Some(Fault::RateLimit { times: u32::MAX, retry_after_s: 30 }));
    let r = key_check(&s.url(), Some(KEY), &["--timeout", "2s"]);
    expect(&r, "fail", Some("key.rate_limited"));
    assert!(r.elapsed.as_secs_f64() < 5.0, "waited for a retry-after beyond the budget: {:?}", r.elapsed);
}

#[test]
fn server_errors_are_retried_then_reported() {
    let s = with(Some(Fault::ServerError));
    let r = key_check(&s.url(), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.server_error"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("3 attempts"), "{res:#}");
}

#[test]
fn a_wrong_key_is_rejected_and_never_echoed() {
    let s = with(None);
    let wrong = "sk-proj-wrongwrongwrongwrongSECRET42";
    let r = key_check(&s.url(), Some(wrong), &[]);
    let res = expect(&r, "fail", Some("key.invalid_api_key"));
    // The fake server echoes the key unmasked in its message; the report must not.
    assert!(res["cause"]["message"].as_str().unwrap().contains("sk-proj-…ET42"), "{res:#}");
}

#[test]
fn beta_generation_is_explained() {
    // --api beta against a GA-only server: retired.
    let s = with(None);
    expect(&key_check(&s.url(), Some(KEY), &["--api", "beta"]), "fail", Some("key.beta_retired"));
    // --api beta where beta still answers: works, but deprecated.
    let s = with(Some(Fault::BetaAllowed));
    let res = expect(&key_check(&s.url(), Some(KEY), &["--api", "beta"]), "warn", Some("key.beta_deprecated"));
    assert!(res["fix"]["text"].as_str().unwrap().contains("/v1/realtime/client_secrets"));
    // --api ga against a beta-only gateway: the GA failure, without the beta probe.
    let s = with(Some(Fault::BetaOnly));
    expect(&key_check(&s.url(), Some(KEY), &["--api", "ga"]), "fail", Some("key.endpoint_not_found"));
}

#[test]
fn key_mistakes_are_caught_before_any_request() {
    let s = with(None);
    for (key, cause) in [
        (format!("\"{KEY}\""), "key.key_quoted"),
        (format!("{KEY} "), "key.key_whitespace"),
        (format!("Bearer {KEY}"), "key.key_bearer_prefix"),
        ("sk-proj-…ET42".to_owned(), "key.key_masked_copy"),
        ("ek_0123456789abcdefSECRET42".to_owned(), "key.ephemeral_key"),
        ("sk-admin-0123456789abcdefSECRET42".to_owned(), "key.admin_key"),
        (String::new(), "key.empty_key"),
    ] {
        let r = key_check(&s.url(), Some(&key), &[]);
        expect(&r, "fail", Some(cause));
    }
    assert_eq!(s.requests(), 0, "a linted key must not be sent");
    expect(&key_check(&s.url(), None, &[]), "fail", Some("key.missing_key"));
}

#[test]
fn an_unusual_key_shape_only_warns() {
    let token = "gw-token-0123456789SECRET42";
    let s = fake(FakeConfig::new(token));
    expect(&key_check(&s.url(), Some(token), &[]), "warn", Some("key.unknown_key_shape"));
}

#[test]
fn slow_server_ends_within_the_timeout() {
    let s = with(Some(Fault::Slow(std::time::Duration::from_secs(20))));
    let r = key_check(&s.url(), Some(KEY), &["--timeout", "1s"]);
    expect(&r, "fail", Some("key.no_answer"));
    assert!(r.elapsed.as_secs_f64() < 4.0, "{:?}", r.elapsed);
}

#[test]
fn model_access_uses_the_requested_model() {
    let s = with(None);
    let r = key_check(&s.url(), Some(KEY), &["--model", "gpt-realtime-nonexistent"]);
    let res = expect(&r, "fail", Some("key.model_not_found"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("gpt-realtime-nonexistent"));
}

#[test]
fn organization_mismatch_is_an_unauthorized_not_a_bad_key() {
    let s = with(None);
    let r = key_check(&s.url(), Some(KEY), &["--organization", "org-someone-else"]);
    let res = expect(&r, "fail", Some("key.unauthorized"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("mismatched_organization"), "{res:#}");
    assert!(res["fix"]["text"].as_str().unwrap().contains("OPENAI_ORG_ID"));
}

#[test]
fn a_slow_mint_fails_at_its_step_within_the_budget() {
    let s = with(Some(Fault::SlowMint(std::time::Duration::from_secs(20))));
    let r = key_check(&s.url(), Some(KEY), &["--timeout", "1500ms"]);
    let res = expect(&r, "fail", Some("key.slow_server"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("client_secrets"), "{res:#}");
    // The steps before it are in the evidence.
    assert!(res["evidence"]["details"].to_string().contains("GET /v1/models/{model}"), "{res:#}");
    assert!(r.elapsed.as_secs_f64() < 4.5, "{:?}", r.elapsed);
}

#[test]
fn clock_skew_warns_and_ttl_uses_the_server_clock() {
    let s = with(Some(Fault::ClockSkew(-900)));
    let r = key_check(&s.url(), Some(KEY), &[]);
    let res = expect(&r, "warn", Some("key.clock_skew"));
    let details = res["evidence"]["details"].to_string();
    assert!(details.contains("\"client_secret_ttl_s\",\"value\":\"600\""), "TTL against the server's Date: {details}");
}

#[test]
fn the_key_never_appears_in_any_format() {
    // The fake server echoes the full key in its 401 message, as a careless gateway would.
    let s = with(Some(Fault::InvalidKey));
    let dir = tempfile::tempdir().unwrap();
    for format in ["human", "json", "junit"] {
        for verbosity in ["-v", "-q"] {
            let out = dir.path().join(format!("report-{format}{verbosity}.out"));
            let mut c = doctor();
            c.args(["check-all", "--format", format, verbosity, "--base-url", &s.url()]).env("OPENAI_API_KEY", KEY);
            let r = run(c);
            assert_eq!(r.code, 1);
            assert_no_secret(&r.all_output());
            let mut c = doctor();
            c.args(["check-all", "--format", format, "--output", out.to_str().unwrap(), "--base-url", &s.url()])
                .env("OPENAI_API_KEY", KEY);
            let r = run(c);
            assert_no_secret(&r.all_output());
            assert_no_secret(&std::fs::read_to_string(&out).unwrap());
        }
    }
}

#[test]
fn a_200_html_page_on_every_path_is_not_the_api() {
    // A proxy login page served with 200: the models list must not pass on it.
    let s = with(Some(Fault::Html200));
    let r = key_check(&s.url(), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.not_openai_response"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.starts_with("GET /v1/models was answered by something other than the OpenAI API"), "{msg}");
    assert!(msg.contains("HTTP 200") && msg.contains("Guest Wi-Fi"), "{msg}");
    assert!(res["fix"]["text"].as_str().unwrap().contains("captive portal"), "{res:#}");
}

#[test]
fn a_key_with_several_problems_names_all_of_them() {
    let s = with(None);
    let r = key_check(&s.url(), Some(&format!("\"{KEY}\"\n")), &[]);
    let res = expect(&r, "fail", Some("key.key_several_problems"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.contains("quotes") && msg.contains("a newline at the end"), "{msg}");
    let fix = res["fix"]["text"].as_str().unwrap();
    assert!(fix.contains("Remove the quotes") && fix.contains("Remove the whitespace"), "{fix}");
    assert_eq!(s.requests(), 0, "a linted key must not be sent");
}

#[test]
fn a_dead_network_is_judged_by_its_phase_limits_not_the_budget() {
    // No --timeout: the connect phase's own limit (3 s) names the dropped SYNs.
    let (addr, _held) = blackhole();
    let r = key_check(&format!("http://{addr}"), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.connect_timeout"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("in 3.0 s"), "{res:#}");
    // A server that accepts and never answers: the first byte's limit (4 s).
    let silent = silent_server();
    let r = key_check(&format!("http://{silent}"), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.no_answer"));
    assert!(res["cause"]["message"].as_str().unwrap().contains("first byte of the first request) in 4.0 s"), "{res:#}");
}

#[test]
fn a_hanging_mint_gets_the_request_limit_not_the_dead_network_one() {
    // The connection and the first requests answer at once; minting hangs.
    let s = with(Some(Fault::SlowMint(std::time::Duration::from_secs(30))));
    let r = key_check(&s.url(), Some(KEY), &[]);
    let res = expect(&r, "fail", Some("key.slow_server"));
    let msg = res["cause"]["message"].as_str().unwrap();
    assert!(msg.contains("POST /v1/realtime/client_secrets in 10.0 s"), "{msg}");
}
