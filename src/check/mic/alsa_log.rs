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

/// Lines of `text`, trimmed, without repeats, at most eight.
fn distinct(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
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
    fn repeats_are_said_once() {
        let text = "parse_card: cannot find card '0'\n\nparse_card: cannot find card '0'\nsnd_pcm_open_noupdate: Unknown PCM default\n";
        assert_eq!(distinct(text), ["parse_card: cannot find card '0'", "snd_pcm_open_noupdate: Unknown PCM default"]);
    }
}
