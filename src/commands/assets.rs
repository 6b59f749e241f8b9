//! Shell completions and man pages, generated from the clap definition (no build.rs): `ltsctl completions
//! SHELL` prints one script; the hidden `generate-assets` writes every script to completions/ and one man
//! page per command to man/. A test regenerates both and fails when the committed files are stale.

use std::path::Path;

use clap_complete::Shell;

use crate::error::{Error, Result};

const BIN: &str = "ltsctl";

pub fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = crate::cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN, &mut out);
    out
}

/// The file name each shell's completion loader looks for.
pub fn completion_file(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "ltsctl.bash",
        Shell::Zsh => "_ltsctl",
        Shell::Fish => "ltsctl.fish",
        Shell::PowerShell => "_ltsctl.ps1",
        Shell::Elvish => "ltsctl.elv",
        _ => "ltsctl.completion",
    }
}

pub const SHELLS: [Shell; 5] =
    [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

/// Every man page as (file name, roff text): `ltsctl.1`, `ltsctl-devices.1`, `ltsctl-devices-unregister.1`, ...
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    let mut pages = Vec::new();
    let mut root = crate::cli::command();
    // Building propagates the global options into every subcommand, so each page lists them.
    root.build();
    render(&root, BIN, &mut pages)?;
    Ok(pages)
}

fn render(cmd: &clap::Command, name: &str, pages: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let page_cmd = cmd.clone().name(name.to_string()).bin_name(name.replace('-', " "));
    let mut out = Vec::new();
    clap_mangen::Man::new(page_cmd)
        .date("2026-11-01")
        .source(format!("ltsctl {}", env!("CARGO_PKG_VERSION")))
        .manual("ltsctl manual")
        .render(&mut out)
        .map_err(|e| Error::internal(format!("rendering the man page of {name}: {e}")))?;
    pages.push((format!("{name}.1"), out));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        render(sub, &format!("{name}-{}", sub.get_name()), pages)?;
    }
    Ok(())
}

/// Writes completions and man pages, replacing what is there (stale pages of removed commands go too).
pub fn write_all(completions: &Path, man: &Path) -> Result<usize> {
    let mut n = 0;
    std::fs::create_dir_all(completions).map_err(|e| Error::io(completions, e))?;
    for shell in SHELLS {
        let path = completions.join(completion_file(shell));
        std::fs::write(&path, completion(shell)).map_err(|e| Error::io(&path, e))?;
        n += 1;
    }
    if man.exists() {
        for entry in std::fs::read_dir(man).map_err(|e| Error::io(man, e))?.flatten() {
            if entry.path().extension().is_some_and(|x| x == "1") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    std::fs::create_dir_all(man).map_err(|e| Error::io(man, e))?;
    for (file, text) in man_pages()? {
        let path = man.join(file);
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        n += 1;
    }
    Ok(n)
}
