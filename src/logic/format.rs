//! Small formatting helpers for what the panels show.

/// Milliseconds as a human duration: `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`.
#[must_use]
pub fn duration_ms(ms: i64) -> String {
    let sign = if ms < 0 { "−" } else { "" };
    let ms = ms.unsigned_abs();
    let body = if ms < 1_000 {
        format!("{ms} ms")
    } else if ms < 60_000 {
        // One decimal is enough to tell 12.3 s from 12.8 s.
        let tenths = (ms + 50) / 100;
        format!("{}.{} s", tenths / 10, tenths % 10)
    } else if ms < 3_600_000 {
        let s = (ms + 500) / 1_000;
        format!("{} min {:02} s", s / 60, s % 60)
    } else {
        let m = (ms + 30_000) / 60_000;
        format!("{} h {:02} min", m / 60, m % 60)
    };
    format!("{sign}{body}")
}

/// A request time as measured in the browser (`performance.now()` differences).
#[must_use]
pub fn elapsed(ms: f64) -> String {
    if !ms.is_finite() || ms < 0.0 {
        return "—".to_owned();
    }
    if ms < 1_000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", ms / 1_000.0)
    }
}

/// Byte counts for body sizes.
#[must_use]
pub fn bytes(n: usize) -> String {
    if n < 1_024 {
        format!("{n} B")
    } else if n < 1_024 * 1_024 {
        #[allow(clippy::cast_precision_loss)] // display only
        let kib = n as f64 / 1_024.0;
        format!("{kib:.1} KiB")
    } else {
        #[allow(clippy::cast_precision_loss)]
        let mib = n as f64 / (1_024.0 * 1_024.0);
        format!("{mib:.1} MiB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_ms(0), "0 ms");
        assert_eq!(duration_ms(850), "850 ms");
        assert_eq!(duration_ms(12_340), "12.3 s");
        assert_eq!(duration_ms(245_000), "4 min 05 s");
        assert_eq!(duration_ms(7_380_000), "2 h 03 min");
        assert_eq!(duration_ms(-1_500), "−1.5 s");
        assert_eq!(duration_ms(i64::MIN).chars().next(), Some('−'));
    }

    #[test]
    fn elapsed_and_bytes() {
        assert_eq!(elapsed(12.4), "12 ms");
        assert_eq!(elapsed(1_234.0), "1.23 s");
        assert_eq!(elapsed(f64::NAN), "—");
        assert_eq!(bytes(10), "10 B");
        assert_eq!(bytes(2_048), "2.0 KiB");
    }
}
