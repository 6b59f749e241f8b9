//! Access to the LTS: admin tokens, the audit log, and logging in to remote servers (profiles + keyring).

use std::io::BufRead;

use zeroize::Zeroizing;

use super::Context;
use crate::admin::prelude::*;
use crate::admin::remote::RemoteAdmin;
use crate::admin::{AuditEntry, TokenCreated, TokenView};
use crate::cli::{AuditCommand, LoginArgs, ProfileCommand, TokenCommand};
use crate::config::{self, Profile};
use crate::error::{Error, Result};
use crate::output::{Cells, Record, Tabular, opt};

impl Tabular for TokenView {
    fn headers() -> &'static [&'static str] {
        &["name", "role", "state", "created_at", "expires_at", "last_used_at"]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        vec![vec![
            self.name.clone(),
            self.role.to_string(),
            self.state.clone(),
            c.time(&self.created_at),
            c.opt_time(&self.expires_at),
            c.opt_time(&self.last_used_at),
        ]]
    }
}

impl Record for TokenCreated {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("name", self.name.clone()),
            ("role", self.role.to_string()),
            (
                "expires_at",
                match &self.expires_at {
                    Some(t) => c.time(t),
                    None if c == Cells::CSV => String::new(),
                    None => "never".into(),
                },
            ),
            ("token", self.token.clone()),
        ]
    }
}

impl Tabular for AuditEntry {
    fn headers() -> &'static [&'static str] {
        &["at", "actor", "action", "target", "result", "detail", "client"]
    }
    fn rows(&self, _: Cells) -> Vec<Vec<String>> {
        vec![vec![
            crate::clock::to_rfc3339(&self.at),
            self.actor.clone(),
            self.action.clone(),
            self.target.clone(),
            self.result.clone(),
            opt(&self.detail),
            opt(&self.client),
        ]]
    }
}

pub async fn token(ctx: &Context, cmd: TokenCommand) -> Result<()> {
    let admin = ctx.admin().await?;
    match cmd {
        TokenCommand::Create { name, role, expires_in } => {
            let created = admin.token_create(&name, role, expires_in).await?;
            ctx.out.note(format!(
                "Created token {name} ({role}). Copy it now: it is not stored and cannot be shown again.\n\
                 Use it with `ltsctl login --server URL --token-stdin`, or as LTSCTL_TOKEN in CI."
            ));
            ctx.out.record(&created)
        }
        TokenCommand::List => ctx.out.list(&admin.token_list().await?),
        TokenCommand::Revoke { name } => {
            admin.token_revoke(&name).await?;
            ctx.out.note(format!("Revoked token {name}; it stops working at once."));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "revoked": name }))?;
            }
            Ok(())
        }
    }
}

pub async fn audit(ctx: &Context, cmd: AuditCommand) -> Result<()> {
    let AuditCommand::List { since, actor, limit } = cmd;
    let entries = ctx.admin().await?.audit_list(since, actor, limit).await?;
    ctx.out.list(&entries)
}

fn read_token(ctx: &Context, from_stdin: bool) -> Result<Zeroizing<String>> {
    let token = if from_stdin {
        let mut line = Zeroizing::new(String::new());
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Error::usage(format!("reading the token from stdin: {e}")))?;
        Zeroizing::new(line.trim().to_string())
    } else if ctx.out.can_prompt() {
        Zeroizing::new(
            dialoguer::Password::new()
                .with_prompt("Admin token")
                .interact()
                .map_err(|e| Error::usage(format!("reading the token: {e}")))?,
        )
    } else {
        return Err(Error::usage("no terminal to ask for the token on").with_hint(
            "pipe it in with --token-stdin; tokens are never taken from the command line",
        ));
    };
    if token.is_empty() {
        return Err(Error::usage("the token is empty"));
    }
    Ok(token)
}

pub async fn login(ctx: &Context, args: LoginArgs) -> Result<()> {
    let server = ctx.target.server.clone().ok_or_else(|| {
        Error::usage("login needs --server URL")
            .with_hint("e.g. ltsctl login --server https://lts.example.com:48080")
    })?;
    let profile = ctx.target.profile.clone().unwrap_or_else(|| "default".to_string());
    if let Some(ca) = &ctx.target.ca_cert
        && !ca.is_file()
    {
        return Err(Error::not_found(format!("CA certificate {} does not exist", ca.display())));
    }
    let ca_cert =
        ctx.target.ca_cert.as_ref().map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()));
    // Everything that can fail before the token is kept is checked first: the config must be readable
    // (it is written back with the new profile) and the token must work.
    let path = config::path()?;
    let (mut cfg, warnings) = config::load(&path)?;
    for w in warnings {
        ctx.out.warn(w);
    }
    let token = read_token(ctx, args.token_stdin)?;
    let remote = RemoteAdmin::new(&server, Some(token.clone()), ca_cert.as_deref())?;
    let caller = remote.whoami().await?;
    let previous = crate::keystore::load(&profile).await.ok().flatten();
    let store = crate::keystore::save(&profile, token).await?;
    cfg.profiles.insert(profile.clone(), Profile { server: server.clone(), ca_cert });
    cfg.active_profile = Some(profile.clone());
    if let Err(err) = config::save(&path, &cfg) {
        // No profile, so no secret either: the keyring goes back to what it held before this login.
        let undone = match previous {
            Some(old) => crate::keystore::save(&profile, old).await.map(|_| ()),
            None => crate::keystore::delete(&profile).await.map(|_| ()),
        };
        return Err(match undone {
            Ok(()) => err,
            Err(e) => err.with_hint(format!(
                "the new token is still in the keyring ({}); remove it with `ltsctl logout {profile}`",
                e.message
            )),
        });
    }
    ctx.out.note(format!(
        "Logged in to {server} as {} ({}). Profile {profile} is active; the token is in the {store}.",
        caller.actor, caller.role
    ));
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "profile": profile, "server": server, "actor": caller.actor, "role": caller.role,
            "lts_id": caller.lts_id, "keyring": store, "config": path,
        }))?;
    }
    Ok(())
}

pub async fn logout(ctx: &Context, name: Option<String>) -> Result<()> {
    let path = config::path()?;
    let (mut cfg, _) = config::load(&path)?;
    let name = name
        .or_else(|| ctx.target.profile.clone())
        .or_else(|| cfg.active_profile.clone())
        .ok_or_else(|| {
        Error::not_found("no active profile to log out of").with_hint("see `ltsctl profile list`")
    })?;
    let known = cfg.profiles.remove(&name).is_some();
    let had_token = crate::keystore::delete(&name).await.unwrap_or(false);
    if !known && !had_token {
        return Err(Error::not_found(format!("no login profile {name}")));
    }
    if cfg.active_profile.as_deref() == Some(name.as_str()) {
        cfg.active_profile = None;
    }
    config::save(&path, &cfg)?;
    ctx.out.note(format!("Logged out of profile {name}: its token is deleted from the keyring."));
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "logged_out": name, "profile_removed": known, "token_deleted": had_token,
        }))?;
    }
    Ok(())
}

pub async fn profile(ctx: &Context, cmd: ProfileCommand) -> Result<()> {
    let path = config::path()?;
    let (mut cfg, warnings) = config::load(&path)?;
    for w in warnings {
        ctx.out.warn(w);
    }
    match cmd {
        ProfileCommand::List => {
            #[derive(serde::Serialize)]
            struct Row {
                name: String,
                server: String,
                ca_cert: Option<String>,
                active: bool,
            }
            impl Tabular for Row {
                fn headers() -> &'static [&'static str] {
                    &["name", "server", "ca_cert", "active"]
                }
                fn rows(&self, _: Cells) -> Vec<Vec<String>> {
                    vec![vec![
                        self.name.clone(),
                        self.server.clone(),
                        opt(&self.ca_cert),
                        if self.active { "*".into() } else { String::new() },
                    ]]
                }
            }
            let rows: Vec<Row> = cfg
                .profiles
                .iter()
                .map(|(name, p)| Row {
                    name: name.clone(),
                    server: p.server.clone(),
                    ca_cert: p.ca_cert.as_ref().map(|c| c.display().to_string()),
                    active: cfg.active_profile.as_deref() == Some(name.as_str()),
                })
                .collect();
            ctx.out.list(&rows)
        }
        ProfileCommand::Use { name } => {
            if !cfg.profiles.contains_key(&name) {
                return Err(Error::not_found(format!("no login profile {name}")).with_hint(
                    "see `ltsctl profile list`, or create it with `ltsctl login --profile NAME`",
                ));
            }
            cfg.active_profile = Some(name.clone());
            config::save(&path, &cfg)?;
            ctx.out.note(format!("Profile {name} is now active."));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "active_profile": name }))?;
            }
            Ok(())
        }
    }
}
