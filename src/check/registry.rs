//! The registry: every check's `SPEC`, bound to its id. The list of checks itself is the `checks!`
//! table (`report::check_id`), one line per check; everything the rest of the tool knows about a
//! check is declared once, in its module's `SPEC`: the help, the options it reads, its default
//! time budget, the checks it needs or follows, its stage and cause table, and how to run it. The
//! CLI subcommands, `--timeout`'s help, the scheduler's order and the verdict's cause parsing all
//! derive from it. Adding a check is a new module with a `SPEC` and one line in that table.

use super::Ctx;
use super::kind::CauseTable;
use crate::args::OptionGroup;
use crate::report::{CheckId, CheckResult};
use crate::settings::Settings;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

pub type CheckFuture = Pin<Box<dyn Future<Output = CheckResult> + Send>>;

/// One check, declared once.
pub struct CheckSpec {
    /// Shown beside the status word.
    pub title: &'static str,
    /// The subcommand's one-line help.
    pub about: &'static str,
    /// The waits the check does, each the time after which a real client gives up (for `--help`).
    pub waits: &'static str,
    /// The default time budget (`--timeout` overrides it), from when the checks it needs are done.
    pub budget: fn(&Settings) -> Duration,
    /// The default budget in words, for `--timeout`'s help.
    pub budget_text: &'static str,
    /// Checks whose failure makes this one pointless: it is skipped, naming them.
    pub needs: &'static [CheckId],
    /// Checks that must have finished first, whatever their outcome (to take turns on a resource).
    pub after: &'static [CheckId],
    /// The option groups it reads (its subcommand's options; check-all has them all).
    pub options: &'static [OptionGroup],
    /// Whether `selftest` runs it (it needs no device of the machine's own).
    pub in_selftest: bool,
    /// It runs in a browser's page: the `browser` command runs it, and check-all only with
    /// --browser or --only (it opens a browser).
    pub in_browser: bool,
    /// The stage of the way to a call it judges, as verdicts name it (`key`, `STUN`, `SDP`, ...):
    /// a failure no specific rule explains is given in its words.
    pub stage: &'static str,
    pub causes: CauseTable,
    pub run: fn(Ctx) -> CheckFuture,
}

/// Ties each check id to its module's `SPEC`, from the one table of checks (`report::check_id`).
macro_rules! bind_specs {
    ($($variant:ident => $module:ident),* $(,)?) => {
        impl CheckId {
            /// Everything the tool knows about this check.
            pub fn spec(self) -> &'static CheckSpec {
                match self {
                    $(CheckId::$variant => &super::$module::SPEC),*
                }
            }
        }
    };
}
crate::report::checks!(bind_specs);

impl CheckId {
    /// The checks that run in a browser's page.
    pub fn in_browser() -> impl Iterator<Item = CheckId> {
        CheckId::ALL.iter().copied().filter(|id| id.spec().in_browser)
    }

    /// Shown beside the status word.
    pub fn title(self) -> &'static str {
        self.spec().title
    }

    /// The time this check gets in a run with these settings: `--timeout`, else its own default,
    /// never past the overall deadline.
    pub fn budget(self, settings: &Settings) -> Duration {
        settings.timeout.unwrap_or_else(|| (self.spec().budget)(settings)).min(settings.deadline)
    }

    /// Every check this one waits for, needed or merely followed.
    pub fn waits_for(self) -> impl Iterator<Item = CheckId> {
        let s = self.spec();
        s.needs.iter().chain(s.after).copied()
    }
}

/// `--timeout`'s help: every check's default budget, from the table.
pub fn timeout_help() -> String {
    let defaults: Vec<String> = CheckId::ALL.iter().map(|id| format!("{id} {}", id.spec().budget_text)).collect();
    format!(
        "Time allowed for each check, counted from when the checks it needs have finished (e.g. 10s, \
         1500ms). Default per check: {}. Each wait inside a check has its own, shorter limit (see the \
         check's --help)",
        defaults.join(", ")
    )
}

/// A check's long help: what it does, its waits and its default budget.
pub fn long_about(spec: &CheckSpec) -> String {
    let mut s = format!("{}.\n\nWaits: {}.\n\nDefault time budget: {}.", spec.about, spec.waits, spec.budget_text);
    if !spec.needs.is_empty() {
        let names: Vec<&str> = spec.needs.iter().map(|id| id.as_str()).collect();
        let (checks, which) = if names.len() > 1 { ("checks", "one of them") } else { ("check", "that one") };
        s.push_str(&format!(
            "\n\nIn check-all it runs after the {} {checks}, and is skipped when {which} fails.",
            names.join(" and ")
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_is_complete_and_its_dependencies_come_first() {
        let settings = Settings::default();
        for (i, id) in CheckId::ALL.iter().enumerate() {
            let s = id.spec();
            assert_eq!(id.as_str().parse::<CheckId>(), Ok(*id));
            assert!(!s.title.is_empty() && s.about.len() > 10 && s.waits.len() > 5, "{id}: help missing");
            assert!(!s.budget_text.is_empty() && !(s.budget)(&settings).is_zero(), "{id}: no budget");
            assert!(!s.causes.kinds().is_empty(), "{id}: no cause table");
            // Dependencies point backwards in the table, so the scheduler can never wait in a cycle.
            for dep in id.waits_for() {
                assert!(CheckId::ALL[..i].contains(&dep), "{id} waits for {dep}, which is not before it");
            }
        }
        assert!(timeout_help().contains("datachannel"));
    }

    /// README's table of checks (its first table) names every check of the registry, and no other.
    #[test]
    fn the_readme_lists_every_check() {
        let readme =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
        let table: Vec<&str> = readme
            .lines()
            .skip_while(|l| !l.starts_with("| check |"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .collect();
        assert!(!table.is_empty(), "README has no table of checks (a header row starting with '| check |')");
        let mut named = Vec::new();
        for row in table {
            let first = row.trim_start_matches('|').split('|').next().unwrap_or("");
            named.extend(first.split('`').skip(1).step_by(2).map(str::trim).filter(|n| !n.contains(' ')));
        }
        for id in CheckId::ALL {
            assert!(named.contains(&id.as_str()), "README's table of checks lacks {id}");
        }
        for n in &named {
            assert!(CheckId::from_name(n).is_some(), "README's table of checks names {n}, which is no check");
        }
    }

    #[test]
    fn every_check_has_a_subcommand_with_its_options() {
        let cmd = crate::cli::command();
        for id in CheckId::ALL {
            let sub = cmd.find_subcommand(id.as_str()).unwrap_or_else(|| panic!("no subcommand for {id}"));
            for group in id.spec().options {
                for arg in group.arg_ids() {
                    assert!(sub.get_arguments().any(|a| a.get_id().as_str() == arg), "{id} lacks --{arg}");
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod words {
    //! Every text a user reads names things they can see: no internal documents (the project's
    //! design notes and the user reports it grew from live outside this repository).
    use super::CheckId;

    /// What must not appear: references to documents outside the repository.
    const FORBIDDEN: &[&str] = &[
        "seed 0",
        "seed:",
        "(seed",
        "seeds/",
        "../shared",
        "shared/notes",
        "realtime-api.md",
        "live-api.md",
        "sin data channel",
    ];

    pub(crate) fn assert_clean(what: &str, text: &str) {
        let lower = text.to_lowercase();
        for f in FORBIDDEN {
            assert!(!lower.contains(f), "{what} names an internal document ({f:?}): {text}");
        }
    }

    #[test]
    fn causes_fixes_and_verdicts_speak_to_users() {
        for id in CheckId::ALL {
            for cause in id.spec().causes.examples() {
                assert_clean(&format!("{id}.{} message", cause.id()), &cause.to_string());
                assert_clean(&format!("{id}.{} fix", cause.id()), &cause.fix().text);
            }
            let s = id.spec();
            for text in [s.title, s.about, s.waits, s.budget_text] {
                assert_clean(&format!("{id}'s help"), text);
            }
        }
        for r in crate::verdict::RULES {
            assert_clean(&format!("rule {}", r.id), r.stage);
        }
    }

    #[test]
    fn help_readme_and_sources_speak_to_users() {
        let mut cmd = crate::cli::command();
        cmd.build();
        let mut pending = vec![cmd];
        while let Some(mut c) = pending.pop() {
            assert_clean(&format!("{} --help", c.get_name()), &c.render_long_help().to_string());
            pending.extend(c.get_subcommands().cloned());
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("README.md")];
        let mut dirs = vec![root.join("src"), root.join("tests"), root.join("examples"), root.join("benches")];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    // Third-party packages a fixture generator installs are not this project's words.
                    if !p.ends_with("node_modules") {
                        dirs.push(p);
                    }
                } else if p
                    .extension()
                    .is_some_and(|x| ["rs", "sh", "md", "yml", "py", "mjs"].contains(&x.to_str().unwrap_or("")))
                {
                    files.push(p);
                }
            }
        }
        for f in files {
            // This file lists the forbidden words themselves.
            if f.ends_with("check/registry.rs") {
                continue;
            }
            assert_clean(&f.display().to_string(), &std::fs::read_to_string(&f).unwrap());
        }
    }
}
