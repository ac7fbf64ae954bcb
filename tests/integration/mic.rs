//! `mic`: real samples captured through ALSA's pulse plugin from a private PulseAudio whose
//! source the test feeds.

use super::pulse::{self, Pulse};
use super::support::*;
use std::time::Duration;

fn mic(p: Option<&Pulse>, home_only: Option<&std::path::Path>, extra: &[&str]) -> (Run, serde_json::Value) {
    let mut c = doctor();
    c.args(["mic", "--format", "json"]);
    if !extra.contains(&"--seconds") {
        c.args(["--seconds", "1s"]);
    }
    c.args(extra);
    if let Some(p) = p {
        for (k, v) in p.env() {
            c.env(k, v);
        }
    }
    if let Some(h) = home_only {
        c.env("HOME", h);
    }
    let r = run(c);
    let res = r.result("mic");
    (r, res)
}

fn status(res: &serde_json::Value) -> (String, Option<String>) {
    (res["status"].as_str().unwrap().to_owned(), res["cause"]["id"].as_str().map(str::to_owned))
}

#[test]
fn a_tone_passes_with_its_true_level() {
    if !pulse::available() {
        return;
    }
    let p = Pulse::start(pulse::tone(0.251_188_6), Duration::from_secs(30)); // -12 dBFS peak
    let (r, res) = mic(Some(&p), None, &[]);
    assert_eq!(status(&res), ("pass".into(), None), "{res:#}\n{}", r.stderr);
    let level = res["evidence"]["details"].as_array().unwrap().iter().find(|d| d["name"] == "level").unwrap()["value"]
        .as_str()
        .unwrap()
        .to_owned();
    let rms: f64 = level.split("RMS ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    let truth = pulse::truth_rms_dbfs(0.251_188_6);
    assert!((rms - truth).abs() < 1.0, "measured {rms} dBFS, truth {truth:.2} dBFS");
    assert!(res["evidence"]["timings"].to_string().contains("first_samples"), "{res:#}");
    let format = res["evidence"]["details"].to_string();
    assert!(format.contains("24000 Hz"), "a 24 kHz capture format is chosen when offered: {format}");
}

#[test]
fn digital_silence_fails() {
    if !pulse::available() {
        return;
    }
    let p = Pulse::start(|_| 0, Duration::from_secs(30));
    let (_, res) = mic(Some(&p), None, &[]);
    assert_eq!(status(&res), ("fail".into(), Some("mic.silence".into())), "{res:#}");
    assert!(res["fix"]["text"].as_str().unwrap().contains("Unmute"));
}

#[test]
fn a_clipped_signal_warns() {
    if !pulse::available() {
        return;
    }
    let p = Pulse::start(pulse::tone(1.6), Duration::from_secs(30));
    let (r, res) = mic(Some(&p), None, &[]);
    assert_eq!(status(&res), ("warn".into(), Some("mic.clipping".into())), "{res:#}");
    assert_eq!(r.code, 0);
}

#[test]
fn a_stream_that_stops_midway_fails_as_stalled() {
    if !pulse::available() {
        return;
    }
    let p = Pulse::start(pulse::tone(0.25), Duration::from_millis(250));
    let (_, res) = mic(Some(&p), None, &["--seconds", "2s"]);
    let (st, cause) = status(&res);
    assert_eq!(st, "fail", "{res:#}");
    assert!(matches!(cause.as_deref(), Some("mic.stalled") | Some("mic.no_samples")), "{res:#}");
}

#[test]
fn device_listing_and_selection() {
    if !pulse::available() {
        return;
    }
    let p = Pulse::start(pulse::tone(0.25), Duration::from_secs(30));
    let (_, res) = mic(Some(&p), None, &["--device", "pulse"]);
    assert_eq!(status(&res).0, "pass", "{res:#}");
    let d = res["evidence"]["details"].to_string();
    assert!(d.contains("\"devices\""), "{d}");
    // The device is named as `arecord -L` names it, with what it is.
    assert!(d.contains("pulse (PulseAudio Sound Server)"), "{d}");
    // A substring of the description selects it too.
    let (_, res) = mic(Some(&p), None, &["--device", "pulseaudio sound"]);
    assert_eq!(status(&res).0, "pass", "{res:#}");
    let (r, res) = mic(Some(&p), None, &["--device", "no-such-microphone"]);
    assert_eq!(status(&res), ("fail".into(), Some("mic.device_not_found".into())), "{res:#}");
    // What exists is listed by the names --device takes, not by ALSA's long descriptions.
    let msg = res["cause"]["message"].as_str().unwrap();
    let listed = msg.split("available: ").nth(1).unwrap_or_default();
    assert!(listed.split([',', ')']).any(|n| n.trim() == "pulse"), "lists what exists: {msg}");
    assert!(!listed.contains("Sound Server"), "{msg}");
    assert_eq!(r.code, 1);
}

#[test]
fn no_device_skips_unless_required() {
    // ALSA's default pointing at a card that does not exist: a machine without a sound card. A
    // card named, not numbered, so that alsa-lib complains as it does on such a machine.
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join(".asoundrc"),
        "pcm.!default { type hw card \"nosuch\" }\nctl.!default { type hw card \"nosuch\" }\n",
    )
    .unwrap();
    let (r, res) = mic(None, Some(home.path()), &[]);
    assert_eq!(status(&res).0, "skip", "{res:#}");
    assert!(res["summary"].as_str().unwrap().contains("--require-mic"), "{res:#}");
    assert_eq!(r.code, 0);
    // alsa-lib's own complaints are the check's evidence, not lines on stderr.
    assert!(!r.stderr.contains("ALSA lib"), "ALSA printed into the output:\n{}", r.stderr);
    let alsa = res["evidence"]["details"].as_array().unwrap().iter().find(|d| d["name"] == "alsa").cloned();
    assert!(alsa.is_some_and(|d| d["value"].as_str().unwrap().contains("card")), "{res:#}");
    let (r, res) = mic(None, Some(home.path()), &["--require-mic"]);
    assert_eq!(status(&res), ("fail".into(), Some("mic.no_device".into())), "{res:#}");
    assert_eq!(r.code, 1);
}

#[test]
fn quiet_and_offset_signals_warn() {
    if !pulse::available() {
        return;
    }
    // -70 dBFS peak: below the -60 dBFS floor.
    let p = Pulse::start(pulse::tone(0.000_316), Duration::from_secs(30));
    let (_, res) = mic(Some(&p), None, &[]);
    assert_eq!(status(&res), ("warn".into(), Some("mic.quiet".into())), "{res:#}");
    // A constant offset of 0.2 under a normal tone.
    let tone = pulse::tone(0.2);
    let p = Pulse::start(move |i| tone(i).saturating_add(6554), Duration::from_secs(30));
    let (_, res) = mic(Some(&p), None, &[]);
    assert_eq!(status(&res), ("warn".into(), Some("mic.dc_offset".into())), "{res:#}");
}

#[test]
fn a_slow_starting_device_warns() {
    if !pulse::available() {
        return;
    }
    // Nothing for the first 600 ms, then a tone: a Bluetooth headset switching profiles.
    let p = Pulse::start_after(Duration::from_millis(600), pulse::tone(0.25), Duration::from_secs(30));
    let (_, res) = mic(Some(&p), None, &["--seconds", "3s"]);
    assert_eq!(status(&res), ("warn".into(), Some("mic.slow_start".into())), "{res:#}");
}
