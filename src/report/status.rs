//! Check status, ordered so that the overall status of a run is the maximum of its results.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Skip < Pass < Warn < Fail: the order is the point (the overall status is the max).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Skip,
    Pass,
    Warn,
    Fail,
}

impl Status {
    /// Worst of all; an empty run is a Skip (nothing was checked).
    pub fn overall(all: impl IntoIterator<Item = Status>) -> Status {
        all.into_iter().max().unwrap_or(Status::Skip)
    }

    /// The word printed in every output, with or without colour.
    pub fn word(self) -> &'static str {
        match self {
            Status::Skip => "SKIP",
            Status::Pass => "PASS",
            Status::Warn => "WARN",
            Status::Fail => "FAIL",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overall_is_the_worst() {
        assert_eq!(Status::overall([]), Status::Skip);
        assert_eq!(Status::overall([Status::Skip, Status::Pass]), Status::Pass);
        assert_eq!(Status::overall([Status::Pass, Status::Warn, Status::Skip]), Status::Warn);
        assert_eq!(Status::overall([Status::Fail, Status::Warn, Status::Pass]), Status::Fail);
    }
}
