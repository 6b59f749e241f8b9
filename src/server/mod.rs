//! `ltsctl serve`: the License Tracking Server. axum for HTTP, rustls for TLS, the sweeper in the same
//! process. Every route and body is documented in the OpenAPI document at `/v1/openapi.json`.

pub mod admin;
mod alerts;
pub mod client_addr;
pub mod dev;
mod device;
pub mod live;
mod metrics;
mod openapi;
mod reload;
mod router;
mod silent;
mod sweeper;
mod ui;

pub use alerts::AlertsConfig;
pub use live::{ClientAddr, LiveSettings};
pub use reload::Reloader;
pub(crate) use router::ADMIN_BODY_LIMIT;
pub use router::router;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::service::DeviceService;
use crate::store::Store;

/// A client must send its request headers within this time (slowloris defence), counted from the accepted
/// connection (or the end of the TLS handshake) for the first request, and from the previous response on a
/// kept-alive connection: one that sends nothing is closed after this time too (see [`silent`]).
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// In-flight requests get this long to finish on SIGINT/SIGTERM.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub listen: SocketAddr,
    pub tls: Option<TlsFiles>,
    /// The settings SIGHUP can change, as they are at start.
    pub live: LiveSettings,
    /// On SIGHUP (Unix), re-read the TLS certificate and key, and the live settings from `reload`. Off
    /// for servers embedded in other programs and tests, whose process may use the signal otherwise.
    pub reload_on_sighup: bool,
    /// Where SIGHUP gets the new live settings (the config file, with the command line over it); `None`
    /// keeps them.
    pub reload: Option<Reloader>,
    /// Run the sweeper in this process.
    pub sweeper: bool,
    /// Run the alert tasks (evaluation, deliveries) in this process; `None`: not here.
    pub alerts: Option<AlertsConfig>,
    /// Serve `GET /metrics` on this address (a listener of its own); `None`: no metrics listener, and
    /// requests are not timed.
    pub metrics_listen: Option<SocketAddr>,
    /// Mount the benchmark baselines (`/v1/bench/null-authorize`, `/v1/bench/null-usage`).
    pub bench_null_routes: bool,
}

#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// Where a started server listens, for its caller to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listening {
    /// The device and admin API (the real port when 0 was asked for).
    pub addr: SocketAddr,
    pub https: bool,
    /// The metrics listener's address, when there is one (plain HTTP, `GET /metrics`).
    pub metrics: Option<SocketAddr>,
}

pub struct AppState {
    pub devices: DeviceService,
    /// The settings in force (changed by SIGHUP).
    pub live: Arc<live::Live>,
    /// Time every request for `/metrics` (only when a metrics listener runs).
    pub metrics: bool,
    /// The listener serves HTTPS (the dashboard's cookie is `Secure` then).
    pub https: bool,
}

/// Runs the server until SIGINT/SIGTERM, then lets in-flight requests finish. `on_listening` gets the
/// bound addresses (useful with port 0) and whether it serves HTTPS.
pub async fn serve(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    config: ServeConfig,
    on_listening: impl FnOnce(Listening),
) -> Result<()> {
    serve_until(store, clock, config, on_listening, wait_for_signal()).await
}

/// Like [`serve`], stopping gracefully when `stop` completes instead of on a signal: for embedding the LTS
/// in tests (with a [`ManualClock`](crate::clock::ManualClock)) or other programs.
pub async fn serve_until(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    config: ServeConfig,
    on_listening: impl FnOnce(Listening),
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let devices = DeviceService::new(store.clone(), clock.clone()).await?;
    let live = live::Live::new(config.live.clone());
    let state = Arc::new(AppState {
        devices,
        live: live.clone(),
        metrics: config.metrics_listen.is_some(),
        https: config.tls.is_some(),
    });
    let app =
        router(state, config.bench_null_routes).into_make_service_with_connect_info::<SocketAddr>();
    // Registered before the server says it listens: SIGHUP's default action would end the process.
    let hangups = if config.reload_on_sighup { reload::hangups() } else { None };
    let handle = axum_server::Handle::new();
    let shutdown = tokio_util_shutdown();
    let sweeper = config
        .sweeper
        .then(|| tokio::spawn(sweeper::run(store.clone(), clock.clone(), shutdown.clone())));
    let alert_tasks = match config.alerts.clone() {
        Some(c) => alerts::spawn(store.clone(), clock.clone(), c, &shutdown)?,
        None => Vec::new(),
    };
    {
        let handle = handle.clone();
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            stop.await;
            tracing::info!("shutting down: finishing in-flight requests");
            shutdown.send_replace(true);
            handle.graceful_shutdown(Some(SHUTDOWN_GRACE));
        });
    }
    // Bound first: a bad metrics address stops `serve` before it says it listens.
    let metrics = match config.metrics_listen {
        Some(addr) => Some(metrics::bind(addr)?),
        None => None,
    };
    let listener = std::net::TcpListener::bind(config.listen).map_err(|e| {
        Error::usage(format!("cannot listen on {}: {e}", config.listen))
            .with_hint("choose another address with --listen, e.g. 127.0.0.1:0 for any free port")
    })?;
    listener.set_nonblocking(true).map_err(|e| Error::internal(format!("listener: {e}")))?;
    let addr = listener.local_addr().map_err(|e| Error::internal(format!("listener: {e}")))?;
    let metrics_addr = metrics.as_ref().and_then(|l| l.local_addr().ok());
    let listening = |https| Listening { addr, https, metrics: metrics_addr };
    let metrics_task = match metrics {
        Some(listener) => {
            Some(spawn_metrics(listener, store.clone(), clock.clone(), shutdown.subscribe())?)
        }
        None => None,
    };
    let result = match &config.tls {
        Some(tls) => {
            // A missing or unreadable file gets its own kind and the path, not the loader's OS text.
            for path in [&tls.cert, &tls.key] {
                std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            }
            reload::check_pem(tls).map_err(|why| {
                Error::usage(format!("cannot load the TLS certificate: {why}"))
                    .with_hint("give a PEM certificate chain and its PEM private key")
            })?;
            let rustls = axum_server::tls_rustls::RustlsConfig::from_pem_file(&tls.cert, &tls.key)
                .await
                .map_err(|e| {
                    Error::usage(format!(
                        "cannot load the TLS certificate {} / key {}: {e}",
                        tls.cert.display(),
                        tls.key.display()
                    ))
                    .with_hint("give a PEM certificate chain and its PEM private key")
                })?;
            if let Some(hangups) = hangups {
                let tls = Some((rustls.clone(), tls.clone()));
                let reloader = config.reload.clone();
                tokio::spawn(reload::run(hangups, live, tls, reloader, shutdown.subscribe()));
            }
            on_listening(listening(true));
            let mut server = axum_server::from_tcp_rustls(listener, rustls)
                .map_err(|e| Error::internal(format!("listener: {e}")))?
                .map(|tls| silent::FirstBytesTimeout::new(tls, HEADER_READ_TIMEOUT))
                .handle(handle);
            tune(server.http_builder());
            server.serve(app).await
        }
        None => {
            if let Some(hangups) = hangups {
                let reloader = config.reload.clone();
                tokio::spawn(reload::run(hangups, live, None, reloader, shutdown.subscribe()));
            }
            on_listening(listening(false));
            let mut server = axum_server::from_tcp(listener)
                .map_err(|e| Error::internal(format!("listener: {e}")))?
                .map(|plain| silent::FirstBytesTimeout::new(plain, HEADER_READ_TIMEOUT))
                .handle(handle);
            tune(server.http_builder());
            server.serve(app).await
        }
    };
    shutdown.send_replace(true);
    if let Some(task) = metrics_task {
        let _ = task.await;
    }
    if let Some(task) = sweeper {
        let _ = task.await;
    }
    for task in alert_tasks {
        let _ = task.await;
    }
    result.map_err(|e| Error::internal(format!("server: {e}")))
}

/// Serves `/metrics` on `listener` (plain HTTP, the same header timeout as the device port) until the
/// server stops.
fn spawn_metrics(
    listener: std::net::TcpListener,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) -> Result<tokio::task::JoinHandle<()>> {
    let addr =
        listener.local_addr().map_err(|e| Error::internal(format!("metrics listener: {e}")))?;
    if !addr.ip().is_loopback() {
        tracing::warn!(
            "serving metrics on {addr}, not loopback: /metrics has no authentication and names \
             licenses, items and handshake codes; firewall the port to the monitoring host"
        );
    }
    tracing::info!("serving metrics on http://{addr}/metrics");
    let handle = axum_server::Handle::new();
    let mut server = axum_server::from_tcp(listener)
        .map_err(|e| Error::internal(format!("metrics listener: {e}")))?
        .map(|plain| silent::FirstBytesTimeout::new(plain, HEADER_READ_TIMEOUT))
        .handle(handle.clone());
    tune(server.http_builder());
    let app = metrics::router(store, clock).into_make_service();
    Ok(tokio::spawn(async move {
        tokio::spawn(async move {
            let _ = stopped.wait_for(|s| *s).await;
            handle.graceful_shutdown(Some(Duration::from_secs(5)));
        });
        if let Err(e) = server.serve(app).await {
            tracing::error!("metrics listener stopped: {e}");
        }
    }))
}

/// A watch channel that flips to `true` once, when the server stops.
fn tokio_util_shutdown() -> tokio::sync::watch::Sender<bool> {
    tokio::sync::watch::channel(false).0
}

fn tune(builder: &mut hyper_util::server::conn::auto::Builder<hyper_util::rt::TokioExecutor>) {
    builder
        .http1()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
