//! The options, as clap types only: each group of options a check reads (`OptionGroup`), the
//! global ones, and the value enums. No logic here (`settings.rs` resolves them); the commands
//! that carry them are assembled in `cli.rs` from the registry of checks.

use crate::report::CheckId;
use crate::secret::Secret;
use clap::{ArgMatches, Args, FromArgMatches, ValueEnum};
use std::path::PathBuf;

/// Options of every command: output, time, trust.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output format on standard output.
    #[arg(long, env = "REALTIME_DOCTOR_FORMAT", global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Also write the report to FILE, in the format its extension names: .json JSON, .xml JUnit,
    /// .txt or .log the human view (other extensions: --format when it is not human, else JSON).
    /// Repeatable: -o report.json -o junit.xml.
    #[arg(
        long,
        short = 'o',
        env = "REALTIME_DOCTOR_OUTPUT",
        value_delimiter = ',',
        global = true,
        value_name = "FILE"
    )]
    pub output: Vec<PathBuf>,

    /// When to use colours (NO_COLOR is honoured in auto).
    #[arg(long, env = "REALTIME_DOCTOR_COLOR", global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Time allowed for each check (help text set from the registry of checks).
    #[arg(long, env = "REALTIME_DOCTOR_TIMEOUT", global = true, value_name = "DURATION")]
    pub timeout: Option<String>,

    /// Time allowed for the whole run; checks still running then are failed. [default: 30s; with
    /// the browser checks waiting for you to open the page (no --launch), their budget and 10 s]
    #[arg(long, env = "REALTIME_DOCTOR_DEADLINE", global = true, value_name = "DURATION")]
    pub deadline: Option<String>,

    /// Treat warnings as failures (exit code 1).
    #[arg(long, env = "REALTIME_DOCTOR_STRICT", global = true)]
    pub strict: bool,

    /// One line per check and the summary; evidence only for problems.
    #[arg(long, short, env = "REALTIME_DOCTOR_QUIET", global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print every piece of evidence, not only the key facts.
    #[arg(long, short, env = "REALTIME_DOCTOR_VERBOSE", global = true)]
    pub verbose: bool,

    /// Extra CA certificate(s) to trust, PEM (a TLS-intercepting proxy, a gateway's private CA, a
    /// TURN server's certificate): for the API and for stuns:/turns: servers.
    #[arg(long, env = "REALTIME_DOCTOR_CA_CERT", global = true, value_name = "FILE")]
    pub ca_cert: Option<PathBuf>,

    /// Write a support bundle: the report, the environment (OS, interfaces without MACs, proxy
    /// variables set, DNS resolvers) and the redacted SDPs, to share with support.
    #[arg(long, alias = "report", env = "REALTIME_DOCTOR_BUNDLE", global = true, value_name = "FILE")]
    pub bundle: Option<PathBuf>,

    /// In the support bundle, mask public IP addresses (the same address gets the same placeholder).
    #[arg(long, env = "REALTIME_DOCTOR_REDACT_IPS", global = true)]
    pub redact_ips: bool,
}

/// The API to check: where it is, with which key and model.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "The API")]
pub struct ApiArgs {
    /// API base URL (a trailing /v1 is accepted, as the OpenAI SDKs use it).
    #[arg(long, env = "OPENAI_BASE_URL", hide_env_values = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Model to check: a Realtime model, or a GPT-Live model (gpt-live-1, gpt-live-1.1). On Azure
    /// OpenAI, the deployment name. [default: gpt-realtime; gpt-live-1 with --api live]
    #[arg(long, env = "REALTIME_DOCTOR_MODEL")]
    pub model: Option<String>,

    /// Which voice API your app uses. live: GPT-Live (POST /v1/live/sessions); realtime: the
    /// Realtime API (client secrets and /v1/realtime/calls); beta: the Realtime API's retired beta
    /// endpoints; auto: live for a gpt-live-* model, else realtime (and, when the endpoint fails as
    /// one that predates the GA Realtime API does, a beta probe to say so). Each GPT-Live check
    /// creates a real session, which OpenAI bills 15 s of voice while it starts; the check closes
    /// it at once and never retries a create.
    #[arg(long, env = "REALTIME_DOCTOR_API", value_enum, default_value_t = ApiChoice::Auto)]
    pub api: ApiChoice,

    /// How to send the key: auto (the api-key header for Azure OpenAI hosts, else a bearer
    /// token), bearer (Authorization: Bearer, also for a Microsoft Entra token on Azure), or
    /// api-key (Azure's api-key header).
    #[arg(long, env = "REALTIME_DOCTOR_AUTH", value_enum, default_value_t = AuthChoice::Auto)]
    pub auth: AuthChoice,

    /// Read the API key from this file (first line; the rest is ignored).
    #[arg(long, env = "REALTIME_DOCTOR_API_KEY_FILE", value_name = "PATH")]
    pub api_key_file: Option<PathBuf>,

    /// Read the API key from standard input.
    #[arg(long, conflicts_with = "api_key_file")]
    pub api_key_stdin: bool,

    /// Organization id sent as OpenAI-Organization.
    #[arg(long, env = "OPENAI_ORG_ID", hide_env_values = true, value_name = "ORG")]
    pub organization: Option<String>,

    /// Project id sent as OpenAI-Project.
    #[arg(long, env = "OPENAI_PROJECT_ID", hide_env_values = true, value_name = "PROJECT")]
    pub project: Option<String>,

    /// Your app's token route, as your frontend calls it (e.g. http://localhost:3000/api/token):
    /// the key check judges what it returns (an ek_ client secret at `value`, its expiry, never a
    /// standard key), and sdp/datachannel use its secret for /v1/realtime/calls, as the page does.
    #[arg(long, env = "REALTIME_DOCTOR_TOKEN_URL", value_name = "URL")]
    pub token_url: Option<String>,

    /// An extra header for your app's routes (--via, --token-url), repeatable, e.g. 'Cookie:
    /// session=...' as your logged-in frontend sends it. Its value is never printed.
    #[arg(long, visible_alias = "via-header", value_name = "'NAME: VALUE'", value_parser = app_header)]
    pub app_header: Vec<(String, Secret)>,

    /// Send the key over plain http:// to a host that is not this machine (a gateway on a network
    /// you trust). Without it such a base URL is refused before any request; with it the report
    /// warns.
    #[arg(long, env = "REALTIME_DOCTOR_ALLOW_INSECURE_HTTP")]
    pub allow_insecure_http: bool,
}

/// The ICE servers your app configures.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "ICE servers (your app's iceServers)")]
pub struct IceArgs {
    /// STUN server to test (repeatable, or comma-separated in the variable): stun:host:port,
    /// stun:host:port?transport=tcp, stuns:host:port. Default for the stun check: well-known public
    /// servers; the WebRTC checks use none unless given, as OpenAI's SDKs do.
    #[arg(long = "stun", env = "REALTIME_DOCTOR_STUN", value_delimiter = ',', value_name = "URL")]
    pub stun: Vec<String>,

    /// TURN server to test (repeatable): turn:host:port?transport=udp|tcp, turns:host:port.
    #[arg(long = "turn", env = "REALTIME_DOCTOR_TURN", value_delimiter = ',', value_name = "URL")]
    pub turn: Vec<String>,

    /// TURN username (with --turn-credential), or the user part of TURN REST credentials (with
    /// --turn-secret).
    #[arg(long, env = "REALTIME_DOCTOR_TURN_USERNAME", value_name = "NAME")]
    pub turn_username: Option<String>,

    /// TURN password (never printed).
    #[arg(
        long,
        env = "REALTIME_DOCTOR_TURN_CREDENTIAL",
        hide_env_values = true,
        value_name = "PASSWORD",
        value_parser = password
    )]
    pub turn_credential: Option<Secret>,

    /// TURN REST shared secret (coturn's static-auth-secret): credentials are derived from it
    /// (username "expiry:user", password base64(HMAC-SHA1(secret, username))). Never printed.
    #[arg(
        long,
        env = "REALTIME_DOCTOR_TURN_SECRET",
        hide_env_values = true,
        value_name = "SECRET",
        conflicts_with = "turn_credential",
        value_parser = password
    )]
    pub turn_secret: Option<Secret>,
}

/// A password from the command line, held as a [`Secret`] from the start so that `{:?}` of the
/// parsed arguments cannot show it.
fn password(s: &str) -> Result<Secret, std::convert::Infallible> {
    Ok(Secret::password(s))
}

/// How this tool's own WebRTC peer (the stand-in for your browser) is set up.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "This tool's WebRTC peer")]
pub struct OwnPeerArgs {
    /// Local IP address for the peer's sockets (default: every interface; loopback when the base
    /// URL is loopback).
    #[arg(long, env = "REALTIME_DOCTOR_BIND", value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,

    /// Send the offer the "unified interface" way: multipart/form-data with `sdp` and `session`,
    /// authenticated with the standard key (as a server does), instead of minting an ek_ secret.
    #[arg(long, env = "REALTIME_DOCTOR_UNIFIED", conflicts_with = "via")]
    pub unified: bool,
}

/// How the call is made: the ICE policy, and the route the offer takes.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "The call")]
pub struct PeerArgs {
    /// ICE transport policy: all candidates, or relay (TURN) only.
    #[arg(long, env = "REALTIME_DOCTOR_ICE_TRANSPORT_POLICY", value_enum, default_value_t = IcePolicy::All)]
    pub ice_transport_policy: IcePolicy,

    /// Send the offer to your app's own backend route, exactly as your frontend does (e.g.
    /// http://localhost:3000/api/session), instead of to OpenAI: the backend holds the key.
    #[arg(long, env = "REALTIME_DOCTOR_VIA", value_name = "URL")]
    pub via: Option<String>,

    /// The body your backend route expects: the raw SDP (application/sdp), JSON {"sdp": ...}, or
    /// JSON {"offer": {"type": "offer", "sdp": ...}}; auto tries them in that order while the
    /// route refuses the shape (400, 415, 422).
    #[arg(long, env = "REALTIME_DOCTOR_VIA_SHAPE", value_enum, default_value_t = ViaShape::Auto)]
    pub via_shape: ViaShape,

    /// The origin your page is served from, when it is not the --via route's own (e.g.
    /// http://localhost:5173 for a dev server in front of an API on :3000): the route is then
    /// checked as a browser would, with a CORS preflight and Access-Control-Allow-Origin.
    #[arg(long, env = "REALTIME_DOCTOR_ORIGIN", value_name = "ORIGIN", requires = "via")]
    pub origin: Option<String>,
}

/// How the offer is sent to a `--via` backend route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViaShape {
    Auto,
    /// `Content-Type: application/sdp`, the offer as the body.
    Sdp,
    /// `{"sdp": "<offer>"}`.
    JsonSdp,
    /// `{"offer": {"type": "offer", "sdp": "<offer>"}}`.
    JsonOffer,
}

/// `Name: value`, the value held as a secret (cookies and tokens).
fn app_header(s: &str) -> Result<(String, Secret), String> {
    let (name, value) = s.split_once(':').ok_or("a header is 'Name: value'")?;
    let name = name.trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(format!("{name:?} is not a header name"));
    }
    Ok((name.to_owned(), Secret::password(value.trim())))
}

/// The browser the page-side checks run in.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "The browser")]
pub struct BrowserArgs {
    /// Open the page in this browser: chromium (Chromium, Chrome or Edge), firefox, or default
    /// (the system's default browser). Without it the URL is printed, and the check waits for you
    /// to open it in the browser your app runs in.
    #[arg(long, env = "REALTIME_DOCTOR_LAUNCH", value_enum, value_name = "BROWSER")]
    pub launch: Option<Launch>,

    /// Run the launched browser headless, with a fake microphone and the permission granted (for
    /// CI): the page then checks the network path and the browser's WebRTC, not your microphone.
    #[arg(long, env = "REALTIME_DOCTOR_HEADLESS", requires = "launch")]
    pub headless: bool,

    /// The browser's executable, when it is not on PATH under its usual names.
    #[arg(long, env = "REALTIME_DOCTOR_BROWSER_PATH", value_name = "PATH", requires = "launch")]
    pub browser_path: Option<PathBuf>,

    /// An extra command-line argument for the launched browser (repeatable), e.g.
    /// --browser-arg=--proxy-server=http://proxy:3128.
    #[arg(long, value_name = "ARG", allow_hyphen_values = true, requires = "launch")]
    pub browser_arg: Vec<String>,

    /// Where the page is served [default: 127.0.0.1 on a free port]. Browsers allow the
    /// microphone only in a secure context: http://127.0.0.1 and http://localhost are, another
    /// address over plain http is not.
    #[arg(long, env = "REALTIME_DOCTOR_LISTEN", value_name = "IP:PORT")]
    pub listen: Option<std::net::SocketAddr>,
}

/// Which browser to launch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Launch {
    /// Chromium, Google Chrome or Microsoft Edge (a private profile in a temporary directory).
    Chromium,
    /// Firefox (a private profile in a temporary directory).
    Firefox,
    /// The system's default browser (xdg-open, open, start), with your profile and microphone.
    Default,
}

/// The microphone to capture from.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "The microphone")]
pub struct MicArgs {
    /// Microphone to test: its ALSA name as `arecord -L` lists it (e.g. pulse, hw:CARD=USB), or a
    /// substring of its description (see the `devices` evidence). Default: the system's default
    /// input.
    #[arg(long, env = "REALTIME_DOCTOR_MIC_DEVICE", value_name = "NAME")]
    pub device: Option<String>,

    /// Microphone capture window.
    #[arg(long, env = "REALTIME_DOCTOR_MIC_SECONDS", default_value = "1.5s", value_name = "DURATION")]
    pub seconds: String,

    /// Fail (instead of skip) when there is no usable microphone.
    #[arg(long, env = "REALTIME_DOCTOR_REQUIRE_MIC")]
    pub require_mic: bool,
}

/// `selftest`: which checks, and which API (both by default).
#[derive(Debug, Clone, Default, Args)]
pub struct SelftestArgs {
    #[command(flatten)]
    pub selection: SelectionArgs,

    /// Only this API [default: GPT-Live, then the Realtime API]. A machine-readable report
    /// (--format other than human, --output, --bundle) holds one API: give it then.
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<SelftestApi>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SelftestApi {
    Live,
    #[value(alias = "ga")]
    Realtime,
}

/// Which checks of a multi-check run to leave out.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Selection")]
pub struct SelectionArgs {
    /// Leave a check out (repeatable, or comma-separated): it is reported as SKIP.
    #[arg(long, env = "REALTIME_DOCTOR_SKIP", value_delimiter = ',', value_name = "CHECK")]
    pub skip: Vec<CheckId>,

    /// Run only these checks (repeatable, or comma-separated); the others are reported as SKIP.
    #[arg(long, env = "REALTIME_DOCTOR_ONLY", value_delimiter = ',', value_name = "CHECK")]
    pub only: Vec<CheckId>,
}

/// A group of options a check reads (declared in its registry entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionGroup {
    Api,
    Ice,
    Peer,
    OwnPeer,
    Mic,
    Browser,
}

impl OptionGroup {
    pub const ALL: [OptionGroup; 6] = [
        OptionGroup::Api,
        OptionGroup::Ice,
        OptionGroup::Peer,
        OptionGroup::OwnPeer,
        OptionGroup::Mic,
        OptionGroup::Browser,
    ];

    pub fn augment(self, cmd: clap::Command) -> clap::Command {
        match self {
            OptionGroup::Api => ApiArgs::augment_args(cmd),
            OptionGroup::Ice => IceArgs::augment_args(cmd),
            OptionGroup::Peer => PeerArgs::augment_args(cmd),
            OptionGroup::OwnPeer => OwnPeerArgs::augment_args(cmd),
            OptionGroup::Mic => MicArgs::augment_args(cmd),
            OptionGroup::Browser => BrowserArgs::augment_args(cmd),
        }
    }

    /// The argument ids this group adds (for tests that every check has its options).
    pub fn arg_ids(self) -> Vec<String> {
        self.augment(clap::Command::new("group")).get_arguments().map(|a| a.get_id().to_string()).collect()
    }
}

/// The options given to a check command, by group; a group the command does not take is `None`.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub api: Option<ApiArgs>,
    pub ice: Option<IceArgs>,
    pub peer: Option<PeerArgs>,
    pub own_peer: Option<OwnPeerArgs>,
    pub mic: Option<MicArgs>,
    pub browser: Option<BrowserArgs>,
    pub selection: SelectionArgs,
    /// check-all `--browser`: the browser checks run too.
    pub with_browser: bool,
}

impl CheckOptions {
    pub fn from_matches(
        m: &ArgMatches,
        groups: &[OptionGroup],
        selection: bool,
        with_browser_flag: &str,
    ) -> Result<CheckOptions, clap::Error> {
        let has = |g| groups.contains(&g);
        Ok(CheckOptions {
            api: has(OptionGroup::Api).then(|| ApiArgs::from_arg_matches(m)).transpose()?,
            ice: has(OptionGroup::Ice).then(|| IceArgs::from_arg_matches(m)).transpose()?,
            peer: has(OptionGroup::Peer).then(|| PeerArgs::from_arg_matches(m)).transpose()?,
            own_peer: has(OptionGroup::OwnPeer).then(|| OwnPeerArgs::from_arg_matches(m)).transpose()?,
            mic: has(OptionGroup::Mic).then(|| MicArgs::from_arg_matches(m)).transpose()?,
            browser: has(OptionGroup::Browser).then(|| BrowserArgs::from_arg_matches(m)).transpose()?,
            selection: if selection { SelectionArgs::from_arg_matches(m)? } else { SelectionArgs::default() },
            with_browser: selection && m.get_flag(with_browser_flag),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Junit,
    /// GitHub Actions workflow-command annotations.
    Github,
}

/// How much the human view says (from --quiet and --verbose).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
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
pub enum ApiChoice {
    /// GPT-Live for a gpt-live-* model; otherwise the Realtime API, GA first, then beta when GA
    /// fails as an old gateway does, to say which generation works.
    Auto,
    /// GPT-Live: POST /v1/live/sessions with the standard key, no client secrets.
    Live,
    /// The Realtime API's GA endpoints only (/v1/realtime/client_secrets, /v1/realtime/calls).
    #[value(alias = "ga")]
    Realtime,
    /// Only the Realtime API's retired beta endpoints (/v1/realtime/sessions, OpenAI-Beta: realtime=v1).
    Beta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuthChoice {
    /// The api-key header for Azure OpenAI hosts (*.openai.azure.com, *.cognitiveservices.azure.com,
    /// *.services.ai.azure.com), a bearer token elsewhere.
    Auto,
    /// Authorization: Bearer (OpenAI keys; Microsoft Entra tokens on Azure).
    Bearer,
    /// Azure OpenAI's api-key header.
    ApiKey,
}
