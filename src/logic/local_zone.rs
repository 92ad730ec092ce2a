//! The viewer's time zone, as the offset `lens` tells times in (lens itself stays clock- and
//! zone-free).

/// The viewer's UTC offset in minutes east (JavaScript reports minutes *west*); UTC when the
/// browser reports something impossible.
#[must_use]
pub fn minutes_east() -> i32 {
    let west = js_sys::Date::new_0().get_timezone_offset();
    if west.is_finite() && west.abs() <= 14.0 * 60.0 {
        // Bounded above, so the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        let m = -(west.round() as i32);
        m
    } else {
        0
    }
}

/// The viewer's zone for `lens::story`.
#[must_use]
pub fn zone() -> lens::story::Zone {
    lens::story::Zone::minutes_east(minutes_east())
}
