//! Runs checks concurrently under one overall deadline and builds the [`Report`].
//!
//! Each check runs as its own task with its own deadline (`--timeout`, clipped to `--deadline`);
//! checks that need another's outcome wait for it through [`Deps`]. Results are redacted before
//! anything sees them, streamed to the caller as they finish, and ordered by check id in the report.

use crate::check::{self, Ctx, Deps, Diagnosis, Outcome};
use crate::report::{CheckId, CheckResult, Fix, Report, Secrets, Target};
use crate::settings::Settings;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::watch;
use tokio::task::JoinSet;

/// Time a check gets past its own deadline to report what it saw, before it is cut off.
const GRACE: Duration = Duration::from_millis(500);

/// Why the runner, not the check, ended a check.
#[derive(Debug, thiserror::Error)]
enum RunCause {
    #[error("did not finish within its time budget of {0:.1} s")]
    CheckTimeout(f64),
    #[error("the overall deadline of {0:.1} s passed before this check finished")]
    Deadline(f64),
    #[error("internal error in this check: {0}")]
    Crashed(String),
}

impl Diagnosis for RunCause {
    fn id(&self) -> &'static str {
        match self {
            RunCause::CheckTimeout(_) => "timeout",
            RunCause::Deadline(_) => "deadline",
            RunCause::Crashed(_) => "internal_error",
        }
    }
    fn fix(&self) -> Fix {
        match self {
            RunCause::CheckTimeout(_) | RunCause::Deadline(_) => Fix::new(
                "Something on the path is slow or silent: run the check alone with -v to see the last phase reached, or raise --timeout/--deadline to measure it.",
            ),
            RunCause::Crashed(_) => {
                Fix::new("This is a bug in realtime-doctor: please report it with the output of -v.")
            }
        }
    }
}

/// Run `ids` and return the report; `on_result` sees each result as soon as it is final.
/// `skipped` checks (by --skip/--only) are reported as SKIP at once, with the reason.
pub async fn run_checks(
    settings: Arc<Settings>,
    ids: &[CheckId],
    skipped: &[CheckId],
    secrets: Secrets,
    mut on_result: impl FnMut(&CheckResult),
) -> Report {
    let started_at = SystemTime::now();
    let start = Instant::now();
    let overall = start + settings.deadline;
    let secrets = Arc::new(Mutex::new(secrets));

    let mut senders = HashMap::new();
    let mut receivers = HashMap::new();
    for &id in ids {
        let (tx, rx) = watch::channel(None);
        senders.insert(id, tx);
        receivers.insert(id, rx);
    }
    let mut results: Vec<CheckResult> = Vec::with_capacity(ids.len() + skipped.len());
    for &id in skipped {
        let r = Outcome::new(id).skip("skipped on request (--skip/--only)");
        let (tx, rx) = watch::channel(Some(Arc::new(r.clone())));
        senders.insert(id, tx);
        receivers.insert(id, rx);
        on_result(&r);
        results.push(r);
    }
    let deps = Deps::new(receivers);

    let mut set = JoinSet::new();
    let mut task_ids = HashMap::new();
    for &id in ids {
        let budget = settings.timeout_for(id);
        let ctx = Ctx {
            settings: settings.clone(),
            deadline: start + budget,
            budget,
            deps: deps.clone(),
            secrets: secrets.clone(),
        };
        let handle = set.spawn(async move {
            let cutoff = tokio::time::Instant::from_std(ctx.deadline + GRACE);
            match tokio::time::timeout_at(cutoff, check::run(id, ctx)).await {
                Ok(r) => r,
                Err(_) => Outcome::new(id).diagnose(&RunCause::CheckTimeout(budget.as_secs_f64()), None),
            }
        });
        task_ids.insert(handle.id(), id);
    }

    let cutoff = tokio::time::Instant::from_std(overall + GRACE);
    loop {
        let next = match tokio::time::timeout_at(cutoff, set.join_next_with_id()).await {
            Ok(Some(n)) => n,
            Ok(None) => break,
            Err(_) => {
                set.abort_all();
                break;
            }
        };
        let mut r = match next {
            Ok((_, r)) => r,
            Err(e) => {
                let id = task_ids.get(&e.id()).copied().unwrap_or(CheckId::Key);
                Outcome::new(id).diagnose(&RunCause::Crashed(e.to_string()), None)
            }
        };
        secrets.lock().expect("secrets lock").redact_result(&mut r);
        if let Some(tx) = senders.get(&r.id) {
            let _ = tx.send(Some(Arc::new(r.clone())));
        }
        on_result(&r);
        results.push(r);
    }
    // Whatever did not report by the overall deadline is failed here, never silently dropped.
    for &id in ids {
        if !results.iter().any(|r| r.id == id) {
            let r = Outcome::new(id).diagnose(&RunCause::Deadline(settings.deadline.as_secs_f64()), None);
            on_result(&r);
            results.push(r);
        }
    }
    results.sort_by_key(|r| r.id);
    let target = Target { base_url: settings.shown_base_url(), model: settings.model.clone() };
    let mut report = Report::new(target, started_at, start.elapsed(), results);
    report.verdict = crate::verdict::diagnose(&report);
    secrets.lock().expect("secrets lock").redact_report(&mut report);
    report
}
