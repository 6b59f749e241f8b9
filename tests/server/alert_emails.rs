//! Issue 19, alert e-mails: a real SMTP server (Debian's aiosmtpd) receives them over STARTTLS and over
//! implicit TLS; the SMTP settings are checked and the password is never shown.

use std::time::{Duration, Instant};

use super::alerts::FAST;
use crate::util::*;

/// The Python with Debian's aiosmtpd (`apt-get install python3-aiosmtpd`): the system one, whatever
/// `python3` is first on the PATH. `None` when it is missing; under `.ci/run` (LTSCTL_CI=1) that fails.
fn aiosmtpd_python() -> Option<&'static str> {
    let found = ["/usr/bin/python3", "python3"].into_iter().find(|py| {
        std::process::Command::new(py)
            .args(["-c", "import aiosmtpd"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("LTSCTL_CI").is_none(),
            "aiosmtpd is missing under CI: apt-get install python3-aiosmtpd"
        );
        eprintln!(
            "e-mail test skipped: aiosmtpd is not installed (apt-get install python3-aiosmtpd)"
        );
    }
    found
}

/// A real SMTP server (aiosmtpd, its debugging handler printing each message) on 127.0.0.1 with TLS:
/// STARTTLS required, or implicit TLS.
struct SmtpServer {
    child: std::process::Child,
    port: u16,
    out: std::path::PathBuf,
}

impl SmtpServer {
    fn start(python: &str, env: &Env, implicit: bool) -> (SmtpServer, std::path::PathBuf) {
        let dir = env.root.join(if implicit { "smtps" } else { "smtp" });
        std::fs::create_dir_all(&dir).unwrap();
        let (ca, cert, key) = crate::util::tls::ca_and_cert(&dir, "smtp", "IP:127.0.0.1");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let out = dir.join("received.txt");
        let (cert_flag, key_flag) =
            if implicit { ("--smtpscert", "--smtpskey") } else { ("--tlscert", "--tlskey") };
        let child = std::process::Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .arg(cert_flag)
            .arg(&cert)
            .arg(key_flag)
            .arg(&key)
            .env("PYTHONUNBUFFERED", "1")
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(std::fs::File::create(dir.join("smtp.err")).unwrap())
            .spawn()
            .expect("start aiosmtpd");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "aiosmtpd did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        (SmtpServer { child, port, out }, ca)
    }

    fn received(&self) -> String {
        std::fs::read_to_string(&self.out).unwrap_or_default()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alert_mails_reach_a_real_smtp_server_over_starttls_and_implicit_tls() {
    let Some(python) = aiosmtpd_python() else {
        return;
    };
    for implicit in [false, true] {
        let lts = Env::with_items(&[Item::per_device("AL-MAIL", 1, now_secs())]);
        lts.ok(&["alerts", "email", "add", "ops@example.com"]);
        let (smtp, ca) = SmtpServer::start(python, &lts, implicit);
        let port = smtp.port.to_string();
        let mut args = FAST.to_vec();
        args.extend([
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            &port,
            "--smtp-tls",
            if implicit { "implicit" } else { "starttls" },
            "--smtp-from",
            "LTS <lts@example.com>",
            "--smtp-ca-cert",
            ca.to_str().unwrap(),
        ]);
        let server = lts.serve(&args);
        ok(server.api().authorize(CODE, "m-1", PRODUCT, "desktop").await);
        let started = Instant::now();
        while !smtp.received().contains("ltsctl alerts list") {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no mail (implicit {implicit}): {}\n{}",
                smtp.received(),
                server.stderr_text()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Quoted-printable: soft line breaks joined.
        let mail = smtp.received().replace("=\n", "");
        assert!(mail.contains("Subject: LTS alert: AL-MAIL at 100 % of its quota"), "{mail}");
        assert!(mail.contains("To: ops@example.com"), "{mail}");
        assert!(mail.contains("reached 100 % of its quota: 1 of 1 devices"), "{mail}");
        drop(server);
        let attempts = lts.ok(&["alerts", "deliveries"]);
        assert_eq!(attempts[0]["channel"], "email");
        assert_eq!(attempts[0]["status_code"], 250, "{attempts:#}");
        assert_eq!(attempts[0]["state"], "delivered");
        assert_eq!(lts.ok(&["alerts", "list"])[0]["delivery"], "delivered");
    }
}

#[test]
fn smtp_settings_are_checked_and_the_password_never_shown() {
    let lts = Env::new();
    let err = lts.fails(&["serve", "--smtp-host", "smtp.example.com", "--print-config"], 2);
    assert!(err.contains("`smtp_host` is set without `smtp_from`"), "{err}");
    let err = lts.fails(
        &[
            "serve",
            "--smtp-host",
            "smtp.example.com",
            "--smtp-from",
            "lts@example.com",
            "--smtp-username",
            "lts",
            "--print-config",
        ],
        2,
    );
    assert!(err.contains("LTSCTL_SMTP_PASSWORD"), "{err}");
    let pw = lts.write("smtp-password", "hunter2-smtp\n");
    let out = lts.ok(&[
        "serve",
        "--smtp-host",
        "smtp.example.com",
        "--smtp-from",
        "lts@example.com",
        "--smtp-username",
        "lts",
        "--smtp-password-file",
        pw.to_str().unwrap(),
        "--print-config",
    ]);
    assert_eq!(out["settings"]["smtp_port"], 587);
    assert_eq!(out["sources"]["smtp_host"], "--smtp-host");
    assert!(!out.to_string().contains("hunter2-smtp"), "{out}");
}

/// An SMTP server (aiosmtpd's `Controller`) requiring STARTTLS and a login: `lts` with `PASSWORD`
/// (the script's third argument); each accepted mail is appended to the output file, after a line
/// naming the login it was sent under.
const AUTH_SERVER: &str = r#"
import ssl, sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
port, cert, key, password, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
class Handler:
    async def handle_DATA(self, server, session, envelope):
        with open(out, "ab") as f:
            f.write(b"LOGIN " + (session.auth_data or b"-") + b"\n" + envelope.content + b"\n")
        return "250 OK"
def check(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and data.login == b"lts" and data.password == password.encode()
    return AuthResult(success=ok, handled=False, auth_data=data.login if ok else None)
ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain(cert, key)
Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=ctx, require_starttls=True,
           authenticator=check, auth_required=True).start()
while True:
    time.sleep(60)
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_smtp_login_takes_the_password_from_its_file() {
    let Some(python) = aiosmtpd_python() else {
        return;
    };
    let lts = Env::with_items(&[Item::per_device("AL-AUTH", 1, now_secs())]);
    lts.ok(&["alerts", "email", "add", "ops@example.com"]);
    let dir = lts.root.join("smtp-auth");
    std::fs::create_dir_all(&dir).unwrap();
    let (ca, cert, key) = crate::util::tls::ca_and_cert(&dir, "smtp", "IP:127.0.0.1");
    let script = lts.write("auth_smtp.py", AUTH_SERVER);
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let out = dir.join("received.txt");
    let mut child = std::process::Command::new(python)
        .arg(&script)
        .arg(port.to_string())
        .arg(&cert)
        .arg(&key)
        .arg("pw-from-file")
        .arg(&out)
        .stderr(std::fs::File::create(dir.join("smtp.err")).unwrap())
        .spawn()
        .expect("start the SMTP server");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "the SMTP server did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    let pw = lts.write("smtp-password", "pw-from-file\n");
    let port = port.to_string();
    let mut args = FAST.to_vec();
    args.extend([
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        &port,
        "--smtp-from",
        "lts@example.com",
        "--smtp-username",
        "lts",
        "--smtp-password-file",
        pw.to_str().unwrap(),
        "--smtp-ca-cert",
        ca.to_str().unwrap(),
    ]);
    let server = lts.serve(&args);
    ok(server.api().authorize(CODE, "a-1", PRODUCT, "desktop").await);
    let read = || std::fs::read_to_string(&out).unwrap_or_default();
    while !read().contains("ltsctl alerts list") {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no mail: {}\n{}",
            read(),
            server.stderr_text()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(read().starts_with("LOGIN lts\n"), "{}", read());
    assert!(!server.stderr_text().contains("pw-from-file"));
    let _ = child.kill();
    let _ = child.wait();
}
