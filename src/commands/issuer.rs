//! `ltsctl issuer`: the vendor's side. Makes issuer key pairs and signs license documents.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Context;
use crate::cli::IssuerCommand;
use crate::error::Result;
use crate::files::{read_text, write_new_file};
use crate::license::{IssuerKey, LicenseFile, file::MAX_FILE_BYTES};
use crate::output::{Cells, Record};

/// PEM keys are a few hundred bytes; anything bigger is the wrong file.
const MAX_KEY_BYTES: u64 = 64 * 1024;

pub async fn issuer(ctx: &Context, cmd: IssuerCommand) -> Result<()> {
    match cmd {
        IssuerCommand::Keygen { out, public_out, force } => keygen(ctx, &out, public_out, force),
        IssuerCommand::Sign { document, key, out, force } => sign(ctx, &document, &key, out, force),
    }
}

#[derive(Serialize)]
struct KeygenResult {
    key_id: String,
    private_key: String,
    public_key: String,
}

impl Record for KeygenResult {
    fn fields(&self, _: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("key_id", self.key_id.clone()),
            ("private_key", self.private_key.clone()),
            ("public_key", self.public_key.clone()),
        ]
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!("{stem}{suffix}"))
}

fn keygen(ctx: &Context, out: &Path, public_out: Option<PathBuf>, force: bool) -> Result<()> {
    let public_out = public_out.unwrap_or_else(|| with_suffix(out, ".pub.pem"));
    if out == public_out {
        return Err(crate::error::Error::usage("--out and --public-out name the same file"));
    }
    if !force {
        // Refuse before writing anything: never leave a public key of a pair that was thrown away.
        for path in [out, public_out.as_path()] {
            if path.exists() {
                return Err(crate::error::Error::conflict(format!(
                    "{} already exists",
                    path.display()
                ))
                .with_hint("choose another path or pass --force to overwrite it"));
            }
        }
    }
    let key = IssuerKey::generate();
    let public = key.public();
    // The public key is written first: a failure then leaves no orphaned private key behind.
    write_new_file(&public_out, public.to_spki_pem().as_bytes(), 0o644, force)?;
    write_new_file(out, key.to_pkcs8_pem().as_bytes(), 0o600, force)?;
    ctx.out.note(format!(
        "Created issuer key {}. Keep {} secret; give {} to the LTS owners (`ltsctl trust add`).",
        public.key_id(),
        out.display(),
        public_out.display()
    ));
    ctx.out.record(&KeygenResult {
        key_id: public.key_id(),
        private_key: out.display().to_string(),
        public_key: public_out.display().to_string(),
    })
}

/// A refused document, with a hint for the person signing it: the import-side hints speak to the LTS
/// owner ("ask the issuer to correct the named field"), and here the reader is the issuer.
fn for_issuer(err: crate::license::LicenseError, document: &Path) -> crate::error::Error {
    let malformed = matches!(err, crate::license::LicenseError::Malformed { .. });
    let mut e = crate::error::Error::from(err).context(document.display());
    if malformed {
        e.hint = Some(format!(
            "correct that field in {} and sign again (import checks the same rules)",
            document.display()
        ));
    }
    e
}

#[derive(Serialize)]
struct SignResult {
    file: String,
    license_id: String,
    key_id: String,
    items: Vec<String>,
}

impl Record for SignResult {
    fn fields(&self, _: Cells) -> Vec<(&'static str, String)> {
        vec![
            ("file", self.file.clone()),
            ("license_id", self.license_id.clone()),
            ("key_id", self.key_id.clone()),
            ("items", self.items.join(", ")),
        ]
    }
}

fn sign(
    ctx: &Context,
    document: &Path,
    key: &Path,
    out: Option<PathBuf>,
    force: bool,
) -> Result<()> {
    let text = read_text(document, MAX_FILE_BYTES, "license document")?;
    let key_pem = zeroize::Zeroizing::new(read_text(key, MAX_KEY_BYTES, "private key")?);
    let issuer = IssuerKey::from_pkcs8_pem(&key_pem)
        .map_err(|e| crate::error::Error::from(e).context(key.display()))?;
    let file = LicenseFile::sign(&text, &issuer).map_err(|e| for_issuer(e, document))?;
    let doc = file.verify_with(&issuer.public())?;
    let out = out.unwrap_or_else(|| document.with_extension("lic"));
    write_new_file(&out, file.to_toml_string().as_bytes(), 0o644, force)?;
    ctx.out.note(format!("Signed license {} into {}.", doc.id, out.display()));
    ctx.out.record(&SignResult {
        file: out.display().to_string(),
        license_id: doc.id,
        key_id: file.key_id,
        items: doc.items.into_iter().map(|i| i.id).collect(),
    })
}
