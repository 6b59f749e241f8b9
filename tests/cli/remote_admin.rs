//! Issue "Remote administration": the same admin scenario on the local data dir and through `ltsctl serve`
//! with `--server` and a token; roles per route family; bad credentials; TLS with a private CA; login with
//! the kernel keyutils store; the audit log; target selection and usage errors. All through the binary.

use std::sync::OnceLock;

use crate::util::*;
use chrono::{DateTime, TimeDelta, Utc};
use ltsctl::admin::prelude::*;
use ltsctl::auth::Role;
use ltsctl::license::IssuerKey;
use serde_json::{Value, json};

const LICENSE: &str = "LIC-R-1";

/// The committed test-only issuer key, so both targets see the same key id.
fn issuer() -> IssuerKey {
    let pem = include_str!("../fixtures/openssl/issuer.TEST-ONLY.key.pem");
    IssuerKey::from_pkcs8_pem(pem).expect("fixture key")
}

/// Writes `issuer.pub.pem`, `acme.lic` (LICENSE: a per-device item and a per-scan item expiring sooner),
/// `second.lic`, `bad.lic` and `other.pub.pem` (an untrusted key) into the working dir.
fn write_files(env: &Env) {
    let key = issuer();
    env.write("issuer.pub.pem", key.public().to_spki_pem());
    env.write("other.pub.pem", IssuerKey::generate().public().to_spki_pem());
    // Midnight today: the same documents in both runs of the scenario.
    let at: DateTime<Utc> = Utc::now().date_naive().and_hms_opt(0, 0, 0).unwrap().and_utc();
    let items = [
        Item::per_device("LIC-R-1-A", 10, at),
        Item::per_scan("LIC-R-1-B", 10_000, at).expires(at + TimeDelta::days(200)),
    ];
    env.write("acme.lic", sign(&document(LICENSE, &items), &key));
    let second = [Item::per_device("LIC-R-2-A", 5, at)];
    env.write("second.lic", sign(&document("LIC-R-2", &second), &key));
    env.write("bad.lic", "format = \"ltsctl-license/1\"\nkey_id = \"nope\"\n");
}

/// The scenario's runner: a fresh store behind one target, and the transcript of every step (command
/// line, exit code, normalized JSON output).
struct Scenario {
    _server: Option<Server>,
    env: Env,
    target: Target,
    log: Vec<(String, i32, Value)>,
}

impl Scenario {
    fn new(kind: &str) -> Self {
        let env = Env::new();
        write_files(&env);
        let (target, server) = match kind {
            "local" => (env.local(), None),
            _ => {
                let token = env.token("root", "admin");
                let server = env.serve(&["--rate-limit", "0"]);
                (Target::remote(&server.url, Some(&token)), Some(server))
            }
        };
        Scenario { env, target, _server: server, log: Vec::new() }
    }

    /// Runs a command line (split on whitespace, `CODE` replaced) that must exit with `code`.
    #[track_caller]
    fn run(&mut self, line: &str, stdin: Option<&str>, code: i32) -> Value {
        let line = line.replace("CODE", CODE);
        let args: Vec<&str> = line.split_whitespace().collect();
        let out = self.env.on(&self.target).run_stdin(&args, stdin);
        expect_code(&out, code, &args);
        let v = out.json();
        self.log.push((line.clone(), code, normalize(&v)));
        v
    }

    #[track_caller]
    fn ok(&mut self, line: &str) -> Value {
        self.run(line, None, 0)
    }
}

fn scenario(kind: &'static str) -> Vec<(String, i32, Value)> {
    let mut s = Scenario::new(kind);
    let key = s.ok("trust add issuer.pub.pem --name vendor");
    let key_id = issuer().public().key_id();
    subset(&key, json!({"name": "vendor", "key_id": key_id}));
    let import = s.ok("license import acme.lic --handshake CODE --create");
    subset(&import, json!({"imported": 1, "unchanged": 0, "failed": 0}));
    let both = ["LIC-R-1-A", "LIC-R-1-B"];
    let file = json!({"file": "acme.lic", "status": "imported", "license_id": LICENSE,
        "handshake": CODE, "items": both, "already_bound": [], "bound": both, "dropped": [],
        "error": null});
    assert_eq!(import["files"], json!([file]), "{kind}");
    let view = s.ok("handshake show CODE");
    let fresh =
        json!({"password_set": false, "order": "expiry", "domains": [], "active_devices": 0});
    subset(&view, fresh);
    assert_eq!(item_ids(&view), ["LIC-R-1-B", "LIC-R-1-A"], "by expiry");

    let set = "--name Warehouse --refresh-interval 90d --offline-grace 3d --overuse 5";
    let view = s.ok(&format!("handshake set CODE {set}"));
    let set = json!({"name": "Warehouse", "refresh_interval": "90d",
        "refresh_interval_seconds": 7_776_000,
        "offline_grace": "3d", "offline_grace_seconds": 259_200, "overuse_percent": 5});
    subset(&view, set);
    let domains = s.ok("handshake domains add CODE example.com *.example.org");
    let both_domains = json!(["*.example.org", "example.com"]);
    assert_eq!(domains, json!({"code": CODE, "domains": both_domains}));
    let view = s.ok("handshake unbind CODE LIC-R-1-B");
    assert_eq!(item_ids(&view), ["LIC-R-1-A"]);
    assert_eq!(item_ids(&s.ok("handshake bind CODE LIC-R-1-B")).len(), 2);
    let view = s.ok("handshake order CODE LIC-R-1-A LIC-R-1-B");
    assert_eq!((item_ids(&view), &view["order"]), (both.to_vec(), &json!("explicit")));
    let stdin = Some("correct horse\n");
    let pw = s.run("handshake password set CODE --password-stdin", stdin, 0);
    assert_eq!(pw, json!({"code": CODE, "password_set": true}));
    let view = s.ok("handshake show CODE");
    let set = json!({"password_set": true, "order": "explicit", "domains": both_domains});
    subset(&view, set);
    let view = s.ok("handshake order CODE --expiry");
    assert_eq!(
        (item_ids(&view), &view["order"]),
        (vec!["LIC-R-1-B", "LIC-R-1-A"], &json!("expiry")),
        "{kind}: back to soonest expiry first"
    );
    s.run("handshake order NOPE-1 --expiry", None, 3);

    let list = s.ok("license list");
    assert_eq!(len(&list), 1, "{kind}: {list}");
    let shown = s.ok(&format!("license show {LICENSE}"));
    assert_eq!(shown, list[0], "{kind}: show and list agree");
    let item = json!({"id": "LIC-R-1-A", "handshakes": [CODE], "used": 0, "quota": 10});
    subset(&shown["items"][0], item);
    let status = s.ok("status");
    assert_eq!(status["target"]["kind"], kind);
    let counts =
        json!({"trusted_keys": 1, "licenses": 1, "items": 2, "handshakes": 1, "active_devices": 0});
    assert_eq!(status["counts"], counts, "{kind}: {status}");
    assert_eq!(s.ok("devices list"), json!([]));
    subset(&s.ok("sweep"), json!({"removed": 0, "trigger": "manual"}));

    // Errors: the same exit codes (and output) on both targets.
    s.run("license show LIC-NOPE", None, 3);
    s.run("handshake create CODE", None, 4);
    let bad = s.run("license import bad.lic", None, 5);
    subset(&bad, json!({"imported": 0, "failed": 1}));
    s.run("handshake set CODE --refresh-interval 5x", None, 2);
    s.run("devices list --inactive-for soon", None, 2);
    s.run("handshake password set NOPE-1 --password-stdin", stdin, 3);
    s.run("handshake bind CODE LIC-NOPE-A", None, 3);
    s.run("trust remove 0000000000000000", None, 3);

    let dry = s.ok(&format!("license remove {LICENSE} --dry-run"));
    subset(&dry, json!({"license": LICENSE, "removed": null, "dry_run": true, "seats_freed": 0}));
    assert_eq!(dry["unbound"].as_array().map(Vec::len), Some(2), "{dry}");
    assert_eq!(s.ok("license list").as_array().map(Vec::len), Some(1));
    let removed = s.ok(&format!("license remove {LICENSE} --force"));
    let unbound: Vec<Value> = both.iter().map(|i| json!({"handshake": CODE, "item": i})).collect();
    let want = json!({"license": LICENSE, "removed": LICENSE, "dry_run": false, "seats_freed": 0,
        "freed_seats": [], "checked_out_freed": 0, "unbound": unbound, "units_kept": 0,
        "reports_kept": 0});
    assert_eq!(removed, want);
    assert_eq!(s.ok("license list"), json!([]));
    assert_eq!(s.ok("handshake delete CODE"), json!({"deleted": CODE}));
    assert_eq!(s.ok("handshake list"), json!([]));
    let status = s.ok("status");
    let counts =
        json!({"trusted_keys": 1, "licenses": 0, "items": 0, "handshakes": 0, "active_devices": 0});
    assert_eq!(status["counts"], counts, "{kind}: {status}");
    s.log
}

type Transcript = Vec<(String, i32, Value)>;
static LOCAL: OnceLock<Transcript> = OnceLock::new();
static REMOTE: OnceLock<Transcript> = OnceLock::new();

/// Runs this target's scenario (its own assertions), then compares its transcript with the other's.
fn compare(mine: &Transcript, other: &Transcript) {
    assert_eq!(mine.len(), other.len());
    for (a, b) in mine.iter().zip(other) {
        assert_eq!(a, b, "the step `{}` differs between the targets", a.0);
    }
}

#[test]
fn the_admin_scenario_on_the_local_data_dir() {
    let local = LOCAL.get_or_init(|| scenario("local"));
    compare(local, REMOTE.get_or_init(|| scenario("remote")));
}

#[test]
fn the_admin_scenario_through_the_server() {
    let remote = REMOTE.get_or_init(|| scenario("remote"));
    compare(remote, LOCAL.get_or_init(|| scenario("local")));
}

/// A store with LICENSE bound to CODE and a `victim` token, a server, and a token `the-ROLE` for it.
fn role_fixture(role: &str) -> (Env, Server, Target) {
    let env = Env::new();
    write_files(&env);
    env.on(&env.local()).sh("trust add issuer.pub.pem");
    env.on(&env.local()).sh(&format!("license import acme.lic --handshake {CODE} --create"));
    // A device last seen 2 hours ago, for bulk unregistering.
    let seeder = Seeder::open(&env.data, now_secs() - TimeDelta::hours(2));
    seeder.authorize(CODE, "idle-device");
    drop(seeder);
    env.token("victim", "viewer");
    let token = env.token(&format!("the-{role}"), role);
    let server = env.serve(&["--rate-limit", "0"]);
    let target = Target::remote(&server.url, Some(&token));
    (env, server, target)
}

const READ: &[&str] =
    &["license list", "handshake show CODE", "devices list", "usage", "status", "audit list"];
const DEVICES: &[&str] =
    &["devices unregister some-device-uuid", "devices unregister --inactive-for 1h --yes", "sweep"];
const ADMIN: &[&str] = &[
    "license import second.lic",
    "trust add other.pub.pem",
    "handshake set CODE --overuse 3",
    "token create newcomer --role viewer",
    "token revoke victim",
    "token list",
];

/// Runs a route family's command lines with a `role` token; each must exit with `code` (6: refused for
/// the role, saying so). For the admin family, checks that its changes happened, or none of them.
fn family(role: &str, lines: &[&str], code: i32) {
    let (env, _server, t) = role_fixture(role);
    for line in lines {
        let out = env.on(&t).sh_code(&line.replace("CODE", CODE), code);
        if code == 6 {
            assert_has(&out.stderr, &["role", role]);
        }
    }
    let (local, changed) = (env.local(), code == 0);
    if lines == DEVICES {
        let left = len(&env.on(&local).sh("devices list"));
        assert_eq!(left, if changed { 0 } else { 1 }, "the idle device");
    }
    if lines != ADMIN {
        return;
    }
    let n = if changed { 2 } else { 1 };
    let licenses = len(&env.on(&local).sh("license list"));
    assert_eq!((licenses, len(&env.on(&local).sh("trust list"))), (n, n));
    let overuse = &env.on(&local).sh(&format!("handshake show {CODE}"))["overuse_percent"];
    assert_eq!(overuse, &if changed { json!(3) } else { Value::Null });
    let tokens = env.on(&local).sh("token list");
    let victim = if changed { "revoked" } else { "active" };
    assert_eq!(find(&tokens, "name", "victim")["state"], victim, "{tokens}");
    let newcomer = tokens.as_array().unwrap().iter().any(|t| t["name"] == "newcomer");
    assert_eq!(newcomer, changed, "{tokens}");
}

macro_rules! role_tests {
    ($($name:ident: $role:literal, $family:ident, $code:literal;)*) => {
        $(#[test] fn $name() { family($role, $family, $code); })*
    };
}

role_tests! {
    viewer_may_read: "viewer", READ, 0;
    viewer_may_not_unregister_devices_or_sweep: "viewer", DEVICES, 6;
    viewer_may_not_administer: "viewer", ADMIN, 6;
    operator_may_read: "operator", READ, 0;
    operator_may_unregister_devices_and_sweep: "operator", DEVICES, 0;
    operator_may_not_administer: "operator", ADMIN, 6;
    admin_may_read: "admin", READ, 0;
    admin_may_unregister_devices_and_sweep: "admin", DEVICES, 0;
    admin_may_administer: "admin", ADMIN, 0;
}

#[test]
fn missing_wrong_revoked_and_unreachable_credentials() {
    let env = Env::new();
    let alice = env.token("alice", "admin");
    let bob = env.token("bob", "viewer");
    let server = env.serve(&["--rate-limit", "0"]);
    let url = server.url.as_str();

    let out = env.on(&Target::remote(url, None)).sh_code("status", 7);
    assert_has(&out.stderr, &["LTSCTL_TOKEN", url]);
    let wrong_secret = format!("{}AAAA", &alice[..alice.len() - 4]);
    let unknown = "ltsctl_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    for wrong in [wrong_secret.as_str(), unknown, "not-a-token"] {
        let out = env.on(&Target::remote(url, Some(wrong))).sh_code("status", 7);
        assert_no_secret(&out, &alice);
        let all = out.all();
        assert!(!all.contains(wrong), "the token is echoed:\n{all}");
    }
    // `login` checks the token before keeping anything.
    let args = ["login", "--server", url, "--profile", "wrong", "--token-stdin"];
    let out = env.on(&Target::none()).run_stdin(&args, Some(&format!("{unknown}\n")));
    expect_code(&out, 7, &args);
    let all = out.all();
    assert!(!all.contains(unknown) && !env.config.exists(), "{all}");

    let viewer = Target::remote(url, Some(&bob));
    env.on(&viewer).sh("status");
    env.on(&env.local()).sh("token revoke bob");
    let out = env.on(&viewer).sh_code("status", 7);
    assert_has(&out.stderr, &["revoked"]);
    assert_no_secret(&out, &bob);
    assert_no_secret(&env.on(&viewer).sh_code("license list", 7), &bob);
    let out = env.on(&env.local()).sh_code("token create bob --role viewer", 4);
    assert_has(&out.stderr, &["bob"]);

    // An expiring token: listed with its expiry a minute ahead, and working until then.
    let eve = env.on(&env.local()).sh("token create eve --role viewer --expires-in 1m");
    let eve = eve["token"].as_str().expect("token").to_string();
    let tokens = env.on(&env.local()).sh("token list");
    let row = find(&tokens, "name", "eve");
    let ahead = time_of(&row["expires_at"]) - time_of(&row["created_at"]);
    let minute = TimeDelta::seconds(60);
    assert_eq!((ahead, &row["state"]), (minute, &json!("active")), "{row}");
    env.on(&Target::remote(url, Some(&eve))).sh("status");
    let tokens = env.on(&env.local()).sh("token list");
    let used = &find(&tokens, "name", "eve")["last_used_at"];
    assert!(used.is_string(), "{tokens}");

    let down = Target::remote("http://127.0.0.1:1", Some(&alice));
    let out = env.on(&down).sh_code("status", 8);
    assert_has(&out.stderr, &["http://127.0.0.1:1"]);
    assert_no_secret(&out, &alice);
    assert_no_secret(&env.on(&down).sh_code("devices list", 8), &alice);
    let log = server.stderr_text();
    for token in [&alice, &bob, &eve] {
        assert!(!log.contains(secret_of(token)), "a token is logged:\n{log}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_is_refused() {
    // The in-process server shares its manual clock with the admin that made the token.
    let lts = InProc::start(now_secs()).await;
    let minute = Some(std::time::Duration::from_secs(60));
    let created = AccessAdmin::token_create(&lts.admin, "eve", Role::Viewer, minute).await;
    let eve = created.expect("token").token;
    let env = Env::new();
    let t = Target::remote(&lts.api.base, Some(&eve));
    tokio::task::block_in_place(|| env.on(&t).sh("status"));
    lts.advance(TimeDelta::minutes(2));
    let out = tokio::task::block_in_place(|| env.on(&t).sh_code("status", 7));
    assert_has(&out.stderr, &["expired"]);
    assert_no_secret(&out, &eve);
    let tokens = AccessAdmin::token_list(&lts.admin).await.expect("tokens");
    assert_eq!(tokens[0].state, "expired");
    lts.stop().await;
}

#[test]
fn tls_with_a_private_ca() {
    if !have("openssl", &["version"]) {
        eprintln!("SKIPPED tls_with_a_private_ca: no `openssl` on PATH");
        return;
    }
    let env = Env::new();
    let token = env.token("alice", "viewer");
    let serve = |(ca, cert, key): (_, std::path::PathBuf, std::path::PathBuf)| {
        let (c, k) = (cert.to_str().unwrap(), key.to_str().unwrap());
        (ca, env.serve(&["--rate-limit", "0", "--tls-cert", c, "--tls-key", k]))
    };
    let remote = |url: &str| Target::remote(url, Some(&token));
    let (ca, server) = serve(ca_and_cert(&env.work, "both", "DNS:localhost,IP:127.0.0.1"));
    assert_has(&server.url, &["https://127.0.0.1:"]);
    let by_name = format!("https://localhost:{}", server.port());
    let status = env.on(&remote(&by_name).with_ca(&ca)).sh("status");
    assert_eq!(status["target"]["kind"], "remote");
    env.on(&remote(&server.url).with_ca(&ca)).sh("license list");
    // Without the CA: exit 8, saying that the certificate was refused and how to trust it.
    let out = env.on(&remote(&by_name)).sh_code("status", 8);
    let err = out.stderr.to_lowercase();
    assert_has(&err, &["certificate", "--ca-cert", &by_name]);
    assert_no_secret(&out, &token);
    drop(server);

    // A certificate for localhost only, reached as 127.0.0.1: a name mismatch.
    let (ca, server) = serve(ca_and_cert(&env.work, "name-only", "DNS:localhost"));
    env.on(&remote(&format!("https://localhost:{}", server.port())).with_ca(&ca)).sh("status");
    let out = env.on(&remote(&server.url).with_ca(&ca)).sh_code("status", 8);
    assert_has(&out.stderr.to_lowercase(), &["certificate", "host name"]);
    assert_no_secret(&out, &token);
}

/// The certificate `openssl req -x509` makes by default is `CA:TRUE`; given to --ca-cert it is trusted as
/// the server's own certificate (pinned), and every refusal says what is wrong and how to fix it.
#[test]
fn tls_with_a_self_signed_certificate() {
    if !have("openssl", &["version"]) {
        eprintln!("SKIPPED tls_with_a_self_signed_certificate: no `openssl` on PATH");
        return;
    }
    let env = Env::new();
    let token = env.token("alice", "viewer");
    let serve = |(cert, key): (std::path::PathBuf, std::path::PathBuf)| {
        let (c, k) = (cert.to_str().unwrap(), key.to_str().unwrap());
        (cert.clone(), env.serve(&["--rate-limit", "0", "--tls-cert", c, "--tls-key", k]))
    };
    let remote = |url: &str| Target::remote(url, Some(&token));
    let both = "DNS:localhost,IP:127.0.0.1";
    let (cert, server) = serve(self_signed(&env.work, "default", P256, both, ""));
    let ext = std::process::Command::new("openssl")
        .args(["x509", "-noout", "-ext", "basicConstraints", "-in"])
        .arg(&cert)
        .output()
        .expect("openssl x509");
    assert_has(&String::from_utf8_lossy(&ext.stdout), &["CA:TRUE"]);
    let by_name = format!("https://localhost:{}", server.port());
    for url in [&by_name, &server.url] {
        let status = env.on(&remote(url).with_ca(&cert)).sh("status");
        assert_eq!(status["target"]["kind"], "remote", "{url}");
    }
    // Without --ca-cert, and with another self-signed certificate: what is wrong, and the fix.
    let out = env.on(&remote(&by_name)).sh_code("status", 8);
    assert_has(
        &out.stderr,
        &["CA:TRUE", "hint:", "--ca-cert", "basicConstraints=critical,CA:FALSE"],
    );
    assert!(!out.stderr.contains("CaUsedAsEndEntity"), "{}", out.stderr);
    let (other, _) = self_signed(&env.work, "other", P256, both, "");
    let out = env.on(&remote(&by_name).with_ca(&other)).sh_code("status", 8);
    assert_has(&out.stderr, &["not the one in", other.to_str().unwrap()]);
    assert_no_secret(&out, &token);
    drop(server);

    // The README's certificate (CA:FALSE) is trusted through the usual path; named for localhost only,
    // reaching it as 127.0.0.1 is a name mismatch that says which names it has.
    let readme = "-addext basicConstraints=critical,CA:FALSE";
    let (cert, server) = serve(self_signed(&env.work, "readme", P256, "DNS:localhost", readme));
    let by_name = format!("https://localhost:{}", server.port());
    env.on(&remote(&by_name).with_ca(&cert)).sh("status");
    let out = env.on(&remote(&server.url).with_ca(&cert)).sh_code("status", 8);
    assert_has(&out.stderr, &["host name 127.0.0.1", "(it names localhost)", "IP:127.0.0.1"]);
    drop(server);
    // A pinned certificate must still be valid now.
    let (cert, server) = serve(expired_self_signed(&env.work, "expired"));
    let by_name = format!("https://localhost:{}", server.port());
    let out = env.on(&remote(&by_name).with_ca(&cert)).sh_code("status", 8);
    assert_has(&out.stderr, &["expired at 2021-01-01T00:00:00Z"]);
}

/// A URL that reaches something other than an LTS is exit 8 with a hint about the URL, not exit 1.
#[test]
fn a_server_url_that_is_not_an_lts_says_so() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten().take(4) {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let body = "<html>no such page</html>";
            let answer = format!(
                "HTTP/1.1 404 Not Found\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    let env = Env::new();
    let out = env.on(&Target::remote(&url, Some("ltsctl_x_y"))).sh_code("status", 8);
    assert_has(&out.stderr, &["404", "not as an LTS does", "hint:", "--server"]);
}

const LOGIN_SCRIPT: &str = r#"
L="$LTSCTL_BIN"
printf '%s' "$SECRET" |
  "$L" login --server "$URL" --profile "$PROFILE" --token-stdin >login.out 2>login.err
echo "login $?" >>codes
"$L" status -o json >status.out 2>status.err; echo "status $?" >>codes
"$L" profile list -o json >profiles.out 2>profiles.err; echo "profiles $?" >>codes
stat -c %a "$LTSCTL_CONFIG" >config.mode; cp "$LTSCTL_CONFIG" config.after-login
"$L" logout >logout.out 2>logout.err; echo "logout $?" >>codes
"$L" --profile "$PROFILE" status >gone.out 2>gone.err; echo "gone $?" >>codes
# The profile written back by hand: its token must have left the keyring with the logout.
printf '[profiles.%s]\nserver = "%s"\n' "$PROFILE" "$URL" >"$LTSCTL_CONFIG"
"$L" --profile "$PROFILE" status >notoken.out 2>notoken.err; echo "notoken $?" >>codes
"#;

#[test]
fn login_keeps_the_token_in_the_keyutils_store_and_logout_forgets_it() {
    if !have("keyctl", &["session", "-", "true"]) {
        eprintln!(
            "SKIPPED login_keeps_the_token_in_the_keyutils_store: no usable `keyctl` on PATH"
        );
        return;
    }
    let env = Env::new();
    let token = env.token("lab-admin", "operator");
    let server = env.serve(&["--rate-limit", "0"]);
    // A profile name of its own: the keyutils store links keys into the user's persistent keyring too.
    let profile = format!("lab-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let script = env.write("login.sh", LOGIN_SCRIPT);
    // One session keyring for the whole sequence; the secret goes by environment, never argv.
    let mut session = env.command_of("keyctl");
    session.args(["session", "-", "bash"]).arg(&script);
    session.env("LTSCTL_BIN", bin()).env("SECRET", &token);
    let out = session.env("URL", &server.url).env("PROFILE", &profile).output();
    let out = out.expect("keyctl session");
    let read = |name: &str| std::fs::read_to_string(env.work.join(name)).unwrap_or_default();
    let files = ["login.out", "login.err", "status.out", "status.err", "profiles.out"];
    let files = [&files[..], &["logout.err", "gone.err", "notoken.err"]].concat();
    let report = files.iter().map(|f| format!("--- {f}\n{}", read(f))).collect::<String>();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}\n{report}");
    let codes = "login 0\nstatus 0\nprofiles 0\nlogout 0\ngone 3\nnotoken 7\n";
    assert_eq!(read("codes"), codes, "{report}");

    let json_of = |f: &str| -> Value { serde_json::from_str(&read(f)).expect(f) };
    let login = json_of("login.out");
    let who =
        json!({"profile": profile, "actor": "lab-admin", "role": "operator", "server": server.url});
    subset(&login, who);
    assert_eq!(login["keyring"], "kernel keyutils store", "{login}");
    let status = json_of("status.out");
    assert_eq!(status["target"]["kind"], "remote", "{status}");
    let location = status["target"]["location"].as_str().unwrap();
    assert_has(location, &[&server.url]);
    let listed = json!([{"name": profile, "server": server.url, "ca_cert": null, "active": true}]);
    assert_eq!(json_of("profiles.out"), listed);
    assert_has(&read("notoken.err"), &["LTSCTL_TOKEN"]);

    let config = read("config.after-login");
    assert_has(&config, &[&server.url, &profile]);
    let secret = secret_of(&token);
    let pieces = (0..=secret.len() - 8).map(|i| &secret[i..i + 8]);
    let leaked = pieces.filter(|piece| config.contains(piece)).collect::<Vec<_>>();
    let clean = leaked.is_empty() && !config.contains(&token);
    assert!(clean, "the config holds the token:\n{config}");
    assert_eq!(read("config.mode").trim(), "600");
    for f in files {
        assert!(!read(f).contains(secret), "{f} shows the token");
    }
}

const FAILED_LOGIN_SCRIPT: &str = r#"
L="$LTSCTL_BIN"
attempt() {
  printf '%s' "$SECRET" | LTSCTL_CONFIG="$1" "$L" login --server "$URL" --profile "$PROFILE" \
    --token-stdin >/dev/null 2>"$2.err"
  echo "$2 $?" >>codes
  keyctl show @s >"$2.keys" 2>&1
  keyctl search @s user "keyring:$PROFILE@ltsctl" >/dev/null 2>&1; echo "$2 kept $?" >>codes
}
printf 'active_profile = [\n' >broken.toml
attempt "$PWD/broken.toml" broken
mkdir -p config-dir
attempt "$PWD/config-dir" directory
# Fails only when the profile is written, after the token went into the keyring.
attempt /sys/ltsctl-login-test.toml unwritable
printf '[profiles.%s]\nserver = "%s"\n' "$PROFILE" "$URL" >by-hand.toml
LTSCTL_CONFIG="$PWD/by-hand.toml" "$L" --profile "$PROFILE" status >/dev/null 2>notoken.err
echo "notoken $?" >>codes
"#;

#[test]
fn a_failed_login_leaves_no_token_in_the_keyring() {
    if !have("keyctl", &["session", "-", "true"]) {
        eprintln!(
            "SKIPPED a_failed_login_leaves_no_token_in_the_keyring: no usable `keyctl` on PATH"
        );
        return;
    }
    let env = Env::new();
    let token = env.token("lab-admin", "operator");
    let server = env.serve(&["--rate-limit", "0"]);
    let profile = format!("fail-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let script = env.write("failed-login.sh", FAILED_LOGIN_SCRIPT);
    let mut session = env.command_of("keyctl");
    session.args(["session", "-", "bash"]).arg(&script);
    session.env("LTSCTL_BIN", bin()).env("SECRET", &token);
    let out =
        session.env("URL", &server.url).env("PROFILE", &profile).output().expect("keyctl session");
    let read = |name: &str| std::fs::read_to_string(env.work.join(name)).unwrap_or_default();
    let report: String = ["broken", "directory", "unwritable", "notoken"]
        .iter()
        .map(|f| format!("--- {f}.err\n{}", read(&format!("{f}.err"))))
        .collect();
    assert!(out.status.success(), "{}\n{report}", String::from_utf8_lossy(&out.stderr));
    // Each login failed with its kind, and the keyring holds no token for the profile afterwards ("kept 1":
    // keyctl search found nothing), so nothing is left that `logout` could not reach.
    let codes = "broken 2\nbroken kept 1\ndirectory 2\ndirectory kept 1\n\
                 unwritable 6\nunwritable kept 1\nnotoken 7\n";
    assert_eq!(read("codes"), codes, "{report}");
    assert_has(&read("broken.err"), &["broken.toml", "TOML"]);
    assert_has(&read("directory.err"), &["is a directory"]);
    assert_has(&read("unwritable.err"), &["permission denied"]);
    for attempt in ["broken", "directory"] {
        let keys = read(&format!("{attempt}.keys"));
        assert!(!keys.contains(&profile), "{attempt}: the keyring lists the token:\n{keys}");
    }
    assert_has(&read("notoken.err"), &["no admin token"]);
    for f in ["broken.err", "directory.err", "unwritable.err"] {
        assert!(!read(f).contains(secret_of(&token)), "{f} shows the token");
    }
}

/// (actor, action, target, result) of `audit list` entries, newest first.
fn audit(env: &Env, t: &Target, extra: &str) -> Vec<[String; 4]> {
    let v = env.on(t).sh(&format!("audit list -o json {extra}"));
    let s = |e: &Value, k: &str| e[k].as_str().unwrap_or("").to_string();
    let entries = v.as_array().unwrap().iter();
    entries.map(|e| ["actor", "action", "target", "result"].map(|k| s(e, k))).collect()
}

#[test]
fn the_audit_log_names_the_token_or_local_and_keeps_refused_attempts() {
    let env = Env::new();
    write_files(&env);
    let alice = env.token("alice", "admin");
    let server = env.serve(&["--rate-limit", "0"]);
    let (remote, local) = (Target::remote(&server.url, Some(&alice)), env.local());
    env.on(&remote).sh("trust add issuer.pub.pem");
    env.on(&remote).sh(&format!("license import acme.lic --handshake {CODE} --create"));
    env.on(&remote).sh(&format!("handshake set {CODE} --overuse 5"));
    env.on(&remote).sh("token create carol --role viewer");
    env.on(&remote).sh_code(&format!("handshake create {CODE}"), 4);
    env.on(&local).sh(&format!("handshake domains add {CODE} example.com"));

    let e = |entry: [&str; 4]| entry.map(str::to_string);
    let key_id = issuer().public().key_id();
    let want = vec![
        e(["local", "handshake.domains.add", &format!("{CODE} example.com"), "ok"]),
        e(["alice", "handshake.create", CODE, "conflict"]),
        e(["alice", "token.create", "carol", "ok"]),
        e(["alice", "handshake.set", CODE, "ok"]),
        e(["alice", "license.import", LICENSE, "ok"]),
        e(["alice", "trust.add", &key_id, "ok"]),
        e(["local", "token.create", "alice", "ok"]),
    ];
    assert_eq!(audit(&env, &local, ""), want, "newest first");
    assert_eq!(audit(&env, &remote, ""), want, "through the server");
    assert_eq!(audit(&env, &remote, "--actor alice"), want[1..6]);
    let of_local = [want[0].clone(), want[6].clone()];
    assert_eq!(audit(&env, &local, "--actor local --since 1h"), of_local);
    assert_eq!(audit(&env, &local, "--since 1h"), want);
    assert_eq!(audit(&env, &local, "--limit 2"), want[..2]);
    let refused = env.on(&local).sh("audit list --actor alice --limit 1");
    assert_has(refused[0]["detail"].as_str().unwrap_or(""), &[CODE]);
}

#[test]
fn a_change_refused_for_the_role_is_in_the_audit_log() {
    let (env, _server, t) = role_fixture("viewer");
    env.on(&t).sh_code("trust add other.pub.pem", 6);
    env.on(&t).sh_code("sweep", 6);
    let entries = audit(&env, &env.local(), "--actor the-viewer");
    let results: Vec<(&str, &str)> =
        entries.iter().map(|e| (e[1].as_str(), e[3].as_str())).collect();
    // Refused before any operation runs: recorded as `denied` with the request that was refused.
    let denied = [("denied", "permission_denied"), ("denied", "permission_denied")];
    assert_eq!(results, denied);
    assert_eq!(entries[0][2], "POST /v1/admin/sweep");
    assert_eq!(entries[1][2], "POST /v1/admin/trust");
}

#[test]
fn profile_and_login_usage_errors() {
    let env = Env::new();
    let none = Target::none();
    assert_has(&env.on(&none).sh_code("profile use nope", 3).stderr, &["nope"]);
    let out = env.on(&none).sh_code("login --token-stdin", 2);
    assert_has(&out.stderr, &["--server"]);
    // No terminal to prompt on, and no --token-stdin.
    let server = Target::remote("http://127.0.0.1:1", None);
    assert_has(&env.on(&server).sh_code("login", 2).stderr, &["--token-stdin"]);
    let out = env.on(&server).run_stdin(&["login", "--token-stdin"], Some("\n"));
    expect_code(&out, 2, &["login", "--token-stdin"]);
    env.on(&none).sh_code("logout", 3);
    assert_eq!(env.on(&none).sh("profile list -o json"), json!([]));
    assert!(!env.config.exists(), "failed commands wrote no config");
}

#[test]
fn quiet_keeps_only_results_and_errors() {
    let env = Env::new();
    let local = env.local();
    env.on(&local).sh_code("init", 0);
    std::fs::write(&env.config, "colour = true\n").unwrap();
    let loud = env.on(&local).sh_code("status", 0);
    assert_has(&loud.stderr, &["warning:", "unknown key `colour`"]);
    let quiet = env.on(&local).sh_code("-q status", 0);
    assert_eq!(quiet.stderr, "", "-q printed a warning");
    assert_eq!(quiet.json()["lts_id"], loud.json()["lts_id"]);
    // Errors stay, their hints go.
    let loud = env.on(&local).sh_code("handshake show NOPE", 3);
    assert_has(&loud.stderr, &["ltsctl: error:", "NOPE", "hint:"]);
    let quiet = env.on(&local).sh_code("-q handshake show NOPE", 3);
    assert_has(&quiet.stderr, &["ltsctl: error:", "NOPE"]);
    assert!(
        !quiet.stderr.contains("hint:") && !quiet.stderr.contains("warning"),
        "{}",
        quiet.stderr
    );
}

/// `ltsctl TARGET ARGS` of `env` with `LTSCTL_CONFIG` set to `config`.
fn with_config(env: &Env, config: &std::path::Path, target: &Target, args: &[&str]) -> Out {
    env.on(target).env("LTSCTL_CONFIG", config).run(args)
}

#[test]
fn a_broken_config_blocks_only_the_commands_that_need_a_profile() {
    let env = Env::new();
    let token = env.token("alice", "viewer");
    let server = env.serve(&["--rate-limit", "0"]);
    let (local, remote) = (env.local(), Target::remote(&server.url, Some(&token)));
    std::fs::write(&env.config, "active_profile = [\n").unwrap();
    let config = env.config.to_str().unwrap();
    for t in [&local, &remote] {
        let out = env.on(t).sh_code("status", 0);
        assert_eq!(out.json()["lts_id"].as_str().map(str::len), Some(36), "{t:?}");
        assert_has(&out.stderr, &["ltsctl: warning:", config, "going on without its profiles"]);
        // -q silences the warning.
        let quiet = env.on(t).sh_code("-q status", 0);
        assert_eq!(quiet.stderr, "", "{t:?}");
    }
    // Without a target flag the active profile decides, so the error stands: a usage error with a hint.
    let out = env.on(&Target::none()).sh_code("status", 2);
    assert_has(&out.stderr, &[config, "TOML", "hint:", "config init --force"]);
    let out = env.on(&Target::none()).sh_code("profile list", 2);
    assert_has(&out.stderr, &[config]);

    // LTSCTL_CONFIG naming a directory: exit 2 where the config is needed, with the fix; a warning elsewhere.
    let dir = env.root.join("home");
    let shown = dir.to_str().unwrap();
    let out = with_config(&env, &dir, &Target::none(), &["config", "show"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert_has(&out.stderr, &[shown, "is a directory", "hint:", "LTSCTL_CONFIG="]);
    assert!(!out.stderr.contains("os error"), "{}", out.stderr);
    for args in [&["config", "init"][..], &["profile", "list"], &["logout"]] {
        let out = with_config(&env, &dir, &Target::none(), args);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert_has(&out.stderr, &["is a directory"]);
    }
    let out = with_config(&env, &dir, &local, &["status"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_has(&out.stderr, &["warning:", "is a directory"]);
}

#[test]
fn the_target_is_the_server_then_the_data_dir_then_the_active_profile() {
    let env = Env::new();
    let token = env.token("alice", "viewer");
    let server = env.serve(&["--rate-limit", "0"]);
    let kind = |flags: &[&str], vars: &[(&str, &str)]| -> String {
        let mut cmd = env.command();
        cmd.args(flags).args(["status", "-o", "json"]).env("LTSCTL_TOKEN", &token);
        let out = cmd.envs(vars.iter().copied()).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{flags:?} {vars:?}: {err}");
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        v["target"]["kind"].as_str().unwrap().to_string()
    };
    let (url, data) = (server.url.as_str(), env.data.to_str().unwrap());
    assert_eq!(kind(&["--server", url, "--data-dir", data], &[]), "remote");
    let by_env = kind(&["--data-dir", data], &[("LTSCTL_SERVER", url)]);
    assert_eq!(by_env, "remote");
    let profile = format!("active_profile = \"lab\"\n[profiles.lab]\nserver = \"{url}\"\n");
    std::fs::write(&env.config, profile).expect("config");
    assert_eq!(kind(&[], &[]), "remote");
    assert_eq!(kind(&[], &[("LTSCTL_DATA_DIR", data)]), "local");
    let out = env.on(&Target::none()).sh_code("--profile nope status", 3);
    assert_has(&out.stderr, &["nope"]);
}

#[test]
fn a_token_with_a_trailing_newline_is_not_reported_as_an_unreachable_server() {
    let env = Env::new();
    let token = env.token("alice", "viewer");
    let server = env.serve(&["--rate-limit", "0"]);
    // E.g. a CI secret stored with its final newline; `login --token-stdin` and the server both trim.
    let t = Target::remote(&server.url, Some(&format!("{token}\n")));
    let out = env.on(&t).sh_code("status", 0);
    assert_no_secret(&out, &token);
    // A newline inside it (two secrets pasted together, `token create -o json` instead of its field):
    // a credentials mistake, exit 7, not "cannot reach the LTS" (exit 8), and the token is not shown.
    let t = Target::remote(&server.url, Some(&format!("{token}\n{token}")));
    let out = env.on(&t).sh_code("status", 7);
    assert_has(&out.stderr, &["LTSCTL_TOKEN", "line breaks"]);
    assert_no_secret(&out, &token);
}

#[test]
fn names_made_of_dots_are_refused_where_they_are_created() {
    // `.` and `..` would be normalised away in the admin API's URL paths, so no token name or device
    // UUID may be made of dots only.
    let env = Env::new();
    let seeder = Seeder::open(&env.data, now_secs());
    seeder.import(CODE, "LIC-DOTS", &[Item::per_device("DOTS", 5, now_secs())]);
    let refused =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| seeder.authorize(CODE, "..")));
    assert!(refused.is_err(), "a device UUID of dots only is refused");
    drop(seeder);
    env.on(&env.local()).sh_code("token create .. --role viewer", 2);
    env.on(&env.local()).sh_code("token create . --role viewer", 2);
}
