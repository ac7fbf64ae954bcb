//! realtime-doctor: diagnoses why a voice app cannot connect to the OpenAI Realtime API over
//! WebRTC. The binary is a thin wrapper around [`run`]; tests drive the same function.

pub mod analyze;
pub mod api;
pub mod args;
pub mod bundle;
pub mod check;
pub mod cli;
pub mod fake;
pub mod files;
pub mod net;
pub mod render;
pub mod report;
pub mod scheduler;
pub mod secret;
pub mod settings;

pub mod peer;
pub mod stun;
pub mod verdict;
pub mod wait;

mod app;
#[cfg(test)]
mod layers;
#[cfg(test)]
mod testing;

pub use app::{ExitCode, run};
