//! Domain bindings and observed hosts on arbitrary text (`BINDING\nHOST`): canonical forms are stable,
//! a binding admits its own host, and matching never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ltsctl::domain::hosts::{BindingKind, DomainBinding, NormalizedHost, admitted};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (binding_text, host_text) = s.split_once('\n').unwrap_or((s, s));
    let binding = DomainBinding::parse(binding_text).ok();
    let host = NormalizedHost::from_origin_or_host(host_text).ok();
    if let Some(b) = &binding {
        let again = DomainBinding::parse(b.as_str())
            .unwrap_or_else(|e| panic!("canonical binding {:?} does not parse: {e}", b.as_str()));
        assert_eq!(&again, b, "binding canonical form is not stable");
        if b.kind() != BindingKind::Subdomains
            && let Ok(own) = NormalizedHost::from_origin_or_host(b.as_str())
        {
            assert!(
                b.admits(&own),
                "{:?} does not admit its own host {:?}",
                b.as_str(),
                own.as_str()
            );
        }
        if b.kind() != BindingKind::ExactHost {
            let base = b.as_str().trim_start_matches("*.");
            if let Ok(sub) = NormalizedHost::from_origin_or_host(&format!("sub.{base}")) {
                assert!(b.admits(&sub), "{:?} does not admit {:?}", b.as_str(), sub.as_str());
            }
        }
    }
    if let Some(h) = &host {
        let again = NormalizedHost::from_origin_or_host(h.as_str())
            .unwrap_or_else(|e| panic!("normalized host {:?} does not parse: {e}", h.as_str()));
        assert_eq!(&again, h, "host canonical form is not stable");
        if let Some(b) = &binding {
            let _ = b.admits(h);
            assert_eq!(admitted(std::slice::from_ref(b), Some(h)), b.admits(h));
        }
        assert!(admitted(&[], Some(h)), "no bindings admit every host");
    }
});
