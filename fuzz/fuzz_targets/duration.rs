//! `parse_duration` / `parse_bounded` on arbitrary text; every accepted duration is printed by
//! `format_duration` in a form that reads back exactly, and `humanize` never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ltsctl::domain::duration::{
    MAX_BOUNDED, MIN_BOUNDED, format_duration, humanize, parse_bounded, parse_duration,
};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = parse_duration(s) {
        assert!(!d.is_zero() && d.subsec_nanos() == 0, "{s:?} -> {d:?}");
        let text = format_duration(d);
        assert_eq!(parse_duration(&text), Ok(d), "{s:?} -> {d:?} -> {text:?}");
        let _ = humanize(d);
    }
    match parse_bounded(s, "value") {
        Ok(d) => {
            assert!((MIN_BOUNDED..=MAX_BOUNDED).contains(&d), "{s:?} -> {d:?}");
            assert_eq!(parse_bounded(&format_duration(d), "value"), Ok(d));
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
