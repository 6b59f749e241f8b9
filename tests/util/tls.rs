//! Certificates for the TLS tests, made with the `openssl` CLI (skipped where it is missing: [`have`]):
//! a private CA and server certificates it signs, self-signed certificates, and an expired one.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `-newkey` for a P-256 key.
pub const P256: &str = "ec -pkeyopt ec_paramgen_curve:prime256v1";
/// `-newkey` for an Ed25519 key.
pub const ED25519: &str = "ed25519";

/// Whether `program PROBE...` runs and succeeds (tools the environment may lack: openssl, keyctl).
pub fn have(program: &str, probe: &[&str]) -> bool {
    let out = Command::new(program).args(probe).output();
    out.is_ok_and(|o| o.status.success())
}

/// `openssl ARGS` (a command line split on whitespace) in `dir`; it must succeed.
#[track_caller]
fn openssl(dir: &Path, line: &str) {
    let args: Vec<&str> = line.split_whitespace().collect();
    let out = Command::new("openssl").args(&args).current_dir(dir).output();
    let out = out.expect("run openssl");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "openssl {line}: {err}");
}

/// A private CA (`ca.pem`, made once per dir) and a server certificate `NAME.pem` / `NAME.key` signed by
/// it for the subject alternative names `san` (e.g. `DNS:localhost,IP:127.0.0.1`): (ca, cert, key).
pub fn ca_and_cert(dir: &Path, name: &str, san: &str) -> (PathBuf, PathBuf, PathBuf) {
    let p256 = format!("-newkey {P256} -nodes");
    if !dir.join("ca.pem").exists() {
        openssl(
            dir,
            &format!(
                "req -x509 {p256} -days 2 -keyout ca.key -out ca.pem -subj /CN=ltsctl-test-CA \
                 -addext basicConstraints=critical,CA:TRUE \
                 -addext keyUsage=critical,keyCertSign,cRLSign"
            ),
        );
    }
    let ext = format!(
        "subjectAltName={san}\nbasicConstraints=critical,CA:FALSE\n\
         keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
    );
    std::fs::write(dir.join(format!("{name}.ext")), ext).expect("ext file");
    openssl(
        dir,
        &format!("req -new {p256} -keyout {name}.key -out {name}.csr -subj /CN=localhost"),
    );
    openssl(
        dir,
        &format!(
            "x509 -req -in {name}.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
             -out {name}.pem -extfile {name}.ext"
        ),
    );
    let at = |f: String| dir.join(f);
    (at("ca.pem".into()), at(format!("{name}.pem")), at(format!("{name}.key")))
}

/// A self-signed server certificate `NAME.pem` / `NAME.key` with a `key` key ([`P256`], [`ED25519`]) for
/// `san`, made the way README shows, with `openssl req -x509` and `extra` options (e.g. `-addext
/// basicConstraints=critical,CA:FALSE`; without it OpenSSL's default configuration makes it `CA:TRUE`):
/// (cert, key).
pub fn self_signed(
    dir: &Path,
    name: &str,
    key: &str,
    san: &str,
    extra: &str,
) -> (PathBuf, PathBuf) {
    openssl(
        dir,
        &format!(
            "req -x509 -newkey {key} -nodes -days 2 \
             -keyout {name}.key -out {name}.pem -subj /CN=localhost -addext subjectAltName={san} {extra}"
        ),
    );
    (dir.join(format!("{name}.pem")), dir.join(format!("{name}.key")))
}

/// A self-signed `CA:TRUE` certificate for localhost that expired in 2021 (`openssl ca -selfsign` is the
/// only OpenSSL 3.0 command that sets both dates): (cert, key).
pub fn expired_self_signed(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let ca = dir.join(format!("{name}-ca"));
    std::fs::create_dir_all(&ca).expect("dir");
    std::fs::write(ca.join("index.txt"), "").expect("index");
    std::fs::write(ca.join("serial"), "01\n").expect("serial");
    let cnf = "[ca]\ndefault_ca = local\n[local]\ndatabase = index.txt\nserial = serial\n\
        new_certs_dir = .\ndefault_md = sha256\npolicy = any\ncopy_extensions = copy\n\
        unique_subject = no\n[any]\ncommonName = supplied\n[req]\ndistinguished_name = dn\n\
        prompt = no\n[dn]\nCN = localhost\n[ext]\nbasicConstraints = critical,CA:TRUE\n\
        subjectAltName = DNS:localhost,IP:127.0.0.1\n";
    std::fs::write(ca.join("ca.cnf"), cnf).expect("config");
    openssl(
        &ca,
        &format!(
            "req -new -newkey {P256} -nodes -keyout old.key \
             -out old.csr -config ca.cnf"
        ),
    );
    openssl(
        &ca,
        "ca -batch -config ca.cnf -selfsign -keyfile old.key -in old.csr -out old.pem -notext \
         -startdate 20200101000000Z -enddate 20210101000000Z -extfile ca.cnf -extensions ext",
    );
    (ca.join("old.pem"), ca.join("old.key"))
}
