//! Signal measurements over captured samples (normalised to [-1, 1]): RMS and peak in dBFS,
//! digital silence, clipping and DC offset.

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Levels {
    pub frames: u64,
    sum_sq: f64,
    sum: f64,
    peak: f32,
    zeros: u64,
    clipped: u64,
}

/// |x| at or above this counts as clipped (the top 0.1 % of full scale; 16-bit full scale is 0.99997).
pub const CLIP: f32 = 0.999;

pub fn dbfs(x: f64) -> f64 {
    if x <= 0.0 { f64::NEG_INFINITY } else { 20.0 * x.log10() }
}

impl Levels {
    pub fn add(&mut self, x: f32) {
        self.frames += 1;
        self.sum_sq += f64::from(x) * f64::from(x);
        self.sum += f64::from(x);
        self.peak = self.peak.max(x.abs());
        if x == 0.0 {
            self.zeros += 1;
        }
        if x.abs() >= CLIP {
            self.clipped += 1;
        }
    }

    pub fn rms_dbfs(&self) -> f64 {
        if self.frames == 0 { f64::NEG_INFINITY } else { dbfs((self.sum_sq / self.frames as f64).sqrt()) }
    }

    pub fn peak_dbfs(&self) -> f64 {
        dbfs(f64::from(self.peak))
    }

    /// Every sample exactly zero: nothing at all reaches the stream (muted, or a dead device).
    pub fn digital_silence(&self) -> bool {
        self.frames > 0 && self.zeros == self.frames
    }

    pub fn clipped_fraction(&self) -> f64 {
        if self.frames == 0 { 0.0 } else { self.clipped as f64 / self.frames as f64 }
    }

    pub fn dc_offset(&self) -> f64 {
        if self.frames == 0 { 0.0 } else { self.sum / self.frames as f64 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine(amplitude: f32, n: usize) -> Levels {
        let mut l = Levels::default();
        for i in 0..n {
            l.add(amplitude * (2.0 * std::f32::consts::PI * 440.0 * i as f32 / 24_000.0).sin());
        }
        l
    }

    #[test]
    fn a_sine_reads_3_db_below_its_peak() {
        let l = sine(0.251_188_6, 24_000); // -12 dBFS peak
        assert!((l.peak_dbfs() + 12.0).abs() < 0.05, "{}", l.peak_dbfs());
        assert!((l.rms_dbfs() + 15.01).abs() < 0.05, "{}", l.rms_dbfs());
        assert!(!l.digital_silence());
        assert!(l.dc_offset().abs() < 1e-3);
    }

    #[test]
    fn silence_clipping_and_dc() {
        let mut z = Levels::default();
        (0..100).for_each(|_| z.add(0.0));
        assert!(z.digital_silence());
        assert_eq!(z.rms_dbfs(), f64::NEG_INFINITY);
        let clipped = sine(1.5_f32.min(1.0), 24_000);
        assert!(clipped.clipped_fraction() > 0.001, "{}", clipped.clipped_fraction());
        let mut dc = Levels::default();
        (0..100).for_each(|_| dc.add(0.2));
        assert!((dc.dc_offset() - 0.2).abs() < 1e-6);
    }
}
