//! From a parsed command line to an exit code: pick the checks, run them, render the report.

use crate::args::{CheckOptions, Format, GlobalArgs, SelftestApi, SelftestArgs};
use crate::cli::{CheckCommand, Cli, Command, ReportCommand, Which};
use crate::fake::{FakeConfig, FakeServer};
use crate::net::proxy::ProxyEnv;
use crate::render::{human, renderer};
use crate::report::CheckId;
use crate::report::{Report, VoiceApi};
use crate::scheduler::run_checks;
use crate::secret::Secrets;
use crate::settings::{ApiKey, DEFAULT_LIVE_MODEL, DEFAULT_MODEL, Inputs, KeySource, Settings};
use anyhow::{Context, Result};
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
    match cli.command {
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut crate::cli::command(), "realtime-doctor", &mut out);
            write_stdout(&out);
            Ok(ExitCode::Ok)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(crate::cli::command()).render(&mut out)?;
            write_stdout(&out);
            Ok(ExitCode::Ok)
        }
        Command::FakeServer { listen, accept_key, media, fault, tls_cert, tls_key } => {
            let mut cfg = FakeConfig::new(&accept_key);
            cfg.media = media;
            cfg.faults = fault
                .iter()
                .map(|f| f.parse::<crate::fake::Fault>().map_err(|e| anyhow::anyhow!("--fault {f}: {e}")))
                .collect::<Result<_>>()?;
            let server = match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => FakeServer::start_tls(cfg, &listen, server_tls(&cert, &key)?).await,
                _ => FakeServer::start(cfg, &listen).await,
            }
            .with_context(|| format!("listening on {listen}"))?;
            write_stdout(format!("fake OpenAI voice APIs (Realtime and GPT-Live) on {}\n", server.url()).as_bytes());
            tokio::signal::ctrl_c().await?;
            Ok(ExitCode::Ok)
        }
        Command::Analyze { files } => {
            let settings = resolve(&cli.global, &CheckOptions::default())?;
            let report = crate::analyze::analyze(&files)?;
            if settings.format == Format::Human {
                write_stdout(renderer(Format::Human, &view(&settings, settings.color)).render(&report).as_bytes());
            }
            emit(&settings, &report)?;
            // A bundle of an analysis: the report (already masked) to forward, with --redact-ips
            // applied; its environment is this machine's, where the analysis ran.
            if let Some(path) = &settings.bundle {
                let text = crate::bundle::render(&report, &Secrets::default(), settings.redact_ips);
                crate::files::write_private(path, text.as_bytes())
                    .with_context(|| format!("writing the support bundle to {}", path.display()))?;
            }
            Ok(if report.exit_code(settings.strict) == 0 { ExitCode::Ok } else { ExitCode::Failed })
        }
        Command::Report(ReportCommand::Show { file }) => {
            let settings = resolve(&cli.global, &CheckOptions::default())?;
            show(&settings, &file)
        }
        Command::Check(cmd) => checks(&cli.global, *cmd).await,
        Command::Selftest(args) => selftest(&cli.global, args).await,
    }
}

/// The fake's TLS: a certificate chain and its key, from PEM files.
fn server_tls(cert: &Path, key: &Path) -> Result<rustls::ServerConfig> {
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject};
    let chain = CertificateDer::pem_file_iter(cert)
        .and_then(|i| i.collect::<Result<Vec<_>, _>>())
        .with_context(|| format!("reading certificates from {}", cert.display()))?;
    let key = PrivateKeyDer::from_pem_file(key).with_context(|| format!("reading the key {}", key.display()))?;
    Ok(rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(chain, key)?)
}

fn resolve(global: &GlobalArgs, options: &CheckOptions) -> Result<Settings> {
    let settings = Settings::resolve(global, options, &Inputs::gather(options))?;
    colored::control::set_override(settings.color);
    if let Some(ca) = &settings.ca_cert {
        crate::net::tls::root_store(Some(ca))?;
    }
    Ok(settings)
}

/// `check-all` or one check.
async fn checks(global: &GlobalArgs, cmd: CheckCommand) -> Result<ExitCode> {
    let mut settings = resolve(global, &cmd.options)?;
    let browser: Vec<CheckId> = CheckId::in_browser().collect();
    let ids: Vec<CheckId> = match cmd.which {
        // The browser checks open a browser: only when asked (--browser, or named by --only).
        Which::All => CheckId::ALL
            .iter()
            .copied()
            .filter(|id| !browser.contains(id) || cmd.options.with_browser || settings.only.contains(id))
            .collect(),
        Which::Browser => browser.clone(),
        Which::One(id) => vec![id],
    };
    let runs = |id: CheckId| {
        ids.contains(&id) && !settings.skip.contains(&id) && (settings.only.is_empty() || settings.only.contains(&id))
    };
    // A run with the browser checks gets their time on top of the usual deadline, unless told.
    if !settings.deadline_given && browser.iter().any(|id| runs(*id)) {
        settings.deadline += crate::check::browser::budget(&settings);
    }
    finish(settings, ids).await
}

/// The checks that need no device of the machine's own, against the built-in servers on loopback
/// with a generated key: for GPT-Live, then for the Realtime API (or the one `--api` names).
async fn selftest(global: &GlobalArgs, args: SelftestArgs) -> Result<ExitCode> {
    let mut settings = resolve(global, &CheckOptions { selection: args.selection, ..CheckOptions::default() })?;
    let apis: &[VoiceApi] = match args.api {
        Some(SelftestApi::Live) => &[VoiceApi::Live],
        Some(SelftestApi::Realtime) => &[VoiceApi::Realtime],
        None => &[VoiceApi::Live, VoiceApi::Realtime],
    };
    if apis.len() > 1 && (settings.format != Format::Human || !settings.outputs.is_empty() || settings.bundle.is_some())
    {
        anyhow::bail!(
            "selftest checks both voice APIs, and a machine-readable report holds one: add --api live or --api realtime"
        );
    }
    let key = format!("sk-proj-selftest{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..));
    let fake = FakeServer::start(FakeConfig::new(&key), "127.0.0.1:0")
        .await
        .context("starting the built-in fake OpenAI API")?;
    settings.base_url = crate::settings::parse_base_url(&fake.url())?;
    settings.api_key = Some(ApiKey { value: crate::secret::Secret::key(key), source: KeySource::Selftest });
    settings.proxy = ProxyEnv::default();
    settings.ca_cert = None;
    let turn = crate::fake::turn::FakeTurn::start(std::net::Ipv4Addr::LOCALHOST.into())
        .await
        .context("starting the built-in STUN/TURN server")?;
    settings.stun = vec![crate::stun::IceUrl::parse(&turn.stun_url()).map_err(anyhow::Error::msg)?];
    settings.stun_is_default = false;
    settings.turn = vec![crate::stun::IceUrl::parse(&turn.turn_url()).map_err(anyhow::Error::msg)?];
    settings.turn_auth = Some(crate::settings::TurnAuth::Static {
        username: turn.username.clone(),
        password: crate::secret::Secret::password(&turn.password),
    });
    let ids: Vec<CheckId> = CheckId::ALL.iter().copied().filter(|id| id.spec().in_selftest).collect();
    let mut code = ExitCode::Ok;
    for (i, api) in apis.iter().enumerate() {
        if i > 0 {
            write_stdout(b"\n");
        }
        let mut s = settings.clone();
        s.api = *api;
        s.api_auto = false;
        s.model = if *api == VoiceApi::Live { DEFAULT_LIVE_MODEL } else { DEFAULT_MODEL }.to_owned();
        if finish(s, ids.clone()).await? != ExitCode::Ok {
            code = ExitCode::Failed;
        }
    }
    Ok(code)
}

/// Run `ids` (less what --skip/--only leave out), show and write the report, and say how it ended.
async fn finish(settings: Settings, ids: Vec<CheckId>) -> Result<ExitCode> {
    let (ids, skipped): (Vec<CheckId>, Vec<CheckId>) = ids
        .into_iter()
        .partition(|id| !settings.skip.contains(id) && (settings.only.is_empty() || settings.only.contains(id)));
    let report = execute(Arc::new(settings.clone()), &ids, &skipped).await;
    emit(&settings, &report)?;
    if let Some(path) = &settings.bundle {
        let text = crate::bundle::render(&report, &known_secrets(&settings), settings.redact_ips);
        crate::files::write_private(path, text.as_bytes())
            .with_context(|| format!("writing the support bundle to {}", path.display()))?;
    }
    Ok(if report.exit_code(settings.strict) == 0 { ExitCode::Ok } else { ExitCode::Failed })
}

/// The secrets known before the run: the API key and TURN credentials.
fn known_secrets(settings: &Settings) -> Secrets {
    let mut secrets = Secrets::default();
    if let Some(k) = &settings.api_key {
        secrets.add(k.value.expose());
    }
    match &settings.turn_auth {
        Some(crate::settings::TurnAuth::Static { password, .. }) => secrets.add(password.expose()),
        Some(crate::settings::TurnAuth::Rest { secret, .. }) => secrets.add(secret.expose()),
        None => {}
    }
    // Cookies and tokens given for the app's backend route.
    for (_, value) in &settings.app_headers {
        secrets.add(value.expose());
    }
    secrets
}

/// Run the checks, with the live human view when standard output gets the human format.
async fn execute(settings: Arc<Settings>, ids: &[CheckId], skipped: &[CheckId]) -> Report {
    let secrets = known_secrets(&settings);
    let target = settings.target();
    let mut live = (settings.format == Format::Human).then(|| {
        human::Live::start(Box::new(std::io::stdout()), &target, ids, &view(&settings, false), settings.progress)
    });
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

/// Standard output gets `--format` (the human view streamed already); each `--output` file its own.
fn emit(s: &Settings, report: &Report) -> Result<()> {
    if s.format != Format::Human {
        write_stdout(renderer(s.format, &view(s, false)).render(report).as_bytes());
    }
    for o in &s.outputs {
        crate::files::write_private(&o.path, renderer(o.format, &view(s, false)).render(report).as_bytes())
            .with_context(|| format!("writing the report to {}", o.path.display()))?;
    }
    Ok(())
}

/// `report show FILE`: render a saved report or bundle as it was seen, in any format.
fn show(s: &Settings, file: &Path) -> Result<ExitCode> {
    // Read with the analyzer's limit: a 200 MB file is refused before it is read.
    let text = crate::analyze::read(file)?.text;
    let mut loaded = crate::report::load(&text).with_context(|| format!("{} cannot be shown", file.display()))?;
    crate::verdict::complete(&mut loaded.report);
    let out = match (s.format, &loaded.bundle) {
        // A bundle re-emitted whole: the environment is part of what support asked for.
        (Format::Json, Some(bundle)) => serde_json::to_string_pretty(bundle).unwrap_or_default() + "\n",
        (format, _) => renderer(format, &view(s, s.color)).render(&loaded.report),
    };
    write_stdout(out.as_bytes());
    Ok(if loaded.report.exit_code(s.strict) == 0 { ExitCode::Ok } else { ExitCode::Failed })
}

/// What the renderers are told besides the report.
fn view(s: &Settings, color: bool) -> crate::render::Options {
    crate::render::Options {
        verbosity: s.verbosity,
        strict: s.strict,
        color,
        talks_to_api: |id| id.spec().options.contains(&crate::args::OptionGroup::Api),
    }
}

/// Write to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(bytes).and_then(|_| out.flush());
}
