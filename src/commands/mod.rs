//! One module per command group. Handlers get typed arguments from [`crate::cli`], call the admin API and
//! print through [`crate::output`].

mod access;
pub mod assets;
mod backup;
mod config_cmd;
mod devices;
mod handshake;
mod issuer;
mod license;
mod seed;
mod serve;
mod status;
mod trust;
mod usage;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::admin::Admin;
use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
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
    if creates {
        OpenMode::Create
    } else {
        OpenMode::Existing
    }
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
        Command::Issuer(cmd) => issuer::run(&ctx, cmd).await,
        Command::License(cmd) => license::run(&ctx, cmd).await,
        Command::Trust(cmd) => trust::run(&ctx, cmd).await,
        Command::Handshake(cmd) => handshake::run(&ctx, cmd).await,
        Command::Status(args) => status::run(&ctx, args).await,
        Command::Serve(args) => serve::run(&ctx, args).await,
        Command::Sweep => status::sweep(&ctx).await,
        Command::Init => status::init(&ctx).await,
        Command::Backup { file, force } => backup::backup(&ctx, &file, force).await,
        Command::Restore { file, yes } => backup::restore(&ctx, &file, yes).await,
        Command::Migrate { from, to, force } => backup::migrate(&ctx, &from, &to, force).await,
        Command::Config(cmd) => config_cmd::run(&ctx, cmd).await,
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
        Command::Seed {
            devices,
            inactive_percent,
        } => seed::run(&ctx, devices, inactive_percent).await,
        Command::Devices(cmd) => devices::run(&ctx, cmd).await,
        Command::Usage(args) => usage::run(&ctx, args).await,
        Command::Token(cmd) => access::token(&ctx, cmd).await,
        Command::Audit(cmd) => access::audit(&ctx, cmd).await,
        Command::Login(args) => access::login(&ctx, args).await,
        Command::Logout { name } => access::logout(&ctx, name).await,
        Command::Profile(cmd) => access::profile(&ctx, cmd).await,
    }
}

/// Reads a whole file, refusing one larger than `limit` before reading it (a huge file is a mistake or an
/// attack, never a license).
pub fn read_capped(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::usage(format!(
            "{}: is a directory, not a {what}",
            path.display()
        )));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::usage(format!(
            "{}: larger than {limit} bytes; this is not a {what}",
            path.display()
        )));
    }
    Ok(bytes)
}

/// Reads a small text file (a PEM key, a license document) as UTF-8.
pub fn read_text(path: &Path, limit: u64, what: &str) -> Result<String> {
    let bytes = read_capped(path, limit, what)?;
    String::from_utf8(bytes).map_err(|_| {
        Error::usage(format!(
            "{}: not UTF-8 text; expected a {what}",
            path.display()
        ))
    })
}

/// Checks that a file can be written at `path`: its directory exists, is a directory and is writable. A
/// mistake here gets its own exit code and a hint instead of the I/O error of whatever writes the file.
pub(crate) fn check_output_dir(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match std::fs::metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(Error::usage(format!(
                "cannot write {}: {} is a file, not a directory",
                path.display(),
                dir.display()
            )));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::not_found(format!(
                "cannot write {}: directory {} does not exist",
                path.display(),
                dir.display()
            ))
            .with_hint(format!(
                "create it first (`mkdir -p {}`) or choose another path",
                dir.display()
            )));
        }
        Err(e) => return Err(Error::io(&dir, e)),
    }
    // Proven by writing, as the owner, mode bits, ACLs and read-only mounts all have a say.
    let probe = dir.join(format!(
        ".ltsctl-write-test-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::File::create(&probe).map_err(|e| Error::io(&dir, e))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Writes a file atomically (temp file + rename) with the given mode, refusing to replace one unless `force`.
pub(crate) fn write_new_file(path: &Path, contents: &[u8], mode: u32, force: bool) -> Result<()> {
    use std::io::Write;
    check_output_dir(path)?;
    if path.exists() && !force {
        return Err(
            Error::conflict(format!("{} already exists", path.display()))
                .with_hint("choose another path or pass --force to overwrite it"),
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile_in(&dir, mode).map_err(|e| Error::io(&dir, e))?;
    tmp.1
        .write_all(contents)
        .map_err(|e| Error::io(&tmp.0, e))?;
    tmp.1.sync_all().map_err(|e| Error::io(&tmp.0, e))?;
    std::fs::rename(&tmp.0, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp.0);
        Error::io(path, e)
    })
}

fn tempfile_in(dir: &Path, mode: u32) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    let _ = mode;
    let name = format!(".ltsctl-{}.tmp", uuid::Uuid::new_v4().simple());
    let path = dir.join(name);
    let file = options.open(&path)?;
    Ok((path, file))
}
