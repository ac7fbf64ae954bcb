//! Why the scheduler, not the check, ended a check: its time budget or the run's deadline passed,
//! or it crashed. A cause like any check's, so the verdict and the reports read it the same way.

use super::kind::{CauseKind, Diagnosis, ids};
use crate::report::Fix;

/// Why the scheduler, not the check, ended a check.
#[derive(Debug, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(RunKind), derive(strum::EnumIter, Hash), vis(pub))]
pub enum RunCause {
    #[error("did not finish within its time budget of {0:.1} s")]
    CheckTimeout(f64),
    #[error("the overall deadline of {0:.1} s passed before this check finished")]
    Deadline(f64),
    #[error("internal error in this check: {0}")]
    Crashed(String),
}

ids!(RunKind {
    CheckTimeout => "timeout",
    Deadline => "deadline",
    Crashed => "internal_error",
});

impl Diagnosis for RunCause {
    fn kind(&self) -> CauseKind {
        CauseKind::of(RunKind::from(self))
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

impl crate::check::kind::Examples for RunCause {
    fn examples() -> Vec<RunCause> {
        vec![RunCause::CheckTimeout(10.0), RunCause::Deadline(30.0), RunCause::Crashed("panic".into())]
    }
}
