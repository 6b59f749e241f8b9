//! The committed completions/ and man/ must be what the current command tree generates: a stale file fails
//! here, with the command that refreshes them.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::*;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn committed_completions_and_man_pages_are_current() {
    let env = Env::new();
    let (c, m) = (env.work.join("completions"), env.work.join("man"));
    let args = ["generate-assets", "--completions", s(&c), "--man", s(&m)];
    expect_code(&env.run(&args), 0, &args);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (fresh, committed) in [(c, root.join("completions")), (m, root.join("man"))] {
        let (want, have) = (files(&fresh), files(&committed));
        let stale: Vec<&String> =
            want.keys().chain(have.keys()).filter(|k| want.get(*k) != have.get(*k)).collect();
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
        let out = Env::new().run(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}");
        assert!(out.stdout.contains("ltsctl"), "{shell}");
    }
}
