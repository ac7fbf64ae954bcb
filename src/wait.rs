//! Bounded waits. Every wait the tool does has its own limit (the time after which a real client
//! would give up on that step) and is also cut by the deadline of the check it belongs to; a
//! cause then says which of the two ended it, so "no answer in 4.0 s" is never confused with
//! "the check ran out of time".

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wait {
    pub until: Instant,
    /// How long this wait may last, as a cause reports it.
    pub secs: f64,
    /// The enclosing deadline, not the wait's own limit, is what ends it.
    pub by_budget: bool,
}

impl Wait {
    /// At most `limit` from now, never past `deadline` (which allowed `budget` in all).
    pub fn new(limit: Duration, deadline: Instant, budget: Duration) -> Wait {
        let own = Instant::now() + limit;
        if own <= deadline {
            Wait { until: own, secs: limit.as_secs_f64(), by_budget: false }
        } else {
            Wait { until: deadline, secs: budget.as_secs_f64(), by_budget: true }
        }
    }

    pub fn tokio(self) -> tokio::time::Instant {
        tokio::time::Instant::from_std(self.until)
    }

    /// "in 5.0 s" or "within the check's time budget (2.0 s)": how a cause says it waited.
    pub fn words(self) -> String {
        if self.by_budget {
            format!("within the check's time budget ({:.1} s)", self.secs)
        } else {
            format!("in {:.1} s", self.secs)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sooner_bound_wins_and_is_named() {
        let far = Instant::now() + Duration::from_secs(60);
        let w = Wait::new(Duration::from_secs(3), far, Duration::from_secs(60));
        assert!(!w.by_budget && w.words() == "in 3.0 s");
        let near = Instant::now() + Duration::from_millis(500);
        let w = Wait::new(Duration::from_secs(3), near, Duration::from_secs(2));
        assert!(w.by_budget && w.until == near);
        assert_eq!(w.words(), "within the check's time budget (2.0 s)");
    }
}
