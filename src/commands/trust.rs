//! `ltsctl trust`: the issuer keys this LTS accepts license files from.

use super::{Context, read_text};
use crate::admin::types::TrustedKeyView;
use crate::cli::TrustCommand;
use crate::error::Result;
use crate::output::{Cells, Record, Tabular, opt};

const MAX_KEY_BYTES: u64 = 64 * 1024;

impl Tabular for TrustedKeyView {
    fn headers() -> &'static [&'static str] {
        &["key_id", "name", "added_at"]
    }
    fn rows(&self, c: Cells) -> Vec<Vec<String>> {
        vec![vec![
            self.key_id.clone(),
            opt(&self.name),
            c.time(&self.added_at),
        ]]
    }
}

impl Record for TrustedKeyView {
    fn fields(&self, _: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("key_id", self.key_id.clone()),
            ("name", opt(&self.name)),
            (
                "added_at",
                self.added_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ),
        ]
    }
}

pub async fn run(ctx: &Context, cmd: TrustCommand) -> Result<()> {
    let admin = ctx.admin().await?;
    match cmd {
        TrustCommand::Add { public_key, name } => {
            let pem = read_text(&public_key, MAX_KEY_BYTES, "public key")?;
            let result = admin
                .trust_add(&pem, name.clone())
                .await
                .map_err(|e| e.context(public_key.display()))?;
            let id = &result.key.key_id;
            if result.added {
                ctx.out.note(format!("Trusted issuer key {id}."));
            } else if let Some(new) = name.filter(|n| Some(n) != result.key.name.as_ref()) {
                let kept = match &result.key.name {
                    Some(old) => format!("its name {old:?}"),
                    None => "it without a name".to_string(),
                };
                ctx.out.warn(format!(
                    "issuer key {id} was already trusted; kept {kept}: --name {new:?} was not applied"
                ));
                ctx.out.note(format!(
                    "  To rename it: `ltsctl trust remove {id}`, then `ltsctl trust add {} --name {new}` \
                     (licenses already imported stay).",
                    public_key.display()
                ));
            } else {
                ctx.out.note(format!(
                    "Issuer key {id} was already trusted; nothing changed."
                ));
            }
            ctx.out.record(&result.key)
        }
        TrustCommand::List => ctx.out.list(&admin.trust_list().await?),
        TrustCommand::Remove { key_id } => {
            admin.trust_remove(&key_id).await?;
            ctx.out.note(format!(
                "Removed trusted key {key_id}. Licenses already imported stay; new files it signed are refused."
            ));
            if ctx.out.is_json() {
                ctx.out.json(&serde_json::json!({ "removed": key_id }))?;
            }
            Ok(())
        }
    }
}
