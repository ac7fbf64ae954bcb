//! Helpers for the unit tests: property tests that run a bounded number of cases in `cargo test`,
//! and run for a set time under `scripts/fuzz` (`REALTIME_DOCTOR_FUZZ_SECONDS`).

pub mod props {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestCaseError, TestRunner};
    use std::time::{Duration, Instant};

    /// Cases per property in a normal test run.
    const CASES: u32 = 256;

    /// Run `test` on values of `strategy`: `CASES` of them, or, when `REALTIME_DOCTOR_FUZZ_SECONDS`
    /// is set, fresh batches until that many seconds have passed (then print how many ran). A
    /// failure, or a panic inside `test`, fails the calling test with the shrunk input.
    pub fn check<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
    where
        S::Value: std::fmt::Debug,
    {
        let fuzz = std::env::var("REALTIME_DOCTOR_FUZZ_SECONDS").ok().and_then(|s| s.parse::<f64>().ok());
        let config = |cases| Config { cases, failure_persistence: None, ..Config::default() };
        let Some(secs) = fuzz else {
            if let Err(e) = TestRunner::new(config(CASES)).run(&strategy, &test) {
                panic!("property {name:?} failed: {e:?}");
            }
            return;
        };
        let (start, budget, batch) = (Instant::now(), Duration::from_secs_f64(secs), 2_000u32);
        let mut cases = 0u64;
        while start.elapsed() < budget {
            // A new runner each batch: a new random seed, so batches explore different inputs.
            if let Err(e) = TestRunner::new(config(batch)).run(&strategy, &test) {
                panic!("property {name:?} failed after {cases} cases: {e:?}");
            }
            cases += u64::from(batch);
        }
        eprintln!("fuzz: property {name:?}: {cases} cases in {:.0} s, no failure", start.elapsed().as_secs_f64());
    }

    /// Text shaped like SDP: real lines of offers and answers, with fields changed, dropped,
    /// repeated or replaced by noise.
    pub fn sdp_like() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            Just("v=0".to_owned()),
            Just("o=- 1 2 IN IP4 0.0.0.0".to_owned()),
            Just("a=group:BUNDLE 0 1".to_owned()),
            "m=(audio|application|video) [0-9]{0,6}(/[0-9])? [A-Z/]{0,20} [0-9a-z-]{0,20}",
            "a=ice-(ufrag|pwd):[a-zA-Z0-9+/]{0,30}",
            "a=fingerprint:sha-256 [0-9A-F:]{0,20}",
            "a=setup:(active|passive|actpass|)",
            "a=candidate:[0-9]{0,3} [0-9] (udp|tcp|UDP|sctp|) [0-9]{0,10} [0-9a-f.:]{0,40} [0-9]{0,6} typ (host|srflx|prflx|relay|x)( tcptype (active|passive|so))?",
            "a=rtpmap:[0-9]{0,3} [a-z]{0,5}(/[0-9]{0,5})*",
            "a=[a-z-]{0,12}:.{0,20}",
            ".{0,40}",
        ];
        prop::collection::vec(line, 0..24).prop_map(|lines| lines.join("\r\n"))
    }

    /// Any JSON value, a few levels deep.
    pub fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
            ".{0,20}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_]{0,12}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
