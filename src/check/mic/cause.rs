//! Why the microphone check did not pass, with fixes per operating system.

use crate::check::kind::{CauseKind, Diagnosis, ids};
use crate::report::{Fix, Status};

#[derive(Debug, Clone, PartialEq, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(MicKind), derive(strum::EnumIter, Hash), vis(pub))]
pub enum MicCause {
    #[error("no usable input device: {0}")]
    NoDevice(String),
    #[error("no input device matches {wanted:?} (available: {available})")]
    DeviceNotFound { wanted: String, available: String },
    #[error("the input device is busy: another program holds it ({0})")]
    Busy(String),
    #[error("permission to use the microphone was denied ({0})")]
    PermissionDenied(String),
    #[error("the device offers no capture format the Realtime API can use ({0})")]
    UnsupportedFormat(String),
    #[error("the stream failed during capture: {0}")]
    StreamError(String),
    #[error("the device vanished during capture ({0})")]
    Vanished(String),
    #[error("no samples arrived in {secs:.1} s: the device delivers nothing")]
    NoSamples { secs: f64 },
    #[error("the stream stalled: {got} of the {expected} frames expected for the time ({pct:.0} %)")]
    Stalled { got: u64, expected: u64, pct: f64 },
    #[error(
        "the device delivers frames too fast: {got} for {expected} expected ({pct:.0} %), a clock or format problem"
    )]
    TooFast { got: u64, expected: u64, pct: f64 },
    #[error("digital silence: every sample is zero (muted, wrong device, or a hardware mute switch)")]
    DigitalSilence,
    #[error("the signal is very quiet: RMS {rms:.1} dBFS, under the {floor:.0} dBFS floor")]
    Quiet { rms: f64, floor: f64 },
    #[error("the signal clips: {pct:.2} % of samples at full scale")]
    Clipping { pct: f64 },
    #[error("DC offset of {offset:.3} (of full scale)")]
    DcOffset { offset: f64 },
    #[error("the first samples took {ms:.0} ms to arrive (a slow-starting device, e.g. Bluetooth)")]
    SlowStart { ms: f64 },
}

const PERMISSIONS: &str = "Linux: add yourself to the `audio` group or run inside your desktop session (PipeWire/PulseAudio); \
macOS: System Settings > Privacy & Security > Microphone, allow the terminal app; Windows: Settings > Privacy & security > Microphone, \
allow desktop apps. In a browser, the site's microphone permission is separate.";

ids!(MicKind {
    NoDevice => "no_device",
    DeviceNotFound => "device_not_found",
    Busy => "device_busy",
    PermissionDenied => "permission_denied",
    UnsupportedFormat => "unsupported_format",
    StreamError => "stream_error",
    Vanished => "device_vanished",
    NoSamples => "no_samples",
    Stalled => "stalled",
    TooFast => "too_fast",
    DigitalSilence => "silence",
    Quiet => "quiet",
    Clipping => "clipping",
    DcOffset => "dc_offset",
    SlowStart => "slow_start",
});

/// The kind enum these causes are reported with, for cause tables.
pub const CAUSES: crate::check::kind::Family = crate::check::kind::Family::of::<MicKind, MicCause>();

impl Diagnosis for MicCause {
    fn kind(&self) -> CauseKind {
        CauseKind::of(MicKind::from(self))
    }

    fn status(&self) -> Status {
        match self {
            MicCause::Quiet { .. }
            | MicCause::Clipping { .. }
            | MicCause::DcOffset { .. }
            | MicCause::SlowStart { .. }
            | MicCause::TooFast { .. } => Status::Warn,
            _ => Status::Fail,
        }
    }

    fn fix(&self) -> Fix {
        match self {
            MicCause::NoDevice(_) => Fix::new(
                "Plug in or enable a microphone; on Linux check `arecord -l` and that PipeWire/PulseAudio runs in your session; in CI this check is skipped unless --require-mic.",
            ),
            MicCause::DeviceNotFound { .. } => Fix::new(
                "Pick one of the listed devices with --device (its name, or a substring of its description), or omit --device for the default.",
            ),
            MicCause::Busy(_) => Fix::new(
                "Close the other program using the microphone (a call, a recorder, another tab), or capture through PipeWire/PulseAudio (the `default` or `pulse` device), which shares it.",
            ),
            MicCause::PermissionDenied(_) => Fix::new(PERMISSIONS),
            MicCause::UnsupportedFormat(_) => Fix::new(
                "Use a device or ALSA/PulseAudio route that offers mono or stereo PCM at 24 kHz or 48 kHz (the app resamples to what the Realtime API wants).",
            ),
            MicCause::StreamError(_) | MicCause::Vanished(_) => Fix::new(
                "Check the device's connection (USB/Bluetooth) and power saving; a headset that switches profiles drops the capture stream.",
            ),
            MicCause::NoSamples { .. } | MicCause::Stalled { .. } => Fix::new(
                "The device stops delivering audio: check its cable or Bluetooth link, power management (autosuspend), and the sound server's logs.",
            ),
            MicCause::TooFast { .. } => {
                Fix::new("The device's clock or sample format is wrong: choose another capture format or device.")
            }
            MicCause::DigitalSilence => Fix::new(
                "Unmute the microphone (OS mixer, `alsamixer` capture switch, the headset's mute button), or pick the right device with --device.",
            ),
            MicCause::Quiet { .. } => Fix::new(
                "Raise the capture gain (OS input volume, `alsamixer`), move closer, or speak during the capture window (--seconds).",
            ),
            MicCause::Clipping { .. } => {
                Fix::new("Lower the capture gain: clipped speech hurts transcription and voice activity detection.")
            }
            MicCause::DcOffset { .. } => Fix::new(
                "A DC offset points to a faulty or misconfigured device; try another input or enable the OS's input filtering.",
            ),
            MicCause::SlowStart { .. } => Fix::new(
                "Open the microphone early and wait for its first audio before starting the session: Bluetooth headsets commonly need 300 ms or more to switch to their microphone profile.",
            ),
        }
    }
}

impl crate::check::kind::Examples for MicCause {
    fn examples() -> Vec<MicCause> {
        let m = || "hw:1: detail".to_owned();
        vec![
            MicCause::NoDevice(m()),
            MicCause::DeviceNotFound { wanted: "usb".into(), available: "default".into() },
            MicCause::Busy(m()),
            MicCause::PermissionDenied(m()),
            MicCause::UnsupportedFormat(m()),
            MicCause::StreamError(m()),
            MicCause::Vanished(m()),
            MicCause::NoSamples { secs: 1.5 },
            MicCause::Stalled { got: 100, expected: 36_000, pct: 0.3 },
            MicCause::TooFast { got: 72_000, expected: 36_000, pct: 200.0 },
            MicCause::DigitalSilence,
            MicCause::Quiet { rms: -70.0, floor: -60.0 },
            MicCause::Clipping { pct: 2.5 },
            MicCause::DcOffset { offset: 0.2 },
            MicCause::SlowStart { ms: 600.0 },
        ]
    }
}
