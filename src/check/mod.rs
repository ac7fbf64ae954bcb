//! The checks. Each is a function of the settings that returns a [`CheckResult`]: a failed check is
//! a value with a cause and a fix, never an `Err`.

pub mod call;
pub mod datachannel;
pub mod key;
pub mod mic;
pub mod sdp;
pub mod stun;
pub mod turn;

use crate::report::{Cause, CheckId, CheckResult, Evidence, Fix, Status, round_ms};
use crate::settings::Settings;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::watch;

/// A classified reason for a non-passing check. Each check has its own enum; the fix sits beside
/// the cause so that every cause has one (tests walk each enum and check it).
pub trait Diagnosis: std::fmt::Display {
    /// Stable id, unique within the check (`insufficient_quota`); reports prefix the check id.
    fn id(&self) -> &'static str;
    fn fix(&self) -> Fix;
    /// Most causes fail the check; a few only warn.
    fn status(&self) -> Status {
        Status::Fail
    }
}

/// What a running check may read: settings, its own deadline, and the results of the checks it
/// depends on.
#[derive(Clone)]
pub struct Ctx {
    pub settings: Arc<Settings>,
    /// When this check must have its answer (its `--timeout`, clipped to the overall deadline).
    pub deadline: Instant,
    /// The time this check was given, for messages.
    pub budget: std::time::Duration,
    /// Secrets learnt while running (minted tokens), redacted from every output.
    pub secrets: Arc<std::sync::Mutex<crate::report::Secrets>>,
    pub deps: Deps,
}

/// Results of other checks in the same run, as they become available.
#[derive(Clone, Default)]
pub struct Deps {
    slots: Arc<HashMap<CheckId, watch::Receiver<Option<Arc<CheckResult>>>>>,
}

impl Deps {
    pub fn new(slots: HashMap<CheckId, watch::Receiver<Option<Arc<CheckResult>>>>) -> Deps {
        Deps { slots: Arc::new(slots) }
    }

    /// Wait for another check's result; `None` when that check is not part of this run.
    pub async fn wait(&self, id: CheckId) -> Option<Arc<CheckResult>> {
        let mut rx = self.slots.get(&id)?.clone();
        let r = rx.wait_for(Option::is_some).await.ok()?;
        r.clone()
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
    pub fn pass_or_warn(self, summary: String, warning: Option<&dyn Diagnosis>) -> CheckResult {
        match warning {
            None => self.pass(summary),
            Some(w) => {
                let text = format!("{summary}; but {w}");
                self.diagnose(w, Some(text))
            }
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

/// Run one check.
pub async fn run(id: CheckId, ctx: Ctx) -> CheckResult {
    match id {
        CheckId::Key => key::run(&ctx).await,
        CheckId::Stun => stun::run(&ctx).await,
        CheckId::Turn => turn::run(&ctx).await,
        CheckId::Sdp => sdp::run(&ctx).await,
        CheckId::Datachannel => datachannel::run(&ctx).await,
        CheckId::Mic => mic::run(&ctx).await,
    }
}
