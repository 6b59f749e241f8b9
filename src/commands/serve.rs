//! `ltsctl serve`: run the LTS on the local store, or a throwaway one with `--dev`.

use std::num::NonZeroU32;
use std::sync::Arc;

use super::Context;
use crate::admin::local::LocalAdmin;
use crate::cli::ServeArgs;
use crate::clock::SystemClock;
use crate::domain::option::LicenseOption;
use crate::error::{Error, Result};
use crate::server::{self, ServeConfig, TlsFiles};
use crate::store::OpenMode;

pub async fn serve(ctx: &Context, args: ServeArgs) -> Result<()> {
    init_logging();
    let tls = match (args.tls_cert, args.tls_key) {
        (Some(cert), Some(key)) => Some(TlsFiles { cert, key }),
        _ => None,
    };
    if tls.is_none() && !args.listen.ip().is_loopback() {
        ctx.out.warn(format!(
            "listening on {} without TLS: session passwords and tokens cross the network in clear; \
             pass --tls-cert and --tls-key, or put a TLS proxy in front",
            args.listen
        ));
    }
    let config = ServeConfig {
        listen: args.listen,
        tls,
        rate_limit: NonZeroU32::new(args.rate_limit),
        sweeper: true,
        bench_null_routes: args.bench_null_routes,
    };
    // The temp dir must outlive the server: it is deleted when this guard drops.
    let mut dev_dir: Option<tempfile::TempDir> = None;
    let data_dir = if args.dev {
        let mut builder = tempfile::Builder::new();
        builder.prefix("ltsctl-dev-");
        // Private to its owner like any data dir (the dev issuer's private key is in it too).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
        let dir = builder
            .tempdir()
            .map_err(|e| Error::internal(format!("creating a temp dir: {e}")))?;
        let path = dir.path().to_path_buf();
        dev_dir = Some(dir);
        path
    } else {
        crate::target::resolve_data_dir(ctx.data_dir.clone())?
    };
    let store: Arc<dyn crate::store::Store> = match (&ctx.database, &dev_dir) {
        (Some(url), None) => crate::target::open_database(url, OpenMode::Create).await?,
        _ => crate::target::open_local(&data_dir, OpenMode::Create).await?,
    };
    let clock = Arc::new(SystemClock);
    let dev = match &dev_dir {
        Some(dir) => {
            let admin = LocalAdmin::new(store.clone(), clock.clone());
            Some((
                server::dev::prepare(&admin, dir.path()).await?,
                dir.path().to_path_buf(),
            ))
        }
        None => None,
    };
    let out = ctx.out.clone();
    let result = server::serve(store.clone(), clock, config, move |addr, https| {
        let scheme = if https { "https" } else { "http" };
        let url = format!("{scheme}://{addr}");
        // The first stdout line is machine-readable, so scripts and tests can find the port.
        println!("listening on {url}");
        if let Some((setup, dir)) = &dev {
            out.note(dev_banner(&url, setup, dir));
        }
    })
    .await;
    drop(store);
    drop(dev_dir);
    result
}

fn dev_banner(url: &str, setup: &server::dev::DevSetup, dir: &std::path::Path) -> String {
    let data = dir.display();
    format!(
        "\n  ltsctl dev server: a throwaway LTS; everything is deleted when it stops (Ctrl-C).\n\n  \
         URL:             {url}\n  \
         Handshake code:  {code}\n  \
         Demo license:    {license}, items:\n{items}\n  \
         Data dir:        {data}\n\n  \
         Try:\n    \
         curl -s {url}/v1/authorize -H 'content-type: application/json' \\\n      \
         -d '{{\"handshake\":\"{code}\",\"uuid\":\"my-first-device\",\"product\":\"{product}\",\"platform\":\"desktop\"}}'\n    \
         ltsctl --data-dir {data} handshake show {code}\n    \
         curl -s {url}/v1/openapi.json\n",
        code = setup.handshake,
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

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("LTSCTL_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(crate::output::color_allowed(
            false,
            std::io::IsTerminal::is_terminal(&std::io::stderr()),
        ))
        .try_init();
}
