//! The key check: lint the key, reach the API (timed phase by phase), prove the key works, that the
//! model is accessible (and not about to be shut down), and, for the Realtime API, that a client
//! secret can be minted the GA way; explain the beta/GA split when a gateway only knows one
//! generation (the retired beta endpoints still answer on old gateways, and the beta shapes are
//! refused on api.openai.com). GPT-Live has no client secrets (its WebRTC guide: the project key,
//! on the app's server), so for Live the check ends with the model. Azure OpenAI takes the
//! `api-key` header and deployment names; its retired preview URLs are named before any request.

mod cause;
mod lint;
pub mod mint;
pub mod token_route;

pub use cause::{CAUSES, KeyCause, KeyKind, KeyStage};
pub use lint::{kind as key_kind, lint, verdict as lint_verdict};
pub use mint::secret as mint_secret;

use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::{CheckSpec, Ctx, Outcome, check_fn};
use crate::net::http::{Api, Exchange, HttpConfig, Reply, SendError, classify, describe_body, header};
use crate::net::probe::{self, ProbeFailure, ProbeTarget, TlsFailure};
use crate::net::tls;
use crate::report::{CheckId, CheckResult, VoiceApi};
use crate::secret::Secret;
use crate::settings::{ApiKey, AuthHeader, Settings};
use reqwest::header::AUTHORIZATION;
use std::sync::Arc;
use std::time::Duration;

/// How long one API request may take, retries included: far beyond a healthy API's answer (a
/// client secret is minted in a few hundred milliseconds), short enough to name a hanging server.
pub const REQUEST_LIMIT: Duration = Duration::from_secs(10);

pub const SPEC: CheckSpec = CheckSpec {
    title: "API key and client secret",
    about: "Check the API key, the way to the API, model access and (Realtime) client secrets",
    waits: "DNS 3 s, TCP connect 3 s, TLS (or a proxy's CONNECT) 4 s and the first byte of an \
            unauthenticated request 4 s (a healthy API gets through each in well under a second), \
            then each API request 10 s",
    budget: |_| Duration::from_secs(15),
    budget_text: "15s",
    needs: &[],
    after: &[],
    options: &[OptionGroup::Api],
    in_selftest: true,
    in_browser: false,
    stage: "key",
    causes: CauseTable(&[cause::CAUSES]),
    run: check_fn!(run),
};

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::Key);
    if ctx.settings.via.is_some() && ctx.settings.api_key.is_none() && ctx.settings.token_url.is_none() {
        return out.skip("not needed: with --via the offer goes through your backend, which holds the key");
    }
    let mut warnings = Vec::new();
    match flow(ctx, &mut out, &mut warnings).await {
        Err(cause) => out.diagnose(&cause, None),
        Ok(summary) => {
            for extra in warnings.iter().skip(1) {
                out.evidence.detail("warning", extra.to_string());
            }
            out.pass_or_warn(summary, warnings.first())
        }
    }
}

/// Which request a reply belongs to: the same status means different things on each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Models,
    Model,
    MintGa,
    MintBeta,
    /// The SDP offer to `/v1/realtime/calls` (used by the WebRTC checks).
    Calls,
    /// The GPT-Live session create, `POST /v1/live/sessions` (used by the WebRTC checks).
    LiveCreate,
}

impl Step {
    /// Whether a 2xx body has the shape this endpoint answers with (the OpenAI API reference,
    /// "List models" and "Retrieve model"): `{"object": "list", "data": [...]}` for `/v1/models`,
    /// `{"id": ..., "object": "model"}` for `/v1/models/{id}`, a JSON object when minting. The
    /// SDP answer of `/calls` is judged by the WebRTC checks themselves.
    pub fn shape_ok(self, body: &str) -> bool {
        let json = || serde_json::from_str::<serde_json::Value>(body).ok();
        let object = |v: &serde_json::Value, want: &str| v.get("object").and_then(|o| o.as_str()) == Some(want);
        match self {
            Step::Models => json().is_some_and(|v| object(&v, "list") && v.get("data").is_some_and(|d| d.is_array())),
            Step::Model => json().is_some_and(|v| object(&v, "model") && v.get("id").is_some_and(|i| i.is_string())),
            Step::MintGa | Step::MintBeta => json().is_some_and(|v| v.is_object()),
            Step::Calls | Step::LiveCreate => true,
        }
    }

    /// Requests that must never be repeated: a client secret is single-use, and each GPT-Live
    /// create starts (and pre-bills) a session.
    pub fn single_shot(self) -> bool {
        matches!(self, Step::Calls | Step::LiveCreate)
    }

    /// The API a request belongs to (for a refused model: which API it was sent to).
    pub fn api(self) -> VoiceApi {
        match self {
            Step::LiveCreate => VoiceApi::Live,
            Step::MintBeta => VoiceApi::RealtimeBeta,
            _ => VoiceApi::Realtime,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Step::Models => "GET /v1/models",
            Step::Model => "GET /v1/models/{model}",
            Step::MintGa => "POST /v1/realtime/client_secrets",
            Step::MintBeta => "POST /v1/realtime/sessions (beta)",
            Step::Calls => "POST /v1/realtime/calls",
            Step::LiveCreate => "POST /v1/live/sessions",
        }
    }
    fn phase(self) -> &'static str {
        match self {
            Step::Models => "models",
            Step::Model => "model",
            Step::MintGa => "client_secret",
            Step::MintBeta => "beta_session",
            Step::Calls | Step::LiveCreate => "answer",
        }
    }
}

async fn flow(ctx: &Ctx, out: &mut Outcome, warnings: &mut Vec<KeyCause>) -> Result<String, KeyCause> {
    let s = &ctx.settings;
    // 0. A retired endpoint fails whatever the key: said first, before any request.
    endpoint_verdict(s)?;
    if s.token_url.is_some() {
        // The app's path: its route hands the page the secret; the key stays on its server.
        return token_route_flow(ctx, out).await;
    }
    let key = s.api_key.as_ref().ok_or(KeyCause::Missing)?;
    record_setup(out, s, key);

    // 1. Before any request: the key never crosses a network in clear unless the user said so,
    // and a quoted or masked key cannot work, so no request is made.
    before_any_request(s, key, warnings)?;

    // 2. The connection, phase by phase.
    reach(ctx, out).await?;

    // 3. The key, the model, and for the Realtime API the client secret.
    let api = client(ctx)?;
    let cred = credential(s, &key.value)?;
    list_models(ctx, out, warnings, &api, &cred).await?;
    look_up_model(ctx, out, warnings, &api, &cred).await?;

    let accessible = if s.is_azure() { format!("deployment {}", s.model) } else { format!("{} accessible", s.model) };
    let Some(minted) = mint_client_secret(ctx, out, warnings, &api, &cred).await? else {
        // GPT-Live has no client secrets: the app's server creates the session with this key.
        return Ok(format!(
            "key {} works; {accessible}; GPT-Live takes this key on your server (it has no client secrets)",
            key.value.masked()
        ));
    };
    Ok(format!("key {} works; {accessible}; {minted}", key.value.masked()))
}

/// With `--token-url`: fetch a client secret from the app's route, and say what it handed out.
async fn token_route_flow(ctx: &Ctx, out: &mut Outcome) -> Result<String, KeyCause> {
    let token = token_route::fetch(ctx, out).await?;
    let ttl = token.ttl_s.map(|t| format!(", expires in {t} s")).unwrap_or_default();
    Ok(format!("your token route hands out a GA client secret (ek_…{ttl})"))
}

/// The key (masked), where it came from, and the API, endpoint, model and headers it is tried
/// with, in the evidence: what a user compares with their app's configuration.
fn record_setup(out: &mut Outcome, s: &Settings, key: &ApiKey) {
    let ev = &mut out.evidence;
    ev.detail("key", key.value.masked());
    ev.detail("key_kind", lint::kind(key.value.expose()));
    ev.detail("key_source", key.source.to_string());
    ev.detail("api", s.api.name());
    ev.detail("base_url", s.shown_base_url());
    ev.detail("model", &s.model);
    ev.detail("auth", auth_words(s));
    if let Some(region) = s.residency() {
        ev.detail("data_residency", format!("{region} (a regional host: the same paths as api.openai.com)"));
    }
    if let Some(o) = &s.organization {
        ev.detail("organization", o);
    }
    if let Some(p) = &s.project {
        ev.detail("project", p);
    }
}

/// The checks that need no request: a cleartext hop fails (or, when allowed, warns), a key file
/// others can read warns, and the key lint fails a key that cannot work or warns.
fn before_any_request(s: &Settings, key: &ApiKey, warnings: &mut Vec<KeyCause>) -> Result<(), KeyCause> {
    if let Some((host, via_proxy)) = s.cleartext_hop() {
        if !s.allow_insecure_http {
            return Err(KeyCause::Cleartext { host, via_proxy, route: None });
        }
        warnings.push(KeyCause::CleartextAllowed { host, via_proxy });
    }
    // As ssh judges a private key file: any access for group or others is too open.
    if let (Some(mode), crate::settings::KeySource::File(path)) = (s.key_file_mode, &key.source)
        && mode & 0o077 != 0
    {
        warnings.push(KeyCause::KeyFileReadable { path: path.display().to_string(), mode });
    }
    warnings.extend(lint_verdict_for(key.value.expose(), s)?);
    Ok(())
}

/// `GET /v1/models`: proves the key works; the voice API's models in the list go into the evidence.
async fn list_models(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    api: &Api,
    cred: &Credential,
) -> Result<(), KeyCause> {
    let s = &ctx.settings;
    let models =
        request(ctx, out, warnings, api, Step::Models, |c| cred.apply(c.get(s.endpoint("/v1/models")))).await?;
    let listed = voice_models(&models.body, s.api);
    if !listed.is_empty() {
        let name = if s.api == VoiceApi::Live { "live_models" } else { "realtime_models" };
        out.evidence.detail(name, listed.join(", "));
    }
    Ok(())
}

/// `GET /v1/models/{model}`: proves the model is accessible, and warns of its announced shutdown;
/// skipped on Azure OpenAI, where the model is a deployment name.
async fn look_up_model(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    api: &Api,
    cred: &Credential,
) -> Result<(), KeyCause> {
    let s = &ctx.settings;
    if s.is_azure() {
        // Azure OpenAI calls by deployment name, which /models (a list of base models) does not know.
        out.evidence.detail("model_lookup", "skipped: on Azure OpenAI --model is your deployment's name");
    } else {
        let model_path = format!("/v1/models/{}", s.model);
        let m = request(ctx, out, warnings, api, Step::Model, |c| cred.apply(c.get(s.endpoint(&model_path)))).await?;
        if let Some(date) = shutdown_date(&m.body) {
            out.evidence.detail("shutdown_date", &date);
            warnings.push(KeyCause::ModelRetiring { model: s.model.clone(), date });
        }
    }
    Ok(())
}

/// The client secret, minted the way the run's API takes it (GA or beta), as a summary sentence;
/// `None` for GPT-Live, which has no client secrets.
async fn mint_client_secret(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    api: &Api,
    cred: &Credential,
) -> Result<Option<String>, KeyCause> {
    let minted = match (ctx.settings.api, ctx.settings.api_auto) {
        (VoiceApi::Live, _) => return Ok(None),
        (VoiceApi::RealtimeBeta, _) => mint::beta(ctx, out, warnings, api, cred).await?,
        (VoiceApi::Realtime, false) => mint::ga(ctx, out, warnings, api, cred).await?,
        (VoiceApi::Realtime, true) => mint_ga_naming_generation(ctx, out, warnings, api, cred).await?,
    };
    Ok(Some(minted))
}

/// GA minting when the API was not chosen by the user: a GA failure that suggests an old gateway
/// stands, but is named [`KeyCause::BetaOnly`] when the beta generation answers.
async fn mint_ga_naming_generation(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    api: &Api,
    cred: &Credential,
) -> Result<String, KeyCause> {
    match mint::ga(ctx, out, warnings, api, cred).await {
        Err(ga) if mint::suggests_old_gateway(&ga) => {
            // An old gateway: does the beta generation answer? Either way the GA failure stands,
            // but the answer tells the user which of the two generations this endpoint speaks.
            let mut scratch = Vec::new();
            match mint::beta(ctx, out, &mut scratch, api, cred).await {
                Ok(_) => Err(KeyCause::BetaOnly),
                Err(_) => Err(ga),
            }
        }
        other => other,
    }
}

fn auth_words(s: &Settings) -> &'static str {
    match (s.auth, s.is_azure()) {
        (AuthHeader::ApiKey, _) => "api-key header (Azure OpenAI)",
        (AuthHeader::Bearer, true) => "Authorization: Bearer (a Microsoft Entra token on Azure OpenAI)",
        (AuthHeader::Bearer, false) => "Authorization: Bearer",
    }
}

/// The header that carries the key: `Authorization: Bearer` or Azure's `api-key`, marked
/// sensitive so that no log or debug output shows it.
#[derive(Clone)]
pub struct Credential {
    name: reqwest::header::HeaderName,
    value: reqwest::header::HeaderValue,
}

impl Credential {
    pub fn apply(&self, b: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        b.header(self.name.clone(), self.value.clone())
    }

    /// The header itself, for requests reqwest does not make (the sideband's WebSocket).
    pub fn header(&self) -> (&reqwest::header::HeaderName, &reqwest::header::HeaderValue) {
        (&self.name, &self.value)
    }
}

/// The run's key in the run's header. The one way a key gets into a request, so the one place
/// that refuses to send it in plain HTTP over a network (unless `--allow-insecure-http`).
pub fn credential(s: &Settings, key: &Secret) -> Result<Credential, KeyCause> {
    if let Some((host, via_proxy)) = s.cleartext_hop()
        && !s.allow_insecure_http
    {
        return Err(KeyCause::Cleartext { host, via_proxy, route: None });
    }
    let key = key.expose();
    Ok(match s.auth {
        AuthHeader::Bearer => {
            Credential { name: AUTHORIZATION, value: Api::bearer(key).map_err(|_| KeyCause::NonAscii)? }
        }
        AuthHeader::ApiKey => {
            let mut value = reqwest::header::HeaderValue::from_str(key).map_err(|_| KeyCause::NonAscii)?;
            value.set_sensitive(true);
            Credential { name: reqwest::header::HeaderName::from_static("api-key"), value }
        }
    })
}

/// The key lint for this run: GPT-Live has no ephemeral keys, and Azure keys and Entra tokens are
/// not shaped like OpenAI's.
pub fn lint_verdict_for(raw: &str, s: &Settings) -> Result<Vec<KeyCause>, KeyCause> {
    let adapt = |c: KeyCause| match c {
        KeyCause::Ephemeral if s.api == VoiceApi::Live => KeyCause::EphemeralLive,
        KeyCause::Several(all) => KeyCause::Several(
            all.into_iter()
                .map(|c| if c == KeyCause::Ephemeral && s.api == VoiceApi::Live { KeyCause::EphemeralLive } else { c })
                .collect(),
        ),
        other => other,
    };
    let warnings = lint::verdict(raw).map_err(adapt)?;
    let azure_style = s.is_azure() || s.auth == AuthHeader::ApiKey;
    Ok(warnings.into_iter().filter(|w| !(azure_style && *w == KeyCause::UnknownShape)).collect())
}

/// The retired Azure OpenAI preview endpoints (Microsoft's Realtime API migration guide): the
/// `realtimeapi` sessions path with an `api-version`, and the regional
/// `*.realtimeapi-preview.ai.azure.com/v1/realtimertc` host.
pub fn endpoint_verdict(s: &Settings) -> Result<(), KeyCause> {
    let host = s.base_url.host_str().unwrap_or_default().to_ascii_lowercase();
    let path = s.base_url.path().to_ascii_lowercase();
    let shape = if host.ends_with(".realtimeapi-preview.ai.azure.com") {
        "the regional preview host *.realtimeapi-preview.ai.azure.com"
    } else if path.contains("/realtimeapi") {
        "the preview path /openai/realtimeapi/sessions?api-version=…"
    } else if path.contains("/realtimertc") {
        "the preview path /v1/realtimertc"
    } else {
        return Ok(());
    };
    let resource = host.strip_suffix(".openai.azure.com").filter(|r| !r.contains('.')).map(str::to_owned);
    Err(KeyCause::AzurePreviewRetired { shape: shape.into(), resource })
}

/// A model's announced shutdown, as a date: the models API gives unix seconds or a date string.
fn shutdown_date(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    match v.get("shutdown_date")? {
        serde_json::Value::Number(n) => {
            let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(n.as_u64()?);
            Some(humantime::format_rfc3339_seconds(t).to_string().chars().take(10).collect())
        }
        serde_json::Value::String(d) if !d.trim().is_empty() => Some(d.chars().take(40).collect()),
        _ => None,
    }
}

/// The phases of reaching the API, each under its own limit; evidence goes into `out`.
async fn reach(ctx: &Ctx, out: &mut Outcome) -> Result<(), KeyCause> {
    let s = &ctx.settings;
    let proxy = s.proxy.for_url(&s.base_url);
    let probe_tls =
        tls::client_config(s.ca_cert.as_deref(), tls::Alpn::None).map_err(|e| KeyCause::Tls(format!("{e:#}")))?;
    let p = probe::run(&ProbeTarget {
        url: &s.base_url,
        proxy: proxy.as_ref(),
        tls: Arc::new(probe_tls),
        limits: probe::LIMITS,
        deadline: ctx.deadline,
        budget: ctx.budget,
    })
    .await;
    for (name, value) in &p.details {
        out.evidence.detail(*name, value);
    }
    for (phase, d) in &p.timings {
        out.evidence.timing(*phase, *d);
    }
    match p.failure {
        Some(f) => Err(probe_cause(f, s.base_url.host_str().unwrap_or_default(), s.ca_cert.is_some())),
        None => Ok(()),
    }
}

/// The API client with the settings' trust, proxy and organization headers.
/// A client for one of the app's own routes (`--via`, `--token-url`): the route's own proxy
/// decision, the run's TLS trust, no OpenAI organization or project headers; refused when the
/// route is plain HTTP off this machine (its cookies and the offer would cross in clear), as the
/// base URL is.
pub fn route_client(ctx: &Ctx, url: &url::Url, route: &'static str) -> Result<Api, KeyCause> {
    let s = &ctx.settings;
    if url.scheme() == "http" && !crate::net::is_loopback(url) && !s.allow_insecure_http {
        let host = url.host_str().unwrap_or_default().to_owned();
        return Err(KeyCause::Cleartext { host, via_proxy: false, route: Some(route) });
    }
    let route = HttpConfig { base_url: Some(url.clone()), proxy: s.proxy.clone(), ..HttpConfig::default() };
    let tls = tls::client_config(s.ca_cert.as_deref(), tls::Alpn::Http).map_err(|e| KeyCause::Tls(format!("{e:#}")))?;
    Api::new(route, tls).map_err(|e| KeyCause::Transport(format!("{e:#}")))
}

pub fn client(ctx: &Ctx) -> Result<Api, KeyCause> {
    let s = &ctx.settings;
    let tls = tls::client_config(s.ca_cert.as_deref(), tls::Alpn::Http).map_err(|e| KeyCause::Tls(format!("{e:#}")))?;
    Api::new(s.http(), tls).map_err(|e| KeyCause::Transport(format!("{e:#}")))
}

/// Send one API request (at most [`REQUEST_LIMIT`]), record it in the evidence, and turn anything
/// but a 2xx with the endpoint's own shape into a cause.
pub async fn request(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    api: &Api,
    step: Step,
    build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
) -> Result<Exchange, KeyCause> {
    let s = &ctx.settings;
    let wait = ctx.wait(REQUEST_LIMIT);
    let sent = if step.single_shot() {
        api.send_once(step.label(), wait.until, build).await
    } else {
        api.send(step.label(), wait.until, build).await
    };
    let ex = match sent {
        Ok(ex) => ex,
        Err(SendError::Timeout) => return Err(KeyCause::Slow { step: step.label().into(), wait: wait.words() }),
        Err(SendError::Connect(e)) | Err(SendError::Other(e)) => return Err(KeyCause::Transport(e)),
    };
    record(out, step, &ex);
    let reply = classify(&ex);
    if reply == Reply::Success {
        // A 2xx that is not the endpoint's JSON is somebody else answering (a captive portal or a
        // proxy's login page served with 200), never a pass.
        if !step.shape_ok(&ex.body) {
            return Err(KeyCause::NotOpenAi {
                step: step.label().into(),
                status: ex.status,
                what: describe_body(ex.content_type.as_deref(), &ex.body),
            });
        }
        if ex.attempts > 1 {
            warnings.push(KeyCause::RateLimitedRecovered { step: step.label().into(), attempts: ex.attempts });
        }
        return Ok(ex);
    }
    Err(reply_cause(step, &ex, reply, &s.model))
}

fn record(out: &mut Outcome, step: Step, ex: &Exchange) {
    let mut v = format!("HTTP {} in {:.1} ms", ex.status, ex.total.as_secs_f64() * 1000.0);
    if let Some(id) = &ex.request_id {
        v.push_str(&format!(", x-request-id {id}"));
    }
    if ex.attempts > 1 {
        v.push_str(&format!(", {} attempts, waited {:.1} s", ex.attempts, ex.waited.as_secs_f64()));
    }
    out.evidence.detail(step.label(), v);
    out.evidence.timing(step.phase(), ex.first_byte);
}

/// Where a redirect pointed, as a user can check it: without any user:password part, cut short.
fn location_words(ex: &Exchange) -> String {
    let Some(raw) = header(&ex.headers, "location").filter(|l| !l.trim().is_empty()) else {
        return "nowhere (no Location header)".into();
    };
    let shown = match url::Url::parse(raw.trim()) {
        Ok(mut u) => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        // A relative Location: a path on the same host.
        Err(_) => format!("{} on the same host", raw.trim()),
    };
    if shown.chars().count() > 200 { format!("{}…", shown.chars().take(200).collect::<String>()) } else { shown }
}

/// What a non-2xx reply means on a given step.
pub(crate) fn reply_cause(step: Step, ex: &Exchange, reply: Reply, model: &str) -> KeyCause {
    let label = step.label().to_owned();
    if (300..400).contains(&ex.status) {
        return KeyCause::Redirected { step: label, status: ex.status, location: location_words(ex) };
    }
    match reply {
        Reply::Success => unreachable!("successes are not causes"),
        Reply::Foreign { status, what } => KeyCause::NotOpenAi { step: label, status, what },
        Reply::OpenAi { status, code, kind, message, param } => {
            let code = code.or(kind);
            match (status, code.as_deref()) {
                // A model of one voice API sent to the other (OpenAI answers invalid_model).
                (400..=499, Some("invalid_model")) => {
                    KeyCause::WrongApiModel { model: model.to_owned(), sent_to: step.api() }
                }
                (401, Some("invalid_api_key")) => KeyCause::InvalidApiKey { message },
                (401, Some(c @ ("ephemeral_token_already_used" | "ephemeral_token_expired"))) => {
                    KeyCause::EphemeralRejected { code: c.to_owned() }
                }
                (401, _) => KeyCause::Unauthorized { code, message },
                (403, _) => KeyCause::Forbidden { step: label, message },
                (404, Some("model_not_found")) => KeyCause::ModelNotFound { model: model.to_owned() },
                (404, _) if step == Step::Model => KeyCause::ModelNotFound { model: model.to_owned() },
                (404, _) => KeyCause::EndpointNotFound { path: path_of(step, model) },
                (429, Some("insufficient_quota")) => KeyCause::InsufficientQuota,
                (429, _) => KeyCause::RateLimited {
                    step: label,
                    attempts: ex.attempts,
                    retry_after: header(&ex.headers, "retry-after").map(|r| format!("{r} s")),
                },
                (400, Some("beta_api_shape_disabled")) => KeyCause::BetaRetired,
                (400, _) if step == Step::LiveCreate => KeyCause::LiveBadRequest { message, param },
                (400, _) => KeyCause::BadRequest { step: label, message },
                (500..=599, _) => KeyCause::ServerError { step: label, status, attempts: ex.attempts },
                _ => KeyCause::Unexpected { step: label, status, message },
            }
        }
    }
}

fn path_of(step: Step, model: &str) -> String {
    match step {
        Step::Models => "/v1/models".into(),
        Step::Model => format!("/v1/models/{model}"),
        Step::MintGa => "/v1/realtime/client_secrets".into(),
        Step::MintBeta => "/v1/realtime/sessions".into(),
        Step::Calls => "/v1/realtime/calls".into(),
        Step::LiveCreate => "/v1/live/sessions".into(),
    }
}

fn phase_words(phase: &str) -> &'static str {
    match phase {
        "tls" => "TLS handshake",
        "proxy_connect" => "proxy CONNECT",
        "first_byte" => "waiting for the first byte of the first request",
        _ => "connection",
    }
}

/// `custom_ca`: the user gave --ca-cert, so an untrusted chain is theirs to fix, in the verifier's
/// words, not "not signed by a public CA".
fn probe_cause(f: ProbeFailure, host: &str, custom_ca: bool) -> KeyCause {
    let openai = host == "openai.com" || host.ends_with(".openai.com");
    match f {
        ProbeFailure::Dns { host, error } => KeyCause::Dns { host, error },
        ProbeFailure::Refused { addr, via_proxy } => KeyCause::Refused { addr: addr.to_string(), via_proxy },
        ProbeFailure::Unreachable { addr, error, via_proxy } => {
            KeyCause::Unreachable { addr: addr.to_string(), error, via_proxy }
        }
        ProbeFailure::ConnectTimeout { via_proxy, wait, .. } => {
            KeyCause::ConnectTimeout { via_proxy, wait: wait.words() }
        }
        ProbeFailure::ProxyAuthRequired => KeyCause::ProxyAuth,
        ProbeFailure::ProxyRefused { status } => KeyCause::ProxyRefused { status },
        ProbeFailure::Tls(TlsFailure::Untrusted(c)) if custom_ca => {
            let issuer = c.map(|c| format!(" (its issuer is {:?})", c.issuer)).unwrap_or_default();
            KeyCause::TlsRejected {
                why: format!("no certificate given with --ca-cert (nor a public CA) issued it{issuer}"),
            }
        }
        ProbeFailure::Tls(TlsFailure::Refused(why)) => KeyCause::TlsRejected { why },
        ProbeFailure::Tls(TlsFailure::Untrusted(Some(c))) if c.vendor.is_some() || openai => {
            KeyCause::TlsIntercepted { issuer: c.issuer, vendor: c.vendor, trusted_by_system: c.trusted_by_system }
        }
        ProbeFailure::Tls(TlsFailure::Untrusted(c)) => KeyCause::TlsUntrusted { issuer: c.map(|c| c.issuer) },
        ProbeFailure::Tls(TlsFailure::Expired) => KeyCause::TlsExpired,
        ProbeFailure::Tls(TlsFailure::WrongName(c)) => KeyCause::TlsWrongName { subject: c.map(|c| c.subject) },
        ProbeFailure::Tls(TlsFailure::NotTls) => KeyCause::NotTls,
        ProbeFailure::Tls(TlsFailure::Other(e)) => KeyCause::Tls(e),
        ProbeFailure::NoAnswer { phase, wait } => {
            KeyCause::NoAnswer { phase: phase_words(phase).into(), wait: wait.words() }
        }
        ProbeFailure::Closed { phase, error } => KeyCause::Closed { phase: phase_words(phase).into(), error },
    }
}

/// The voice API's model ids in a `/v1/models` list, at most eight.
fn voice_models(body: &str, api: VoiceApi) -> Vec<String> {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else { return Vec::new() };
    let family = if api == VoiceApi::Live { "gpt-live" } else { "realtime" };
    let mut ids: Vec<String> = v
        .get("data")
        .and_then(|d| d.as_array())
        .into_iter()
        .flatten()
        .filter_map(|m| m.get("id").and_then(|i| i.as_str()))
        .filter(|id| id.contains(family))
        .map(str::to_owned)
        .collect();
    ids.sort();
    ids.truncate(8);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Diagnosis;
    use crate::report::Status;
    use crate::testing::props;
    use proptest::prelude::*;
    use std::time::Duration;

    fn exchange(status: u16, content_type: Option<String>, body: String) -> Exchange {
        Exchange {
            label: "t".into(),
            status,
            request_id: None,
            content_type,
            first_byte: Duration::ZERO,
            total: Duration::ZERO,
            body,
            headers: reqwest::header::HeaderMap::new(),
            attempts: 1,
            waited: Duration::ZERO,
        }
    }

    /// Bodies an API, a gateway or a portal sends: the OpenAI error JSON with any code, other
    /// JSON, HTML pages, text, with a byte of them replaced.
    fn bodies() -> impl Strategy<Value = String> {
        let error = ("[a-z_]{0,24}", ".{0,40}", prop::option::of("[a-z_]{0,20}")).prop_map(|(code, message, kind)| {
            serde_json::json!({"error": {"code": code, "message": message, "type": kind, "param": null}}).to_string()
        });
        let html = ".{0,30}".prop_map(|t| format!("<!DOCTYPE html><html><head><TITLE>{t}</title></head></html>"));
        let json = props::json_value().prop_map(|v| v.to_string());
        prop_oneof![
            error,
            html,
            json,
            ".{0,80}",
            Just(r#"{"data": []}"#.to_owned()),
            Just(r#"{"id": "gpt-realtime"}"#.to_owned())
        ]
    }

    #[test]
    fn prop_any_http_answer_is_classified_with_a_fix() {
        let steps = prop::sample::select(vec![Step::Models, Step::Model, Step::MintGa, Step::MintBeta, Step::Calls]);
        let cts = prop::option::of(prop_oneof![
            Just("application/json".to_owned()),
            Just("text/html; charset=utf-8".to_owned()),
            ".{0,20}"
        ]);
        props::check("http answer", (steps, 100u16..600, cts, bodies()), |(step, status, ct, body)| {
            let ex = exchange(status, ct, body);
            let reply = classify(&ex);
            if reply == Reply::Success {
                prop_assert!((200..300).contains(&status));
                let _ = step.shape_ok(&ex.body);
                let _ = describe_body(ex.content_type.as_deref(), &ex.body);
            } else {
                let cause = reply_cause(step, &ex, reply, "gpt-realtime");
                prop_assert!(cause.status() == Status::Fail, "{cause:?}");
                prop_assert!(cause.fix().text.len() > 20 && !cause.to_string().is_empty());
            }
            Ok(())
        });
    }

    #[test]
    fn a_2xx_must_have_the_endpoints_shape() {
        assert!(Step::Models.shape_ok(r#"{"object":"list","data":[]}"#));
        assert!(!Step::Models.shape_ok("<html><title>Log in</title></html>"));
        assert!(!Step::Models.shape_ok(r#"{"data": {}}"#));
        assert!(Step::Model.shape_ok(r#"{"id":"gpt-realtime","object":"model"}"#));
        assert!(!Step::Model.shape_ok(r#"{"data":[]}"#));
        assert!(Step::MintGa.shape_ok(r#"{"value":"ek_x"}"#) && !Step::MintGa.shape_ok("[]"));
    }
}
