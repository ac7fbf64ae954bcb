//! The command line, as clap types only: no logic here (see `settings.rs`). The check subcommands
//! and their options come from the registry of checks (`check::registry`): each check lists the
//! option groups (`args.rs`) it reads, and `check-all` takes them all.

use crate::args::{CheckOptions, GlobalArgs, OptionGroup, SelectionArgs, SelftestArgs};
use crate::check::registry;
use crate::report::CheckId;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

/// Tells you, in seconds, why your voice app cannot connect to OpenAI's voice APIs over WebRTC
/// (GPT-Live and the Realtime API, on OpenAI or Azure OpenAI), and what to do about it.
#[derive(Debug, Parser)]
#[command(name = "realtime-doctor", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Exit codes: 0 no check failed (warnings allowed unless --strict), \
1 a check failed, 2 usage or tool error.\n\nThe API key is read from OPENAI_API_KEY (on Azure \
OpenAI also AZURE_OPENAI_API_KEY or AZURE_OPENAI_AD_TOKEN), --api-key-file or --api-key-stdin, never \
from the command line, and is never printed.")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// The whole command line, with the help texts that come from the registry.
pub fn command() -> clap::Command {
    Cli::command().mut_arg("timeout", |a| a.help(registry::timeout_help()))
}

/// Parse the process's arguments (exits with clap's usage error, code 2, on a bad command line).
pub fn parse() -> Cli {
    match Cli::from_arg_matches(&command().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    }
}

/// Parse `args` (the first is the program name), for tests.
pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    Cli::from_arg_matches(&command().try_get_matches_from(args)?)
}

/// What a check command runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    All,
    /// `browser`: the checks that run in the browser's page.
    Browser,
    One(CheckId),
}

/// `check-all` and one subcommand per registered check, with the options each reads.
#[derive(Debug, Clone)]
pub struct CheckCommand {
    pub which: Which,
    pub options: CheckOptions,
}

const CHECK_ALL: &str = "check-all";
const BROWSER: &str = "browser";
const WITH_BROWSER: &str = "browser";
/// The option groups of `browser`: what the checks that run in the browser read.
fn browser_groups() -> Vec<OptionGroup> {
    OptionGroup::ALL.into_iter().filter(|g| CheckId::in_browser().any(|id| id.spec().options.contains(g))).collect()
}

impl Subcommand for CheckCommand {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        // The groups first: a derived group sets the command's about from its own doc comment.
        let all = OptionGroup::ALL.into_iter().fold(clap::Command::new(CHECK_ALL), |c, g| g.augment(c));
        let all = SelectionArgs::augment_args(all)
            .arg(
                clap::Arg::new(WITH_BROWSER)
                    .long("browser")
                    .action(clap::ArgAction::SetTrue)
                    .env("REALTIME_DOCTOR_WITH_BROWSER")
                    .help_heading("Selection")
                    .help("Also run the checks in a browser (browser-mic, browser-webrtc; see the browser command)"),
            )
            .about("Run every check (concurrently where they are independent) and give one verdict");
        let browser = browser_groups()
            .into_iter()
            .fold(clap::Command::new(BROWSER), |c, g| g.augment(c))
            .about("Run the microphone and call checks in a browser: the page a correct voice app is, served from this machine")
            .long_about(BROWSER_ABOUT);
        CheckId::ALL.iter().fold(cmd.subcommand(all).subcommand(browser), |cmd, id| {
            let spec = id.spec();
            let sub = spec.options.iter().fold(clap::Command::new(id.as_str()), |c, g| g.augment(c));
            cmd.subcommand(sub.about(spec.about).long_about(registry::long_about(spec)))
        })
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        name == CHECK_ALL || name == BROWSER || CheckId::from_name(name).is_some()
    }
}

impl FromArgMatches for CheckCommand {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let Some((name, sub)) = m.subcommand() else {
            return Err(clap::Error::raw(clap::error::ErrorKind::MissingSubcommand, "a check is required"));
        };
        if name == CHECK_ALL {
            return Ok(CheckCommand {
                which: Which::All,
                options: CheckOptions::from_matches(sub, &OptionGroup::ALL, true, WITH_BROWSER)?,
            });
        }
        if name == BROWSER {
            return Ok(CheckCommand {
                which: Which::Browser,
                options: CheckOptions::from_matches(sub, &browser_groups(), false, WITH_BROWSER)?,
            });
        }
        let id = CheckId::from_name(name)
            .ok_or_else(|| clap::Error::raw(clap::error::ErrorKind::InvalidSubcommand, format!("no check {name}")))?;
        Ok(CheckCommand {
            which: Which::One(id),
            options: CheckOptions::from_matches(sub, id.spec().options, false, WITH_BROWSER)?,
        })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

const BROWSER_ABOUT: &str = "Run the microphone and call checks in a browser.

A page is served from this machine (http://127.0.0.1, a secure context, so the microphone may be \
used over plain http). It does what a correct voice app does: the microphone's permission, the \
device list, a capture with a level meter, an RTCPeerConnection with your ICE servers, the \
oai-events data channel before the offer, and the offer sent to this tool, which forwards it to the \
API with the key it holds (or to your backend with --via): the key never reaches the page. Then \
the channel opens, the first event arrives, and the page reports the candidates it gathered and \
the pair it selected. Two checks come back: browser-mic and browser-webrtc.

With --launch the tool opens the page in a browser (--headless for CI, with a fake microphone); \
without it, it prints the URL and waits for you to open it in the browser your app runs in and \
press Start.

Examples:
  realtime-doctor browser
  realtime-doctor browser --launch chromium --headless
  realtime-doctor browser --via http://localhost:3000/api/session";

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(flatten)]
    Check(Box<CheckCommand>),
    /// Run check-all against built-in local servers, for both voice APIs: no key and no internet
    /// needed.
    Selftest(SelftestArgs),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Work with saved reports and support bundles.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Diagnose what a user sends: a chrome://webrtc-internals dump, a HAR file from the browser's
    /// Network tab, an SDP offer and/or answer, or a saved report or support bundle; the same
    /// verdict and fixes as a run.
    #[command(
        after_help = "Examples:\n  realtime-doctor analyze webrtc_internals_dump.gz\n  realtime-doctor analyze app.har\n  realtime-doctor analyze offer.sdp answer.sdp\n  pbpaste | realtime-doctor analyze -"
    )]
    Analyze {
        /// The files: one dump, one HAR, one report or bundle, or up to one SDP offer and one SDP
        /// answer of the same call (`-` reads standard input). An SDP's role is told by its
        /// a=setup line, or by "offer"/"answer" in the name. Gzip-compressed files are read too.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
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
        /// A fault to inject (repeatable; see examples/fake_realtime_server.rs for the list).
        // Parsed by the fake itself (`fake::Fault`): the command line only carries the names.
        #[arg(long)]
        fault: Vec<String>,
        /// Serve https:// with this certificate chain (PEM; with --tls-key).
        #[arg(long, requires = "tls_key", value_name = "PEM")]
        tls_cert: Option<PathBuf>,
        /// The private key of --tls-cert (PEM).
        #[arg(long, requires = "tls_cert", value_name = "PEM")]
        tls_key: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Render a saved JSON report (from --output or --format json) or support bundle in any format.
    Show {
        /// The JSON report or bundle file.
        file: PathBuf,
    },
}
