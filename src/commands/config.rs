//! `ltsctl config`: where the config file is, what it says, and a commented one to start from.

use super::Context;
use crate::cli::ConfigCommand;
use crate::config;
use crate::error::{Error, Result};

const TEMPLATE: &str = "# ltsctl config. Tokens are never kept here: `ltsctl login` puts them in the OS keyring.\n\
# Which profile commands use when neither --server nor --data-dir is given:\n\
# active_profile = \"prod\"\n\
\n\
# One table per login profile (written by `ltsctl login --profile NAME`):\n\
# [profiles.prod]\n\
# server = \"https://lts.example.com:48080\"\n\
# ca_cert = \"/etc/ltsctl/ca.pem\"          # a private CA that signed the server's certificate\n";

/// `config init --serve [FILE]`: the commented serve config, on stdout (always as TOML) or in a new file
/// (mode 0640: no secret is in it, but it names where they are).
fn serve_example(ctx: &Context, file: Option<std::path::PathBuf>, force: bool) -> Result<()> {
    let text = crate::serve_config::EXAMPLE;
    let Some(path) = file else {
        // The file itself, whatever the output format (like `completions`): `> serve.toml` must work.
        print!("{text}");
        return Ok(());
    };
    crate::files::write_new_file(&path, text.as_bytes(), 0o640, force)?;
    ctx.out.note(format!(
        "Wrote {}; edit it, then `ltsctl serve --config {}`.",
        path.display(),
        path.display()
    ));
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({ "written": path }))?;
    }
    Ok(())
}

pub async fn config(ctx: &Context, cmd: ConfigCommand) -> Result<()> {
    if let ConfigCommand::Init { serve: true, file, force } = cmd {
        return serve_example(ctx, file, force);
    }
    let path = config::path()?;
    match cmd {
        ConfigCommand::Path => {
            if ctx.out.is_json() {
                return ctx.out.json(&serde_json::json!({ "path": path, "exists": path.exists() }));
            }
            println!("{}", path.display());
            Ok(())
        }
        ConfigCommand::Show => {
            let (cfg, warnings) = config::load(&path)?;
            for w in warnings {
                ctx.out.warn(w);
            }
            if !path.exists() {
                ctx.out.note(format!(
                    "{} does not exist yet; `ltsctl config init` writes one.",
                    path.display()
                ));
            }
            if ctx.out.is_json() {
                return ctx.out.json(&cfg);
            }
            let text = toml::to_string_pretty(&cfg).map_err(|e| Error::internal(e.to_string()))?;
            print!("{text}");
            Ok(())
        }
        ConfigCommand::Init { force, .. } => {
            config::check_path(&path)?;
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            crate::files::write_new_file(&path, TEMPLATE.as_bytes(), 0o600, force)?;
            ctx.out.note(format!("Wrote {}.", path.display()));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "written": path }))?;
            }
            Ok(())
        }
    }
}
