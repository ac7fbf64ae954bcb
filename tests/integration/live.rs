//! GPT-Live (`POST /v1/live/sessions`), Azure OpenAI's path shape and authentication, and the
//! choice of API: the real binary against the fake, one test per cause, and every session the
//! tool creates closed by the time it exits.

use super::support::{KEY, Run, assert_no_secret, doctor, fake, run};
use realtime_doctor::fake::{FakeConfig, FakeServer, Fault};
use serde_json::Value;

/// Run `check` (with `extra` options) against a fake with `faults`; the key never leaks.
fn live(check: &str, faults: &[Fault], extra: &[&str]) -> (Run, Value, FakeServer) {
    let mut cfg = FakeConfig::new(KEY);
    cfg.faults = faults.to_vec();
    let s = fake(cfg);
    let mut c = doctor();
    c.args([check, "--format", "json", "--base-url", &s.url(), "--api", "live"]).args(extra).env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_no_secret(&r.all_output());
    let res = r.result(check);
    (r, res, s)
}

/// The check ends with `status` and `cause`, a fix, the matching exit code, and no open session.
fn expect(check: &str, faults: &[Fault], extra: &[&str], status: &str, cause: &str) -> Value {
    let (r, res, s) = live(check, faults, extra);
    assert_eq!(
        (res["status"].as_str(), res["cause"]["id"].as_str()),
        (Some(status), Some(cause)),
        "{faults:?}: {res:#}\n{}",
        r.stderr
    );
    assert!(res["fix"]["text"].as_str().is_some_and(|t| t.len() > 20), "{res:#}");
    assert_eq!(r.code, if status == "fail" { 1 } else { 0 }, "{res:#}");
    let (created, closed) = s.live_sessions();
    assert_eq!(created, closed, "a GPT-Live session was left open ({faults:?}): {res:#}");
    res
}

fn detail(res: &Value, name: &str) -> String {
    res["evidence"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .and_then(|d| d["value"].as_str())
        .unwrap_or_else(|| panic!("no {name}: {res:#}"))
        .to_owned()
}

fn ms(res: &Value, phase: &str) -> f64 {
    res["evidence"]["timings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["phase"] == phase)
        .and_then(|t| t["ms"].as_f64())
        .unwrap_or_else(|| panic!("no {phase}: {res:#}"))
}

#[test]
fn a_healthy_live_session_is_started_commanded_and_closed() {
    let (r, res, s) = live("datachannel", &[], &[]);
    assert_eq!((res["status"].as_str(), r.code), (Some("pass"), 0), "{res:#}");
    assert_eq!(r.json()["target"]["api"], "live");
    assert_eq!(r.json()["target"]["model"], "gpt-live-1");
    for w in ["channel_open", "session_started", "command_confirmed", "session_closed"].windows(2) {
        assert!(ms(&res, w[0]) <= ms(&res, w[1]), "{} after {}: {res:#}", w[0], w[1]);
    }
    assert!(detail(&res, "session_id").starts_with("live_"), "{res:#}");
    assert_eq!(detail(&res, "session_closed"), "close_requested");
    assert!(detail(&res, "command").contains("client_event_id echoed"), "{res:#}");
    // The fake sends `info` before session.started: it is recorded, not mistaken for the start.
    assert!(detail(&res, "info").starts_with("data_channel_permissions"), "{res:#}");
    assert_eq!(s.live_sessions(), (1, 1), "exactly one session, closed");
}

#[test]
fn the_sdp_check_closes_the_session_it_created() {
    let (r, res, s) = live("sdp", &[], &[]);
    assert_eq!((res["status"].as_str(), r.code), (Some("pass"), 0), "{res:#}");
    assert_eq!(detail(&res, "session_close"), "session.closed (close_requested)");
    assert!(res["summary"].as_str().unwrap().contains("(201, live_"), "{res:#}");
    assert_eq!(s.live_sessions(), (1, 1));
}

#[test]
fn the_key_check_for_live_mints_nothing() {
    let (r, res, s) = live("key", &[], &[]);
    assert_eq!((res["status"].as_str(), r.code), (Some("pass"), 0), "{res:#}");
    assert!(res["summary"].as_str().unwrap().contains("no client secrets"), "{res:#}");
    assert_eq!(detail(&res, "live_models"), "gpt-live-1, gpt-live-1.1");
    // The reachability probe's request, /v1/models and /v1/models/gpt-live-1: no client secret,
    // no session.
    assert_eq!(s.requests(), 3);
    assert_eq!(s.live_sessions(), (0, 0));
}

#[test]
fn auto_picks_live_for_a_live_model_and_says_so() {
    let s = fake(FakeConfig::new(KEY));
    let mut c = doctor();
    c.args(["key", "--base-url", &s.url(), "--model", "gpt-live-1.1"]).env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_eq!(r.code, 0, "{}", r.all_output());
    let header = r.stdout.lines().next().unwrap();
    assert!(header.contains("GPT-Live") && header.contains("model gpt-live-1.1"), "{header}");
    let mut c = doctor();
    c.args(["key", "--base-url", &s.url()]).env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert!(r.stdout.lines().next().unwrap().contains("Realtime API"), "{}", r.stdout);
}

#[test]
fn http_refusals_of_the_create() {
    expect("sdp", &[Fault::InvalidKey], &[], "fail", "sdp.invalid_api_key");
    expect("sdp", &[Fault::Forbidden], &[], "fail", "sdp.forbidden");
    expect("sdp", &[Fault::ModelNotFound], &[], "fail", "sdp.model_not_found");
    expect("sdp", &[Fault::Quota], &[], "fail", "sdp.insufficient_quota");
    let res = expect("sdp", &[Fault::NoLive], &[], "fail", "sdp.endpoint_not_found");
    assert!(res["fix"]["text"].as_str().unwrap().contains("does not serve GPT-Live"), "{res:#}");
}

#[test]
fn a_create_is_never_retried() {
    // A rate limit with retry-after: the Realtime API's requests would be retried, a create is not
    // (each one starts a session and pre-bills it).
    let (r, res, s) = live("sdp", &[Fault::RateLimit { times: 1, retry_after_s: 0 }], &[]);
    assert_eq!(res["cause"]["id"], "sdp.rate_limited", "{res:#}");
    assert!(res["summary"].as_str().unwrap().contains("after 1 attempt"), "{res:#}");
    assert_eq!(s.requests(), 1, "one create, no retry");
    assert_eq!(r.code, 1);
}

#[test]
fn a_refused_body_shows_the_servers_message_and_param() {
    let res = expect("sdp", &[Fault::LiveRejectsField("transport.type".into())], &[], "fail", "sdp.live_bad_request");
    let summary = res["summary"].as_str().unwrap();
    assert!(summary.contains("on `transport.type`") && summary.contains("Unknown parameter"), "{summary}");
    let res = expect("sdp", &[Fault::LiveDropsModel], &[], "fail", "sdp.live_bad_request");
    assert!(res["summary"].as_str().unwrap().contains("`session.model`"), "{res:#}");
}

#[test]
fn a_reply_that_is_not_the_live_json() {
    // The session id never reaches the tool here, so nothing can close that session: the
    // gateway's doing, which the cause names.
    let (_, res, _) = live("sdp", &[Fault::LiveSdpAnswer], &[]);
    assert_eq!(res["cause"]["id"], "sdp.answer_not_live_json", "{res:#}");
    assert!(res["summary"].as_str().unwrap().contains("the Realtime API's answer"), "{res:#}");
    assert!(res["fix"]["text"].as_str().unwrap().contains("only knows the Realtime API"), "{res:#}");
    let res = expect("sdp", &[Fault::Html200], &[], "fail", "sdp.answer_not_live_json");
    assert!(res["summary"].as_str().unwrap().contains("an HTML page titled"), "{res:#}");
    // The answer inside the JSON does not parse: named, and the session is still closed, over
    // the sideband connection since no data channel can be made with that answer.
    let res = expect("sdp", &[Fault::LiveBadSdp], &[], "fail", "sdp.answer_unparseable");
    assert!(detail(&res, "session_close").contains("over the sideband connection"), "{res:#}");
}

#[test]
fn a_model_sent_to_the_other_api_names_the_right_one() {
    let res = expect("sdp", &[], &["--model", "gpt-realtime"], "fail", "sdp.model_wrong_api");
    assert!(res["fix"]["text"].as_str().unwrap().contains("--api realtime"), "{res:#}");
    // And the other way: a GPT-Live model for the Realtime API's client secret.
    let s = fake(FakeConfig::new(KEY));
    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", &s.url(), "--api", "realtime", "--model", "gpt-live-1"])
        .env("OPENAI_API_KEY", KEY);
    let r = run(c);
    let res = r.result("key");
    assert_eq!(res["cause"]["id"], "key.model_wrong_api", "{res:#}");
    assert!(res["fix"]["text"].as_str().unwrap().contains("--api live"), "{res:#}");
    assert_eq!(r.json()["verdict"]["rule"], "model_wrong_api");
}

#[test]
fn session_events_that_go_wrong() {
    let t = ["--timeout", "3s"];
    expect("datachannel", &[Fault::NoSessionCreated], &t, "fail", "datachannel.no_session_started");
    expect("datachannel", &[Fault::ErrorEvent], &[], "fail", "datachannel.server_error_event");
    let res = expect("datachannel", &[Fault::LiveWrongSession], &[], "fail", "datachannel.session_mismatch");
    assert!(res["summary"].as_str().unwrap().contains("the create returned live_"), "{res:#}");
    expect("datachannel", &[Fault::NoSessionUpdated], &t, "fail", "datachannel.no_command_confirmation");
    let res = expect(
        "datachannel",
        &[Fault::LiveClosedEarly("expired".into())],
        &[],
        "fail",
        "datachannel.session_closed_unexpectedly",
    );
    assert!(res["fix"]["text"].as_str().unwrap().contains("maximum duration"), "{res:#}");
    // A close that is never confirmed on the data channel: the connection works, so a warning,
    // not a failure; the sideband connection then closes the session.
    let res = expect("datachannel", &[Fault::LiveIgnoresClose], &t, "warn", "datachannel.no_session_closed");
    assert!(detail(&res, "session_close").starts_with("session.closed (close_requested) over the sideband"), "{res:#}");
}

/// A dead media path: the data channel can never carry session.close, so the sideband
/// connection (`/v1/live/sessions/{id}/attach`) closes the session.
#[test]
fn a_session_on_a_dead_media_path_is_closed_over_the_sideband() {
    let t = ["--timeout", "4s"];
    for (check, cause) in [("sdp", "sdp.candidates_unreachable"), ("datachannel", "datachannel.ice_stuck_checking")] {
        let res = expect(check, &[Fault::CandidatesNowhere], &t, "fail", cause);
        let said = detail(&res, "session_close");
        assert!(said.starts_with("session.closed (close_requested) over the sideband connection"), "{check}: {said}");
    }
}

/// Behind a proxy, the create goes through it and so does the sideband's WebSocket (a CONNECT
/// tunnel), as an app's server behind that proxy would reach the API.
#[test]
fn the_sideband_goes_through_the_proxy_too() {
    let mut cfg = FakeConfig::new(KEY);
    cfg.faults = vec![Fault::CandidatesNowhere];
    let s = fake(cfg);
    let (proxy, seen) = super::support::forwarding_proxy();
    let mut c = doctor();
    c.args(["sdp", "--format", "json", "--base-url", &s.url(), "--api", "live", "--timeout", "4s"])
        .env("OPENAI_API_KEY", KEY)
        .env("HTTP_PROXY", format!("http://{proxy}"));
    let r = run(c);
    assert_no_secret(&r.all_output());
    let res = r.result("sdp");
    assert!(detail(&res, "session_close").contains("over the sideband connection"), "{res:#}");
    assert_eq!(s.live_sessions(), (1, 1));
    let seen = seen.lock().unwrap().clone();
    let authority = s.url().trim_start_matches("http://").to_owned();
    assert!(seen.iter().any(|l| *l == format!("POST {authority}")), "the create went direct: {seen:?}");
    assert!(seen.iter().any(|l| *l == format!("CONNECT {authority}")), "the sideband went direct: {seen:?}");
}

#[test]
fn an_ephemeral_key_for_live_gets_the_server_side_exchange() {
    let s = fake(FakeConfig::new(KEY));
    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", &s.url(), "--api", "live"])
        .env("OPENAI_API_KEY", "ek_68b9a1f0c3d24e5f8a7b6c5d4e3f2a1b");
    let r = run(c);
    let res = r.result("key");
    assert_eq!(res["cause"]["id"], "key.ephemeral_key_live", "{res:#}");
    assert!(res["fix"]["text"].as_str().unwrap().contains("POST /v1/live/sessions"), "{res:#}");
    assert_eq!(s.requests(), 0, "nothing is sent with a key that cannot work");
}

#[test]
fn a_model_about_to_shut_down_warns_for_both_apis() {
    for api in ["live", "realtime"] {
        let mut cfg = FakeConfig::new(KEY);
        cfg.faults = vec![Fault::ModelShutdown];
        let s = fake(cfg);
        let mut c = doctor();
        c.args(["key", "--format", "json", "--base-url", &s.url(), "--api", api]).env("OPENAI_API_KEY", KEY);
        let r = run(c);
        let res = r.result("key");
        assert_eq!(
            (res["status"].as_str(), res["cause"]["id"].as_str()),
            (Some("warn"), Some("key.model_shutdown_scheduled")),
            "{api}: {res:#}"
        );
        assert_eq!(r.code, 0);
    }
}

/// A fake that also accepts a Microsoft Entra token on its Azure paths.
fn azure_fake() -> FakeServer {
    let mut cfg = FakeConfig::new(KEY);
    cfg.azure_token = Some("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra.SECRET42".into());
    fake(cfg)
}

#[test]
fn azure_paths_with_the_api_key_header_work_for_both_apis() {
    let s = azure_fake();
    let base = format!("{}/openai/v1", s.url());
    for api in ["live", "realtime"] {
        let mut c = doctor();
        c.args(["check-all", "--format", "json", "--skip", "stun,turn,mic", "--base-url", &base, "--auth", "api-key"])
            .args(["--api", api])
            .env("AZURE_OPENAI_API_KEY", KEY);
        let r = run(c);
        assert_no_secret(&r.all_output());
        assert_eq!(r.code, 0, "{api}: {}", r.stdout);
        for id in ["key", "sdp", "datachannel"] {
            assert_eq!(r.result(id)["status"], "pass", "{api} {id}: {:#}", r.result(id));
        }
        assert_eq!(detail(&r.result("key"), "auth"), "api-key header (Azure OpenAI)");
    }
    let (created, closed) = s.live_sessions();
    assert!(created == 2 && closed == 2, "{created} {closed}");
}

#[test]
fn azure_entra_tokens_and_what_openai_paths_refuse() {
    let s = azure_fake();
    let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra.SECRET42";
    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", &format!("{}/openai/v1", s.url()), "--auth", "bearer"])
        .env("OPENAI_API_KEY", token);
    let r = run(c);
    assert_no_secret(&r.all_output());
    // A token is not shaped like an OpenAI key; on loopback (not an Azure host) that is worth a
    // word, and the requests themselves pass.
    let res = r.result("key");
    assert_eq!(res["status"], "warn", "{res:#}");
    assert_eq!(res["cause"]["id"], "key.unknown_key_shape", "{res:#}");
    assert!(detail(&res, "GET /v1/models").starts_with("HTTP 200"), "{res:#}");
    // OpenAI's own paths do not take the api-key header: 401, named as such.
    let mut c = doctor();
    c.args(["key", "--format", "json", "--base-url", &s.url(), "--auth", "api-key"]).env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_no_secret(&r.all_output());
    assert_eq!(r.result("key")["cause"]["id"], "key.unauthorized", "{}", r.stdout);
}

#[test]
fn retired_azure_preview_urls_get_the_migration_fix_before_any_request() {
    for (url, base) in [
        (
            "https://contoso.openai.azure.com/openai/realtimeapi/sessions?api-version=2025-04-01-preview",
            "https://contoso.openai.azure.com/openai/v1",
        ),
        (
            "https://eastus2.realtimeapi-preview.ai.azure.com/v1/realtimertc?model=gpt-4o-realtime",
            "https://YOUR-RESOURCE.openai.azure.com/openai/v1",
        ),
    ] {
        let mut c = doctor();
        c.args(["check-all", "--format", "json", "--skip", "stun,turn,mic", "--base-url", url])
            .env("AZURE_OPENAI_API_KEY", "0123456789abcdef0123456789abcdef");
        let r = run(c);
        let res = r.result("key");
        assert_eq!(res["cause"]["id"], "key.azure_preview_retired", "{res:#}");
        assert!(res["fix"]["text"].as_str().unwrap().contains(base), "{res:#}");
        let v = r.json();
        assert_eq!(v["verdict"]["rule"], "retired_endpoint", "{v:#}");
        let sdp = r.result("sdp");
        assert!(sdp["summary"].as_str().unwrap().contains("retired endpoint"), "{sdp:#}");
        assert!(r.elapsed.as_secs() < 5, "no network was tried: {:?}", r.elapsed);
    }
}

#[test]
fn selftest_checks_both_apis() {
    let mut c = doctor();
    c.arg("selftest");
    let r = run(c);
    assert_eq!(r.code, 0, "{}", r.all_output());
    let headers: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("realtime-doctor ")).collect();
    assert_eq!(headers.len(), 2, "{}", r.stdout);
    assert!(headers[0].contains("GPT-Live") && headers[1].contains("Realtime API"), "{headers:?}");
    // One API per machine-readable report.
    let mut c = doctor();
    c.args(["selftest", "--format", "json"]);
    let r = run(c);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--api live"), "{}", r.stderr);
    let mut c = doctor();
    c.args(["selftest", "--format", "json", "--api", "live"]);
    let r = run(c);
    assert_eq!(r.code, 0, "{}", r.all_output());
    assert_eq!(r.json()["target"]["api"], "live");
}
