//! The voice check through the binary against the fake, which hears the utterance (Opus decoded,
//! its VAD) and answers with speech on the track: each API passes with its time to first audio,
//! each fault gives its cause, and `check-all` makes one session for the data channel and voice.

use super::support::{KEY, Run, assert_no_secret, doctor, fake, run};
use realtime_doctor::fake::{FakeConfig, FakeServer, Fault};
use serde_json::Value;
use std::time::Duration;

fn voice(api: &str, faults: &[Fault], cmd: &[&str]) -> (Run, FakeServer) {
    let mut cfg = FakeConfig::new(KEY);
    cfg.faults = faults.to_vec();
    let s = fake(cfg);
    let mut c = doctor();
    c.args(cmd).args(["--format", "json", "--base-url", &s.url(), "--api", api]).env("OPENAI_API_KEY", KEY);
    let r = run(c);
    assert_no_secret(&r.all_output());
    (r, s)
}

fn ms(res: &Value, phase: &str) -> Option<f64> {
    res["evidence"]["timings"].as_array()?.iter().find(|t| t["phase"] == phase)?["ms"].as_f64()
}

fn detail(res: &Value, name: &str) -> String {
    let d = res["evidence"]["details"].as_array().and_then(|a| a.iter().find(|d| d["name"] == name).cloned());
    d.and_then(|d| d["value"].as_str().map(str::to_owned)).unwrap_or_else(|| panic!("no {name}: {res:#}"))
}

/// Every session the run opened was ended: GPT-Live's closed, Realtime's calls hung up.
fn all_ended(s: &FakeServer) {
    let (created, closed) = s.live_sessions();
    assert_eq!(created, closed, "a GPT-Live session was left open");
    // A hang-up is asynchronous on the fake's side only for calls that ended by themselves.
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    while s.realtime_calls().1 > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(s.realtime_calls().1, 0, "a Realtime call was left up");
}

#[test]
fn each_api_is_heard_and_answered_with_its_time_to_first_audio() {
    for api in ["realtime", "live"] {
        let (r, s) = voice(api, &[], &["voice"]);
        let res = r.result("voice");
        assert_eq!(res["status"], "pass", "{api}: {res:#}\n{}", r.stderr);
        assert_eq!(r.code, 0);
        // The fake answers 200 ms after its VAD ends the turn (500 ms of silence): the reply's
        // first audio comes 0.7 s after the utterance, give or take a frame and the machine's load.
        let ttfa = ms(&res, "first_audio").expect("first_audio");
        assert!((650.0..1500.0).contains(&ttfa), "{api}: {ttfa} ms: {res:#}");
        let heard = if api == "live" { "input_transcript" } else { "speech_started" };
        assert!(ms(&res, heard).is_some(), "{api}: {res:#}");
        let end = ms(&res, "utterance_end").unwrap();
        assert!((1300.0..2500.0).contains(&end), "the utterance is paced in real time: {end} ms");
        assert!(detail(&res, "reply_transcript").contains("I can hear you"), "{res:#}");
        let usage = detail(&res, "usage");
        assert!(usage.contains(if api == "live" { "s of voice" } else { "tokens" }), "{usage}");
        let summary = res["summary"].as_str().unwrap();
        assert!(summary.contains("dBFS") && summary.contains("after the utterance ended"), "{summary}");
        // Alone, the check makes its own call, and ends it.
        assert!(!res["evidence"]["details"].to_string().contains("continued"), "{res:#}");
        all_ended(&s);
    }
}

#[test]
fn check_all_makes_one_session_for_the_data_channel_and_the_voice() {
    for api in ["realtime", "live"] {
        let (r, s) = voice(api, &[], &["check-all", "--only", "datachannel,voice"]);
        let v = r.json();
        let result = |id: &str| v["results"].as_array().unwrap().iter().find(|x| x["id"] == id).unwrap().clone();
        assert_eq!(result("datachannel")["status"], "pass", "{api}: {v:#}");
        assert_eq!(result("voice")["status"], "pass", "{api}: {v:#}");
        assert!(detail(&result("voice"), "call").contains("continued"), "{v:#}");
        let sessions = if api == "live" { s.live_sessions().0 } else { s.realtime_calls().0 };
        assert_eq!(sessions, 1, "{api}: one billed session for datachannel and voice");
        all_ended(&s);
    }
}

#[test]
fn each_fault_on_the_audio_path_has_its_cause() {
    for (api, fault, status, cause) in [
        ("realtime", Fault::Deaf, "fail", "voice.not_heard"),
        ("live", Fault::Deaf, "fail", "voice.not_heard"),
        ("realtime", Fault::NoReplyAudio, "fail", "voice.no_reply_audio"),
        ("live", Fault::NoReplyAudio, "fail", "voice.no_reply_audio"),
        ("realtime", Fault::LateReply(Duration::from_millis(3000)), "warn", "voice.late_reply"),
        ("realtime", Fault::AnswerAudio("recvonly".into()), "fail", "voice.answer_audio_direction"),
        ("live", Fault::AnswerAudio("sendonly".into()), "fail", "voice.answer_audio_direction"),
        ("realtime", Fault::AnswerAudio("inactive".into()), "fail", "voice.answer_audio_direction"),
        ("realtime", Fault::MediaStops(Duration::from_millis(500)), "fail", "voice.connection_dropped"),
        ("realtime", Fault::SessionCap, "fail", "voice.server_error_event"),
        ("live", Fault::SessionCap, "fail", "voice.session_closed_unexpectedly"),
    ] {
        let (r, s) = voice(api, std::slice::from_ref(&fault), &["voice"]);
        let res = r.result("voice");
        assert_eq!(
            (res["status"].as_str(), res["cause"]["id"].as_str()),
            (Some(status), Some(cause)),
            "{api} {fault:?}: {res:#}"
        );
        assert!(res["fix"]["text"].as_str().is_some_and(|t| t.len() > 40), "{res:#}");
        assert_eq!(r.code, if status == "fail" { 1 } else { 0 });
        if let Fault::AnswerAudio(d) = &fault {
            let message = res["cause"]["message"].as_str().unwrap();
            assert!(message.contains(&format!("is {d}")), "{message}");
        }
        // The voice check's own causes get its rule; the call's (an error event, a session that
        // ended) the rule of the call's stage, as the datachannel check's would.
        let rule = if cause.contains("server_error") || cause.contains("session_closed") { "session" } else { "voice" };
        if status == "fail" {
            assert_eq!(r.json()["verdict"]["rule"], rule, "{api} {fault:?}");
        }
        if fault == Fault::SessionCap {
            let message = res["cause"]["message"].as_str().unwrap();
            assert!(message.contains(if api == "live" { "expired" } else { "session_expired" }), "{message}");
        }
        all_ended(&s);
    }
}

#[test]
fn a_failed_turn_says_what_it_waited_for_and_no_longer() {
    let started = std::time::Instant::now();
    let (r, _s) = voice("realtime", &[Fault::Deaf], &["voice"]);
    let res = r.result("voice");
    let message = res["cause"]["message"].as_str().unwrap();
    assert!(message.contains("input_audio_buffer.speech_started") && message.contains("in 5.0 s"), "{message}");
    // The utterance (1.5 s), the 5 s wait, the call's set-up and hang-up: well under the budget.
    assert!(started.elapsed() < Duration::from_secs(12), "{:?}", started.elapsed());
}

/// In check-all the voice check takes over the GPT-Live session: a session.close the server never
/// confirms is its finding (as it is the datachannel check's alone), and the session is still ended.
#[test]
fn a_continued_live_session_that_will_not_close_is_the_voice_checks_finding() {
    let (r, s) = voice("live", &[Fault::LiveIgnoresClose], &["check-all", "--only", "datachannel,voice"]);
    let v = r.json();
    let voice = v["results"].as_array().unwrap().iter().find(|x| x["id"] == "voice").unwrap().clone();
    assert_eq!(voice["cause"]["id"], "voice.no_session_closed", "{v:#}");
    let datachannel = v["results"].as_array().unwrap().iter().find(|x| x["id"] == "datachannel").unwrap().clone();
    assert_eq!(datachannel["status"], "pass", "{v:#}");
    all_ended(&s);
}
