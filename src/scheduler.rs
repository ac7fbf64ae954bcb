//! The scheduler: runs checks concurrently under one overall deadline and builds the [`Report`].
//!
//! Every check starts at once unless its registry entry says it waits for another (`needs`: skipped when
//! that one failed, naming it; `after`: only taking turns). A check's own time budget starts when
//! it starts, not when the run did: a slow key check does not eat the data channel's time, so the
//! data channel still reports its own cause on a slow network. `--deadline` bounds the whole run.
//! Results are redacted before anything sees them, streamed to the caller as they finish, and
//! ordered as the table of checks lists them.

use crate::check::RunCause;
use crate::check::{Ctx, Outcome, RunState};
use crate::report::CheckId;
use crate::report::{CheckResult, Report, Status};
use crate::secret::Secrets;
use crate::settings::Settings;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::watch;
use tokio::task::JoinSet;

/// Time a check gets past its own deadline to report what it saw, before it is cut off.
const GRACE: Duration = Duration::from_millis(500);

type Slot = watch::Receiver<Option<Arc<CheckResult>>>;
type Filler = watch::Sender<Option<Arc<CheckResult>>>;

/// What every check's task shares: the settings, the run's state and secrets, the deadline.
#[derive(Clone)]
struct Shared {
    settings: Arc<Settings>,
    run: Arc<RunState>,
    secrets: Arc<Mutex<Secrets>>,
    /// The overall deadline (`--deadline` from the start).
    overall: Instant,
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
    let shared = Shared {
        overall: start + settings.deadline,
        settings: settings.clone(),
        run: Arc::new(RunState::new(ids)),
        secrets: Arc::new(Mutex::new(secrets)),
    };
    let mut results: Vec<CheckResult> = Vec::with_capacity(ids.len() + skipped.len());
    let (senders, slots) = slots(ids, skipped, |r| {
        on_result(&r);
        results.push(r);
    });
    let mut set = JoinSet::new();
    let mut task_ids = HashMap::new();
    for &id in ids {
        let waits: Vec<(CheckId, Slot)> =
            id.waits_for().filter_map(|dep| slots.get(&dep).map(|rx| (dep, rx.clone()))).collect();
        let handle = set.spawn(run_one(id, waits, shared.clone()));
        task_ids.insert(handle.id(), id);
    }
    collect(&mut set, &task_ids, &shared, |r| {
        if let Some(tx) = senders.get(&r.id) {
            let _ = tx.send(Some(Arc::new(r.clone())));
        }
        on_result(&r);
        results.push(r);
    })
    .await;
    // A call a check kept for another that never took it (that one did not start in time) is
    // ended here: no session is left open, and billed.
    if let Some(call) = shared.run.take_call() {
        let budget = Duration::from_secs(3);
        let ctx = Ctx {
            settings: settings.clone(),
            run: shared.run.clone(),
            deadline: Instant::now() + budget,
            budget,
            secrets: shared.secrets.clone(),
        };
        call.end(&ctx, &mut Outcome::new(CheckId::Voice)).await;
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
    let mut report = Report::new(settings.target(), started_at, start.elapsed(), results);
    report.verdict = crate::verdict::diagnose(&report);
    shared.secrets.lock().expect("secrets lock").redact_report(&mut report);
    report
}

/// One result slot per check: the checks to run get an empty one (a sender to fill it), the
/// skipped ones are reported (`skip`) and get theirs filled at once.
fn slots(
    ids: &[CheckId],
    skipped: &[CheckId],
    mut skip: impl FnMut(CheckResult),
) -> (HashMap<CheckId, Filler>, HashMap<CheckId, Slot>) {
    let mut senders = HashMap::new();
    let mut slots: HashMap<CheckId, Slot> = HashMap::new();
    for &id in ids {
        let (tx, rx) = watch::channel(None);
        senders.insert(id, tx);
        slots.insert(id, rx);
    }
    for &id in skipped {
        let r = Outcome::new(id).skip("skipped on request (--skip/--only)");
        let (_, rx) = watch::channel(Some(Arc::new(r.clone())));
        slots.insert(id, rx);
        skip(r);
    }
    (senders, slots)
}

/// One check's task: wait for the checks it waits for (skipped, naming the blocker, when one it
/// needs failed), then run it within its budget, clipped to the overall deadline.
async fn run_one(id: CheckId, waits: Vec<(CheckId, Slot)>, shared: Shared) -> CheckResult {
    let Shared { settings, run, secrets, overall } = shared;
    let mut blockers = Vec::new();
    for (dep, mut rx) in waits {
        let Ok(r) = rx.wait_for(Option::is_some).await.map(|r| r.clone()) else { continue };
        if let Some(r) = r
            && r.status == Status::Fail
            && id.spec().needs.contains(&dep)
            // Through --via the app's backend holds the key: the key check does not gate.
            && !(dep == CheckId::Key && settings.via.is_some())
        {
            blockers.push(r);
        }
    }
    if let Some(b) = blockers.first() {
        return Outcome::new(id).skip(blocked_by(b));
    }
    let budget = id.budget(&settings);
    let now = Instant::now();
    if now >= overall {
        return Outcome::new(id).diagnose(&RunCause::Deadline(settings.deadline.as_secs_f64()), None);
    }
    let ctx = Ctx { settings, run, deadline: (now + budget).min(overall), budget, secrets };
    let cutoff = tokio::time::Instant::from_std(ctx.deadline + GRACE);
    let running = (id.spec().run)(ctx);
    match tokio::time::timeout_at(cutoff, running).await {
        Ok(r) => r,
        Err(_) => Outcome::new(id).diagnose(&RunCause::CheckTimeout(budget.as_secs_f64()), None),
    }
}

/// Each result as its task ends, redacted, until all have or the overall deadline (and its grace)
/// passes; a task that panicked is a crashed check.
async fn collect(
    set: &mut JoinSet<CheckResult>,
    task_ids: &HashMap<tokio::task::Id, CheckId>,
    shared: &Shared,
    mut done: impl FnMut(CheckResult),
) {
    let cutoff = tokio::time::Instant::from_std(shared.overall + GRACE);
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
                let id = task_ids.get(&e.id()).copied().unwrap_or(CheckId::ALL[0]);
                Outcome::new(id).diagnose(&RunCause::Crashed(e.to_string()), None)
            }
        };
        shared.secrets.lock().expect("secrets lock").redact_result(&mut r);
        done(r);
    }
}

/// The reason a check did not run: what really blocks it, in the words of the check it needs.
fn blocked_by(dep: &CheckResult) -> String {
    use crate::check::key::{KeyKind, KeyStage};
    let why = dep.cause.as_ref().map(|c| c.message.as_str()).unwrap_or(dep.summary.as_str());
    let key = crate::check::kind::of(dep).and_then(|k| k.get::<KeyKind>());
    let blocker = match key {
        Some(KeyKind::Missing) => "no API key was given".to_owned(),
        Some(KeyKind::Cleartext) => "the key would cross the network unencrypted".to_owned(),
        Some(k) if k.stage() == KeyStage::Network => "the API could not be reached".to_owned(),
        Some(k) if k.stage() == KeyStage::Endpoint => "the base URL is a retired endpoint".to_owned(),
        Some(k) if k.stage() == KeyStage::Key => "the API key cannot be used".to_owned(),
        Some(KeyKind::InsufficientQuota) => "the account has no credit".to_owned(),
        _ => format!("the {} check failed", dep.id),
    };
    format!("not run: {blocker} ({why})")
}
