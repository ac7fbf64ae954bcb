//! Why the key check did not pass, and what to do about each reason.

use crate::check::kind::{CauseKind, Diagnosis, ids};
use crate::report::{Fix, Status, VoiceApi};

const KEYS: &str = "https://platform.openai.com/api-keys";
const ERRORS: &str = "https://platform.openai.com/docs/guides/error-codes";
const RATE: &str = "https://platform.openai.com/docs/guides/rate-limits";
const BILLING: &str = "https://platform.openai.com/settings/organization/billing";
const MODELS: &str = "https://platform.openai.com/docs/models";
const SECRETS: &str = "https://platform.openai.com/docs/api-reference/realtime-sessions/create-realtime-client-secret";
const WEBRTC: &str = "https://platform.openai.com/docs/guides/realtime-webrtc";
const STATUS: &str = "https://status.openai.com";
/// OpenAI's voice guide for WebRTC, GPT-Live's server-side exchange.
const LIVE: &str = "https://developers.openai.com/api/docs/guides/voice-webrtc";
const DEPRECATIONS: &str = "https://platform.openai.com/docs/deprecations";
const AZURE_MIGRATION: &str =
    "https://learn.microsoft.com/azure/foundry/openai/how-to/realtime-audio-preview-api-migration-guide";

#[derive(Debug, Clone, PartialEq, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(KeyKind), derive(strum::EnumIter, Hash), vis(pub))]
pub enum KeyCause {
    #[error("no API key: OPENAI_API_KEY is not set and neither --api-key-file nor --api-key-stdin was given")]
    Missing,
    #[error("the API key is empty")]
    Empty,
    #[error("the API key is wrapped in quotes, which are sent as part of it")]
    Quoted,
    #[error("the API key contains {place}")]
    Whitespace { place: String },
    #[error("the API key value starts with \"Bearer \": the client adds that itself, so it is sent twice")]
    BearerPrefix,
    #[error("the API key looks like a masked copy (it contains … or ***), not the key itself")]
    LooksMasked,
    #[error("the API key contains non-ASCII characters (often smart quotes or a dash from a document)")]
    NonAscii,
    #[error("an ephemeral client secret (ek_…) was given where a standard API key is needed")]
    Ephemeral,
    #[error(
        "an ephemeral client secret (ek_…) was given, but GPT-Live has no ephemeral keys: it takes the project API key, on your server"
    )]
    EphemeralLive,
    #[error("an admin key (sk-admin-…) was given: admin keys cannot call model endpoints")]
    Admin,
    #[error(
        "the base URL is a retired Azure OpenAI preview endpoint ({shape}): the preview protocol stopped working on 2026-04-30"
    )]
    AzurePreviewRetired { shape: String, resource: Option<String> },
    #[error("the key does not look like an OpenAI key (sk-…); fine for a gateway that issues its own")]
    UnknownShape,
    #[error(
        "{} is plain http:// and {host}{} is not this machine: {} would cross the network unencrypted, so nothing was sent",
        route.map_or("the base URL".to_owned(), |r| format!("the {r}")),
        if *.via_proxy { " (the proxy it goes through)" } else { "" },
        if route.is_some() { "its cookies, tokens and the offer" } else { "the key" }
    )]
    Cleartext { host: String, via_proxy: bool, route: Option<&'static str> },
    #[error(
        "the key is sent unencrypted to {host}{} (plain http://, allowed by --allow-insecure-http): anyone on the path can read it",
        if *.via_proxy { " (the proxy)" } else { "" }
    )]
    CleartextAllowed { host: String, via_proxy: bool },
    #[error(
        "the standard API key (sk-…) reaches the browser ({request}): anyone who opens the page can take it and use the account"
    )]
    KeyInBrowser { request: String },
    #[error("your token route does not hand out a client secret: {request} answered {}{what}", if *.status == 0 { String::new() } else { format!("HTTP {status} with ") })]
    TokenRoute { request: String, status: u16, what: String },
    #[error("the key file {path} can be read by other users (mode {mode:o})")]
    KeyFileReadable { path: String, mode: u32 },
    /// Several lint findings at once: all are named, so that one round of fixing is enough.
    #[error("the API key has {} problems: {}", .0.len(), .0.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("; and "))]
    Several(Vec<KeyCause>),

    #[error("cannot resolve {host}: {error}")]
    Dns { host: String, error: String },
    #[error("connection to {addr} refused{}", via(*.via_proxy))]
    Refused { addr: String, via_proxy: bool },
    #[error("{addr} is unreachable{}: {error}", via(*.via_proxy))]
    Unreachable { addr: String, error: String, via_proxy: bool },
    #[error("no answer to the TCP connection attempt{} {wait} (packets dropped)", via(*.via_proxy))]
    ConnectTimeout { via_proxy: bool, wait: String },
    #[error("the proxy requires authentication (407)")]
    ProxyAuth,
    #[error("the proxy refused to open a tunnel to the API (HTTP {status})")]
    ProxyRefused { status: u16 },
    #[error("TLS is intercepted: the certificate is issued by {issuer:?}{}, not by a public CA{}", vendor.map(|v| format!(" ({v})")).unwrap_or_default(), if *.trusted_by_system { "; this machine's system store trusts it" } else { "" })]
    TlsIntercepted { issuer: String, vendor: Option<&'static str>, trusted_by_system: bool },
    #[error("the server's certificate is not signed by a public CA{}", issuer.as_ref().map(|i| format!(" (issued by {i:?})")).unwrap_or_default())]
    TlsUntrusted { issuer: Option<String> },
    #[error("the server's certificate has expired, or this machine's clock is wrong")]
    TlsExpired,
    #[error("the server's certificate is refused: {why}")]
    TlsRejected { why: String },
    #[error("the certificate presented is not for this host{}", subject.as_ref().map(|s| format!(" (it is for {s})")).unwrap_or_default())]
    TlsWrongName { subject: Option<String> },
    #[error("the server did not answer with TLS (plain HTTP on an HTTPS port: a captive portal or proxy?)")]
    NotTls,
    #[error("TLS handshake failed: {0}")]
    Tls(String),
    #[error("connected, but no answer ({phase}) {wait}")]
    NoAnswer { phase: String, wait: String },
    #[error("the connection was closed during {phase}: {error}")]
    Closed { phase: String, error: String },
    #[error("the request could not be sent: {0}")]
    Transport(String),
    #[error(
        "{step} was redirected (HTTP {status}) to {location}: the API never redirects, so something else answered (a captive portal, a proxy's login page, or a wrong base URL); the redirect was not followed"
    )]
    Redirected { step: String, status: u16, location: String },

    #[error("the API key was rejected (401 invalid_api_key){}", detail(message))]
    InvalidApiKey { message: String },
    #[error("not authorized (401{}){}", code.as_ref().map(|c| format!(" {c}")).unwrap_or_default(), detail(message))]
    Unauthorized { code: Option<String>, message: String },
    #[error("access denied (403) on {step}{}", detail(message))]
    Forbidden { step: String, message: String },
    #[error("{path} does not exist at this base URL (404): not the OpenAI API, or a gateway path is missing")]
    EndpointNotFound { path: String },
    #[error("model {model} is not available to this key (404 model_not_found)")]
    ModelNotFound { model: String },
    #[error("{} refused model {model} (invalid_model): {}", sent_to.offer_path(), model_api_words(model, *sent_to))]
    WrongApiModel { model: String, sent_to: VoiceApi },
    #[error("model {model} is scheduled to shut down ({date})")]
    ModelRetiring { model: String, date: String },
    #[error("POST /v1/live/sessions refused the request as invalid (400){}{}", param.as_ref().map(|p| format!(" on `{p}`")).unwrap_or_default(), detail(message))]
    LiveBadRequest { message: String, param: Option<String> },
    #[error(
        "insufficient quota (429 insufficient_quota): the account has no credit or hit its budget; retrying does not help"
    )]
    InsufficientQuota,
    #[error("rate limited (429) on {step} after {attempts} attempt(s){}", retry_after.as_ref().map(|r| format!("; retry-after {r}")).unwrap_or_default())]
    RateLimited { step: String, attempts: u32, retry_after: Option<String> },
    #[error("rate limited (429) on {step}, succeeded after {attempts} attempts")]
    RateLimitedRecovered { step: String, attempts: u32 },
    #[error("the API answered {status} on {step} (server error{})", if *.attempts > 1 { format!(", {} attempts", attempts) } else { String::new() })]
    ServerError { step: String, status: u16, attempts: u32 },
    #[error(
        "{step} was answered by something other than the OpenAI API (a captive portal, proxy or gateway): HTTP {status} with {what}"
    )]
    NotOpenAi { step: String, status: u16, what: String },
    #[error("the request was refused as invalid (400) on {step}{}", detail(message))]
    BadRequest { step: String, message: String },
    #[error("unexpected HTTP {status} on {step}{}", detail(message))]
    Unexpected { step: String, status: u16, message: String },
    #[error("no complete answer to {step} {wait}")]
    Slow { step: String, wait: String },
    #[error("the client secret answer is not usable: {why}")]
    BadClientSecret { why: String },
    #[error("this machine's clock is {skew_s} s off the server's: ephemeral tokens will look expired or not yet valid")]
    ClockSkew { skew_s: i64 },
    #[error("the client secret was refused on /v1/realtime/calls (401 {code})")]
    EphemeralRejected { code: String },
    #[error(
        "this endpoint only speaks the retired beta Realtime API (/v1/realtime/sessions works, /v1/realtime/client_secrets does not)"
    )]
    BetaOnly,
    #[error(
        "the beta Realtime API is retired here (beta_api_shape_disabled): an app on /v1/realtime/sessions or /v1/realtime?model= never connects"
    )]
    BetaRetired,
    #[error("the beta Realtime API still answers here, but it is retired on api.openai.com")]
    BetaDeprecated,
}

/// Why a voice API refuses a model: it is the other API's, or not a voice model at all.
fn model_api_words(model: &str, sent_to: VoiceApi) -> &'static str {
    match (crate::api::is_live_model(model), sent_to) {
        (true, VoiceApi::Live) => "not a GPT-Live model this endpoint knows",
        (true, _) => "it is a GPT-Live model, which only /v1/live/sessions serves",
        (false, VoiceApi::Live) => "GPT-Live serves only GPT-Live models (gpt-live-1, gpt-live-1.1)",
        (false, _) => "not a Realtime model",
    }
}

fn via(proxy: bool) -> &'static str {
    if proxy { " (the proxy)" } else { "" }
}

fn detail(message: &str) -> String {
    let m = message.trim();
    if m.is_empty() { String::new() } else { format!(": {m}") }
}

const MIGRATE: &str = "Migrate to the GA endpoints: mint with POST /v1/realtime/client_secrets (the token is at `value`, \
not `client_secret.value`), then POST the SDP offer to /v1/realtime/calls with that ek_ token; drop the \
`OpenAI-Beta: realtime=v1` header and the ?model= query.";

ids!(KeyKind {
    Missing => "missing_key",
    Empty => "empty_key",
    Quoted => "key_quoted",
    Whitespace => "key_whitespace",
    BearerPrefix => "key_bearer_prefix",
    LooksMasked => "key_masked_copy",
    NonAscii => "key_non_ascii",
    Ephemeral => "ephemeral_key",
    EphemeralLive => "ephemeral_key_live",
    Admin => "admin_key",
    AzurePreviewRetired => "azure_preview_retired",
    UnknownShape => "unknown_key_shape",
    Cleartext => "cleartext_key_refused",
    CleartextAllowed => "cleartext_key_sent",
    KeyFileReadable => "key_file_readable",
    KeyInBrowser => "standard_key_in_browser",
    TokenRoute => "token_route_broken",
    Several => "key_several_problems",
    Dns => "dns_failure",
    Refused => "connection_refused",
    Unreachable => "network_unreachable",
    ConnectTimeout => "connect_timeout",
    ProxyAuth => "proxy_auth_required",
    ProxyRefused => "proxy_refused",
    TlsIntercepted => "tls_interception",
    TlsUntrusted => "tls_untrusted",
    TlsExpired => "tls_expired",
    TlsRejected => "tls_rejected",
    TlsWrongName => "tls_wrong_name",
    NotTls => "not_tls",
    Tls => "tls_failure",
    NoAnswer => "no_answer",
    Closed => "connection_closed",
    Transport => "transport_error",
    Redirected => "redirected",
    InvalidApiKey => "invalid_api_key",
    Unauthorized => "unauthorized",
    Forbidden => "forbidden",
    EndpointNotFound => "endpoint_not_found",
    ModelNotFound => "model_not_found",
    WrongApiModel => "model_wrong_api",
    ModelRetiring => "model_shutdown_scheduled",
    LiveBadRequest => "live_bad_request",
    InsufficientQuota => "insufficient_quota",
    RateLimited => "rate_limited",
    RateLimitedRecovered => "rate_limited_recovered",
    ServerError => "server_error",
    NotOpenAi => "not_openai_response",
    BadRequest => "bad_request",
    Unexpected => "unexpected_status",
    Slow => "slow_server",
    BadClientSecret => "bad_client_secret",
    ClockSkew => "clock_skew",
    EphemeralRejected => "ephemeral_token_rejected",
    BetaOnly => "beta_only",
    BetaRetired => "beta_retired",
    BetaDeprecated => "beta_deprecated",
});

/// The kind enum these causes are reported with, for cause tables.
pub const CAUSES: crate::check::kind::Family = crate::check::kind::Family::of::<KeyKind, KeyCause>();

/// Where on the path to a call a key-check cause stops the user, for the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStage {
    /// The API cannot be reached over HTTPS (DNS, TCP, proxy, TLS, or something else answers).
    Network,
    /// The key itself cannot be used (malformed, rejected, no access to the model or the path).
    Key,
    /// The key works; minting a client secret or the account's limits do not.
    Token,
    /// The base URL is an endpoint that no longer exists (whatever the key).
    Endpoint,
}

impl KeyKind {
    pub fn stage(self) -> KeyStage {
        use KeyKind::*;
        match self {
            Dns | Refused | Unreachable | ConnectTimeout | ProxyAuth | ProxyRefused | TlsIntercepted | TlsUntrusted
            | TlsExpired | TlsRejected | TlsWrongName | NotTls | Tls | NoAnswer | Closed | Transport | NotOpenAi
            | Redirected => KeyStage::Network,
            Missing | Empty | Quoted | Whitespace | BearerPrefix | LooksMasked | NonAscii | Ephemeral
            | KeyInBrowser | TokenRoute | EphemeralLive | Admin | Several | InvalidApiKey | Unauthorized
            | Forbidden | ModelNotFound | WrongApiModel | EndpointNotFound => KeyStage::Key,
            UnknownShape | InsufficientQuota | RateLimited | RateLimitedRecovered | ServerError | BadRequest
            | LiveBadRequest | Unexpected | Slow | BadClientSecret | ClockSkew | EphemeralRejected | BetaOnly
            | BetaRetired | BetaDeprecated | ModelRetiring | CleartextAllowed | KeyFileReadable => KeyStage::Token,
            AzurePreviewRetired | Cleartext => KeyStage::Endpoint,
        }
    }
}

impl Diagnosis for KeyCause {
    fn kind(&self) -> CauseKind {
        CauseKind::of(KeyKind::from(self))
    }

    fn status(&self) -> Status {
        match self {
            KeyCause::UnknownShape
            | KeyCause::RateLimitedRecovered { .. }
            | KeyCause::ClockSkew { .. }
            | KeyCause::BetaDeprecated
            | KeyCause::ModelRetiring { .. }
            | KeyCause::CleartextAllowed { .. }
            | KeyCause::KeyFileReadable { .. } => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        use KeyCause::*;
        match self {
            Missing | Empty => Fix::new("Create a key in the dashboard and export it: `export OPENAI_API_KEY=sk-proj-...` (or pass --api-key-file PATH / --api-key-stdin; on Azure OpenAI, AZURE_OPENAI_API_KEY or AZURE_OPENAI_AD_TOKEN).").doc(KEYS),
            Quoted => Fix::new("Remove the quotes from the value (in .env files write OPENAI_API_KEY=sk-..., without quotes, unless your loader strips them).").doc(KEYS),
            Whitespace { .. } => Fix::new("Remove the whitespace: re-copy the key, or set it with `export OPENAI_API_KEY=\"$(tr -d '[:space:]' < keyfile)\"`; check .env files for CRLF line endings.").doc(KEYS),
            BearerPrefix => Fix::new("Store only the key (sk-...) in OPENAI_API_KEY; the Authorization header's \"Bearer \" is added by the client.").doc(KEYS),
            LooksMasked => Fix::new("The dashboard shows a key in full only once, when created: create a new key and copy it then.").doc(KEYS),
            NonAscii => Fix::new("Re-copy the key from the dashboard into a plain-text editor; word processors replace characters with look-alikes.").doc(KEYS),
            Ephemeral => Fix::new("Use a standard key (sk-...) on your server to mint ek_ secrets; an ek_ secret is only for the browser's POST to /v1/realtime/calls.").doc(SECRETS),
            EphemeralLive => Fix::new("GPT-Live has no client secrets: the browser posts its SDP offer to your server, which calls POST /v1/live/sessions with the project API key (sk-...) and returns transport.sdp as the answer (the server-side exchange in OpenAI's WebRTC voice guide). Give this tool that standard key.").doc(LIVE),
            AzurePreviewRetired { resource, .. } => {
                let base = format!("https://{}.openai.azure.com/openai/v1", resource.as_deref().unwrap_or("YOUR-RESOURCE"));
                Fix::new(format!("Move to the GA endpoints on your resource: --base-url {base} (no api-version), mint with POST /openai/v1/realtime/client_secrets and send the offer to /openai/v1/realtime/calls, with OpenAI's SDKs (Microsoft's preview SDKs do not speak the GA protocol).")).doc(AZURE_MIGRATION)
            }
            Admin => Fix::new("Use a project key (sk-proj-...) or service account key; admin keys only manage the organization.").doc(KEYS),
            Several(all) => {
                let steps: Vec<String> =
                    all.iter().enumerate().map(|(i, c)| format!("({}) {}", i + 1, c.fix().text)).collect();
                Fix::new(format!("Fix all {} at once: {}", all.len(), steps.join(" "))).doc(KEYS)
            }
            Cleartext { route: Some(r), .. } => Fix::new(format!("Use the {r}'s https:// URL; for a dev server on another machine of a network you trust, pass --allow-insecure-http.")),
            Cleartext { via_proxy: false, .. } => Fix::new("Use the https:// URL of the API or gateway (the OpenAI API is https only). For a gateway on a network you trust that only speaks HTTP, pass --allow-insecure-http; the report will then warn that the key crossed the network in clear."),
            Cleartext { via_proxy: true, .. } => Fix::new("Use an https:// base URL: through a proxy, https:// is tunnelled (CONNECT) and the proxy never sees the key. Set NO_PROXY for a gateway that should be reached directly, or pass --allow-insecure-http if this path is trusted."),
            CleartextAllowed { .. } => Fix::new("Put TLS in front of the gateway and use its https:// URL; rotate the key if this path was not trusted."),
            KeyInBrowser { .. } => Fix::new("Revoke this key now (it has been exposed), then keep the standard key on your server only: the page asks your backend for a short-lived client secret (POST /v1/realtime/client_secrets, the ek_ at `value`) and uses that for /v1/realtime/calls; for GPT-Live, your server makes the call with the key and returns only the SDP answer.").doc(KEYS),
            TokenRoute { .. } => Fix::new("Your token route must answer the page with the API's client secret JSON ({\"value\": \"ek_...\", \"expires_at\": ...}) from POST /v1/realtime/client_secrets; check that it is running, its path and method (in Next.js, the route file exports GET or POST), and its logs; pass the API's error on with its status rather than a page.").doc(SECRETS),
            KeyFileReadable { path, .. } => Fix::new(format!("Make the file readable by you only: `chmod 600 {path}` (as ssh requires for private keys), and rotate the key if others may have read it.")),
            UnknownShape => Fix::new("If you use a gateway or Azure OpenAI, make sure --base-url points at it; for api.openai.com use an sk-... key.").doc(KEYS),
            Dns { .. } => Fix::new("Check the host name in --base-url/OPENAI_BASE_URL, and this machine's DNS (resolv.conf, VPN split DNS); try `getent hosts <host>`."),
            Refused { via_proxy: true, .. } => Fix::new("The proxy in HTTPS_PROXY/HTTP_PROXY is not listening: fix the variable or start the proxy; set NO_PROXY to bypass it."),
            Refused { .. } => Fix::new("Nothing listens there: check the port in --base-url; a firewall may reject outbound HTTPS (TCP 443)."),
            Unreachable { .. } => Fix::new("There is no route to the host: check the network connection, VPN and default route (`ip route`)."),
            ConnectTimeout { via_proxy: true, .. } => Fix::new("The proxy does not answer: check HTTPS_PROXY/HTTP_PROXY, or ask IT which proxy to use."),
            ConnectTimeout { .. } => Fix::new("A firewall drops outbound HTTPS to this host: allow TCP 443 to api.openai.com, or set HTTPS_PROXY to your network's proxy."),
            ProxyAuth => Fix::new("Put the proxy credentials in the variable (https_proxy=http://user:pass@proxy:port) or ask IT to allow api.openai.com without authentication."),
            ProxyRefused { .. } => Fix::new("The proxy blocks api.openai.com: ask IT to allow api.openai.com (HTTPS) and, for WebRTC media, UDP 3478 and TCP 443 to OpenAI's media servers."),
            TlsIntercepted { .. } | TlsUntrusted { .. } => Fix::new("Ask IT to exempt api.openai.com from TLS inspection, or trust the inspection CA: pass it with --ca-cert, and give it to your app (Node: NODE_EXTRA_CA_CERTS=ca.pem; Python: SSL_CERT_FILE or REQUESTS_CA_BUNDLE)."),
            TlsRejected { .. } => Fix::new("Look at the certificate the server presents (`openssl s_client -connect HOST:PORT -showcerts`): re-issue it for this host name and a current period, or give with --ca-cert the certificate itself or the CA that signed it. Your app needs the same trust (Node: NODE_EXTRA_CA_CERTS=ca.pem; Python: SSL_CERT_FILE or REQUESTS_CA_BUNDLE)."),
            TlsExpired => Fix::new("Check this machine's date and time (`timedatectl`); if the clock is right, something on the path presents an expired certificate."),
            TlsWrongName { .. } => Fix::new("Something on the path answers for the API host with another certificate: a captive portal (log in to the network) or a misconfigured proxy."),
            NotTls => Fix::new("Log in to the network's captive portal, or check that --base-url uses https:// only where the server speaks TLS."),
            Tls(_) => Fix::new("Check for TLS inspection or an outdated proxy on the path; try another network to compare."),
            NoAnswer { .. } | Slow { .. } => Fix::new(format!("The server or a middlebox is too slow or drops the connection: retry, check {STATUS}, or raise --timeout to measure how slow.")),
            Closed { .. } => Fix::new("A middlebox resets the connection: check proxies and firewalls; compare with another network."),
            Redirected { .. } => Fix::new("Open the URL it pointed to in a browser: log in to the network's portal or the proxy if that is what it is; otherwise set --base-url to the API root itself (https://api.openai.com, or your gateway's root), not a URL that forwards."),
            Transport(_) => Fix::new("Check the network path to --base-url (proxy variables, firewall); run with -v for details."),
            InvalidApiKey { .. } => Fix::new("The key is wrong, revoked, or from another organization: create a new key in the project that has Realtime access and export it as OPENAI_API_KEY.").doc(KEYS),
            Unauthorized { .. } => Fix::new("Check that the key belongs to the organization/project given in OPENAI_ORG_ID/OPENAI_PROJECT_ID, or unset those.").doc(ERRORS),
            Forbidden { .. } => Fix::new("The key's project has no access here: allow the Realtime model in the project's model limits, give a restricted key Write access to Model capabilities, or check organization verification and supported regions.").doc(ERRORS),
            EndpointNotFound { path } if path.contains("/live/") => Fix::new("This base URL does not serve GPT-Live: point --base-url at the API root (https://api.openai.com, or https://RESOURCE.openai.azure.com/openai/v1 on Azure); a gateway or proxy in between must pass /v1/live/sessions through (or check your app's path with --api realtime if it uses the Realtime API).").doc(LIVE),
            EndpointNotFound { .. } => Fix::new("Point --base-url/OPENAI_BASE_URL at the API root (https://api.openai.com, or your gateway's root that serves /v1/...).").doc(WEBRTC),
            WrongApiModel { model, sent_to } => Fix::new(match (crate::api::is_live_model(model), sent_to) {
                (true, VoiceApi::Live) => "Use a GPT-Live model this key can access (gpt-live-1 or gpt-live-1.1) with --model.".to_owned(),
                (true, _) => format!("{model} is a GPT-Live model: create its sessions with POST /v1/live/sessions (check that path with --api live), or use a Realtime model (gpt-realtime) with the Realtime API."),
                (false, VoiceApi::Live) => format!("{model} is not a GPT-Live model: if your app uses the Realtime API (client secrets and /v1/realtime/calls), check that path with --api realtime; for GPT-Live use --model gpt-live-1 or gpt-live-1.1."),
                (false, _) => "Use a Realtime model (gpt-realtime, gpt-realtime-mini) with --model; check the project's allowed models.".to_owned(),
            }).doc(if *sent_to == VoiceApi::Live { LIVE } else { MODELS }),
            ModelRetiring { .. } => Fix::new("Plan the move to the model's replacement before that date (see OpenAI's deprecations page), and test it with --model.").doc(DEPRECATIONS),
            LiveBadRequest { .. } => Fix::new("The create request is a strict object: only session.{model, instructions, audio.output.voice, delegation, input, store, client} and transport.{type: \"webrtc\", sdp} are accepted, and session.model is required. The message and field above name what was refused: if this tool's minimal request was refused, something between you and the API (a gateway or proxy) rewrites the body or does not know GPT-Live; check your server's request the same way.").doc(LIVE),
            ModelNotFound { .. } => Fix::new("Use a Realtime model this key can access (gpt-realtime, gpt-realtime-mini), with --model; check the project's allowed models.").doc(MODELS),
            InsufficientQuota => Fix::new("Add credit or raise the monthly budget in Billing (and check the project's budget); retrying will not help.").doc(BILLING),
            RateLimited { .. } | RateLimitedRecovered { .. } => Fix::new("Slow down: honour retry-after, back off exponentially with jitter, and cap retries; raise limits with usage tier.").doc(RATE),
            ServerError { .. } => Fix::new("An OpenAI-side error: retry with backoff and check the status page; report the x-request-id if it persists.").doc(STATUS),
            NotOpenAi { .. } => Fix::new("A proxy, captive portal or gateway answered instead of the API: log in to the network, set NO_PROXY=api.openai.com, or fix --base-url."),
            BadRequest { .. } => Fix::new("The endpoint refused the GA request shape: make sure --base-url reaches the OpenAI API (a gateway may not support /v1/realtime/client_secrets), and that --model is a Realtime model.").doc(SECRETS),
            Unexpected { .. } => Fix::new("Check --base-url and any gateway in between; the x-request-id helps OpenAI support.").doc(ERRORS),
            BadClientSecret { .. } => Fix::new("The endpoint does not answer as the GA API does ({\"value\": \"ek_...\", \"expires_at\": ...}): check --base-url and any gateway in between.").doc(SECRETS),
            ClockSkew { .. } => Fix::new("Synchronise the clock (`timedatectl set-ntp true`, or the OS's automatic time setting)."),
            EphemeralRejected { .. } => Fix::new("Client secrets are single-use and short-lived: mint a new one (POST /v1/realtime/client_secrets) for every connection attempt, right before the browser POSTs its offer.").doc(SECRETS),
            BetaOnly => Fix::new(format!("This base URL (a proxy or gateway?) does not serve the GA API that current SDKs use. Update the gateway, or point at https://api.openai.com. {MIGRATE}")).doc(WEBRTC),
            BetaRetired | BetaDeprecated => Fix::new(MIGRATE).doc(WEBRTC),
        }
    }
}

impl crate::check::kind::Examples for KeyCause {
    fn examples() -> Vec<KeyCause> {
        vec![
            KeyCause::Missing,
            KeyCause::Empty,
            KeyCause::Quoted,
            KeyCause::Whitespace { place: "a space".into() },
            KeyCause::BearerPrefix,
            KeyCause::LooksMasked,
            KeyCause::NonAscii,
            KeyCause::Ephemeral,
            KeyCause::EphemeralLive,
            KeyCause::Admin,
            KeyCause::AzurePreviewRetired { shape: "the preview path".into(), resource: Some("res".into()) },
            KeyCause::AzurePreviewRetired { shape: "the preview host".into(), resource: None },
            KeyCause::UnknownShape,
            KeyCause::Cleartext { host: "gateway.example".into(), via_proxy: false, route: None },
            KeyCause::Cleartext { host: "proxy.example".into(), via_proxy: true, route: None },
            KeyCause::Cleartext { host: "dev.example".into(), via_proxy: false, route: Some("--via route") },
            KeyCause::CleartextAllowed { host: "gateway.example".into(), via_proxy: false },
            KeyCause::KeyFileReadable { path: "key.txt".into(), mode: 0o644 },
            KeyCause::KeyInBrowser { request: "POST /v1/realtime/calls".into() },
            KeyCause::TokenRoute { request: "GET /api/token".into(), status: 404, what: "an HTML page".into() },
            KeyCause::Several(vec![KeyCause::Quoted, KeyCause::Whitespace { place: "a newline at the end".into() }]),
            KeyCause::Dns { host: "h".into(), error: "e".into() },
            KeyCause::Refused { addr: "a".into(), via_proxy: true },
            KeyCause::Unreachable { addr: "a".into(), error: "e".into(), via_proxy: false },
            KeyCause::ConnectTimeout { via_proxy: false, wait: "in 3.0 s".into() },
            KeyCause::ProxyAuth,
            KeyCause::ProxyRefused { status: 403 },
            KeyCause::TlsIntercepted {
                issuer: "CN=Zscaler Root CA".into(),
                vendor: Some("Zscaler"),
                trusted_by_system: true,
            },
            KeyCause::TlsUntrusted { issuer: None },
            KeyCause::TlsExpired,
            KeyCause::TlsRejected { why: "it is not valid yet (or this machine's clock is behind)".into() },
            KeyCause::TlsWrongName { subject: None },
            KeyCause::NotTls,
            KeyCause::Tls("x".into()),
            KeyCause::NoAnswer { phase: "TLS handshake".into(), wait: "in 4.0 s".into() },
            KeyCause::Closed { phase: "tls".into(), error: "reset".into() },
            KeyCause::Transport("x".into()),
            KeyCause::Redirected {
                step: "GET /v1/models".into(),
                status: 307,
                location: "http://portal.example/login".into(),
            },
            KeyCause::InvalidApiKey { message: String::new() },
            KeyCause::Unauthorized { code: None, message: String::new() },
            KeyCause::Forbidden { step: "s".into(), message: String::new() },
            KeyCause::EndpointNotFound { path: "/v1/models".into() },
            KeyCause::ModelNotFound { model: "m".into() },
            KeyCause::WrongApiModel { model: "gpt-live-1".into(), sent_to: VoiceApi::Realtime },
            KeyCause::WrongApiModel { model: "gpt-realtime".into(), sent_to: VoiceApi::Live },
            KeyCause::WrongApiModel { model: "gpt-live-9".into(), sent_to: VoiceApi::Live },
            KeyCause::WrongApiModel { model: "gpt-4o".into(), sent_to: VoiceApi::Realtime },
            KeyCause::ModelRetiring { model: "gpt-4o-realtime-preview".into(), date: "2026-12-10".into() },
            KeyCause::LiveBadRequest {
                message: "Unknown parameter: 'session.voice'.".into(),
                param: Some("session.voice".into()),
            },
            KeyCause::InsufficientQuota,
            KeyCause::RateLimited { step: "s".into(), attempts: 3, retry_after: Some("20".into()) },
            KeyCause::RateLimitedRecovered { step: "s".into(), attempts: 2 },
            KeyCause::ServerError { step: "s".into(), status: 500, attempts: 3 },
            KeyCause::NotOpenAi { step: "s".into(), status: 200, what: "html".into() },
            KeyCause::BadRequest { step: "s".into(), message: "m".into() },
            KeyCause::Unexpected { step: "s".into(), status: 418, message: String::new() },
            KeyCause::Slow { step: "s".into(), wait: "in 10.0 s".into() },
            KeyCause::BadClientSecret { why: "w".into() },
            KeyCause::ClockSkew { skew_s: 400 },
            KeyCause::EphemeralRejected { code: "ephemeral_token_already_used".into() },
            KeyCause::BetaOnly,
            KeyCause::BetaRetired,
            KeyCause::BetaDeprecated,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_is_never_retry_advice() {
        let fix = KeyCause::InsufficientQuota.fix();
        assert!(fix.text.contains("will not help"));
        assert_eq!(fix.doc.as_deref(), Some(BILLING));
        assert!(!KeyCause::InsufficientQuota.to_string().contains("retry-after"));
    }
}
