//! `ltsctl handshake`: codes, the items they draw on, their domains, session password and intervals.

use std::io::BufRead;

use zeroize::Zeroizing;

use super::Context;
use crate::admin::{HandshakeChanges, HandshakeSettings, HandshakeView};
use crate::cli::{DomainsCommand, HandshakeCommand, PasswordCommand};
use crate::error::{Error, Result};
use crate::output::{Cells, Record, Section, Tabular, opt};

impl Tabular for HandshakeView {
    fn headers() -> &'static [&'static str] {
        &[
            "code",
            "name",
            "items",
            "active_devices",
            "domains",
            "refresh_interval",
            "offline_grace",
            "password",
        ]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        vec![vec![
            self.code.clone(),
            opt(&self.name),
            c.num(self.items.len()),
            c.num(self.active_devices),
            if self.domains.is_empty() { "any".into() } else { self.domains.join(", ") },
            self.refresh_interval.clone().unwrap_or_else(|| "item default".into()),
            self.offline_grace.clone(),
            if self.password_set { "set" } else { "-" }.into(),
        ]]
    }
}

impl Record for HandshakeView {
    fn fields(&self, c: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("code", self.code.clone()),
            ("name", opt(&self.name)),
            (
                "refresh_interval",
                self.refresh_interval.clone().unwrap_or_else(|| "each item's default".into()),
            ),
            ("offline_grace", self.offline_grace.clone()),
            (
                "overuse",
                self.overuse_percent
                    .map(|p| format!("{p}%"))
                    .unwrap_or_else(|| "each option's default".into()),
            ),
            ("password", if self.password_set { "set" } else { "not set" }.into()),
            ("order", self.order.clone()),
            ("active_from", self.active_from.as_str().into()),
            (
                "domains",
                if self.domains.is_empty() { "any origin".into() } else { self.domains.join(", ") },
            ),
            ("active_devices", c.num(self.active_devices)),
        ]
    }
    fn sections(&self, c: Cells) -> Vec<Section> {
        let rows = self
            .items
            .iter()
            .map(|i| {
                vec![
                    c.num(i.position),
                    i.id.clone(),
                    i.product.clone(),
                    i.option.to_string(),
                    format!("{}/{}", c.num(i.used), c.opt_num(&i.quota)),
                    c.opt_num(&i.limit),
                    c.opt_num(&i.peak),
                    i.refresh_interval.clone(),
                    i.status.as_str().to_string(),
                    c.time(&i.expires_at),
                ]
            })
            .collect();
        vec![Section {
            title: "Items (consumption order)",
            headers: vec![
                "#",
                "item",
                "product",
                "option",
                "used/quota",
                "limit",
                "peak (30d)",
                "refresh",
                "status",
                "expires_at",
            ],
            rows,
        }]
    }
}

pub async fn handshake(ctx: &Context, cmd: HandshakeCommand) -> Result<()> {
    let admin = ctx.admin().await?;
    match cmd {
        HandshakeCommand::Create { code, name, settings, overuse } => {
            let view = admin
                .handshake_create(
                    &code,
                    HandshakeSettings {
                        name,
                        refresh_interval_seconds: settings.refresh_interval.map(|d| d.as_secs()),
                        offline_grace_seconds: settings.offline_grace.map(|d| d.as_secs()),
                        overuse_percent: overuse,
                    },
                )
                .await?;
            ctx.out.note(format!("Created handshake code {code}. Bind items with `ltsctl handshake bind {code} ITEM_ID`."));
            ctx.out.record(&view)
        }
        HandshakeCommand::List => ctx.out.list(&admin.handshake_list().await?),
        HandshakeCommand::Show { code } => ctx.out.record(&admin.handshake_show(&code).await?),
        HandshakeCommand::Bind { code, items } => {
            let view = admin.handshake_bind(&code, &items).await?;
            ctx.out.note(format!("Bound {} item(s) to {code}.", items.len()));
            ctx.out.record(&view)
        }
        HandshakeCommand::Unbind { code, items } => {
            let view = admin.handshake_unbind(&code, &items).await?;
            ctx.out.note(format!("Unbound {} item(s) from {code}.", items.len()));
            ctx.out.record(&view)
        }
        HandshakeCommand::Order { code, items, expiry } => {
            let view = if expiry {
                let view = admin.handshake_order_by_expiry(&code).await?;
                ctx.out.note(format!("{code} consumes its items soonest expiry first again."));
                view
            } else {
                let view = admin.handshake_order(&code, &items).await?;
                ctx.out.note(format!("Set the consumption order of {code}."));
                view
            };
            ctx.out.record(&view)
        }
        HandshakeCommand::Set {
            code,
            name,
            settings,
            default_refresh_interval,
            overuse,
            default_overuse,
            active_from,
        } => {
            let changes = HandshakeChanges {
                name,
                active_from,
                refresh_interval_seconds: settings.refresh_interval.map(|d| d.as_secs()),
                reset_refresh_interval: default_refresh_interval,
                offline_grace_seconds: settings.offline_grace.map(|d| d.as_secs()),
                overuse_percent: overuse,
                reset_overuse: default_overuse,
            };
            let view = admin.handshake_set(&code, changes).await?;
            ctx.out.note(format!("Updated {code}."));
            ctx.out.record(&view)
        }
        HandshakeCommand::Domains(cmd) => domains(ctx, admin.as_ref(), cmd).await,
        HandshakeCommand::Password(cmd) => password(ctx, admin.as_ref(), cmd).await,
        HandshakeCommand::Delete { code, force } => {
            admin.handshake_delete(&code, force).await?;
            ctx.out.note(format!("Deleted handshake code {code}."));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "deleted": code }))?;
            }
            Ok(())
        }
    }
}

async fn domains(
    ctx: &Context,
    admin: &dyn crate::admin::Admin,
    cmd: DomainsCommand,
) -> Result<()> {
    let (code, domains) = match cmd {
        DomainsCommand::Add { code, domains } => {
            let now = admin.handshake_domains_add(&code, &domains).await?;
            ctx.out.note(format!("{code} now admits: {}.", now.join(", ")));
            (code, now)
        }
        DomainsCommand::Remove { code, domains } => {
            let now = admin.handshake_domains_remove(&code, &domains).await?;
            if now.is_empty() {
                ctx.out.note(format!("{code} has no domain bindings left: it admits any origin."));
            }
            (code, now)
        }
        DomainsCommand::List { code } => {
            let now = admin.handshake_domains_list(&code).await?;
            (code, now)
        }
    };
    if ctx.out.is_json() {
        return ctx.out.json(&serde_json::json!({ "code": code, "domains": domains }));
    }
    let rows: Vec<Vec<String>> = domains.into_iter().map(|d| vec![d]).collect();
    if rows.is_empty() && ctx.out.format == crate::cli::OutputFormat::Table {
        ctx.out.note(format!("{code} has no domain bindings: it admits any origin."));
        return Ok(());
    }
    match ctx.out.format {
        crate::cli::OutputFormat::Csv => ctx.out.csv(&["domain"], &rows),
        _ => ctx.out.table(&["domain"], &rows),
    }
}

async fn password(
    ctx: &Context,
    admin: &dyn crate::admin::Admin,
    cmd: PasswordCommand,
) -> Result<()> {
    match cmd {
        PasswordCommand::Set { code, password_stdin } => {
            // Check the code first, so nobody types a password for a typo.
            admin.handshake_show(&code).await?;
            let password =
                if password_stdin { read_password_stdin()? } else { prompt_password(ctx, &code)? };
            admin.handshake_password_set(&code, password).await?;
            ctx.out.note(format!("Set the session password of {code}."));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "code": code, "password_set": true }))?;
            }
            Ok(())
        }
        PasswordCommand::Clear { code } => {
            admin.handshake_password_clear(&code).await?;
            ctx.out.note(format!("Cleared the session password of {code}."));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "code": code, "password_set": false }))?;
            }
            Ok(())
        }
    }
}

fn read_password_stdin() -> Result<Zeroizing<String>> {
    let mut line = Zeroizing::new(String::new());
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Error::usage(format!("reading the password from stdin: {e}")))?;
    let trimmed = Zeroizing::new(line.trim_end_matches(['\n', '\r']).to_string());
    if trimmed.is_empty() {
        return Err(Error::usage("the password read from stdin is empty")
            .with_hint("pipe the password in, e.g. printf '%s' \"$PASSWORD\" | ltsctl handshake password set CODE --password-stdin"));
    }
    Ok(trimmed)
}

fn prompt_password(ctx: &Context, code: &str) -> Result<Zeroizing<String>> {
    if !ctx.out.can_prompt() {
        return Err(Error::usage("no terminal to ask for the password on")
            .with_hint("pass --password-stdin and pipe the password in; passwords are never taken from the command line"));
    }
    let password = dialoguer::Password::new()
        .with_prompt(format!("New session password for {code}"))
        .with_confirmation("Repeat it", "The passwords do not match")
        .allow_empty_password(false)
        .validate_with(|p: &String| crate::password::check(p).map_err(|e| e.message))
        .interact()
        .map_err(|e| Error::usage(format!("reading the password: {e}")))?;
    Ok(Zeroizing::new(password))
}
