//! The committed completions/ and man/ must be what the current command tree generates: a stale file fails
//! here, with the command that refreshes them.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn committed_completions_and_man_pages_are_current() {
    let tmp = tempfile::tempdir().unwrap();
    let (c, m) = (tmp.path().join("completions"), tmp.path().join("man"));
    Command::cargo_bin("ltsctl")
        .unwrap()
        .args(["generate-assets", "--completions"])
        .arg(&c)
        .arg("--man")
        .arg(&m)
        .env("NO_COLOR", "1")
        .assert()
        .success();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (fresh, committed) in [(c, root.join("completions")), (m, root.join("man"))] {
        let (want, have) = (files(&fresh), files(&committed));
        let stale: Vec<&String> = want
            .keys()
            .chain(have.keys())
            .filter(|k| want.get(*k) != have.get(*k))
            .collect();
        assert!(
            stale.is_empty(),
            "{} is stale ({stale:?}); run `cargo run -- generate-assets` and commit the result",
            committed.display()
        );
    }
}

#[test]
fn completions_command_prints_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = Command::cargo_bin("ltsctl")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("ltsctl"),
            "{shell}"
        );
    }
}
