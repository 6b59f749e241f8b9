//! A bar chart as SVG, drawn on the server: one bar per day, sized by attributes (no inline style, so the
//! page's CSP needs no `unsafe-inline`) and coloured by the stylesheet; each bar has a `<title>` with its
//! day and value, and the page repeats the numbers in a table.

use maud::{Markup, html};

/// The drawing's coordinate space (the stylesheet scales it to the page's width).
const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 180.0;
/// Room for the axis labels.
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 20.0;
const TOP: f64 = 8.0;

/// A "nice" top for the y axis: the smallest 1, 2 or 5 times a power of ten at or above `max`.
fn nice_top(max: u64) -> u64 {
    if max == 0 {
        return 1;
    }
    let mut step = 1u64;
    loop {
        for m in [1, 2, 5] {
            if let Some(top) = step.checked_mul(m)
                && top >= max
            {
                return top;
            }
        }
        match step.checked_mul(10) {
            Some(s) => step = s,
            None => return max,
        }
    }
}

/// Bars for `(label, value)` points, left to right; `what` names the value (for the titles and the
/// chart's accessible name).
pub fn bars(what: &str, points: &[(String, u64)]) -> Markup {
    let top = nice_top(points.iter().map(|p| p.1).max().unwrap_or(0));
    let plot_w = WIDTH - LEFT;
    let plot_h = HEIGHT - BOTTOM - TOP;
    let slot = plot_w / points.len().max(1) as f64;
    let gap = (slot * 0.15).min(4.0);
    let first = points.first().map(|p| p.0.as_str()).unwrap_or("");
    let last = points.last().map(|p| p.0.as_str()).unwrap_or("");
    html! {
        svg.chart viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) role="img"
            aria-label=(format!("{what} per day, {first} to {last}")) {
            line.axis x1=(LEFT) y1=(TOP) x2=(LEFT) y2=(HEIGHT - BOTTOM) {}
            line.axis x1=(LEFT) y1=(HEIGHT - BOTTOM) x2=(WIDTH) y2=(HEIGHT - BOTTOM) {}
            line.grid x1=(LEFT) y1=(TOP) x2=(WIDTH) y2=(TOP) {}
            text.label x=(LEFT - 4.0) y=(TOP + 4.0) text-anchor="end" { (top) }
            text.label x=(LEFT - 4.0) y=(HEIGHT - BOTTOM) text-anchor="end" { "0" }
            @for (i, (label, value)) in points.iter().enumerate() {
                @let h = plot_h * (*value as f64) / (top as f64);
                rect.value x=(format!("{:.2}", LEFT + i as f64 * slot + gap / 2.0))
                    y=(format!("{:.2}", HEIGHT - BOTTOM - h))
                    width=(format!("{:.2}", (slot - gap).max(0.5)))
                    height=(format!("{h:.2}")) {
                    title { (label) ": " (value) " " (what) }
                }
            }
            text.label x=(LEFT) y=(HEIGHT - 4.0) { (first) }
            text.label x=(WIDTH) y=(HEIGHT - 4.0) text-anchor="end" { (last) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_top_is_a_round_number_at_or_above_the_largest_value() {
        let tops: Vec<_> =
            [0, 1, 3, 7, 10, 11, 99, 101, u64::MAX].iter().map(|m| nice_top(*m)).collect();
        assert_eq!(tops, [1, 1, 5, 10, 10, 20, 100, 200, u64::MAX]);
    }

    #[test]
    fn one_bar_per_point_scaled_to_the_top_with_escaped_labels() {
        let points = vec![("d1".to_string(), 5), ("<d2>".to_string(), 10)];
        let svg = bars("scans", &points).into_string();
        assert_eq!(svg.matches("<rect").count(), 2, "{svg}");
        // The top is 10: the second bar fills the plot's height (180 - 20 - 8).
        assert!(svg.contains(r#"height="152.00""#), "{svg}");
        assert!(svg.contains(r#"height="76.00""#), "{svg}");
        assert!(svg.contains("&lt;d2&gt;: 10 scans") && !svg.contains("<d2>"), "{svg}");
    }
}
