//! `-o json` is exactly one JSON document, for every command: each one is run through the real binary
//! against a seeded store (`login`, `profile` and `logout` against a real `ltsctl serve`, in a keyutils
//! session), and its whole stdout is parsed with `serde_json::from_str`, which refuses a second document,
//! stray text or nothing at all. A command added to the tree without a run here fails the test.

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::util;
use crate::util::*;
use chrono::{TimeDelta, Utc};
use serde_json::Value;

/// Commands whose output is not a JSON document by design: `serve` prints `listening on URL` and runs the
/// server; `completions` prints a shell script (README, "Output and exit codes").
const NOT_JSON: &[&str] = &["serve", "completions"];

/// The command paths of the tree's leaves (`handshake domains add`, `status`, ...), hidden ones included.
fn leaves(cmd: &clap::Command, path: &str, out: &mut BTreeSet<String>) {
    let subs: Vec<&clap::Command> =
        cmd.get_subcommands().filter(|c| c.get_name() != "help").collect();
    // A command that runs by itself as well as through subcommands (`usage`, `usage import`) is a leaf too.
    if subs.is_empty() || cmd.is_args_conflicts_with_subcommands_set() {
        out.insert(path.trim().to_string());
    }
    for sub in subs {
        leaves(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

struct Runs<'a> {
    env: &'a Env,
    leaves: BTreeSet<String>,
    ran: RefCell<BTreeSet<String>>,
}

impl Runs<'_> {
    /// Runs `ltsctl TARGET LINE -o json` (split on whitespace), which must succeed with exactly one JSON
    /// document on stdout; records which command it was.
    #[track_caller]
    fn json(&self, target: &Target, line: &str, stdin: Option<&str>) -> Value {
        let mut args: Vec<&str> = line.split_whitespace().collect();
        args.extend(["-o", "json"]);
        let out = self.env.on(target).run_stdin(&args, stdin);
        self.record(line);
        one_document(&out, line)
    }

    fn record(&self, line: &str) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let leaf = (1..=words.len())
            .rev()
            .map(|n| words[..n].join(" "))
            .find(|p| self.leaves.contains(p))
            .unwrap_or_else(|| panic!("`{line}` is no command of the tree"));
        self.ran.borrow_mut().insert(leaf);
    }
}

/// The alerts commands; `webhook test` against a receiver on loopback that answers 204.
fn alert_runs(runs: &Runs, t: &Target) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for mut conn in listener.incoming().flatten() {
            let mut buf = [0u8; 65536];
            let _ = conn.read(&mut buf);
            let _ = conn.write_all(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        }
    });
    let created = runs.json(t, &format!("webhook add {url} --allow-private"), None);
    let id = created["id"].as_str().expect("webhook id").to_string();
    for line in [
        "webhook list".to_string(),
        format!("webhook test {id}"),
        format!("webhook remove {id}"),
        "alerts list".into(),
        "alerts deliveries".into(),
        "alerts settings show".into(),
        "alerts settings set --refusals 20".into(),
        "alerts settings set --handshake json-000000002 --expiry-days 14".into(),
        "alerts settings reset --handshake json-000000002".into(),
        "alerts email add ops@example.com".into(),
        "alerts email list".into(),
        "alerts email remove ops@example.com".into(),
    ] {
        runs.json(t, &line, None);
    }
}

#[track_caller]
fn one_document(out: &Out, line: &str) -> Value {
    assert_eq!(
        out.code, 0,
        "ltsctl {line} -o json: exit {}\n{}\n{}",
        out.code, out.stdout, out.stderr
    );
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "ltsctl {line} -o json: stdout is not exactly one JSON document ({e}):\n{}",
            out.stdout
        )
    })
}

const KEYRING_SCRIPT: &str = r#"
L="$LTSCTL_BIN"
printf '%s' "$SECRET" |
  "$L" login --server "$URL" --profile "$PROFILE" --token-stdin -o json >login.json 2>login.err
echo "login $?" >>codes
"$L" profile list -o json >profile-list.json 2>profile-list.err; echo "profile list $?" >>codes
"$L" profile use "$PROFILE" -o json >profile-use.json 2>profile-use.err; echo "profile use $?" >>codes
"$L" logout -o json >logout.json 2>logout.err; echo "logout $?" >>codes
"#;

#[test]
fn every_command_prints_exactly_one_json_document() {
    let mut tree = BTreeSet::new();
    leaves(&ltsctl::cli::command(), "", &mut tree);
    let env = Env::new();
    let runs = Runs { env: &env, leaves: tree.clone(), ran: RefCell::new(BTreeSet::new()) };
    // Two devices idle for three hours, one busy with usage: every listing and summary has rows.
    let now = Utc::now();
    let seeder = Seeder::open(&env.data, now - TimeDelta::hours(3));
    let day_ago = now - TimeDelta::days(1);
    seeder.import(CODE, "LIC-J-1", &[Item::per_device("J1-DEV", 100, day_ago)]);
    seeder.authorize_all(CODE, &["idle-1", "idle-2"]);
    seeder.set_time(now);
    seeder.authorize(CODE, "busy-1");
    let at = now - TimeDelta::minutes(5);
    seeder.usage(CODE, "busy-1", &[("r-1", at, &[("QR", 12), ("EAN13", 3)])]);
    drop(seeder);

    let t = env.local();
    let items = [
        Item::per_device("J2-A", 10, day_ago),
        Item::per_scan("J2-B", 10_000, day_ago).expires(now + TimeDelta::days(30)),
    ];
    env.write("doc.toml", document("LIC-J-2", &items));
    let pw = Some("correct horse battery\n");
    let carried = serde_json::json!({"handshake": "json-000000002", "uuid": "off-1", "reports": [
        {"id": "off-r-1", "at": rfc3339(now), "scans": {"QR": 4}}]});
    env.write("off-1-usage.json", carried.to_string());
    for line in [
        "issuer keygen --out vendor.pem --public-out vendor.pub.pem",
        "issuer sign doc.toml --key vendor.pem --out doc.lic",
        "license verify doc.lic --issuer-key vendor.pub.pem",
    ] {
        runs.json(&t, line, None);
    }
    let key = runs.json(&t, "trust add vendor.pub.pem --name vendor", None);
    let lines = [
        "trust list",
        "license import doc.lic --handshake json-000000002 --create",
        "license list",
        "license list --expiring-within 1d",
        "license show LIC-J-2",
        "handshake create json-000000003 --name spare",
        "handshake list",
        "handshake show json-000000003",
        "handshake bind json-000000003 J2-A J2-B",
        "handshake order json-000000003 J2-A J2-B",
        "handshake order json-000000003 --expiry",
        "handshake unbind json-000000003 J2-B",
        "handshake set json-000000003 --offline-grace 3d",
        "handshake domains add json-000000003 example.com",
        "handshake domains list json-000000003",
        "handshake domains remove json-000000003 example.com",
        "handshake password clear json-000000003",
        "handshake delete json-000000003",
        "status",
        "init",
        "license remove LIC-J-2 --dry-run",
        "devices list",
        "devices show busy-1",
        "devices checkout --handshake json-000000002 --uuid off-1 --product barcode-reader --for 30d",
        "devices checkout --handshake json-000000002 --uuid off-2 --product barcode-reader --for 30d --out off-2.lic",
        "devices list --checked-out",
        "usage import off-1-usage.json",
        "devices checkin off-1",
        "usage",
        "usage --by item",
        "token create json-viewer --role viewer",
        "token list",
        "token revoke json-viewer",
        "audit list",
        "sweep",
        "config path",
        "config init",
        "config show",
        "backup snapshot.db",
        "generate-assets --completions gen-completions --man gen-man",
    ];
    for line in lines {
        runs.json(&t, line, None);
    }
    runs.json(&t, "handshake password set json-000000002 --password-stdin", pw);
    // The dry runs and the removals: one document each, the bulk dry run's devices inside it.
    let dry = runs.json(&t, "devices unregister idle-1 --dry-run", None);
    assert_eq!((&dry["removed"], &dry["would_remove"]), (&0.into(), &1.into()));
    let dry = runs.json(&t, "devices unregister --inactive-for 1h --dry-run", None);
    assert_eq!(dry["would_remove"], 2, "{dry}");
    assert_eq!(uuid_list(&dry["devices"]), ["idle-1", "idle-2"], "{dry}");
    runs.json(&t, "devices unregister idle-1", None);
    let done = runs.json(&t, "devices unregister --inactive-for 1h --yes", None);
    assert_eq!(done["removed"], 1, "{done}");
    runs.json(&t, "license remove LIC-J-2 --force", None);
    let key_id = key["key_id"].as_str().expect("key_id");
    runs.json(&t, &format!("trust remove {key_id}"), None);
    let other = Target::local(&env.root.join("restored"));
    runs.json(&other, "restore snapshot.db --yes", None);
    let seeded = Target::local(&env.root.join("seeded"));
    runs.json(&seeded, "seed --devices 10", None);
    alert_runs(&runs, &t);

    let mut skipped: Vec<&str> = Vec::new();
    match util::pg::test_database_url() {
        Some(url) => {
            // A new database on that server (never the shared one), dropped afterwards.
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            let db = rt.block_on(util::pg::PgDb::create(&url));
            let line = format!("migrate --from {} --to {}", env.data.display(), db.url);
            runs.json(&Target::none(), &line, None);
            rt.block_on(db.drop_db());
        }
        None => skipped.push("migrate"),
    }

    if have("keyctl", &["session", "-", "true"]) {
        let token = env.token("json-admin", "admin");
        runs.record("token create");
        let server = env.serve(&["--rate-limit", "0"]);
        let profile = format!("json-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
        let script = env.write("keyring.sh", KEYRING_SCRIPT);
        let out = env
            .command_of("keyctl")
            .args(["session", "-", "bash"])
            .arg(&script)
            .env("LTSCTL_BIN", bin())
            .env("SECRET", &token)
            .env("URL", &server.url)
            .env("PROFILE", &profile)
            .output()
            .expect("keyctl session");
        assert!(out.status.success(), "{out:?}");
        let read = |f: &str| std::fs::read_to_string(env.work.join(f)).unwrap_or_default();
        let codes = "login 0\nprofile list 0\nprofile use 0\nlogout 0\n";
        assert_eq!(read("codes"), codes, "{}", read("login.err"));
        for (line, file) in [
            ("login", "login.json"),
            ("profile list", "profile-list.json"),
            ("profile use", "profile-use.json"),
            ("logout", "logout.json"),
        ] {
            let out = Out { code: 0, stdout: read(file), stderr: String::new(), target: "remote" };
            one_document(&out, line);
            runs.record(line);
        }
    } else {
        skipped.extend(["login", "profile list", "profile use", "logout"]);
    }
    if !skipped.is_empty() {
        eprintln!("SKIPPED in every_command_prints_exactly_one_json_document: {skipped:?}");
    }

    let ran = runs.ran.borrow();
    let missing: Vec<&String> = tree
        .iter()
        .filter(|c| !ran.contains(*c) && !NOT_JSON.contains(&c.as_str()))
        .filter(|c| !skipped.contains(&c.as_str()))
        .collect();
    assert!(missing.is_empty(), "commands without a JSON check here: {missing:?}");
}
