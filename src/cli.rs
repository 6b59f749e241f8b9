//! The command tree: names, flags and help text. Nothing here runs anything; values are parsed into typed
//! arguments (durations, formats) so that handlers never parse.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::duration;

#[derive(Debug, Parser)]
#[command(
    name = "ltsctl",
    version,
    about = "Run and administer a self-hosted License Tracking Server (LTS)",
    long_about = "Run and administer a self-hosted License Tracking Server (LTS).\n\n\
        An LTS holds signed license files from your SDK vendor, binds their items to handshake codes \
        (the key your client applications are built with), and authorizes client devices against the quota.",
    after_help = "Examples:\n  ltsctl issuer keygen --out issuer.pem --public-out issuer.pub.pem\n  \
        ltsctl trust add issuer.pub.pem --name vendor\n  ltsctl license import acme-2026.lic\n  ltsctl status"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes. Shown under their own heading, after each command's own options.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)
    #[arg(long, global = true, env = "LTSCTL_SERVER", value_name = "URL", hide_env_values = true)]
    pub server: Option<String>,

    /// Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)
    #[arg(
        long,
        global = true,
        env = "LTSCTL_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database: Option<String>,

    /// Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]
    #[arg(
        long,
        global = true,
        env = "LTSCTL_DATA_DIR",
        value_name = "DIR",
        hide_env_values = true
    )]
    pub data_dir: Option<PathBuf>,

    /// Use this login profile instead of the active one
    #[arg(
        long,
        global = true,
        env = "LTSCTL_PROFILE",
        value_name = "NAME",
        hide_env_values = true
    )]
    pub profile: Option<String>,

    /// Trust the server's TLS certificate through this PEM file: the private CA that signed it, or the
    /// server's own (self-signed) certificate
    #[arg(long, global = true, env = "LTSCTL_CA_CERT", value_name = "PEM", hide_env_values = true)]
    pub ca_cert: Option<PathBuf>,

    /// Output format [default: table on a terminal, json otherwise]
    #[arg(short, long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// Never colour the output (NO_COLOR is honoured too)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Print only results and errors: no notes, warnings, hints or progress bars
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make issuer keys and sign license files (the vendor's side)
    #[command(subcommand)]
    Issuer(IssuerCommand),
    /// Import, verify, list and remove license files
    #[command(subcommand)]
    License(LicenseCommand),
    /// Manage the issuer keys this LTS accepts licenses from
    #[command(subcommand)]
    Trust(TrustCommand),
    /// Create handshake codes and bind license items, domains and passwords to them
    #[command(subcommand)]
    Handshake(HandshakeCommand),
    /// Show this LTS: instance id, version, counts and licenses expiring soon
    #[command(
        after_help = "Examples:\n  ltsctl status\n  ltsctl --server https://lts:48080 status -o json"
    )]
    Status(StatusArgs),
    /// Create an empty store in the data dir (or database); commands that only read refuse a missing one
    #[command(
        long_about = "Create the data dir and an empty store in it (or the schema in --database), with this \
            instance's lts_id. Commands that only read, or change what exists, never create a store: a \
            mistyped --data-dir is an error naming the path. `ltsctl serve`, and the commands that add to a \
            store (trust add, license import, handshake create, token create), create one too. Running it \
            on an existing store changes nothing.",
        after_help = "Examples:\n  ltsctl --data-dir /var/lib/ltsctl init\n  \
            ltsctl --database postgres://lts@db.internal/lts init"
    )]
    Init,
    /// Write a consistent copy of the embedded store, even while the server runs
    #[command(
        after_help = "Example:\n  ltsctl --data-dir /var/lib/ltsctl backup /backups/lts-$(date +%F).db"
    )]
    Backup {
        /// Where to write the copy (refused if it exists, unless --force)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
    /// Put a backup back in place of the embedded store (stop the server first)
    #[command(
        long_about = "Check a backup (SQLite integrity check, a known schema, an lts_id) and put it in place of \
            the data dir's store. Stop `ltsctl serve` first: the file is replaced under it. The current store is \
            overwritten, so this asks on a terminal and needs --yes otherwise.",
        after_help = "Example:\n  ltsctl --data-dir /var/lib/ltsctl restore /backups/lts-2026-11-22.db --yes"
    )]
    Restore {
        /// The backup to put in place (made by `ltsctl backup`)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Do not ask for confirmation (needed without a terminal)
        #[arg(short, long)]
        yes: bool,
    },
    /// Copy an embedded store into PostgreSQL (to run several instances on one database)
    #[command(
        long_about = "Copy an embedded store (licenses, codes, devices, usage, tokens, audit log, and the instance's \
            lts_id and token-signing key) into a PostgreSQL database, in one transaction, and verify the row counts. \
            Stop the server first. A target that already holds data is refused unless --force (which replaces it).",
        after_help = "Example:\n  ltsctl migrate --from /var/lib/ltsctl --to postgres://lts@db.internal/lts"
    )]
    Migrate {
        /// The data dir of the embedded store to copy
        #[arg(long, value_name = "DATA_DIR")]
        from: PathBuf,
        /// The PostgreSQL database to copy into
        #[arg(long, value_name = "URL")]
        to: String,
        /// Replace whatever the target holds
        #[arg(long)]
        force: bool,
    },
    /// Show, locate or create the config file (login profiles)
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print a shell completion script
    #[command(
        long_about = "Print a shell completion script for bash, zsh, fish, PowerShell or elvish. The same scripts \
            are committed in completions/; see README (Install) for where each shell looks for them.",
        after_help = "Examples:\n  ltsctl completions bash > ~/.local/share/bash-completion/completions/ltsctl\n  \
            ltsctl completions zsh > ~/.zfunc/_ltsctl"
    )]
    Completions {
        /// The shell to print the script for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Fill a local store with demo devices (for benchmarks)
    #[command(hide = true)]
    Seed {
        /// How many devices to seat
        #[arg(long, default_value_t = 1_000_000)]
        devices: u64,
        /// Percent of them last seen 91-400 days ago (the rest within 30 days)
        #[arg(long, default_value_t = 10)]
        inactive_percent: u8,
    },
    /// Regenerate completions/ and man/ (for maintainers)
    #[command(hide = true)]
    GenerateAssets {
        /// Where completion scripts go
        #[arg(long, default_value = "completions")]
        completions: PathBuf,
        /// Where man pages go
        #[arg(long, default_value = "man")]
        man: PathBuf,
    },
    /// Run the License Tracking Server (the device API for client SDKs)
    #[command(
        long_about = "Run the License Tracking Server: the device API client SDKs call to get authorized and \
            report usage, on the same store the admin commands use. Stops gracefully on SIGINT/SIGTERM; \
            SIGHUP re-reads the TLS certificate and key and the config file's reloadable settings (rate_limit, \
            trusted_proxies, forwarded_header, access_log, log) without dropping a connection.\n\n\
            With --dev it runs a throwaway LTS in a temp dir with a demo license, handshake code and admin token.",
        after_help = "Examples:\n  ltsctl serve --dev\n  ltsctl serve --listen 0.0.0.0:48080 --tls-cert lts.crt --tls-key lts.key\n  \
            ltsctl serve --listen 127.0.0.1:48080 --trusted-proxy 127.0.0.1/32      # behind nginx\n  \
            ltsctl serve --config /etc/ltsctl/serve.toml --print-config"
    )]
    Serve(ServeArgs),
    /// List devices, find inactive ones and unregister them
    #[command(subcommand)]
    Devices(DevicesCommand),
    /// Usage statistics: scans, pages, active devices, quota used and left per item; import offline usage
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  ltsctl usage --handshake 216998-100025900 --since 30d\n  \
        ltsctl usage --by symbology --since 2026-11-01\n  ltsctl usage --by item -o json\n  \
        ltsctl usage import rig-7-usage.json"
    )]
    Usage(UsageArgs),
    /// Create, list and revoke admin API tokens
    #[command(subcommand)]
    Token(TokenCommand),
    /// Show the audit log of administrative changes
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Log in to a remote LTS: check a token and keep it in the OS keyring
    #[command(
        long_about = "Log in to a remote LTS: check an admin token against the server, keep it in the OS keyring \
            (on Linux servers without a Secret Service: the kernel keyutils store) and write a profile (URL and CA \
            path, no secret) to the config file. The token is read from a prompt or from stdin, never from argv.",
        after_help = "Examples:\n  ltsctl login --server https://lts.example.com:48080\n  \
            printf '%s' \"$LTS_TOKEN\" | ltsctl login --server https://lts:48080 --profile ci --token-stdin --ca-cert ca.pem"
    )]
    Login(LoginArgs),
    /// Forget a profile's token and the profile
    Logout {
        /// The profile [default: the active one]
        #[arg(value_name = "PROFILE")]
        name: Option<String>,
    },
    /// List login profiles or choose the active one
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// What has fired (quota thresholds, expiry, refusals), where alerts go, and their thresholds
    #[command(subcommand)]
    Alerts(AlertsCommand),
    /// Send alerts to HTTP endpoints as signed webhooks (Standard Webhooks)
    #[command(subcommand)]
    Webhook(WebhookCommand),
    /// Remove devices whose removal time has passed, freeing their seats
    #[command(
        long_about = "Remove devices whose removal time has passed, freeing their seats. A running \
        server does this every 24 hours (every minute while a code has per-concurrent-device items)."
    )]
    Sweep,
}

#[derive(Debug, Subcommand)]
pub enum AlertsCommand {
    /// List what has fired, newest first: when, whether it still holds, and whether it was delivered
    #[command(after_help = "Example:\n  ltsctl alerts list --limit 20")]
    List {
        /// At most this many alerts
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: u32,
    },
    /// List delivery attempts (webhooks and e-mails), newest first, with status and response code
    Deliveries {
        /// At most this many attempts
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: u32,
    },
    /// Show or set the thresholds, globally or per handshake code
    #[command(subcommand)]
    Settings(AlertSettingsCommand),
    /// Send alerts by e-mail to these addresses too (SMTP is set in serve's config)
    #[command(subcommand)]
    Email(AlertEmailCommand),
}

#[derive(Debug, Subcommand)]
pub enum AlertSettingsCommand {
    /// Show the thresholds in force: global, then each code with settings of its own
    Show,
    /// Set thresholds (the ones not given are kept); with --handshake for one code only
    #[command(after_help = "Examples:\n  ltsctl alerts settings set --quota-percent 75,90,100\n  \
        ltsctl alerts settings set --handshake 216998-100025900 --expiry-days 60,14 --refusals 50")]
    Set {
        /// Only this handshake code (and the items bound to it) [default: global]
        #[arg(long, value_name = "CODE")]
        handshake: Option<String>,
        /// Percents of an item's quota that fire item.quota.threshold (1-1000, comma-separated) [default: 60,80,100]
        #[arg(long = "quota-percent", value_name = "LIST", value_delimiter = ',')]
        quota_percents: Option<Vec<u32>>,
        /// Days before an item's expiry that fire item.expiring (1-3650, comma-separated) [default: 30,7,1]
        #[arg(long, value_name = "LIST", value_delimiter = ',')]
        expiry_days: Option<Vec<u32>>,
        /// More quota_exceeded refusals than this in 10 minutes fire handshake.refusals [default: 10]
        #[arg(long, value_name = "N")]
        refusals: Option<u32>,
    },
    /// Drop a code's own thresholds: the global ones apply to it again
    Reset {
        /// The handshake code
        #[arg(long, value_name = "CODE")]
        handshake: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AlertEmailCommand {
    /// Send alerts to this address
    #[command(after_help = "Example:\n  ltsctl alerts email add ops@example.com")]
    Add {
        /// The e-mail address
        #[arg(value_name = "ADDRESS")]
        address: String,
    },
    /// List the addresses alerts are sent to
    List,
    /// Stop sending alerts to this address (its pending mails are given up)
    Remove {
        /// The e-mail address
        #[arg(value_name = "ADDRESS")]
        address: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Add a webhook; its signing secret is printed once
    #[command(
        long_about = "Add a webhook: every alert event it subscribes to is POSTed to the URL as JSON, signed per \
            the Standard Webhooks specification (webhook-id, webhook-timestamp, webhook-signature with the \
            whsec_ secret printed now, once). Failed deliveries are retried with exponential backoff for 24 \
            hours; redirects are not followed. Loopback, private and link-local targets need --allow-private.",
        after_help = "Examples:\n  ltsctl webhook add https://hooks.example.com/lts\n  \
            ltsctl webhook add https://hooks.example.com/lts --events item.quota.threshold,item.expiring"
    )]
    Add {
        /// An http:// or https:// URL
        #[arg(value_name = "URL")]
        url: String,
        /// Only these events (comma-separated): item.quota.threshold, item.expiring, item.expired, handshake.refusals [default: all]
        #[arg(long, value_name = "LIST", value_delimiter = ',')]
        events: Vec<String>,
        /// Allow a loopback, private or link-local target (e.g. a receiver on this host)
        #[arg(long)]
        allow_private: bool,
    },
    /// List webhooks (never their secrets)
    List,
    /// Remove a webhook (its pending deliveries are given up)
    Remove {
        /// The webhook's id (see `webhook list`)
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Send a signed webhook.test event now and show the answer
    Test {
        /// The webhook's id (see `webhook list`)
        #[arg(value_name = "ID")]
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum DevicesCommand {
    /// List devices (streams: starts at once and holds memory flat at any size)
    #[command(after_help = "Examples:\n  ltsctl devices list --inactive-for 90d\n  \
        ltsctl devices list --handshake 216998-100025900 --sort first-seen --limit 20\n  \
        ltsctl devices list -o csv > devices.csv")]
    List {
        #[command(flatten)]
        filter: DeviceFilterArgs,
        /// Only devices holding a seat now
        #[arg(long, conflicts_with = "expired")]
        active: bool,
        /// Only devices whose removal time has passed (not yet swept)
        #[arg(long)]
        expired: bool,
        /// Only devices holding a live offline check-out (see `devices checkout`)
        #[arg(long)]
        checked_out: bool,
        /// Sort order
        #[arg(long, value_enum, default_value_t = crate::admin::DeviceSortKey::LastSeen)]
        sort: crate::admin::DeviceSortKey,
        /// At most this many devices
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
    },
    /// Show one device: its seats and usage totals
    Show {
        /// The device's UUID
        #[arg(value_name = "UUID")]
        uuid: String,
    },
    /// Free the seats of devices: by UUID, or every device inactive for a while
    #[command(
        long_about = "Free the seats of devices at once: name them by UUID, or pick every device not seen for a \
            while with --inactive-for. Bulk removal shows what will go and asks on a terminal; without a terminal \
            it needs --yes. --dry-run lists and changes nothing. Devices already gone are reported, not errors.",
        after_help = "Examples:\n  ltsctl devices unregister 3f2a9c0e-0d1b-4c55-9a51-2b8f7d0c1e42\n  \
            ltsctl devices unregister --inactive-for 90d --dry-run\n  \
            ltsctl devices unregister --inactive-for 90d --handshake 216998-100025900 --yes"
    )]
    Unregister {
        /// Device UUIDs to unregister
        #[arg(value_name = "UUID", required_unless_present_any = ["inactive_for", "expired"],
              conflicts_with_all = ["inactive_for", "expired"])]
        uuids: Vec<String>,
        /// Every device not seen for this long (e.g. 90d)
        #[arg(long, value_name = "DUR", value_parser = parse_window)]
        inactive_for: Option<Duration>,
        /// Every device whose removal time has passed (what the sweeper would remove)
        #[arg(long)]
        expired: bool,
        /// Only through this handshake code
        #[arg(long, value_name = "CODE")]
        handshake: Option<String>,
        /// Show what would be removed; change nothing
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation (needed without a terminal)
        #[arg(short, long)]
        yes: bool,
        /// Unregister devices holding a live offline check-out too (their files keep working offline,
        /// so the seat is handed out twice); without it a named one is refused and bulk removal keeps them
        #[arg(long)]
        force: bool,
    },
    /// Seat a device that never reaches the LTS and write its offline authorization file
    #[command(
        long_about = "Seat a device that never connects to any network, as /v1/authorize would (the same item \
            choice, quota and tolerance; no domain check), and write an offline authorization file: the same \
            EdDSA token the device API gives, lasting the check-out, with the LTS's JWKS so the device can \
            verify it without a network. The seat is held until the file expires: the file cannot be \
            recalled, so the sweeper keeps the seat and unregistering needs --force. End it early with \
            `devices checkin` once the device is gone. Checking out a device again extends its check-out.",
        after_help = "Examples:\n  ltsctl devices checkout --handshake 216998-100025900 --uuid rig-7 \\\n      \
            --product barcode-reader --platform embedded --for 90d --out rig-7.lic\n  \
            ltsctl --server https://lts:48080 devices checkout --handshake APP --uuid rig-8 --product sdk --for 30d > rig-8.lic"
    )]
    Checkout {
        /// The handshake code the device's application is built with
        #[arg(long, value_name = "CODE")]
        handshake: String,
        /// The device's id, as its SDK reports it
        #[arg(long, value_name = "UUID")]
        uuid: String,
        /// The product (SDK) the device runs
        #[arg(long, value_name = "PRODUCT")]
        product: String,
        /// The device's platform
        #[arg(long, value_enum, default_value = "desktop")]
        platform: crate::service::types::Platform,
        /// A name for administrators (e.g. the device's host name)
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// How long the device may work offline (e.g. 90d; at most 366d, and never past the item's expiry)
        #[arg(long = "for", value_name = "DUR", value_parser = parse_window)]
        period: Duration,
        /// Write the file here (refused if it exists) instead of to stdout (`-`: stdout)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// End a device's offline check-out early, freeing its seat (audit-logged)
    #[command(
        long_about = "End a device's offline check-out early, freeing its seat, when you know the device is gone \
            (its file would otherwise hold the seat until it expires). Usage the device counted meanwhile is \
            still accepted by `ltsctl usage import`, until 90 days after the check-out's end.",
        after_help = "Example:\n  ltsctl devices checkin rig-7"
    )]
    Checkin {
        /// The device's UUID
        #[arg(value_name = "UUID")]
        uuid: String,
        /// Only its check-out through this handshake code
        #[arg(long, value_name = "CODE")]
        handshake: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct DeviceFilterArgs {
    /// Only devices seated through this handshake code
    #[arg(long, value_name = "CODE")]
    pub handshake: Option<String>,
    /// Only devices seated on this license item
    #[arg(long, value_name = "ITEM")]
    pub item: Option<String>,
    /// Only devices not seen for at least this long (e.g. 90d)
    #[arg(long, value_name = "DUR", value_parser = parse_window)]
    pub inactive_for: Option<Duration>,
}

#[derive(Debug, Args)]
pub struct UsageArgs {
    #[command(subcommand)]
    pub command: Option<UsageCommand>,
    /// Only this handshake code
    #[arg(long, value_name = "CODE")]
    pub handshake: Option<String>,
    /// Only this license item
    #[arg(long, value_name = "ITEM")]
    pub item: Option<String>,
    /// Only usage since this long ago (30d) or this date (2026-11-01, or RFC 3339)
    #[arg(long, value_name = "DUR|DATE", value_parser = parse_since)]
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    /// Group by
    #[arg(long, value_enum, default_value_t = crate::admin::UsageBy::Day)]
    pub by: crate::admin::UsageBy,
}

#[derive(Debug, Subcommand)]
pub enum UsageCommand {
    /// Record usage carried back from devices that never reach the LTS
    #[command(
        long_about = "Record usage reports carried back from offline devices (see `devices checkout`): each FILE \
            holds the /v1/usage request body, as one JSON object or as JSON lines of them (at most 1000). A file \
            is checked whole by the device API's rules and refused whole, naming the line and the reason, if \
            any part is refused. Reports are idempotent by id, as on the device API: importing a file again \
            counts each report once.",
        after_help = "Examples:\n  ltsctl usage import rig-7-usage.json\n  ltsctl --server https://lts:48080 usage import carried/*.jsonl"
    )]
    Import {
        /// Files of usage uploads
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file's path
    Path,
    /// Show the config file's contents (never a secret: there is none in it)
    Show,
    /// Write a commented config file to start from (with --serve: the server's, printed or written to FILE)
    #[command(after_help = "Examples:\n  ltsctl config init\n  \
        ltsctl config init --serve /etc/ltsctl/serve.toml\n  ltsctl config init --serve > serve.toml")]
    Init {
        /// Replace an existing file
        #[arg(long)]
        force: bool,
        /// The `ltsctl serve --config` file instead: every key, commented, at its default
        #[arg(long)]
        serve: bool,
        /// Where to write the serve config [default: print it]
        #[arg(value_name = "FILE", requires = "serve")]
        file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token; its secret is printed once
    #[command(
        after_help = "Examples:\n  ltsctl token create ci-renewal --role admin --expires-in 365d\n  \
        ltsctl token create support --role operator"
    )]
    Create {
        /// A name for the token, unique on this LTS (shown in the audit log)
        #[arg(value_name = "NAME")]
        name: String,
        /// admin: everything; operator: read, unregister devices, sweep; viewer: read only
        #[arg(long, value_enum)]
        role: crate::auth::Role,
        /// Expire the token after this long [default: never]
        #[arg(long, value_name = "DUR", value_parser = parse_window)]
        expires_in: Option<Duration>,
    },
    /// List tokens (never their secrets)
    List,
    /// Revoke a token at once
    Revoke {
        /// The token's name
        #[arg(value_name = "NAME")]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// List audit entries, newest first
    #[command(after_help = "Example:\n  ltsctl audit list --since 7d --actor ci-renewal")]
    List {
        /// Only entries of this recent period
        #[arg(long, value_name = "DUR", value_parser = parse_window)]
        since: Option<Duration>,
        /// Only entries of this token name (`local` for direct access to the data dir)
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// At most this many entries
        #[arg(long, value_name = "N", default_value_t = 1000)]
        limit: u32,
    },
}

/// `login` uses the global --server, --profile and --ca-cert.
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Read the token from stdin instead of prompting
    #[arg(long)]
    pub token_stdin: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List login profiles
    List,
    /// Make a profile the active one
    Use {
        /// The profile's name (see `ltsctl profile list`)
        #[arg(value_name = "NAME")]
        name: String,
    },
}

/// `serve`'s flags. Those a config file can also set are `Option`s with their defaults applied after the
/// file (see [`crate::serve_config`]), so a flag overrides the file only when it is given.
#[derive(Debug, Default, Clone, Args)]
pub struct ServeArgs {
    /// Read settings from this TOML file (`ltsctl config init --serve` writes an example); flags and
    /// environment variables override it
    #[arg(long, value_name = "FILE", env = "LTSCTL_SERVE_CONFIG", hide_env_values = true)]
    pub config: Option<PathBuf>,
    /// Print the effective settings (file, environment and flags; secrets masked) and exit
    #[arg(long, conflicts_with = "dev")]
    pub print_config: bool,
    /// Address to listen on: IP:PORT or HOST:PORT (localhost:0 picks a free port) [default: 127.0.0.1:48080]
    #[arg(long, value_name = "ADDR", value_parser = parse_listen)]
    pub listen: Option<std::net::SocketAddr>,
    /// Serve Prometheus metrics (GET /metrics) on a listener of its own at this address, e.g. 127.0.0.1:9464 [default: off]
    #[arg(long, value_name = "ADDR", value_parser = parse_listen)]
    pub metrics_listen: Option<std::net::SocketAddr>,
    /// Read the PostgreSQL URL (which may hold a password) from this file instead of --database
    #[arg(long, value_name = "FILE", conflicts_with_all = ["database", "dev"])]
    pub database_url_file: Option<PathBuf>,
    /// TLS certificate chain (PEM); serves HTTPS with --tls-key
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// TLS private key (PEM)
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Device requests per second per client address (bursts of twice that); 0 turns the limit off [default: 20]
    #[arg(long, value_name = "N")]
    pub rate_limit: Option<u32>,
    /// A reverse proxy (IP or CIDR range) whose forwarding header names the client; repeatable
    #[arg(long = "trusted-proxy", value_name = "CIDR", value_parser = parse_cidr)]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The header the trusted proxies append the client's address to [default: x-forwarded-for]
    #[arg(long, value_enum, value_name = "HEADER")]
    pub forwarded_header: Option<crate::server::client_addr::ForwardedHeader>,
    /// Log one line per request: client address, method, path, status, milliseconds
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub access_log: Option<bool>,
    /// Log format on stderr: text, or json (one object per line) [default: text]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub log_format: Option<LogFormat>,
    /// SMTP server alert e-mails go out through [default: none]
    #[arg(long, value_name = "HOST")]
    pub smtp_host: Option<String>,
    /// SMTP port [default: 587 for starttls, 465 for implicit]
    #[arg(long, value_name = "PORT")]
    pub smtp_port: Option<u16>,
    /// starttls (required, never plain text) or implicit (TLS from the first byte) [default: starttls]
    #[arg(long, value_enum, value_name = "MODE")]
    pub smtp_tls: Option<crate::notify::email::SmtpTls>,
    /// SMTP account; its password from --smtp-password-file or LTSCTL_SMTP_PASSWORD
    #[arg(long, value_name = "USER")]
    pub smtp_username: Option<String>,
    /// A file holding the SMTP password (never on the command line)
    #[arg(long, value_name = "FILE")]
    pub smtp_password_file: Option<PathBuf>,
    /// The sender of alert e-mails, e.g. "LTS <lts@example.com>"
    #[arg(long, value_name = "ADDRESS")]
    pub smtp_from: Option<String>,
    /// Trust the SMTP server's certificate through this PEM file (a private CA, or its own)
    #[arg(long, value_name = "PEM")]
    pub smtp_ca_cert: Option<PathBuf>,
    /// Run a throwaway LTS in a temp dir with a demo license and an admin token (deleted on exit)
    #[arg(long, conflicts_with_all = ["data_dir", "database", "config"])]
    pub dev: bool,
    /// Also serve the benchmark baselines /v1/bench/null-authorize and /v1/bench/null-usage
    #[arg(long, hide = true)]
    pub bench_null_routes: bool,
    /// For tests: evaluate alerts every MS milliseconds and retry deliveries from MS on (instead of
    /// every minute, and from 30 s)
    #[arg(long, hide = true, value_name = "MS")]
    pub alerts_test_timing: Option<u64>,
}

/// How `serve` writes its log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines
    #[default]
    Text,
    /// One JSON object per line (for log shippers)
    Json,
}

#[derive(Debug, Subcommand)]
pub enum IssuerCommand {
    /// Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)
    #[command(
        after_help = "Example:\n  ltsctl issuer keygen --out issuer.pem --public-out issuer.pub.pem"
    )]
    Keygen {
        /// Where to write the private key (created with mode 0600)
        #[arg(long, value_name = "KEY.pem")]
        out: PathBuf,
        /// Where to write the public key [default: the private key's name with .pub.pem]
        #[arg(long, value_name = "PUB.pem")]
        public_out: Option<PathBuf>,
        /// Overwrite existing files
        #[arg(long)]
        force: bool,
    },
    /// Check a license document and sign it into a license file
    #[command(
        long_about = "Check a license document (TOML) with the same rules as import, and sign it into a \
            license file. The global -o selects the output format, so the file is written with --out.",
        after_help = "Example:\n  ltsctl issuer sign acme-2026.toml --key issuer.pem --out acme-2026.lic"
    )]
    Sign {
        /// The license document (TOML)
        #[arg(value_name = "DOC.toml")]
        document: PathBuf,
        /// The issuer's private key (PKCS#8 PEM)
        #[arg(long, value_name = "KEY.pem")]
        key: PathBuf,
        /// Where to write the license file [default: the document's name with .lic]
        #[arg(long, value_name = "FILE.lic")]
        out: Option<PathBuf>,
        /// Overwrite an existing license file
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum LicenseCommand {
    /// Verify a license file offline against an issuer's public key (no store needed)
    #[command(
        after_help = "Example:\n  ltsctl license verify acme-2026.lic --issuer-key issuer.pub.pem"
    )]
    Verify {
        /// The license file (.lic)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The issuer's public key (SPKI PEM)
        #[arg(long, value_name = "PUB.pem")]
        issuer_key: PathBuf,
    },
    /// Verify and store license files; each file is imported (or refused) on its own
    #[command(
        long_about = "Verify and store license files. Each file is imported in its own transaction: good \
            files are kept when others fail, and the exit code is non-zero if any failed. Re-importing an \
            identical file changes nothing. With --handshake every item is also bound to that code in the \
            same transaction: the renewal path for CI scripts. A file whose license id is already stored \
            from a different file is refused, unless --replace and it is a later issue (a later \
            issued_at): then it takes the stored one's place, and its items keep their bindings, seats and \
            consumption.",
        after_help = "Examples:\n  ltsctl license import acme-2026.lic\n  \
            ltsctl license import renewal.lic --handshake 216998-100025900\n  \
            ltsctl license import acme-2026-reissued.lic --replace"
    )]
    Import {
        /// License files (.lic), each imported on its own
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Also bind every item of each file to this handshake code
        #[arg(long, value_name = "CODE")]
        handshake: Option<String>,
        /// Create the handshake code if it does not exist (with --handshake)
        #[arg(long, requires = "handshake")]
        create: bool,
        /// Let a later issue of a stored license (same id, later issued_at) take its place
        #[arg(long)]
        replace: bool,
    },
    /// List imported licenses and their items
    #[command(after_help = "Example (a CI check, exit code 9 when renewal is due):\n  \
        ltsctl license list --expiring-within 30d")]
    List {
        /// Only items expiring within this window; exit 9 when there is any
        #[arg(long, value_name = "DUR", value_parser = parse_window)]
        expiring_within: Option<Duration>,
    },
    /// Show one license with its items
    Show {
        /// The license id
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Remove a license and its items (their consumption and usage history are kept)
    #[command(
        long_about = "Remove a license, its items, their bindings to handshake codes and the seats on \
            them. Refused while devices hold live seats on its items, unless --force (which says first what \
            it frees). The usage ledger is kept: reports and consumed units belong to the item ids, and \
            count again if the same item ids are imported again.",
        after_help = "Examples:\n  ltsctl license remove LIC-2026-0001 --dry-run\n  \
            ltsctl license remove LIC-2026-0001 --force"
    )]
    Remove {
        /// The license id, as `license list` shows it
        #[arg(value_name = "ID")]
        id: String,
        /// Remove even while devices hold seats on its items (frees them)
        #[arg(long)]
        force: bool,
        /// Say what would be dropped and change nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Trust an issuer's public key: licenses it signed can be imported
    #[command(after_help = "Example:\n  ltsctl trust add issuer.pub.pem --name vendor-2026")]
    Add {
        /// The issuer's public key (SPKI PEM, made by `ltsctl issuer keygen`)
        #[arg(value_name = "PUB.pem")]
        public_key: PathBuf,
        /// A name to recognise the key by
        #[arg(long)]
        name: Option<String>,
    },
    /// List trusted issuer keys
    List,
    /// Stop trusting a key (licenses already imported stay)
    Remove {
        /// The key's id (see `ltsctl trust list`)
        #[arg(value_name = "KEY_ID")]
        key_id: String,
    },
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Window for "licenses expiring soon"
    #[arg(long, value_name = "DUR", default_value = "30d", value_parser = parse_window)]
    pub expiring_within: Duration,
}

#[derive(Debug, Subcommand)]
pub enum HandshakeCommand {
    /// Create a handshake code
    #[command(
        after_help = "Example:\n  ltsctl handshake create 216998-100025900 --name \"Warehouse app\""
    )]
    Create {
        /// The new code: the stable key client applications are built with
        #[arg(value_name = "CODE")]
        code: String,
        /// A description for administrators
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        settings: DurationSettings,
        /// Overuse tolerance in percent [default: 5 for per-scan/per-page, 10 for per-device, else 0]
        #[arg(long, value_name = "PCT")]
        overuse: Option<u32>,
    },
    /// List handshake codes
    List,
    /// Show a code: items in consumption order with use, domains and settings
    Show {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
    },
    /// Bind license items to a code (appended to its consumption order)
    #[command(after_help = "Example:\n  ltsctl handshake bind 216998-100025900 LIC-2026-0001-A")]
    Bind {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
        /// License item ids (see `ltsctl license list`)
        #[arg(value_name = "ITEM_ID", required = true)]
        items: Vec<String>,
    },
    /// Unbind license items from a code
    Unbind {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
        /// Bound item ids
        #[arg(value_name = "ITEM_ID", required = true)]
        items: Vec<String>,
    },
    /// Set the consumption order by hand (name every bound item once), or go back to expiry order
    #[command(
        long_about = "Set the order in which a code's items are consumed: name every bound item once, first \
            consumed first. By default (and again after --expiry) the item that expires soonest is consumed \
            first, and items bound later take their place in that order.",
        after_help = "Examples:\n  ltsctl handshake order 216998-100025900 LIC-2027-0001-A LIC-2026-0001-A\n  \
            ltsctl handshake order 216998-100025900 --expiry",
        override_usage = "ltsctl handshake order [OPTIONS] <CODE> <ITEM_ID>...\n       \
            ltsctl handshake order [OPTIONS] <CODE> --expiry"
    )]
    Order {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
        /// Every bound item id once, in the new order
        #[arg(
            value_name = "ITEM_ID",
            required_unless_present = "expiry",
            conflicts_with = "expiry"
        )]
        items: Vec<String>,
        /// Drop the hand-set order: the item that expires soonest is consumed first again
        #[arg(long)]
        expiry: bool,
    },
    /// Change a code's settings
    #[command(
        after_help = "Example:\n  ltsctl handshake set 216998-100025900 --refresh-interval 90d --offline-grace 3d"
    )]
    Set {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
        /// A description for administrators
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        settings: DurationSettings,
        /// Use each item's default refresh interval again
        #[arg(long, conflicts_with = "refresh_interval")]
        default_refresh_interval: bool,
        /// Overuse tolerance in percent (0-100)
        #[arg(long, value_name = "PCT")]
        overuse: Option<u32>,
        /// Use each option's default overuse tolerance again
        #[arg(long, conflicts_with = "overuse")]
        default_overuse: bool,
        /// When a device's active time starts: at its first authorization (the default), or at its first
        /// usage report (a device provisioned ahead of time holds its seat until then, at most until the
        /// item expires)
        #[arg(long, value_enum, value_name = "WHEN")]
        active_from: Option<crate::admin::ActiveFrom>,
    },
    /// Manage the web domains a code admits
    #[command(subcommand)]
    Domains(DomainsCommand),
    /// Set or clear a code's session password
    #[command(subcommand)]
    Password(PasswordCommand),
    /// Delete a code
    Delete {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
        /// Delete even while devices are active (frees their seats)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct DurationSettings {
    /// How long a silent device keeps its seat, e.g. 90d [default: from the item: 365d/90d/30d/24h
    /// per-device, 3m per-concurrent-device, 366d otherwise]
    #[arg(long, value_name = "DUR", value_parser = parse_refresh_interval)]
    pub refresh_interval: Option<Duration>,
    /// How long an authorized device may work without reaching the LTS [default: 7d]
    #[arg(long, value_name = "DUR", value_parser = parse_offline_grace)]
    pub offline_grace: Option<Duration>,
}

#[derive(Debug, Subcommand)]
pub enum DomainsCommand {
    /// Admit requests from these domains (example.com, *.example.com or an exact host)
    #[command(
        after_help = "Example:\n  ltsctl handshake domains add 216998-100025900 example.com '*.example.org'"
    )]
    Add {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
        /// Domains: example.com (it and its subdomains), *.example.com (subdomains only) or app.example.com
        #[arg(value_name = "DOMAIN", required = true)]
        domains: Vec<String>,
    },
    /// Stop admitting these domains
    Remove {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
        /// Domains as they were added (any spelling: case, Unicode or punycode)
        #[arg(value_name = "DOMAIN", required = true)]
        domains: Vec<String>,
    },
    /// List the domains a code admits (none: any origin)
    List {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PasswordCommand {
    /// Set the session password (prompted on a terminal, or read from stdin; never from the command line)
    #[command(
        after_help = "Example (CI):\n  printf '%s' \"$SESSION_PASSWORD\" | ltsctl handshake password set 216998-100025900 --password-stdin"
    )]
    Set {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
        /// Read the password from standard input (one line; a trailing newline is removed)
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove the session password
    Clear {
        /// The handshake code
        #[arg(value_name = "CODE")]
        code: String,
    },
}

/// Commands by task, for `ltsctl --help` (clap lists subcommands in one flat block).
pub const GROUPS: &[(&str, &[&str])] = &[
    ("Licenses", &["license", "trust", "issuer"]),
    ("Handshake codes", &["handshake"]),
    ("Devices", &["devices", "usage"]),
    ("Server", &["serve", "init", "status", "sweep", "backup", "restore", "migrate"]),
    ("Access", &["login", "logout", "profile", "token", "audit"]),
    ("Alerts", &["alerts", "webhook"]),
    ("Setup", &["config", "completions"]),
];

/// The command tree with `--help` grouping commands by task. Every entry point uses this.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let width = cmd.get_subcommands().map(|c| c.get_name().len()).max().unwrap_or(10) + 2;
    let mut listing = String::new();
    for (title, names) in GROUPS {
        listing.push_str(&format!("{title}:\n"));
        for name in *names {
            if let Some(sub) = cmd.find_subcommand(name) {
                let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
                listing.push_str(&format!("  {name:width$}{about}\n"));
            }
        }
        listing.push('\n');
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{listing}Options:\n{{options}}{{after-help}}"
    );
    cmd.help_template(template)
}

/// Parses the process's arguments with the grouped help.
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

fn parse_window(s: &str) -> Result<Duration, String> {
    duration::parse_duration(s).map_err(|e| e.to_string())
}

/// `30d` (that long before now), `2026-11-01` (midnight UTC) or an RFC 3339 time.
fn parse_since(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    }
    // Shaped like a date (2026-13-01, 2026-02-30T10:00:00Z): say what is wrong with it as a date.
    let date_like =
        s.len() >= 8 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) && s.as_bytes()[4] == b'-';
    if date_like {
        let why = match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
            Err(e) if e.kind() == chrono::format::ParseErrorKind::OutOfRange => {
                "no such day (month 01-12, day within the month)".to_string()
            }
            Err(e) => e.to_string(),
            Ok(_) => "not an RFC 3339 time (e.g. 2026-11-01T08:00:00Z)".to_string(),
        };
        return Err(format!(
            "invalid date {s:?}: {why}; write YYYY-MM-DD (midnight UTC), an RFC 3339 time or a duration like 30d"
        ));
    }
    let d =
        duration::parse_duration(s).map_err(|e| format!("{e}; or give a date like 2026-11-01"))?;
    chrono::Duration::from_std(d)
        .ok()
        .and_then(|d| chrono::Utc::now().checked_sub_signed(d))
        .ok_or_else(|| format!("{s:?} reaches too far back"))
}

/// `IP:PORT`, or `HOST:PORT` resolved now (an IPv4 address first, as `localhost` usually means 127.0.0.1).
pub(crate) fn parse_listen(s: &str) -> Result<std::net::SocketAddr, String> {
    if let Ok(addr) = s.parse() {
        return Ok(addr);
    }
    let Some((host, port)) = s.rsplit_once(':') else {
        return Err(format!(
            "{s:?} has no port; write HOST:PORT or IP:PORT, e.g. 127.0.0.1:48080 or localhost:0"
        ));
    };
    if port.parse::<u16>().is_err() {
        return Err(format!("{s:?}: the port {port:?} is not a number from 0 to 65535"));
    }
    if host.is_empty() {
        return Err(format!(
            "{s:?} has no host; write e.g. 0.0.0.0:{port} for every interface or 127.0.0.1:{port}"
        ));
    }
    let addrs: Vec<std::net::SocketAddr> = std::net::ToSocketAddrs::to_socket_addrs(s)
        .map_err(|e| format!("cannot resolve {host:?}: {e}"))?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| format!("{host:?} resolves to no address"))
}

fn parse_cidr(s: &str) -> Result<ipnet::IpNet, String> {
    crate::server::client_addr::parse_cidr(s)
}

fn parse_refresh_interval(s: &str) -> Result<Duration, String> {
    duration::parse_bounded(s, "refresh interval").map_err(|e| e.to_string())
}

fn parse_offline_grace(s: &str) -> Result<Duration, String> {
    duration::parse_bounded(s, "offline grace").map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_tree_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    #[test]
    fn every_visible_command_is_in_a_help_group() {
        let grouped: Vec<&str> =
            GROUPS.iter().flat_map(|(_, names)| names.iter().copied()).collect();
        for sub in Cli::command().get_subcommands().filter(|c| !c.is_hide_set()) {
            assert!(
                grouped.contains(&sub.get_name()),
                "{} is in no group of ltsctl --help",
                sub.get_name()
            );
        }
    }

    /// Every argument of every command, with the command's path.
    fn all_args(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Arg)>) {
        for arg in cmd.get_arguments() {
            out.push((path.to_string(), arg.clone()));
        }
        for sub in cmd.get_subcommands() {
            all_args(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_positional_argument_has_a_description() {
        let mut args = Vec::new();
        all_args(&command(), "ltsctl", &mut args);
        for (path, arg) in args.iter().filter(|(_, a)| a.is_positional()) {
            assert!(arg.get_help().is_some(), "{path}: <{}> has no description", arg.get_id());
        }
    }

    #[test]
    fn env_values_are_never_shown_and_global_options_have_their_own_heading() {
        let mut args = Vec::new();
        all_args(&command(), "ltsctl", &mut args);
        for (path, arg) in &args {
            if arg.get_env().is_some() {
                // Otherwise help shows `[env: X=]` when X is unset or empty, and its value when set.
                assert!(arg.is_hide_env_values_set(), "{path}: --{}", arg.get_id());
            }
            if arg.is_global_set() {
                assert_eq!(arg.get_help_heading(), Some("Global options"), "{path}");
            }
        }
        let mut cmd = command();
        cmd.build();
        let status = cmd.find_subcommand_mut("status").unwrap();
        let help = status.render_help().to_string();
        let at = |needle: &str| {
            help.find(needle).unwrap_or_else(|| panic!("{needle:?} not in:\n{help}"))
        };
        assert!(at("Options:") < at("--expiring-within"), "{help}");
        assert!(at("--expiring-within") < at("Global options:"), "{help}");
        assert!(at("Global options:") < at("--server"), "{help}");
        assert!(!help.contains("LTSCTL_SERVER="), "{help}");
    }

    #[test]
    fn since_says_what_is_wrong_with_a_date() {
        let e = parse_since("2026-13-01").unwrap_err();
        assert!(e.contains("invalid date") && !e.contains("duration \""), "{e}");
        assert!(parse_since("2026-02-30").unwrap_err().contains("no such day"));
        assert!(parse_since("2026-11-01").is_ok());
        assert!(parse_since("30d").is_ok());
        assert!(parse_since("thirty").unwrap_err().contains("invalid duration"));
    }

    #[test]
    fn listen_takes_a_host_name() {
        let a = parse_listen("localhost:0").unwrap();
        assert!(a.ip().is_loopback() && a.port() == 0, "{a}");
        assert_eq!(parse_listen("127.0.0.1:48080").unwrap().port(), 48080);
        assert!(parse_listen("[::1]:9").unwrap().is_ipv6());
        assert!(parse_listen("localhost").unwrap_err().contains("no port"));
        assert!(parse_listen("localhost:http").unwrap_err().contains("port"));
        assert!(parse_listen(":80").unwrap_err().contains("no host"));
    }

    #[test]
    fn every_command_has_a_summary() {
        fn walk(cmd: &clap::Command, path: &str) {
            for sub in cmd.get_subcommands().filter(|c| !c.is_hide_set() && c.get_name() != "help")
            {
                let name = format!("{path} {}", sub.get_name());
                assert!(sub.get_about().is_some(), "{name} has no one-line summary");
                walk(sub, &name);
            }
        }
        walk(&Cli::command(), "ltsctl");
    }
}
