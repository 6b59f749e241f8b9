//! The device API's request bodies from arbitrary bytes, as the server deserializes them: no panic, and
//! whatever deserializes serializes back to the same request.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ltsctl::service::types::{AuthorizeRequest, UsageRequest};

fuzz_target!(|data: &[u8]| {
    if let Ok(req) = serde_json::from_slice::<AuthorizeRequest>(data) {
        let json = serde_json::to_vec(&req).expect("serialize");
        let again: AuthorizeRequest = serde_json::from_slice(&json).expect("round trip");
        assert_eq!(again, req);
    }
    if let Ok(req) = serde_json::from_slice::<UsageRequest>(data) {
        let json = serde_json::to_vec(&req).expect("serialize");
        let again: UsageRequest = serde_json::from_slice(&json).expect("round trip");
        assert_eq!(again, req);
    }
});
