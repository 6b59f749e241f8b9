//! Device API request bodies shared by the figures.

use std::sync::Arc;

use bytes::Bytes;

use crate::load::BodyFn;
use crate::stores::PRODUCT;

pub(crate) fn authorize_body(code: &'static str, uuid: &str, name: &str) -> Bytes {
    Bytes::from(format!(
        r#"{{"handshake":"{code}","uuid":"{uuid}","product":"{PRODUCT}","platform":"desktop","name":"{name}"}}"#
    ))
}

pub(crate) fn new_devices(code: &'static str) -> BodyFn {
    Arc::new(move |conn, _| {
        authorize_body(code, &uuid::Uuid::new_v4().to_string(), &format!("bench-{conn}"))
    })
}
