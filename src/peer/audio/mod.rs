//! Voice on the call's audio track: Opus (RFC 6716) in 20 ms frames at 48 kHz, carried in RTP as
//! RFC 7587 says (one frame a packet, the timestamp in 48 kHz units whatever the channel count),
//! the built-in utterances, and what a frame of samples says (its level, whether it holds a voice).
//!
//! The utterances are speech made by `scripts/make-utterance` (espeak-ng and sox): 48 kHz mono
//! 16-bit little-endian PCM, trimmed of silence. Speech, not a tone: Opus DTX and a server's voice
//! activity detection treat a tone or silence differently from a voice.

use bytes::Bytes;

/// Samples a second (Opus's full band, and its RTP clock: RFC 7587 §4.1).
pub const RATE: u32 = 48_000;
/// Samples in one 20 ms frame, the ptime WebRTC voice uses.
pub const FRAME: usize = 960;
/// A frame's duration.
pub const FRAME_TIME: std::time::Duration = std::time::Duration::from_millis(20);
/// The largest Opus packet (RFC 6716 §3.4: 1275 bytes a frame).
const MAX_PACKET: usize = 1275;
/// Below this level a frame is silence, above it may be a voice: -50 dBFS is well under speech at
/// a speaking level (-30 to -10 dBFS) and above the noise of a quiet line or of Opus's comfort noise.
pub const SPEECH_DBFS: f64 = -50.0;

/// What the voice check says: "Hello, can you hear me?", about 1.5 s.
pub fn utterance() -> Vec<i16> {
    pcm(include_bytes!("utterance.pcm"))
}

/// What the fake API answers with: "Yes, I can hear you.", about 1.4 s.
pub fn reply() -> Vec<i16> {
    pcm(include_bytes!("reply.pcm"))
}

fn pcm(bytes: &[u8]) -> Vec<i16> {
    bytes.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect()
}

/// The 20 ms frames of `samples`, the last one padded with silence.
pub fn frames(samples: &[i16]) -> Vec<[i16; FRAME]> {
    samples
        .chunks(FRAME)
        .map(|c| {
            let mut f = [0i16; FRAME];
            f[..c.len()].copy_from_slice(c);
            f
        })
        .collect()
}

/// The RMS level of `samples` in dBFS (a full-scale square wave is 0; digital silence -inf).
pub fn dbfs(samples: &[i16]) -> f64 {
    if samples.is_empty() {
        return f64::NEG_INFINITY;
    }
    let sum: f64 = samples.iter().map(|&s| f64::from(s) * f64::from(s)).sum();
    let rms = (sum / samples.len() as f64).sqrt();
    20.0 * (rms / f64::from(i16::MAX)).log10()
}

/// Opus voice encoder for one direction of a call: mono, 48 kHz, 20 ms frames, the VoIP
/// application (speech-tuned), as browsers send voice.
pub struct Encoder(opus::Encoder);

impl Encoder {
    pub fn new() -> Result<Encoder, String> {
        opus::Encoder::new(RATE, opus::Channels::Mono, opus::Application::Voip)
            .map(Encoder)
            .map_err(|e| format!("Opus encoder: {e}"))
    }

    /// One frame, encoded: one RTP payload.
    pub fn encode(&mut self, frame: &[i16; FRAME]) -> Result<Bytes, String> {
        let mut out = vec![0u8; MAX_PACKET];
        let n = self.0.encode(frame, &mut out).map_err(|e| format!("Opus encode: {e}"))?;
        out.truncate(n);
        Ok(Bytes::from(out))
    }
}

/// Opus decoder for the other side's audio, to mono 48 kHz.
pub struct Decoder(opus::Decoder);

impl Decoder {
    pub fn new() -> Result<Decoder, String> {
        opus::Decoder::new(RATE, opus::Channels::Mono).map(Decoder).map_err(|e| format!("Opus decoder: {e}"))
    }

    /// One RTP payload, decoded (a packet that is not Opus decodes to nothing).
    pub fn decode(&mut self, payload: &[u8]) -> Vec<i16> {
        // Up to 120 ms in one packet (RFC 6716 §3.2.5).
        let mut out = vec![0i16; FRAME * 6];
        match self.0.decode(payload, &mut out, false) {
            Ok(n) => {
                out.truncate(n);
                out
            }
            Err(_) => Vec::new(),
        }
    }
}

/// The send encoding of an Opus voice track: one stream with its own SSRC (the crate refuses a
/// sending track without one).
pub fn opus_encoding() -> rtc::rtp_transceiver::rtp_sender::RTCRtpEncodingParameters {
    use rtc::rtp_transceiver::rtp_sender::{RTCRtpCodec, RTCRtpCodingParameters, RTCRtpEncodingParameters};
    RTCRtpEncodingParameters {
        rtp_coding_parameters: RTCRtpCodingParameters { ssrc: Some(fastrand::u32(..)), ..Default::default() },
        active: true,
        codec: RTCRtpCodec { mime_type: "audio/opus".into(), clock_rate: RATE, channels: 2, ..Default::default() },
        ..Default::default()
    }
}

/// The RTP stream one side sends: its SSRC, payload type, sequence and timestamp (RFC 3550 §5.1),
/// one Opus frame a packet.
#[derive(Debug, Clone)]
pub struct RtpStream {
    pub ssrc: u32,
    pub payload_type: u8,
    sequence: u16,
    timestamp: u32,
    /// The next packet starts a talk spurt (RFC 3551 §4.1: the marker bit).
    talkspurt: bool,
}

impl RtpStream {
    /// Random initial sequence number and timestamp, as RFC 3550 §5.1 asks.
    pub fn new(ssrc: u32, payload_type: u8) -> RtpStream {
        RtpStream { ssrc, payload_type, sequence: fastrand::u16(..), timestamp: fastrand::u32(..), talkspurt: true }
    }

    /// The packet for the next 20 ms frame.
    pub fn packet(&mut self, payload: Bytes) -> rtc::rtp::Packet {
        let header = rtc::rtp::Header {
            version: 2,
            marker: std::mem::take(&mut self.talkspurt),
            payload_type: self.payload_type,
            sequence_number: self.sequence,
            timestamp: self.timestamp,
            ssrc: self.ssrc,
            ..Default::default()
        };
        self.sequence = self.sequence.wrapping_add(1);
        self.timestamp = self.timestamp.wrapping_add(FRAME as u32);
        rtc::rtp::Packet { header, payload }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_utterances_are_speech_of_a_second_and_a_half() {
        for (name, pcm) in [("utterance", utterance()), ("reply", reply())] {
            let secs = pcm.len() as f64 / f64::from(RATE);
            assert!((1.0..2.5).contains(&secs), "{name}: {secs} s");
            let level = dbfs(&pcm);
            assert!((-30.0..-5.0).contains(&level), "{name}: {level} dBFS");
            let voiced = frames(&pcm).iter().filter(|f| dbfs(&f[..]) > SPEECH_DBFS).count();
            assert!(voiced * 2 > frames(&pcm).len(), "{name}: {voiced} voiced frames");
        }
    }

    #[test]
    fn opus_round_trips_a_voice() {
        let (mut enc, mut dec) = (Encoder::new().unwrap(), Decoder::new().unwrap());
        let pcm = utterance();
        let mut out = Vec::new();
        for f in frames(&pcm) {
            let payload = enc.encode(&f).unwrap();
            assert!(!payload.is_empty() && payload.len() < 400, "{}", payload.len());
            out.extend(dec.decode(&payload));
        }
        assert_eq!(out.len(), frames(&pcm).len() * FRAME);
        // Lossy, but the level survives within a few dB.
        assert!((dbfs(&out) - dbfs(&pcm)).abs() < 3.0, "{} vs {}", dbfs(&out), dbfs(&pcm));
        assert!(dec.decode(b"not opus at all, not at all").len() <= FRAME * 6);
    }

    #[test]
    fn rtp_advances_one_frame_a_packet() {
        let mut s = RtpStream::new(7, 111);
        let a = s.packet(Bytes::from_static(b"x"));
        let b = s.packet(Bytes::from_static(b"y"));
        assert!(a.header.marker && !b.header.marker);
        assert_eq!(b.header.sequence_number, a.header.sequence_number.wrapping_add(1));
        assert_eq!(b.header.timestamp, a.header.timestamp.wrapping_add(960));
        assert_eq!((b.header.ssrc, b.header.payload_type), (7, 111));
        assert_eq!(dbfs(&[0; 10]), f64::NEG_INFINITY);
        assert!((dbfs(&[i16::MAX; 10])).abs() < 0.01);
    }
}
