//! One module per command group. Handlers get typed arguments from [`crate::cli`], call the admin API and
//! print through [`crate::output`].

// The areas, named as in every layer below.
mod access;
mod alerts;
mod devices;
mod handshakes;
mod licenses;
mod server;
mod usage;

// Commands outside the admin areas, named after their commands.
pub mod assets;
mod config;
mod issuer;
mod seed;
mod serve;

use std::path::PathBuf;

use crate::admin::Admin;
use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::output::Output;
use crate::store::OpenMode;

pub struct Context {
    pub out: Output,
    pub database: Option<String>,
    pub target: crate::target::TargetArgs,
    pub data_dir: Option<PathBuf>,
    /// Whether this command may create a local store that does not exist yet (see [`store_mode`]).
    pub store_mode: OpenMode,
}

impl Context {
    /// Opens the target only for commands that need one: `issuer` and `license verify` work without a store.
    pub async fn admin(&self) -> Result<Box<dyn Admin>> {
        let (admin, warnings) = crate::target::open(&self.target, self.store_mode).await?;
        for w in warnings {
            self.out.warn(w);
        }
        Ok(admin)
    }
}

/// Only the commands that add to a store create one when the data dir (or database) has none; every
/// other command, above all those that only read, refuses a missing store with its path, so a mistyped
/// `--data-dir` is an error and not an empty store that answers "nothing here".
pub fn store_mode(command: &Command) -> OpenMode {
    use crate::cli::{HandshakeCommand, LicenseCommand, TokenCommand, TrustCommand};
    let creates = matches!(
        command,
        Command::Serve(_)
            | Command::Init
            | Command::Seed { .. }
            | Command::Restore { .. }
            | Command::Trust(TrustCommand::Add { .. })
            | Command::License(LicenseCommand::Import { .. })
            | Command::Handshake(HandshakeCommand::Create { .. })
            | Command::Token(TokenCommand::Create { .. })
    );
    if creates { OpenMode::Create } else { OpenMode::Existing }
}

pub async fn run(cli: Cli) -> Result<()> {
    let ctx = Context {
        store_mode: store_mode(&cli.command),
        out: Output::new(cli.global.output, cli.global.no_color, cli.global.quiet),
        database: cli.global.database.clone(),
        target: crate::target::TargetArgs {
            server: cli.global.server,
            database: cli.global.database.clone(),
            data_dir: cli.global.data_dir.clone(),
            profile: cli.global.profile,
            ca_cert: cli.global.ca_cert,
        },
        data_dir: cli.global.data_dir,
    };
    match cli.command {
        Command::Issuer(cmd) => issuer::issuer(&ctx, cmd).await,
        Command::License(cmd) => licenses::license(&ctx, cmd).await,
        Command::Trust(cmd) => licenses::trust(&ctx, cmd).await,
        Command::Handshake(cmd) => handshakes::handshake(&ctx, cmd).await,
        Command::Status(args) => server::status(&ctx, args).await,
        Command::Serve(args) => serve::serve(&ctx, args).await,
        Command::Sweep => server::sweep(&ctx).await,
        Command::Init => server::init(&ctx).await,
        Command::Backup { file, force } => server::backup(&ctx, &file, force).await,
        Command::Restore { file, yes } => server::restore(&ctx, &file, yes).await,
        Command::Migrate { from, to, force } => server::migrate(&ctx, &from, &to, force).await,
        Command::Config(cmd) => config::config(&ctx, cmd).await,
        Command::Completions { shell } => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&assets::completion(shell));
            Ok(())
        }
        Command::GenerateAssets { completions, man } => {
            let n = assets::write_all(&completions, &man)?;
            ctx.out.note(format!(
                "Wrote {n} files to {} and {}.",
                completions.display(),
                man.display()
            ));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({
                    "files": n, "completions": completions, "man": man,
                }))?;
            }
            Ok(())
        }
        Command::Seed { devices, inactive_percent } => {
            seed::seed(&ctx, devices, inactive_percent).await
        }
        Command::Devices(cmd) => devices::devices(&ctx, cmd).await,
        Command::Usage(args) => usage::usage(&ctx, args).await,
        Command::Token(cmd) => access::token(&ctx, cmd).await,
        Command::Audit(cmd) => access::audit(&ctx, cmd).await,
        Command::Login(args) => access::login(&ctx, args).await,
        Command::Logout { name } => access::logout(&ctx, name).await,
        Command::Profile(cmd) => access::profile(&ctx, cmd).await,
        Command::Alerts(cmd) => alerts::alerts(&ctx, cmd).await,
        Command::Webhook(cmd) => alerts::webhook(&ctx, cmd).await,
    }
}
