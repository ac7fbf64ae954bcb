//! From a parsed command line to an exit code: pick the checks, run them, render the report.

use crate::cli::{Cli, Command, Format, ReportCommand};
use crate::fake::{FakeConfig, FakeServer};
use crate::net::proxy::ProxyEnv;
use crate::render::{human, json, junit};
use crate::report::{CheckId, Report, SCHEMA_VERSION, Secrets};
use crate::runner::run_checks;
use crate::settings::{ApiKey, KeySource, Settings};
use anyhow::{Context, Result, bail};
use clap::CommandFactory;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// 0 no check failed, 1 a check failed, 2 usage or tool error (ripgrep's and uv's convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Ok = 0,
    Failed = 1,
    Error = 2,
}

/// Run the tool. Errors are the tool's own (bad arguments, unreadable files): exit code 2.
pub async fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "realtime-doctor", &mut out);
            write_stdout(&out);
            return Ok(ExitCode::Ok);
        }
        Command::FakeServer { listen, accept_key, media } => {
            let mut cfg = FakeConfig::new(accept_key);
            cfg.media = *media;
            let server = FakeServer::start(cfg, listen).await.with_context(|| format!("listening on {listen}"))?;
            write_stdout(format!("fake Realtime API on {}\n", server.url()).as_bytes());
            tokio::signal::ctrl_c().await?;
            return Ok(ExitCode::Ok);
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            write_stdout(&out);
            return Ok(ExitCode::Ok);
        }
        _ => {}
    }
    let mut settings = Settings::resolve(&cli.global)?;
    colored::control::set_override(settings.color);
    if let Some(ca) = &settings.ca_cert {
        crate::net::tls::root_store(Some(ca))?;
    }
    let ids: Vec<CheckId> = match &cli.command {
        Command::CheckAll => CheckId::ALL.to_vec(),
        // No microphone in selftest: it is about the built-in servers, and must pass anywhere.
        Command::Selftest => CheckId::ALL.into_iter().filter(|id| *id != CheckId::Mic).collect(),
        Command::Key => vec![CheckId::Key],
        Command::Stun => vec![CheckId::Stun],
        Command::Turn => vec![CheckId::Turn],
        Command::Mic => vec![CheckId::Mic],
        Command::Sdp => vec![CheckId::Sdp],
        Command::Datachannel => vec![CheckId::Datachannel],
        Command::Report(ReportCommand::Show { file }) => return show(&settings, file),
        Command::Completions { .. } | Command::Man | Command::FakeServer { .. } => unreachable!("handled above"),
    };

    // selftest: the same checks against the built-in fake API on loopback, with a generated key.
    let _servers = if matches!(cli.command, Command::Selftest) {
        let key = format!("sk-proj-selftest{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
        let fake = FakeServer::start(FakeConfig::new(&key), "127.0.0.1:0")
            .await
            .context("starting the built-in fake Realtime API")?;
        settings.base_url = crate::settings::parse_base_url(&fake.url())?;
        settings.api_key = Some(ApiKey { value: key, source: KeySource::Selftest });
        settings.proxy = ProxyEnv::default();
        settings.ca_cert = None;
        settings.organization = None;
        settings.project = None;
        let turn = crate::fake::turn::FakeTurn::start(std::net::Ipv4Addr::LOCALHOST.into())
            .await
            .context("starting the built-in STUN/TURN server")?;
        settings.stun = vec![crate::stun::IceUrl::parse(&turn.stun_url()).map_err(anyhow::Error::msg)?];
        settings.stun_is_default = false;
        settings.turn = vec![crate::stun::IceUrl::parse(&turn.turn_url()).map_err(anyhow::Error::msg)?];
        settings.turn_auth = Some(crate::settings::TurnAuth::Static {
            username: turn.username.clone(),
            password: turn.password.clone(),
        });
        Some((fake, turn))
    } else {
        None
    };

    let (ids, skipped): (Vec<CheckId>, Vec<CheckId>) = ids
        .into_iter()
        .partition(|id| !settings.skip.contains(id) && (settings.only.is_empty() || settings.only.contains(id)));
    let report = execute(Arc::new(settings.clone()), &ids, &skipped).await;
    emit(&settings, &report)?;
    if let Some(path) = &settings.bundle {
        let text = crate::bundle::render(&report, &known_secrets(&settings), settings.redact_ips);
        std::fs::write(path, text).with_context(|| format!("writing the support bundle to {}", path.display()))?;
    }
    Ok(if report.exit_code(settings.strict) == 0 { ExitCode::Ok } else { ExitCode::Failed })
}

/// Run the checks with the live human view when the terminal gets it.
/// The secrets known before the run: the API key and TURN credentials.
fn known_secrets(settings: &Settings) -> Secrets {
    let mut secrets = Secrets::default();
    if let Some(k) = &settings.api_key {
        secrets.add(&k.value);
    }
    match &settings.turn_auth {
        Some(crate::settings::TurnAuth::Static { password, .. }) => secrets.add(password),
        Some(crate::settings::TurnAuth::Rest { secret, .. }) => secrets.add(secret),
        None => {}
    }
    secrets
}

async fn execute(settings: Arc<Settings>, ids: &[CheckId], skipped: &[CheckId]) -> Report {
    let secrets = known_secrets(&settings);
    let target = crate::report::Target { base_url: settings.shown_base_url(), model: settings.model.clone() };
    let mut live = human_on_terminal(&settings)
        .then(|| human::Live::start(Box::new(std::io::stdout()), &target, ids, settings.verbosity, settings.progress));
    let report = run_checks(settings.clone(), ids, skipped, secrets, |r| {
        if let Some(l) = live.as_mut() {
            l.result(r);
        }
    })
    .await;
    if let Some(l) = live {
        l.finish(&report);
    }
    report
}

/// The human view goes to stdout unless stdout carries a machine format.
fn human_on_terminal(s: &Settings) -> bool {
    s.format == Format::Human || s.output.is_some()
}

/// Write the machine formats: to `--output` when given, else to stdout.
fn emit(s: &Settings, report: &Report) -> Result<()> {
    let machine = |format: Format| match format {
        Format::Junit => junit::render(report, s.strict),
        Format::Github => crate::render::github::render(report, s.strict),
        _ => json::render(report),
    };
    match &s.output {
        Some(path) => {
            let format = match s.format {
                Format::Human if is_xml(path) => Format::Junit,
                Format::Human => Format::Json,
                f => f,
            };
            std::fs::write(path, machine(format))
                .with_context(|| format!("writing the report to {}", path.display()))?;
        }
        None if s.format != Format::Human => write_stdout(machine(s.format).as_bytes()),
        None => {}
    }
    Ok(())
}

fn is_xml(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// `report show FILE`: render a saved report as it was seen, in any format.
fn show(s: &Settings, file: &Path) -> Result<ExitCode> {
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let mut value: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", file.display()))?;
    // A support bundle holds a report (and the environment, re-emitted with --format json).
    let whole = value.clone();
    let bundle = value.get("bundle_version").is_some();
    if bundle {
        value = value.get("report").cloned().context("a support bundle without a report")?;
    }
    let version = value
        .get("schema_version")
        .and_then(|v| v.as_u64())
        .context("not a realtime-doctor report: no schema_version")?;
    if version == 0 {
        bail!("{} has report schema 0: not a realtime-doctor report", file.display());
    }
    if version > u64::from(SCHEMA_VERSION) {
        bail!(
            "{} has report schema {version}, newer than this tool's {SCHEMA_VERSION}: upgrade realtime-doctor to read it",
            file.display()
        );
    }
    let mut report: Report = serde_json::from_value(value)
        .with_context(|| format!("{} does not match report schema {version}", file.display()))?;
    // Schema 1 reports predate the verdict: derive it from their results.
    if report.verdict.is_none() {
        report.verdict = crate::verdict::diagnose(&report);
    }
    let out = match s.format {
        Format::Human => human::render(&report, s.verbosity),
        Format::Json if bundle => serde_json::to_string_pretty(&whole).unwrap_or_default() + "\n",
        Format::Json => json::render(&report),
        Format::Junit => junit::render(&report, s.strict),
        Format::Github => crate::render::github::render(&report, s.strict),
    };
    write_stdout(out.as_bytes());
    Ok(if report.exit_code(s.strict) == 0 { ExitCode::Ok } else { ExitCode::Failed })
}

/// Write to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(bytes).and_then(|_| out.flush());
}
