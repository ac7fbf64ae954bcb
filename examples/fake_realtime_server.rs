//! The project's fake of OpenAI's voice APIs (the Realtime API and GPT-Live), standalone, for
//! trying realtime-doctor by hand:
//!
//! ```sh
//! cargo run --example fake_realtime_server -- --port 8089 --fault quota
//! OPENAI_API_KEY=sk-proj-fake-local-key-0000 cargo run -- key --base-url http://127.0.0.1:8089
//! OPENAI_API_KEY=sk-proj-fake-local-key-0000 cargo run -- datachannel --api live --base-url http://127.0.0.1:8089
//! ```
//!
//! For the browser checks, put the media on an address of this machine that is not loopback
//! (browsers gather no loopback candidates): `--media 192.168.1.20`.

use clap::Parser;
use realtime_doctor::fake::{FakeConfig, FakeServer, Fault};

/// Serve the fake voice APIs on loopback, optionally misbehaving.
#[derive(Parser)]
struct Args {
    /// Address to bind (loopback by default).
    #[arg(long, default_value = "127.0.0.1")]
    bind: String,
    /// Port (0 picks a free one).
    #[arg(long, default_value_t = 8089)]
    port: u16,
    /// The standard API key the server accepts.
    #[arg(long, default_value = "sk-proj-fake-local-key-0000")]
    key: String,
    /// A fault to inject (repeatable): the README lists them, and an unknown name is answered
    /// with the whole list.
    #[arg(long)]
    fault: Vec<Fault>,
    /// Answer calls from this address (UDP 3478 and TCP 443, as OpenAI's media servers do; ports
    /// under 1024 need root) instead of the bind address.
    #[arg(long)]
    media: Option<std::net::IpAddr>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut cfg = FakeConfig::new(&args.key);
    cfg.faults = args.fault.clone();
    cfg.media = args.media;
    let server = FakeServer::start(cfg, &format!("{}:{}", args.bind, args.port)).await?;
    println!("fake OpenAI voice APIs (GPT-Live and Realtime) on {} (faults: {:?})", server.url(), args.fault);
    println!("try: OPENAI_API_KEY={} realtime-doctor key --base-url {}", args.key, server.url());
    tokio::signal::ctrl_c().await?;
    Ok(())
}
