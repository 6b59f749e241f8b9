//! `ltsctl serve --metrics-listen ADDR`: `GET /metrics` in the Prometheus text format (version 0.0.4,
//! which `promtool check metrics` and every Prometheus read) on a listener of its own, off by default and
//! never on the device port: the figures name licenses, items and handshake codes, which device clients
//! have no business reading, and a firewall or a loopback address can keep the port to the monitoring
//! host. It has no authentication (as Prometheus exporters go): bind it to loopback or a private address.
//!
//! The counters and histograms are [`crate::metrics`]'s; the per-item gauges come from the store through
//! [`items`], cached for a few seconds. [`track`] is the middleware of the main router that times each
//! request by its route template.

mod items;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::prometheus_text;
use prometheus_client::registry::Registry;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::store::Store;

/// What `/metrics` encodes: the process's counters and the per-item collector over the cache.
struct Exporter {
    registry: Registry,
    items: items::ItemCache,
}

/// Binds the metrics listener (before the server says it listens, so a bad address stops `serve`).
pub(super) fn bind(addr: SocketAddr) -> Result<std::net::TcpListener> {
    let listener = std::net::TcpListener::bind(addr).map_err(|e| {
        Error::usage(format!("cannot listen for metrics on {addr}: {e}")).with_hint(
            "choose another address with --metrics-listen (or metrics_listen in the config file); \
             it must differ from --listen, and 127.0.0.1:0 takes any free port",
        )
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::internal(format!("metrics listener: {e}")))?;
    Ok(listener)
}

/// The router of the metrics listener: `GET /metrics`, and 404 for anything else.
pub(super) fn router(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Router {
    let items = items::ItemCache::new(store, clock);
    let mut registry = Registry::default();
    crate::metrics::register(&mut registry);
    registry.register_collector(Box::new(items.collector()));
    let exporter = Arc::new(Exporter { registry, items });
    Router::new()
        .route("/metrics", get(scrape))
        .fallback(|| async { (StatusCode::NOT_FOUND, "this listener serves GET /metrics only\n") })
        .with_state(exporter)
}

async fn scrape(State(exporter): State<Arc<Exporter>>) -> Response {
    exporter.items.refresh().await;
    let mut text = String::new();
    if let Err(e) = prometheus_text::encode(&mut text, &exporter.registry) {
        tracing::error!("metrics: cannot encode: {e}");
        return (StatusCode::INTERNAL_SERVER_ERROR, "cannot encode the metrics\n").into_response();
    }
    ([(header::CONTENT_TYPE, prometheus_text::CONTENT_TYPE)], text).into_response()
}

/// Times every request of the main router by its route template (`unmatched` when no route took it, so
/// a scan of made-up paths adds one series, not one per path).
pub(super) async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = crate::metrics::method_label(request.method());
    let route = request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
    let response = next.run(request).await;
    crate::metrics::request(
        route.unwrap_or_else(|| "unmatched".to_owned()),
        method,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}
