//! The settings a running server changes on SIGHUP without dropping a connection (the rate limit, the
//! trusted proxies, the access log), and the outermost middleware that reads them once per request: it
//! works out the client's address ([`client_addr`](super::client_addr)), gives it to the rest of the
//! request (the rate limit, the audit log) as a [`ClientAddr`] extension, runs the request in a span
//! naming it (so every log line of the request says who sent it), and writes the access log line.
//!
//! Each request reads one snapshot ([`Current`]) through an [`ArcSwap`]: no lock on the hot path, and a
//! reload in the middle of a request does not mix old and new settings.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Instant;

use arc_swap::ArcSwap;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use super::client_addr::{ForwardedHeader, TrustedProxies, client_addr};
use super::device::RateLimit;

/// What SIGHUP can change. Everything else (listen address, store, TLS file paths, log format) needs a
/// restart; the TLS certificate and key are re-read from the same paths on SIGHUP too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LiveSettings {
    /// Device requests per second per client address (bursts of twice that); `None` disables the limit.
    pub rate_limit: Option<NonZeroU32>,
    /// Proxies whose `forwarded_header` is believed.
    pub trusted_proxies: TrustedProxies,
    pub forwarded_header: ForwardedHeader,
    /// One log line per request (client, method, path, status, duration).
    pub access_log: bool,
}

/// The client's address as [`client_addr`] found it: the TCP peer, or what a trusted proxy said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// The settings in force, and the limiter built for their rate limit.
pub(super) struct Current {
    pub settings: LiveSettings,
    pub limiter: Option<Arc<RateLimit>>,
}

pub struct Live {
    current: ArcSwap<Current>,
}

impl Live {
    pub(super) fn new(settings: LiveSettings) -> Arc<Self> {
        let limiter = settings.rate_limit.map(RateLimit::new);
        Arc::new(Live { current: ArcSwap::from_pointee(Current { settings, limiter }) })
    }

    pub(super) fn load(&self) -> Arc<Current> {
        self.current.load_full()
    }

    /// Puts `new` in force for the next requests and describes what changed (empty: nothing). The
    /// limiter is kept when the rate stays, so a reload does not hand every client a fresh burst.
    pub(super) fn apply(&self, new: LiveSettings) -> Vec<String> {
        let old = self.load();
        let mut changes = Vec::new();
        let limiter = if old.settings.rate_limit == new.rate_limit {
            old.limiter.clone()
        } else {
            changes.push(format!(
                "rate_limit {} -> {}",
                rate_text(old.settings.rate_limit),
                rate_text(new.rate_limit)
            ));
            new.rate_limit.map(RateLimit::new)
        };
        if old.settings.trusted_proxies != new.trusted_proxies {
            changes.push(format!(
                "trusted_proxies [{}] -> [{}]",
                nets_text(&old.settings.trusted_proxies),
                nets_text(&new.trusted_proxies)
            ));
        }
        if old.settings.forwarded_header != new.forwarded_header {
            changes.push(format!(
                "forwarded_header {} -> {}",
                old.settings.forwarded_header.as_str(),
                new.forwarded_header.as_str()
            ));
        }
        if old.settings.access_log != new.access_log {
            changes.push(format!("access_log {} -> {}", old.settings.access_log, new.access_log));
        }
        self.current.store(Arc::new(Current { settings: new, limiter }));
        changes
    }
}

fn rate_text(r: Option<NonZeroU32>) -> String {
    r.map_or_else(|| "off".to_string(), |n| format!("{n}/s"))
}

fn nets_text(t: &TrustedProxies) -> String {
    t.nets().iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// The outermost middleware: client address, request span, access log. A request without connection
/// info (a router served without `into_make_service_with_connect_info`) gets no [`ClientAddr`], which
/// the rate limit refuses.
pub(super) async fn middleware(
    State(live): State<Arc<Live>>,
    mut request: Request,
    next: Next,
) -> Response {
    let current = live.load();
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let Some(peer) = peer else {
        request.extensions_mut().insert(current);
        return next.run(request).await;
    };
    let settings = &current.settings;
    let client =
        client_addr(peer, request.headers(), &settings.trusted_proxies, settings.forwarded_header);
    let access_log = settings.access_log;
    request.extensions_mut().insert(ClientAddr(client));
    request.extensions_mut().insert(current);
    // Taken only for the access log: nothing is copied per request while it is off.
    let logged = access_log.then(|| (request.method().clone(), request.uri().path().to_string()));
    let span = tracing::info_span!("request", client = %client);
    let started = Instant::now();
    let response = next.run(request).instrument(span).await;
    if let Some((method, path)) = logged {
        tracing::info!(
            target: "ltsctl::access",
            client = %client,
            peer = %peer,
            method = %method,
            path = %path,
            status = response.status().as_u16(),
            ms = started.elapsed().as_millis() as u64,
            "request"
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reload_reports_what_changed_and_keeps_the_limiter_when_the_rate_stays() {
        let live =
            Live::new(LiveSettings { rate_limit: NonZeroU32::new(5), ..LiveSettings::default() });
        let before = live.load().limiter.clone().unwrap();
        let same = LiveSettings { rate_limit: NonZeroU32::new(5), ..LiveSettings::default() };
        assert!(live.apply(same.clone()).is_empty());
        assert!(Arc::ptr_eq(&before, live.load().limiter.as_ref().unwrap()));
        let changed = LiveSettings {
            rate_limit: None,
            trusted_proxies: TrustedProxies::new(vec!["127.0.0.1/32".parse().unwrap()]),
            forwarded_header: ForwardedHeader::Forwarded,
            access_log: true,
        };
        let changes = live.apply(changed);
        assert_eq!(
            changes,
            [
                "rate_limit 5/s -> off",
                "trusted_proxies [] -> [127.0.0.1/32]",
                "forwarded_header x-forwarded-for -> forwarded",
                "access_log false -> true",
            ]
        );
        assert!(live.load().limiter.is_none());
    }
}
