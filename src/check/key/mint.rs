//! Minting a client secret, GA (`POST /v1/realtime/client_secrets`) or beta
//! (`POST /v1/realtime/sessions` with `OpenAI-Beta: realtime=v1`), and validating what comes back.

use super::{Credential, KeyCause, Step, request};
use crate::check::{Ctx, Outcome};
use crate::net::http::{Api, Exchange, header};
use crate::secret::Secret;
use std::time::{SystemTime, UNIX_EPOCH};

/// Requested lifetime: the API's default (600 s), stated so the TTL check has a reference.
const TTL_S: i64 = 600;
/// Clock difference worth a warning: tokens are judged by `expires_at` on the client's clock.
const SKEW_WARN_S: i64 = 120;

/// GA minting; returns a sentence for the summary.
pub async fn ga(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    api: &Api,
    cred: &Credential,
) -> Result<String, KeyCause> {
    secret(ctx, out, warnings, api, cred).await.map(|(sentence, _)| sentence)
}

/// GA minting; returns the summary sentence and the secret itself (registered for redaction).
pub async fn secret(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    api: &Api,
    cred: &Credential,
) -> Result<(String, Secret), KeyCause> {
    let s = &ctx.settings;
    let body = serde_json::json!({
        "expires_after": {"anchor": "created_at", "seconds": TTL_S},
        "session": {"type": "realtime", "model": s.model},
    });
    let ex = request(ctx, out, warnings, api, Step::MintGa, |c| {
        cred.apply(c.post(s.endpoint("/v1/realtime/client_secrets"))).json(&body)
    })
    .await?;
    let v: serde_json::Value = serde_json::from_str(&ex.body)
        .map_err(|_| KeyCause::BadClientSecret { why: "the answer is not JSON".into() })?;
    let value = match v.get("value").and_then(|x| x.as_str()) {
        Some(value) => value,
        None if v.pointer("/client_secret/value").is_some() => {
            return Err(KeyCause::BadClientSecret {
                why: "the secret is at client_secret.value, the beta shape; the GA answer has it at value".into(),
            });
        }
        None => return Err(KeyCause::BadClientSecret { why: "no `value` field".into() }),
    };
    let expires_at = v.get("expires_at").and_then(|x| x.as_i64());
    let sentence = validate(ctx, out, warnings, &ex, value, expires_at, "GA")?;
    Ok((sentence, Secret::key(value)))
}

/// Beta minting; the old shape kept for detection and migration advice.
pub async fn beta(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    api: &Api,
    cred: &Credential,
) -> Result<String, KeyCause> {
    let s = &ctx.settings;
    let body = serde_json::json!({"model": s.model, "voice": "alloy"});
    let ex = request(ctx, out, warnings, api, Step::MintBeta, |c| {
        cred.apply(c.post(s.endpoint("/v1/realtime/sessions"))).header("OpenAI-Beta", "realtime=v1").json(&body)
    })
    .await?;
    let v: serde_json::Value = serde_json::from_str(&ex.body)
        .map_err(|_| KeyCause::BadClientSecret { why: "the beta answer is not JSON".into() })?;
    let value = v
        .pointer("/client_secret/value")
        .and_then(|x| x.as_str())
        .ok_or_else(|| KeyCause::BadClientSecret { why: "no client_secret.value in the beta answer".into() })?;
    let expires_at = v.pointer("/client_secret/expires_at").and_then(|x| x.as_i64());
    let sentence = validate(ctx, out, warnings, &ex, value, expires_at, "beta")?;
    warnings.push(KeyCause::BetaDeprecated);
    Ok(sentence)
}

/// Check the secret's shape and lifetime against the server's clock, and remember it as a secret.
fn validate(
    ctx: &Ctx,
    out: &mut Outcome,
    warnings: &mut Vec<KeyCause>,
    ex: &Exchange,
    value: &str,
    expires_at: Option<i64>,
    generation: &str,
) -> Result<String, KeyCause> {
    ctx.secrets.lock().expect("secrets lock").add(value);
    if !value.starts_with("ek_") {
        return Err(KeyCause::BadClientSecret { why: "the secret does not start with ek_".into() });
    }
    out.evidence.detail("client_secret", format!("ek_… ({} chars, {generation})", value.len()));
    let expires_at = expires_at.ok_or_else(|| KeyCause::BadClientSecret { why: "no numeric expires_at".into() })?;
    let local_now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    // The server's Date header is the better clock; the local one is reported against it.
    let server_now = header(&ex.headers, "date")
        .and_then(|d| httpdate::parse_http_date(&d).ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_secs() as i64);
    if let Some(server) = server_now {
        let skew = local_now - server;
        out.evidence.detail("clock_skew_s", skew.to_string());
        if skew.abs() > SKEW_WARN_S {
            warnings.push(KeyCause::ClockSkew { skew_s: skew });
        }
    }
    let ttl = expires_at - server_now.unwrap_or(local_now);
    out.evidence.detail("client_secret_ttl_s", ttl.to_string());
    if ttl <= 0 {
        return Err(KeyCause::BadClientSecret {
            why: format!("it expired {} s before it was received (expires_at {expires_at})", -ttl),
        });
    }
    Ok(format!("client secret minted ({generation}), expires in {ttl} s"))
}

/// GA minting failed the way an endpoint that predates GA fails: the route is unknown (404/405),
/// or the GA body's fields are refused as unknown parameters.
pub fn suggests_old_gateway(c: &KeyCause) -> bool {
    match c {
        KeyCause::EndpointNotFound { .. } => true,
        KeyCause::Unexpected { step, status: 405, .. } => step.contains("client_secrets"),
        KeyCause::NotOpenAi { status: 404 | 405, .. } => true,
        KeyCause::BadRequest { message, .. } => {
            let m = message.to_ascii_lowercase();
            m.contains("unknown parameter") && (m.contains("expires_after") || m.contains("session"))
        }
        _ => false,
    }
}
