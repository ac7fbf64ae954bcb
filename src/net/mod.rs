//! Network plumbing shared by the checks: proxies, TLS trust, the timed connection probe and the
//! HTTP client for the OpenAI API.

pub mod http;
pub mod probe;
pub mod proxy;
pub mod stream;
pub mod tls;
