//! alsa-lib reports configuration problems by printing to stderr ("ALSA lib confmisc.c:855:
//! (parse_card) cannot find card '0'") unless an error handler is installed: on a machine without
//! a sound card that is eight lines in the middle of the report. The `alsa` crate's safe
//! `Output::local_error_handler` installs alsa-lib's thread-local handler
//! (`snd_lib_error_set_local`) writing into a buffer instead, so nothing is printed and the
//! messages become the mic check's evidence. It covers the calling thread: device enumeration and
//! stream opening, where these messages come from (cpal does both on the thread that asks).

/// alsa-lib's messages on this thread, captured from the moment it is created.
pub struct Captured {
    #[cfg(any(target_os = "linux", target_os = "dragonfly", target_os = "freebsd", target_os = "netbsd"))]
    buffer: Option<std::rc::Rc<std::cell::RefCell<alsa::Output>>>,
}

impl Captured {
    /// Route this thread's alsa-lib messages into a buffer.
    pub fn install() -> Captured {
        Captured {
            #[cfg(any(target_os = "linux", target_os = "dragonfly", target_os = "freebsd", target_os = "netbsd"))]
            buffer: alsa::Output::local_error_handler().ok(),
        }
    }

    /// The distinct messages so far, in order, at most eight (`function: message`).
    pub fn messages(&self) -> Vec<String> {
        #[cfg(any(target_os = "linux", target_os = "dragonfly", target_os = "freebsd", target_os = "netbsd"))]
        if let Some(b) = &self.buffer {
            return distinct(&b.borrow().to_string());
        }
        Vec::new()
    }
}

/// The functions through which alsa-lib passes a configuration error up, each saying again that
/// something below failed: the first message (the cause) and the last (the effect) are the news.
const PLUMBING: &[&str] = &["_snd_config_evaluate:", "snd_func_", "snd_config_expand:"];

/// Lines of `text`, trimmed, without repeats or alsa-lib's plumbing, at most eight.
fn distinct(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    for line in lines.filter(|l| !PLUMBING.iter().any(|p| l.starts_with(p))) {
        if !out.iter().any(|o| o == line) && out.len() < 8 {
            out.push(line.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cause_and_the_effect_are_kept_once() {
        let text = "parse_card: cannot find card '0'\n\
                    _snd_config_evaluate: function snd_func_card_inum returned error: No such file or directory\n\
                    snd_func_concat: error evaluating strings\n\
                    snd_config_expand: Evaluate error: No such file or directory\n\
                    parse_card: cannot find card '0'\n\
                    snd_pcm_open_noupdate: Unknown PCM default\n";
        assert_eq!(distinct(text), ["parse_card: cannot find card '0'", "snd_pcm_open_noupdate: Unknown PCM default"]);
    }
}
