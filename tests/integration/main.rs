//! Integration tests: the real binary against loopback peers (the project's fake Realtime API,
//! TLS and proxy stand-ins), asserting on its JSON report, exit codes and text.

mod analyze;
mod browser;
mod cli;
mod coturn;
mod key;
mod live;
mod mic;
mod netlab;
mod network;
mod output;
mod pulse;
mod security;
mod stun_turn;
mod support;
mod support_bundle;
mod via;
mod voice;
mod webrtc;
