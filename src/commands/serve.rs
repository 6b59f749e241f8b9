//! `ltsctl serve`: run the LTS on the local store, or a throwaway one with `--dev`. The settings come
//! from [`crate::serve_config`] (flags over the config file over defaults); SIGHUP resolves them again.

use std::sync::Arc;

use super::Context;
use crate::admin::local::LocalAdmin;
use crate::cli::{LogFormat, ServeArgs};
use crate::clock::SystemClock;
use crate::domain::option::LicenseOption;
use crate::error::{Error, Result};
use crate::serve_config::{self, Overrides, Settings, Store};
use crate::server::{self, Reloader, ServeConfig};
use crate::store::OpenMode;

pub async fn serve(ctx: &Context, args: ServeArgs) -> Result<()> {
    let dev = args.dev;
    let bench_null_routes = args.bench_null_routes;
    let alerts_test_timing = args.alerts_test_timing;
    let print_config = args.print_config;
    let overrides =
        Overrides { args, data_dir: ctx.data_dir.clone(), database: ctx.database.clone() };
    let (settings, warnings) = serve_config::resolve(&overrides)?;
    if print_config {
        for w in &warnings {
            ctx.out.warn(w);
        }
        if ctx.out.is_json() {
            return ctx.out.json(&settings.to_json());
        }
        print!("{}", settings.render());
        return Ok(());
    }
    let log = init_logging(settings.log_format, &settings.log)?;
    // From here on everything goes through the log, so that `--log-format json` stays JSON lines.
    for w in &warnings {
        tracing::warn!("{w}");
    }
    if settings.tls.is_none() && !settings.listen.ip().is_loopback() {
        tracing::warn!(
            "listening on {} without TLS: session passwords and tokens cross the network in clear; \
             pass --tls-cert and --tls-key, or put a TLS proxy in front",
            settings.listen
        );
    }
    let config = ServeConfig {
        listen: settings.listen,
        metrics_listen: settings.metrics_listen,
        tls: settings.tls.clone(),
        live: settings.live.clone(),
        reload_on_sighup: true,
        reload: Some(reloader(overrides, settings.clone(), log)),
        sweeper: true,
        alerts: Some(server::AlertsConfig {
            timing: match alerts_test_timing {
                Some(ms) => crate::notify::Timing::for_tests(ms),
                None => crate::notify::Timing::default(),
            },
            smtp: settings.smtp.clone(),
        }),
        bench_null_routes,
    };
    // The temp dir must outlive the server: it is deleted when this guard drops.
    let mut dev_dir: Option<tempfile::TempDir> = None;
    let store: Arc<dyn crate::store::Store> = if dev {
        let mut builder = tempfile::Builder::new();
        builder.prefix("ltsctl-dev-");
        // Private to its owner like any data dir (the dev issuer's private key is in it too).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
        let dir =
            builder.tempdir().map_err(|e| Error::internal(format!("creating a temp dir: {e}")))?;
        let store = crate::target::open_local(dir.path(), OpenMode::Create).await?;
        dev_dir = Some(dir);
        store
    } else {
        match &settings.store {
            Store::Database { url, .. } => {
                crate::target::open_database(url, OpenMode::Create).await?
            }
            Store::DataDir(dir) => crate::target::open_local(dir, OpenMode::Create).await?,
        }
    };
    let clock = Arc::new(SystemClock);
    let dev = match &dev_dir {
        Some(dir) => {
            let admin = LocalAdmin::new(store.clone(), clock.clone());
            Some((server::dev::prepare(&admin, dir.path()).await?, dir.path().to_path_buf()))
        }
        None => None,
    };
    let out = ctx.out.clone();
    let result = server::serve(store.clone(), clock, config, move |at| {
        let scheme = if at.https { "https" } else { "http" };
        let url = format!("{scheme}://{}", at.addr);
        // The first stdout line is machine-readable, so scripts and tests can find the port; the
        // metrics listener's follows it.
        println!("listening on {url}");
        if let Some(metrics) = at.metrics {
            println!("metrics on http://{metrics}/metrics");
        }
        if let Some((setup, dir)) = &dev {
            // Printed, never logged: the admin token is for the person who started this throwaway server.
            out.note(dev_banner(&url, setup, dir));
        }
    })
    .await;
    drop(store);
    drop(dev_dir);
    result
}

/// What SIGHUP runs: the settings resolved again from the file (the command line still over it), the
/// log filter put in force, and a warning for each change that needs a restart.
fn reloader(overrides: Overrides, started: Settings, log: LogHandle) -> Reloader {
    Reloader(Arc::new(move || {
        let (new, warnings) = serve_config::resolve(&overrides)?;
        for w in &warnings {
            tracing::warn!("{w}");
        }
        for key in started.restart_only_changes(&new) {
            tracing::warn!("{key} changed; it takes effect at the next restart");
        }
        log.set(&new.log)?;
        Ok(new.live)
    }))
}

/// Changes the log filter of the running subscriber.
#[derive(Clone)]
struct LogHandle(
    Arc<dyn Fn(tracing_subscriber::EnvFilter) -> std::result::Result<(), String> + Send + Sync>,
);

impl LogHandle {
    fn set(&self, filter: &str) -> Result<()> {
        let filter = tracing_subscriber::EnvFilter::builder()
            .parse(filter)
            .map_err(|e| Error::usage(format!("log filter {filter:?}: {e}")))?;
        (self.0)(filter).map_err(|e| Error::internal(format!("log filter: {e}")))
    }
}

fn dev_banner(url: &str, setup: &server::dev::DevSetup, dir: &std::path::Path) -> String {
    let data = dir.display();
    format!(
        "\n  ltsctl dev server: a throwaway LTS; everything is deleted when it stops (Ctrl-C).\n\n  \
         URL:             {url}\n  \
         Handshake code:  {code}\n  \
         Admin token:     {token}  (role admin, name {token_name})\n  \
         Demo license:    {license}, items:\n{items}\n  \
         Data dir:        {data}\n  \
         Dashboard:       {url}/ui  (sign in with the admin token)\n\n  \
         Try:\n    \
         curl -s {url}/v1/authorize -H 'content-type: application/json' \\\n      \
         -d '{{\"handshake\":\"{code}\",\"uuid\":\"my-first-device\",\"product\":\"{product}\",\"platform\":\"desktop\"}}'\n    \
         ltsctl --data-dir {data} handshake show {code}\n    \
         LTSCTL_TOKEN={token} ltsctl --server {url} status\n    \
         curl -s {url}/v1/openapi.json\n",
        code = setup.handshake,
        token = setup.admin_token.as_str(),
        token_name = server::dev::DEV_TOKEN,
        license = setup.license_id,
        items = setup
            .item_terms
            .iter()
            .map(|t| format!("                     {}", item_terms(t)))
            .collect::<Vec<_>>()
            .join("\n"),
        product = server::dev::DEV_PRODUCT,
    )
}

/// `DEV-LICENSE-SCANS (per-scan, 10,000 scans)`.
fn item_terms(item: &server::dev::DevItem) -> String {
    let unit = match item.option {
        LicenseOption::PerScan => "scans",
        LicenseOption::PerPage => "pages",
        _ => "seats",
    };
    match item.quota {
        Some(q) => format!(
            "{} ({}, {} {unit})",
            item.id,
            item.option.as_str(),
            crate::output::thousands(i128::from(q))
        ),
        None => format!("{} ({})", item.id, item.option.as_str()),
    }
}

/// The server's log on stderr: text (coloured on a terminal) or one JSON object per line with the same
/// fields (time, level, target, the request span's client address, the message and its fields).
fn init_logging(format: LogFormat, filter: &str) -> Result<LogHandle> {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let filter = tracing_subscriber::EnvFilter::builder()
        .parse(filter)
        .map_err(|e| Error::usage(format!("log filter {filter:?}: {e}")))?;
    let (filter, handle) = tracing_subscriber::reload::Layer::new(filter);
    let registry = tracing_subscriber::registry().with(filter);
    let _ = match format {
        LogFormat::Text => registry
            .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr).with_ansi(
                crate::output::color_allowed(
                    false,
                    std::io::IsTerminal::is_terminal(&std::io::stderr()),
                ),
            ))
            .try_init(),
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true)
                    .with_span_list(false)
                    .with_writer(std::io::stderr),
            )
            .try_init(),
    };
    Ok(LogHandle(Arc::new(move |f| handle.reload(f).map_err(|e| e.to_string()))))
}
