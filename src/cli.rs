//! The command line, as clap derive types only: no logic here (see `settings.rs`).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Tells you, in seconds, why your voice app cannot connect to the OpenAI Realtime API over
/// WebRTC, and what to do about it.
#[derive(Debug, Parser)]
#[command(name = "realtime-doctor", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Exit codes: 0 no check failed (warnings allowed unless --strict), \
1 a check failed, 2 usage or tool error.\n\nThe API key is read from OPENAI_API_KEY, \
--api-key-file or --api-key-stdin, never from the command line, and is never printed.")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it).
    #[arg(long, env = "OPENAI_BASE_URL", hide_env_values = true, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Realtime model to check access to and mint a client secret for.
    #[arg(long, env = "REALTIME_DOCTOR_MODEL", global = true, default_value = "gpt-realtime")]
    pub model: String,

    /// Output format on standard output.
    #[arg(long, env = "REALTIME_DOCTOR_FORMAT", global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Also write the report to FILE (JSON, or JUnit when FILE ends in .xml or --format is junit);
    /// the terminal then shows the human view.
    #[arg(long, short = 'o', env = "REALTIME_DOCTOR_OUTPUT", global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to use colours (NO_COLOR is honoured in auto).
    #[arg(long, env = "REALTIME_DOCTOR_COLOR", global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Time allowed for each check (e.g. 10s, 1500ms). Default per check: key, sdp and datachannel
    /// 10s, stun 3s, turn 5s, mic the capture window plus 5s (a dead network must give its verdict
    /// in seconds).
    #[arg(long, env = "REALTIME_DOCTOR_TIMEOUT", global = true, value_name = "DURATION")]
    pub timeout: Option<String>,

    /// Time allowed for the whole run; checks still running then are failed.
    #[arg(long, env = "REALTIME_DOCTOR_DEADLINE", global = true, default_value = "30s", value_name = "DURATION")]
    pub deadline: String,

    /// Treat warnings as failures (exit code 1).
    #[arg(long, env = "REALTIME_DOCTOR_STRICT", global = true)]
    pub strict: bool,

    /// One line per check and the summary; evidence only for problems.
    #[arg(long, short, env = "REALTIME_DOCTOR_QUIET", global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print every piece of evidence, not only the key facts.
    #[arg(long, short, env = "REALTIME_DOCTOR_VERBOSE", global = true)]
    pub verbose: bool,

    /// Read the API key from this file (first line; the rest is ignored).
    #[arg(long, env = "REALTIME_DOCTOR_API_KEY_FILE", global = true, value_name = "PATH")]
    pub api_key_file: Option<PathBuf>,

    /// Read the API key from standard input.
    #[arg(long, global = true, conflicts_with = "api_key_file")]
    pub api_key_stdin: bool,

    /// Organization id sent as OpenAI-Organization.
    #[arg(long, env = "OPENAI_ORG_ID", hide_env_values = true, global = true, value_name = "ORG")]
    pub organization: Option<String>,

    /// Project id sent as OpenAI-Project.
    #[arg(long, env = "OPENAI_PROJECT_ID", hide_env_values = true, global = true, value_name = "PROJECT")]
    pub project: Option<String>,

    /// Extra CA certificate(s) to trust, PEM (for a TLS-intercepting corporate proxy).
    #[arg(long, env = "REALTIME_DOCTOR_CA_CERT", global = true, value_name = "FILE")]
    pub ca_cert: Option<PathBuf>,

    /// STUN server to test (repeatable, or comma-separated in the variable): stun:host:port,
    /// stun:host:port?transport=tcp, stuns:host:port. Default: well-known public servers.
    #[arg(long = "stun", env = "REALTIME_DOCTOR_STUN", value_delimiter = ',', global = true, value_name = "URL")]
    pub stun: Vec<String>,

    /// TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port.
    #[arg(long = "turn", env = "REALTIME_DOCTOR_TURN", value_delimiter = ',', global = true, value_name = "URL")]
    pub turn: Vec<String>,

    /// TURN username (with --turn-credential), or the user part of TURN REST credentials (with
    /// --turn-secret).
    #[arg(long, env = "REALTIME_DOCTOR_TURN_USERNAME", global = true, value_name = "NAME")]
    pub turn_username: Option<String>,

    /// TURN password (never printed).
    #[arg(
        long,
        env = "REALTIME_DOCTOR_TURN_CREDENTIAL",
        hide_env_values = true,
        global = true,
        value_name = "PASSWORD"
    )]
    pub turn_credential: Option<String>,

    /// TURN REST shared secret (coturn's static-auth-secret): credentials are derived from it
    /// (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed.
    #[arg(
        long,
        env = "REALTIME_DOCTOR_TURN_SECRET",
        hide_env_values = true,
        global = true,
        value_name = "SECRET",
        conflicts_with = "turn_credential"
    )]
    pub turn_secret: Option<String>,

    /// ICE transport policy for the WebRTC checks: all candidates, or relay (TURN) only.
    #[arg(long, env = "REALTIME_DOCTOR_ICE_TRANSPORT_POLICY", global = true, value_enum, default_value_t = IcePolicy::All)]
    pub ice_transport_policy: IcePolicy,

    /// Local IP address for the WebRTC checks' sockets (default: every interface; loopback when
    /// the base URL is loopback).
    #[arg(long, env = "REALTIME_DOCTOR_BIND", global = true, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,

    /// Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`,
    /// authenticated with the standard key (as a server does), instead of minting an ek_ secret.
    #[arg(long, env = "REALTIME_DOCTOR_UNIFIED", global = true)]
    pub unified: bool,

    /// Microphone to test: a substring of its name (see the `devices` evidence). Default: the
    /// system's default input.
    #[arg(long, env = "REALTIME_DOCTOR_MIC_DEVICE", global = true, value_name = "NAME")]
    pub device: Option<String>,

    /// Microphone capture window.
    #[arg(long, env = "REALTIME_DOCTOR_MIC_SECONDS", global = true, default_value = "1.5s", value_name = "DURATION")]
    pub seconds: String,

    /// Fail (instead of skip) when there is no usable microphone.
    #[arg(long, env = "REALTIME_DOCTOR_REQUIRE_MIC", global = true)]
    pub require_mic: bool,

    /// Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy
    /// variables set, DNS resolvers) and the redacted SDPs, to share with support.
    #[arg(long, env = "REALTIME_DOCTOR_REPORT", global = true, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// In the support bundle, mask public IP addresses (the same address gets the same placeholder).
    #[arg(long, env = "REALTIME_DOCTOR_REDACT_IPS", global = true)]
    pub redact_ips: bool,

    /// Leave a check out (repeatable, or comma-separated): it is reported as SKIP.
    #[arg(long, env = "REALTIME_DOCTOR_SKIP", value_delimiter = ',', global = true, value_name = "CHECK")]
    pub skip: Vec<crate::report::CheckId>,

    /// Run only these checks (repeatable, or comma-separated); the others are reported as SKIP.
    #[arg(long, env = "REALTIME_DOCTOR_ONLY", value_delimiter = ',', global = true, value_name = "CHECK")]
    pub only: Vec<crate::report::CheckId>,

    /// Which API generation to mint tokens with: GA, the retired beta, or GA then beta to explain
    /// a failure.
    #[arg(long, env = "REALTIME_DOCTOR_API", global = true, value_enum, default_value_t = ApiGeneration::Auto)]
    pub api: ApiGeneration,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run every check (concurrently where they are independent) and give one verdict.
    CheckAll,
    /// Check the API key, model access and client-secret minting.
    Key,
    /// Check STUN reachability and NAT behaviour.
    Stun,
    /// Check TURN allocation and relaying.
    Turn,
    /// Check microphone capture.
    Mic,
    /// Check the SDP offer/answer round trip with /v1/realtime/calls.
    Sdp,
    /// Check that the oai-events data channel opens and session.created arrives.
    Datachannel,
    /// Run check-all against built-in local servers: no key and no internet needed.
    Selftest,
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Work with saved reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Print the man page (roff).
    #[command(hide = true)]
    Man,
    /// Serve the fake Realtime API (for the network lab; examples/fake_realtime_server.rs is the
    /// documented way to run it by hand).
    #[command(hide = true)]
    FakeServer {
        /// Address to listen on (IP:PORT).
        #[arg(long)]
        listen: String,
        /// The standard key the server accepts.
        #[arg(long)]
        accept_key: String,
        /// Answer calls from this address, on UDP 3478 and TCP 443 as OpenAI's media servers do.
        #[arg(long)]
        media: Option<std::net::IpAddr>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Render a saved JSON report (from --output or --format json) in any format.
    Show {
        /// The JSON report file.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Junit,
    /// GitHub Actions workflow-command annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IcePolicy {
    All,
    Relay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ApiGeneration {
    /// GA first; when it fails like an old gateway would, try beta to say which generation works.
    Auto,
    /// Only the GA endpoints (/v1/realtime/client_secrets).
    Ga,
    /// Only the retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1).
    Beta,
}
