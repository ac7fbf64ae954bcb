//! The checks. Each is a function of the settings that returns a [`CheckResult`]: a failed check is
//! a value with a cause and a fix, never an `Err`. `registry` binds each to its
//! id; `kind` types their causes; `path` and `stage` are the judgements the WebRTC checks share.

pub mod browser;
pub mod datachannel;
pub mod key;
pub mod kind;
pub mod mic;
pub mod path;
pub mod registry;
mod run_cause;
pub mod sdp;
pub mod signal;
pub mod stage;
pub mod stun;
pub mod turn;
pub mod voice;

// The registry names a check's module by one identifier.
use browser::{mic as browser_mic, webrtc as browser_webrtc};
pub use kind::{CauseKind, CauseTable, Diagnosis};
pub use registry::CheckSpec;
pub use run_cause::{RunCause, RunKind};

use crate::report::{Cause, CheckId, CheckResult, Evidence, Fix, Status, round_ms};
use crate::settings::Settings;
pub use crate::wait::Wait;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What a running check may read: settings, its own deadline, the secrets of the run, and the
/// state the run's checks share.
#[derive(Clone)]
pub struct Ctx {
    pub settings: Arc<Settings>,
    /// The run this check is part of.
    pub run: Arc<RunState>,
    /// When this check must have its answer: its budget from the moment it started, clipped to
    /// the overall deadline.
    pub deadline: Instant,
    /// The time this check was given, for messages.
    pub budget: Duration,
    /// Secrets learnt while running (minted tokens), redacted from every output.
    pub secrets: Arc<std::sync::Mutex<crate::secret::Secrets>>,
}

/// What the checks of one run share while it lasts (settings stay plain data; this is not).
#[derive(Default)]
pub struct RunState {
    /// The checks this run runs (not those skipped).
    pub checks: Vec<CheckId>,
    /// The one run of the browser page, shared by the browser checks: the first to ask opens it.
    pub page: tokio::sync::OnceCell<Arc<browser::page::PageRun>>,
    /// The data channel check's call, kept open for the voice check (one billed session for both).
    call: std::sync::Mutex<Option<signal::Call>>,
}

impl RunState {
    pub fn new(checks: &[CheckId]) -> RunState {
        RunState { checks: checks.to_vec(), page: tokio::sync::OnceCell::new(), call: std::sync::Mutex::new(None) }
    }

    /// Keep a connected call for a later check of the run.
    pub fn keep_call(&self, call: signal::Call) {
        *self.call.lock().expect("call lock") = Some(call);
    }

    /// The call a check kept, if one did (whoever takes it ends it).
    pub fn take_call(&self) -> Option<signal::Call> {
        self.call.lock().expect("call lock").take()
    }

    /// Whether `id` runs in this run.
    pub fn runs(&self, id: CheckId) -> bool {
        self.checks.contains(&id)
    }
}

impl Ctx {
    /// A wait of at most `limit`, never past the check's deadline.
    pub fn wait(&self, limit: Duration) -> Wait {
        Wait::new(limit, self.deadline, self.budget)
    }
}

/// Builds a [`CheckResult`]: evidence accumulates while the check runs, and the verdict closes it.
pub struct Outcome {
    id: CheckId,
    started: Instant,
    pub evidence: Evidence,
}

impl Outcome {
    pub fn new(id: CheckId) -> Outcome {
        Outcome { id, started: Instant::now(), evidence: Evidence::default() }
    }

    fn finish(self, status: Status, summary: String, cause: Option<Cause>, fix: Option<Fix>) -> CheckResult {
        CheckResult {
            id: self.id,
            title: self.id.title().to_owned(),
            status,
            summary,
            cause,
            fix,
            evidence: self.evidence,
            duration_ms: round_ms(self.started.elapsed()),
        }
    }

    pub fn pass(self, summary: impl Into<String>) -> CheckResult {
        self.finish(Status::Pass, summary.into(), None, None)
    }

    pub fn skip(self, summary: impl Into<String>) -> CheckResult {
        self.finish(Status::Skip, summary.into(), None, None)
    }

    /// Pass, or warn with `summary; but <warning>` and the warning's cause and fix.
    pub fn pass_or_warn<D: Diagnosis>(self, summary: String, warning: Option<&D>) -> CheckResult {
        match warning {
            None => self.pass(summary),
            Some(w) => {
                let text = format!("{summary}; but {w}");
                self.diagnose(w, Some(text))
            }
        }
    }

    /// The end of a check that judged its evidence: a summary with an optional warning, or a cause.
    pub fn judged<D: Diagnosis>(self, verdict: Result<(String, Option<D>), D>) -> CheckResult {
        match verdict {
            Ok((summary, warning)) => self.pass_or_warn(summary, warning.as_ref()),
            Err(cause) => self.diagnose(&cause, None),
        }
    }

    /// Close with a cause: its status, its sentence as the summary unless one is given, its fix.
    pub fn diagnose(self, cause: &dyn Diagnosis, summary: Option<String>) -> CheckResult {
        let id = self.id;
        let message = cause.to_string();
        self.finish(
            cause.status(),
            summary.unwrap_or_else(|| message.clone()),
            Some(Cause { id: format!("{id}.{}", cause.id()), message }),
            Some(cause.fix()),
        )
    }
}

/// The spec's `run` for a check function `async fn(&Ctx) -> CheckResult`.
macro_rules! check_fn {
    ($f:path) => {
        |ctx: $crate::check::Ctx| -> $crate::check::registry::CheckFuture { Box::pin(async move { $f(&ctx).await }) }
    };
}
pub(crate) use check_fn;
