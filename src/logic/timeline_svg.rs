//! The timeline's lanes as SVG markup text. A 2,000-segment conversation draws thousands of
//! bars; building each as a DOM node from wasm costs a dozen JS calls per bar, while one
//! string per lane (set as the `<svg>`'s `innerHTML`) is parsed by the browser in one go.
//! The markup is the same the view used to build node by node: `rect.tl-bar` with `data-bar`,
//! roving `tabindex`, `role="img"` and `aria-label`.

use std::fmt::Write as _;

use lens::timeline::{self, Layer, Span, Window};

use super::markup::escape;

/// Width of the SVG coordinate system; the SVG scales to the container.
pub const W: f64 = 1000.0;
pub const LANE_H: f64 = 45.0;
pub const ROW_H: f64 = 13.0;
/// Top of each row: real-time timestamps, real-time `segments[]`, analytics segments.
pub const ROW_Y: [f64; 3] = [1.5, 16.0, 30.5];

/// One drawn bar's details (`aria-label` text) and JSON path, indexed by its `data-bar`.
pub type BarDetail = (String, String);

/// The inside of one lane's `<svg>`: the row separator, the bars of the three rows (each
/// recorded in `bars` under its `data-bar` index) and, when inside the window, the now line.
#[must_use]
pub fn lane(
    rows: [&[Span]; 3],
    window: &Window,
    now_x: Option<f64>,
    bars: &mut Vec<BarDetail>,
) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<line class="tl-row-sep" x1="0" x2="{W}" y1="29.5" y2="29.5" vector-effect="non-scaling-stroke"></line>"#
    );
    for (spans, y) in rows.into_iter().zip(ROW_Y) {
        for s in timeline::visible(spans, window) {
            let Some(r) = timeline::rect(s, window, W) else {
                continue;
            };
            let i = bars.len();
            let label = format!("{}: {}", layer_name(s.layer), s.detail);
            // No `<title>` as well: the chart shows the details beside the bar on hover and
            // focus, and a title per bar would double the elements of a 2,000-segment chart.
            let _ = write!(
                out,
                r#"<rect class="tl-bar {}{}" x="{:.2}" width="{:.2}" y="{y}" height="{ROW_H}" tabindex="{}" data-bar="{i}" role="img" aria-label="{}"></rect>"#,
                escape(&timeline::css_class(s.layer, &s.kind)),
                if s.open { " tl-open" } else { "" },
                r.x,
                r.width,
                if i == 0 { "0" } else { "-1" },
                escape(&label),
            );
            bars.push((label, s.path.clone()));
        }
    }
    if let Some(x) = now_x {
        let _ = write!(
            out,
            r#"<line class="tl-now" x1="{x}" x2="{x}" y1="0" y2="{LANE_H}" vector-effect="non-scaling-stroke"></line>"#
        );
    }
    out
}

fn layer_name(layer: Layer) -> &'static str {
    match layer {
        Layer::Realtime => "Conversations API (timestamps)",
        Layer::RealtimeSegment => "Conversations API (segments[])",
        Layer::Analytics => "Analytics API",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(kind: &str, start_ms: i64, end_ms: i64, detail: &str) -> Span {
        Span {
            layer: Layer::Analytics,
            kind: kind.to_owned(),
            start_ms,
            end_ms,
            open: false,
            detail: detail.to_owned(),
            path: format!("participants[0].sessions[0].segments[{start_ms}]"),
        }
    }

    #[test]
    fn bars_carry_index_label_and_roving_tab_stop() {
        let w = Window {
            start_ms: 0.0,
            end_ms: 1000.0,
        };
        let spans = [
            span("interact", 0, 500, "talk <Omar & \"Chris\">"),
            span("hold", 500, 1000, "held"),
        ];
        let mut bars = Vec::new();
        let svg = lane([&[], &[], &spans], &w, Some(250.0), &mut bars);
        assert_eq!(bars.len(), 2);
        assert_eq!(bars[0].0, "Analytics API: talk <Omar & \"Chris\">");
        assert_eq!(bars[1].1, "participants[0].sessions[0].segments[500]");
        assert!(svg.contains(
            r#"x="0.00" width="500.00" y="30.5" height="13" tabindex="0" data-bar="0" role="img""#
        ));
        assert!(svg.contains(r#"tabindex="-1" data-bar="1""#));
        assert!(svg.contains(
            r#"aria-label="Analytics API: talk &lt;Omar &amp; &quot;Chris&quot;&gt;"></rect>"#
        ));
        assert!(!svg.contains("<title>"));
        assert!(svg.contains(r#"<line class="tl-now" x1="250" x2="250" y1="0" y2="45""#));
        assert!(svg.starts_with(r#"<line class="tl-row-sep" x1="0" x2="1000""#));
    }

    #[test]
    fn bars_outside_the_window_are_left_out() {
        let w = Window {
            start_ms: 2000.0,
            end_ms: 3000.0,
        };
        let mut bars = Vec::new();
        let svg = lane(
            [&[span("hold", 0, 500, "early")], &[], &[]],
            &w,
            None,
            &mut bars,
        );
        assert!(bars.is_empty());
        assert!(!svg.contains("<rect"));
        assert!(!svg.contains("tl-now"));
    }
}
