//! Reading and writing the user's files safely: reads capped before they start (a huge file is a mistake
//! or an attack, never a license or a key), writes atomic (temp file, fsync, rename) with the mode given,
//! never replacing a file unless asked. Errors name the path and say how to fix the mistake.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Reads a whole file, refusing one larger than `limit` before reading it (a huge file is a mistake or an
/// attack, never a license).
pub fn read_capped(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::usage(format!("{}: is a directory, not a {what}", path.display())));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
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
    String::from_utf8(bytes)
        .map_err(|_| Error::usage(format!("{}: not UTF-8 text; expected a {what}", path.display())))
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
    let probe = dir.join(format!(".ltsctl-write-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::File::create(&probe).map_err(|e| Error::io(&dir, e))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Writes a file atomically (temp file + rename) with the given mode, refusing to replace one unless `force`.
pub(crate) fn write_new_file(path: &Path, contents: &[u8], mode: u32, force: bool) -> Result<()> {
    use std::io::Write;
    check_output_dir(path)?;
    if path.exists() && !force {
        return Err(Error::conflict(format!("{} already exists", path.display()))
            .with_hint("choose another path or pass --force to overwrite it"));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile_in(&dir, mode).map_err(|e| Error::io(&dir, e))?;
    tmp.1.write_all(contents).map_err(|e| Error::io(&tmp.0, e))?;
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
