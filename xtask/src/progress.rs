//! Progress lines (`[setup] trunk 0.21.14 ... ok (cached)`) and durations.

use std::io::Write;
use std::time::Duration;

/// Print `[tag] what ... ` without a newline, so the outcome can follow on the same line.
pub fn begin(tag: &str, what: &str) {
    print!("[{tag}] {what} ... ");
    let _ = std::io::stdout().flush();
}

/// Finish a line started by [`begin`].
pub fn end(outcome: &str) {
    println!("{outcome}");
}

/// A whole progress line.
pub fn line(tag: &str, what: &str) {
    println!("[{tag}] {what}");
}

/// `1m05s`, `12.3s`: short and stable for summaries.
pub fn fmt_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs >= 60.0 {
        let whole = d.as_secs();
        format!("{}m{:02}s", whole / 60, whole % 60)
    } else {
        format!("{secs:.1}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(fmt_duration(Duration::from_millis(1234)), "1.2s");
        assert_eq!(fmt_duration(Duration::from_secs(65)), "1m05s");
        assert_eq!(fmt_duration(Duration::from_secs(600)), "10m00s");
    }
}
