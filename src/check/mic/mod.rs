//! The `mic` check: the input device the user will speak into, opened through the machine's
//! audio stack (cpal: ALSA on Linux, CoreAudio, WASAPI), captured for a short window on a blocking
//! thread while the network checks run, and measured.

mod alsa_log;
mod cause;
pub mod levels;

pub use cause::{MicCause, MicKind};

use crate::args::OptionGroup;
use crate::check::kind::CauseTable;
use crate::check::{CheckSpec, Ctx, Outcome, check_fn};
use crate::report::{CheckId, CheckResult};
use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{ErrorKind, SampleFormat, StreamConfig};
use levels::Levels;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Quieter than this (RMS) is not speech at a normal distance.
const QUIET_FLOOR_DBFS: f64 = -60.0;
/// Bluetooth headsets take about 300 ms to switch to their microphone profile: slower than that
/// deserves a word.
const SLOW_START: Duration = Duration::from_millis(300);

/// Opening, starting and closing a device takes well under a second; a device (or a Bluetooth
/// profile switch) that needs more than 5 s on top of the capture window is broken.
const OPEN_CLOSE_LIMIT: Duration = Duration::from_secs(5);

pub const SPEC: CheckSpec = CheckSpec {
    title: "Microphone capture",
    about: "Check microphone capture: the device, its format and its level",
    waits: "the capture window (--seconds, 1.5 s by default) plus 5 s to open and close the device",
    budget: |s| s.mic_seconds + OPEN_CLOSE_LIMIT,
    budget_text: "the capture window plus 5s",
    needs: &[],
    after: &[],
    options: &[OptionGroup::Mic],
    in_selftest: false,
    in_browser: false,
    stage: "microphone",
    causes: CauseTable(&[cause::CAUSES]),
    run: check_fn!(run),
};

/// What the capture produced.
#[derive(Debug, Clone, Default)]
pub struct Capture {
    pub device: String,
    pub devices: Vec<String>,
    pub default_device: Option<String>,
    pub format: String,
    pub offered: String,
    pub rate: u32,
    pub first_callback: Option<Duration>,
    pub elapsed: Duration,
    pub levels: Levels,
    pub stream_error: Option<(ErrorKind, String)>,
}

pub async fn run(ctx: &Ctx) -> CheckResult {
    let mut out = Outcome::new(CheckId::Mic);
    let s = ctx.settings.clone();
    let (wanted, seconds) = (s.mic_device.clone(), s.mic_seconds);
    // cpal streams are blocking and not Send on every platform: a thread of their own, where
    // alsa-lib's messages are caught instead of printed (see alsa_log).
    let captured = tokio::task::spawn_blocking(move || {
        let alsa = alsa_log::Captured::install();
        let c = capture(wanted.as_deref(), seconds);
        (c, alsa.messages())
    })
    .await;
    // ALSA's own words explain a device that cannot be opened ("cannot find card '0'", "Unknown
    // PCM default"); next to a working capture they are noise.
    let explain = |out: &mut Outcome, messages: &[String]| {
        if !messages.is_empty() {
            out.evidence.detail("alsa", messages.join("; "));
        }
    };
    let c = match captured {
        Ok((Ok(c), messages)) => {
            if judge(&c).is_err() {
                explain(&mut out, &messages);
            }
            c
        }
        Ok((Err(cause), messages)) => {
            explain(&mut out, &messages);
            if matches!(cause, MicCause::NoDevice(_)) && !s.require_mic {
                return out.skip(format!(
                    "{cause}; skipped (typical in CI without a sound card): pass --require-mic to make this a failure"
                ));
            }
            return out.diagnose(&cause, None);
        }
        Err(e) => return out.diagnose(&MicCause::StreamError(format!("capture thread: {e}")), None),
    };
    record(&mut out, &c);
    out.judged(judge(&c))
}

fn record(out: &mut Outcome, c: &Capture) {
    out.evidence.detail("device", &c.device);
    out.evidence.detail("devices", c.devices.join(", "));
    if let Some(d) = &c.default_device {
        out.evidence.detail("default_device", d);
    }
    out.evidence.detail("format", &c.format);
    out.evidence.detail("offered", &c.offered);
    out.evidence.detail("frames", format!("{} in {:.2} s", c.levels.frames, c.elapsed.as_secs_f64()));
    if c.levels.frames > 0 {
        out.evidence
            .detail("level", format!("RMS {:.1} dBFS, peak {:.1} dBFS", c.levels.rms_dbfs(), c.levels.peak_dbfs()));
    }
    if let Some(f) = c.first_callback {
        out.evidence.timing("first_samples", f);
    }
    out.evidence.timing("capture", c.elapsed);
}

/// The verdict on a capture: failures first, then warnings, most serious first.
pub fn judge(c: &Capture) -> Result<(String, Option<MicCause>), MicCause> {
    if let Some((kind, msg)) = &c.stream_error {
        return Err(match kind {
            ErrorKind::DeviceNotAvailable => MicCause::Vanished(msg.clone()),
            _ => MicCause::StreamError(msg.clone()),
        });
    }
    let l = &c.levels;
    let secs = c.elapsed.as_secs_f64();
    if l.frames == 0 {
        return Err(MicCause::NoSamples { secs });
    }
    let expected = (f64::from(c.rate) * secs) as u64;
    let pct = 100.0 * l.frames as f64 / expected.max(1) as f64;
    if pct < 50.0 {
        return Err(MicCause::Stalled { got: l.frames, expected, pct });
    }
    if l.digital_silence() {
        return Err(MicCause::DigitalSilence);
    }
    let summary = format!(
        "captured {:.1} s from {:?} ({}): RMS {:.1} dBFS, peak {:.1} dBFS{}",
        secs,
        c.device,
        c.format,
        l.rms_dbfs(),
        l.peak_dbfs(),
        c.first_callback
            .map(|f| format!(", first samples after {:.0} ms", f.as_secs_f64() * 1000.0))
            .unwrap_or_default()
    );
    let warning = if pct > 150.0 {
        Some(MicCause::TooFast { got: l.frames, expected, pct })
    } else if l.clipped_fraction() > 0.001 {
        Some(MicCause::Clipping { pct: 100.0 * l.clipped_fraction() })
    } else if l.rms_dbfs() < QUIET_FLOOR_DBFS {
        Some(MicCause::Quiet { rms: l.rms_dbfs(), floor: QUIET_FLOOR_DBFS })
    } else if l.dc_offset().abs() > 0.05 {
        Some(MicCause::DcOffset { offset: l.dc_offset() })
    } else {
        c.first_callback.filter(|f| *f > SLOW_START).map(|f| MicCause::SlowStart { ms: f.as_secs_f64() * 1000.0 })
    };
    Ok((summary, warning))
}

fn open_error(e: &cpal::Error, device: &str) -> MicCause {
    let msg = format!("{device}: {e}");
    match e.kind() {
        ErrorKind::DeviceBusy => MicCause::Busy(msg),
        ErrorKind::PermissionDenied => MicCause::PermissionDenied(msg),
        ErrorKind::UnsupportedConfig | ErrorKind::UnsupportedOperation => MicCause::UnsupportedFormat(msg),
        ErrorKind::DeviceNotAvailable | ErrorKind::HostUnavailable => MicCause::NoDevice(msg),
        _ => {
            // ALSA reports some conditions only in its message (EBUSY, EACCES).
            let m = msg.to_ascii_lowercase();
            if m.contains("busy") {
                MicCause::Busy(msg)
            } else if m.contains("permission") || m.contains("access denied") {
                MicCause::PermissionDenied(msg)
            } else {
                MicCause::NoDevice(msg)
            }
        }
    }
}

/// Choose a capture format the Realtime API can use: mono if offered, 24 kHz (the API's PCM rate)
/// or else 48 kHz; resampling is the app's job, so anything else is reported, not converted.
fn choose(device: &cpal::Device) -> Result<(StreamConfig, SampleFormat, String), cpal::Error> {
    let ranges: Vec<cpal::SupportedStreamConfigRange> = device.supported_input_configs()?.collect();
    // One line, not one per range: ALSA plugins offer every combination up to 32 channels.
    let offered = match (ranges.iter().map(|r| r.channels()).min(), ranges.iter().map(|r| r.channels()).max()) {
        (Some(cmin), Some(cmax)) => {
            let mut formats: Vec<String> = ranges.iter().map(|r| format!("{:?}", r.sample_format())).collect();
            formats.sort();
            formats.dedup();
            let rmin = ranges.iter().map(|r| r.min_sample_rate()).min().unwrap_or(0);
            let rmax = ranges.iter().map(|r| r.max_sample_rate()).max().unwrap_or(0);
            format!("{cmin}-{cmax} ch, {rmin}-{rmax} Hz, {}", formats.join("/"))
        }
        _ => "nothing".into(),
    };
    let usable =
        |f: SampleFormat| matches!(f, SampleFormat::F32 | SampleFormat::I16 | SampleFormat::I32 | SampleFormat::U16);
    for rate in [24_000u32, 48_000] {
        let mut fitting: Vec<&cpal::SupportedStreamConfigRange> = ranges
            .iter()
            .filter(|r| usable(r.sample_format()) && r.min_sample_rate() <= rate && rate <= r.max_sample_rate())
            .collect();
        fitting.sort_by_key(|r| (r.channels(), r.sample_format() != SampleFormat::I16));
        if let Some(r) = fitting.first() {
            let cfg =
                StreamConfig { channels: r.channels(), sample_rate: rate, buffer_size: cpal::BufferSize::Default };
            return Ok((cfg, r.sample_format(), offered));
        }
    }
    let d = device.default_input_config()?;
    Ok((d.config(), d.sample_format(), offered))
}

/// The backend's own name for a device (ALSA's PCM name, as `arecord -L` lists it).
fn device_id(d: &cpal::Device) -> String {
    d.id().map(|id| id.id().to_owned()).unwrap_or_else(|_| d.to_string())
}

/// "pulse (PulseAudio Sound Server)": the name to pass to --device, and what it is.
fn device_label(d: &cpal::Device) -> String {
    let id = device_id(d);
    match d.description() {
        Ok(desc) if desc.name() != id => format!("{id} ({})", desc.name()),
        _ => id,
    }
}

/// Shared with the capture callback: the levels so far, and when the first samples arrived.
type LevelState = Arc<Mutex<(Levels, Option<Instant>)>>;
/// Shared with the error callback: the stream's first error that is not an overrun.
type ErrorSlot = Arc<Mutex<Option<(ErrorKind, String)>>>;

/// Open the device, capture for `seconds`, measure. Blocking.
pub fn capture(wanted: Option<&str>, seconds: Duration) -> Result<Capture, MicCause> {
    let host = cpal::default_host();
    let devices: Vec<cpal::Device> = host.input_devices().map(|d| d.collect()).unwrap_or_default();
    let ids: Vec<String> = devices.iter().map(device_id).collect();
    let names: Vec<String> = devices.iter().map(device_label).collect();
    let default_device = host.default_input_device();
    let default_name = default_device.as_ref().map(device_label);
    let device = match wanted {
        Some(w) => devices[wanted_index(w, &ids, &names)?].clone(),
        // With no sound card, cpal still offers "default": only opening it tells (see below).
        None => default_device.ok_or_else(|| MicCause::NoDevice("the audio host reports no input device".into()))?,
    };
    let name = device_label(&device);
    let (config, format, offered) = choose(&device).map_err(|e| open_error(&e, &name))?;
    let state: LevelState = Arc::new(Mutex::new((Levels::default(), None::<Instant>)));
    let errors: ErrorSlot = Arc::new(Mutex::new(None::<(ErrorKind, String)>));
    let stream = build_stream(&device, &config, format, &name, &state, &errors)?;
    let (started, elapsed) = capture_window(stream, seconds, &name)?;
    let (levels, first) = state.lock().expect("levels").clone();
    let stream_error = errors.lock().expect("errors").clone();
    Ok(Capture {
        device: name,
        devices: names,
        default_device: default_name,
        format: format!("{} ch, {} Hz, {:?}", config.channels, config.sample_rate, format),
        offered,
        rate: config.sample_rate,
        first_callback: first.map(|f| f.saturating_duration_since(started)),
        elapsed,
        levels,
        stream_error,
    })
}

/// Which of the listed devices `--device` names: an id (`arecord -L`'s name, any case), or else a
/// part of a device's label; not found, the error lists the ids there are.
fn wanted_index(w: &str, ids: &[String], names: &[String]) -> Result<usize, MicCause> {
    let lw = w.to_ascii_lowercase();
    // The id `arecord -L` prints wins over a substring of another device's description.
    ids.iter()
        .position(|id| id.eq_ignore_ascii_case(w))
        .or_else(|| names.iter().position(|n| n.to_ascii_lowercase().contains(&lw)))
        .ok_or_else(|| MicCause::DeviceNotFound {
            wanted: w.to_owned(),
            available: if ids.is_empty() { "none".into() } else { ids.join(", ") },
        })
}

/// The stream's error callback: keeps the first error in `err_slot` for the verdict.
fn keep_first_error(err_slot: ErrorSlot) -> impl FnMut(cpal::Error) + Send + 'static {
    move |e: cpal::Error| {
        let mut slot = err_slot.lock().expect("error slot");
        // An overrun is a glitch, not a failure of the device.
        if slot.is_none() && e.kind() != ErrorKind::Xrun {
            *slot = Some((e.kind(), e.to_string()));
        }
    }
}

/// The input stream in the chosen sample format: each callback adds the first channel of its
/// frames, as floats, to `state`'s levels and notes the first samples' arrival.
fn build_stream(
    device: &cpal::Device,
    config: &StreamConfig,
    format: SampleFormat,
    name: &str,
    state: &LevelState,
    errors: &ErrorSlot,
) -> Result<cpal::Stream, MicCause> {
    let channels = usize::from(config.channels.max(1));
    let on_error = keep_first_error(errors.clone());
    macro_rules! stream {
        ($t:ty, $conv:expr) => {{
            let st = state.clone();
            device.build_input_stream::<$t, _, _>(
                config.clone(),
                move |data: &[$t], _| {
                    let mut g = st.lock().expect("levels");
                    if g.1.is_none() {
                        g.1 = Some(Instant::now());
                    }
                    // The first channel is the one a mono app would take.
                    for frame in data.chunks(channels) {
                        g.0.add($conv(frame[0]));
                    }
                },
                on_error,
                Some(Duration::from_secs(2)),
            )
        }};
    }
    let built = match format {
        SampleFormat::F32 => stream!(f32, |x: f32| x),
        SampleFormat::I16 => stream!(i16, |x: i16| f32::from(x) / 32768.0),
        SampleFormat::I32 => stream!(i32, |x: i32| x as f32 / 2_147_483_648.0),
        SampleFormat::U16 => stream!(u16, |x: u16| (f32::from(x) - 32768.0) / 32768.0),
        other => return Err(MicCause::UnsupportedFormat(format!("{name}: sample format {other:?}"))),
    };
    built.map_err(|e| open_error(&e, name))
}

/// Start the stream, let it run for the capture window, and close it: when it started (the
/// reference for the first samples' delay) and how long it ran.
fn capture_window(stream: cpal::Stream, seconds: Duration, name: &str) -> Result<(Instant, Duration), MicCause> {
    let started = Instant::now();
    stream.play().map_err(|e| open_error(&e, name))?;
    std::thread::sleep(seconds);
    let elapsed = started.elapsed();
    drop(stream);
    Ok((started, elapsed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Diagnosis;

    fn capture_of(samples: impl Iterator<Item = f32>, rate: u32, secs: f64) -> Capture {
        let mut levels = Levels::default();
        samples.for_each(|x| levels.add(x));
        Capture {
            rate,
            elapsed: Duration::from_secs_f64(secs),
            levels,
            device: "d".into(),
            first_callback: Some(Duration::from_millis(20)),
            ..Default::default()
        }
    }

    fn tone(n: usize) -> impl Iterator<Item = f32> {
        (0..n).map(|i| 0.25 * (i as f32 * 0.115).sin())
    }

    #[test]
    fn capture_verdicts() {
        assert!(judge(&capture_of(tone(24_000), 24_000, 1.0)).unwrap().1.is_none());
        assert_eq!(judge(&capture_of(tone(0), 24_000, 1.0)).unwrap_err().id(), "no_samples");
        assert_eq!(judge(&capture_of(tone(6_000), 24_000, 1.0)).unwrap_err().id(), "stalled");
        assert_eq!(judge(&capture_of(tone(48_000), 24_000, 1.0)).unwrap().1.unwrap().id(), "too_fast");
        let mut c = capture_of(tone(24_000), 24_000, 1.0);
        c.stream_error = Some((ErrorKind::DeviceNotAvailable, "unplugged".into()));
        assert_eq!(judge(&c).unwrap_err().id(), "device_vanished");
        c.stream_error = Some((ErrorKind::StreamInvalidated, "invalidated".into()));
        assert_eq!(judge(&c).unwrap_err().id(), "stream_error");
    }

    #[test]
    fn open_errors_are_classified() {
        let e = |k, m: &'static str| open_error(&cpal::Error::with_message(k, m), "hw:1");
        assert_eq!(e(ErrorKind::DeviceBusy, "busy").id(), "device_busy");
        assert_eq!(e(ErrorKind::PermissionDenied, "denied").id(), "permission_denied");
        assert_eq!(e(ErrorKind::UnsupportedConfig, "8 kHz only").id(), "unsupported_format");
        assert_eq!(e(ErrorKind::DeviceNotAvailable, "gone").id(), "no_device");
        // ALSA's errno in the message when cpal cannot map it.
        assert_eq!(e(ErrorKind::BackendError, "snd_pcm_open: Device or resource busy").id(), "device_busy");
        assert_eq!(e(ErrorKind::BackendError, "snd_pcm_open: Permission denied").id(), "permission_denied");
        for c in [e(ErrorKind::DeviceBusy, "x"), e(ErrorKind::PermissionDenied, "x")] {
            assert!(c.fix().text.len() > 40);
        }
        assert!(e(ErrorKind::PermissionDenied, "x").fix().text.contains("Privacy & Security"));
    }
}
