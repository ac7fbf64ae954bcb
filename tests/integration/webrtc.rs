//! The WebRTC peers themselves, on loopback: a real offer/answer, ICE, DTLS, SCTP, channel open.

use super::support::rt;
use realtime_doctor::peer::{AnswerBehaviour, Answerer, Event, Offerer, Options};
use std::time::{Duration, Instant};

fn loopback() -> Options {
    Options { ice_servers: vec![], relay_only: false, udp_addrs: vec!["127.0.0.1:0".into()], tcp_addrs: vec![] }
}

#[test]
fn offerer_and_answerer_open_oai_events_and_exchange_events() {
    rt().block_on(async {
        let start = Instant::now();
        let until = start + Duration::from_secs(10);
        let mut off = Offerer::new(&loopback()).await.unwrap();
        let offer = off.offer(until).await.unwrap();
        assert!(offer.contains("m=application") && offer.contains("m=audio"), "{offer}");
        let behaviour = AnswerBehaviour { session_created: true, error_event: false };
        let (ans, answer) = Answerer::answer(&offer, &loopback(), behaviour, until).await.unwrap();
        off.apply_answer(&answer).await.unwrap();
        let mut seen = Vec::new();
        let first = loop {
            let (at, e) =
                tokio::time::timeout_at(until.into(), off.events.recv()).await.expect("timed out").expect("events");
            seen.push((at - start, e.clone()));
            if let Event::Message(m) = e {
                break m;
            }
        };
        eprintln!("{seen:#?}");
        assert!(first.contains("\"session.created\""), "{first}");
        off.send(r#"{"type":"session.update","session":{"instructions":"hi"}}"#).await.unwrap();
        let updated = loop {
            let (_, e) =
                tokio::time::timeout_at(until.into(), off.events.recv()).await.expect("timed out").expect("events");
            if let Event::Message(m) = e {
                break m;
            }
        };
        assert!(updated.contains("session.updated"), "{updated}");
        let (local, _) = realtime_doctor::peer::selected_pair(&off.pc).await.expect("a selected pair once connected");
        assert_eq!((local.0.as_str(), local.2.as_str()), ("host", "127.0.0.1"), "{local:?}");
        off.close().await;
        ans.close().await;
    });
}
