//! The one error type every command returns, and the exit codes it maps to.
//!
//! Library parts (license, domain, store) have their own thiserror enums; they are classified into an
//! [`ErrorKind`] here so that the same failure gives the same exit code whether the command ran against the
//! local data dir or a remote server (the server sends the kind's name and the client rebuilds the error).

use std::fmt;

use serde::{Deserialize, Serialize};

/// What went wrong, coarsely: decides the exit code. Documented in README ("Exit codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Unexpected failure: I/O, database, a bug. Exit 1.
    Internal,
    /// Bad arguments or values on the command line (also clap's own errors). Exit 2.
    Usage,
    /// The named license, item, code, key, device or token does not exist. Exit 3.
    NotFound,
    /// The change clashes with what is stored (already exists, still in use). Exit 4.
    Conflict,
    /// A license file is malformed, badly signed, untrusted, expired or for another LTS. Exit 5.
    InvalidLicense,
    /// The file system or the server's role check refused the operation. Exit 6.
    PermissionDenied,
    /// No valid credentials: missing, wrong, expired or revoked token; keyring unavailable. Exit 7.
    Unauthenticated,
    /// The server could not be reached (connection, DNS, TLS). Exit 8.
    Unreachable,
    /// A check found something that needs attention (e.g. licenses expiring within the window). Exit 9.
    Attention,
    /// A destructive command needs confirmation and there is no TTY to ask on: pass `--yes`. Exit 10.
    ConfirmationRequired,
    /// The store is locked by another process (a long write, a restore or migration): retry. Exit 11.
    Busy,
    /// The data dir's database is damaged or not an ltsctl store. Exit 12.
    DamagedStore,
}

impl ErrorKind {
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Internal => 1,
            ErrorKind::Usage => 2,
            ErrorKind::NotFound => 3,
            ErrorKind::Conflict => 4,
            ErrorKind::InvalidLicense => 5,
            ErrorKind::PermissionDenied => 6,
            ErrorKind::Unauthenticated => 7,
            ErrorKind::Unreachable => 8,
            ErrorKind::Attention => 9,
            ErrorKind::ConfirmationRequired => 10,
            ErrorKind::Busy => 11,
            ErrorKind::DamagedStore => 12,
        }
    }
}

/// An error for the person at the terminal: what went wrong, and where possible how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), hint: None }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Prefixes the message with where the error happened (a file name, an item id).
    pub fn context(mut self, what: impl fmt::Display) -> Self {
        self.message = format!("{what}: {}", self.message);
        self
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Internal, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::NotFound, message)
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Conflict, message)
    }
    pub fn invalid_license(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidLicense, message)
    }
    pub fn permission(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::PermissionDenied, message)
    }

    /// An I/O error on `path`, classified so that the user's mistakes (no such file, a directory where a file
    /// belongs, a symbolic link loop, no permission) get their own codes and a hint; the rest is internal.
    pub fn io(path: &std::path::Path, err: std::io::Error) -> Self {
        use std::io::ErrorKind as Io;
        let shown = path.display();
        if is_symlink_loop(&err) {
            return Error::usage(format!(
                "{shown}: a loop of symbolic links (a link that leads back to itself), not a file"
            ))
            .with_hint(format!(
                "give the real file's path; `ls -l {shown}` shows where the link points"
            ));
        }
        match err.kind() {
            Io::NotFound => Error::not_found(format!("{shown}: no such file or directory")),
            Io::NotADirectory => Error::not_found(format!(
                "{shown}: no such file or directory (a part of the path is a file, not a directory)"
            )),
            Io::IsADirectory => Error::usage(format!("{shown}: is a directory, not a file"))
                .with_hint("give the path of a file inside it"),
            Io::PermissionDenied | Io::ReadOnlyFilesystem => {
                Error::permission(format!("{shown}: permission denied")).with_hint(format!(
                    "check the owner and mode of {shown} and of the directories above it (`ls -ld`)"
                ))
            }
            _ => Error::internal(format!("{shown}: {err}")),
        }
    }

    pub fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }
}

/// ELOOP: too many levels of symbolic links (no stable `io::ErrorKind` for it yet).
fn is_symlink_loop(err: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        err.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = err;
        false
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<crate::license::LicenseError> for Error {
    fn from(err: crate::license::LicenseError) -> Self {
        let hint = err.hint();
        let mut e = Error::invalid_license(err.to_string());
        e.hint = hint.map(str::to_string);
        e
    }
}

impl From<crate::store::StoreError> for Error {
    fn from(err: crate::store::StoreError) -> Self {
        use crate::store::StoreError as S;
        match err {
            S::NotFound(m) => Error::not_found(m),
            S::Conflict(m) => Error::conflict(m),
            S::Invalid(m) => Error::usage(m),
            S::Permission(m) => Error::permission(m),
            S::Database(m) => Error::internal(format!("database error: {m}")),
            S::Busy(m) => Error::new(ErrorKind::Busy, m).with_hint(
                "another process holds the store (a long bulk change, a restore or a migration); \
                 retry in a moment",
            ),
            S::Damaged(m) => Error::new(ErrorKind::DamagedStore, m).with_hint(
                "restore the latest backup with `ltsctl restore FILE`, or move the file away and \
                 start a new store",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_exit_code() {
        let kinds = [
            ErrorKind::Internal,
            ErrorKind::Usage,
            ErrorKind::NotFound,
            ErrorKind::Conflict,
            ErrorKind::InvalidLicense,
            ErrorKind::PermissionDenied,
            ErrorKind::Unauthenticated,
            ErrorKind::Unreachable,
            ErrorKind::Attention,
            ErrorKind::ConfirmationRequired,
            ErrorKind::Busy,
            ErrorKind::DamagedStore,
        ];
        let mut codes: Vec<u8> = kinds.iter().map(|k| k.exit_code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), kinds.len());
        assert!(!codes.contains(&0));
    }

    #[test]
    fn io_errors_are_classified() {
        let p = std::path::Path::new("/x");
        let nf = Error::io(p, std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(nf.kind, ErrorKind::NotFound);
        let pd = Error::io(p, std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert_eq!(pd.kind, ErrorKind::PermissionDenied);
        assert!(pd.hint.is_some());
        assert!(!pd.hint.unwrap().contains("--data-dir"), "not every file is the data dir");
        let dir = Error::io(p, std::io::Error::from(std::io::ErrorKind::IsADirectory));
        assert_eq!(dir.kind, ErrorKind::Usage);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_a_usage_error_with_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let e = Error::io(&a, std::fs::File::open(&a).unwrap_err());
        assert_eq!(e.kind, ErrorKind::Usage, "{e:?}");
        assert!(e.message.contains("symbolic links"), "{e:?}");
        assert!(e.hint.is_some());
    }
}
