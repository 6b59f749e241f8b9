use super::*;
use crate::server::client_addr::ForwardedHeader;

fn overrides(args: ServeArgs) -> Overrides {
    Overrides { args, data_dir: Some(PathBuf::from("/tmp/ltsctl-test-data")), database: None }
}

fn with_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("serve.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// A config file whose only key is `database_url_file`, naming a file that holds `url_text`.
fn with_url_file(url_text: &str) -> (tempfile::TempDir, Overrides) {
    let (dir, path) = with_file("");
    let url_file = dir.path().join("db-url");
    std::fs::write(&url_file, url_text).unwrap();
    let line = format!("database_url_file = {:?}\n", url_file.display().to_string());
    std::fs::write(&path, line).unwrap();
    let args = ServeArgs { config: Some(path), ..ServeArgs::default() };
    let ov = Overrides { args, data_dir: None, database: None };
    (dir, ov)
}

#[test]
fn the_example_loads_clean_and_every_key_in_it_is_valid() {
    let (s, warnings) = file::parse(EXAMPLE, "example").unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(s, file::FileSettings::default());
    // Uncommented (one store key of the three), every key parses without a warning.
    let uncommented: String = EXAMPLE
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if file::KEYS.iter().any(|k| rest.starts_with(&format!("{k} = ")))
                    && !rest.starts_with("database_url") =>
            {
                format!("{rest}\n")
            }
            _ => format!("{l}\n"),
        })
        .collect();
    let (s, warnings) = file::parse(&uncommented, "example").unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    for key in file::KEYS {
        if key.starts_with("database_url") {
            continue;
        }
        assert!(
            uncommented.lines().any(|l| l.starts_with(&format!("{key} = "))),
            "the example has no `{key}`"
        );
    }
    assert_eq!(s.rate_limit, Some((20, s.rate_limit.unwrap().1)));
}

#[test]
fn flags_override_the_file_and_the_file_overrides_defaults() {
    let (_dir, path) = with_file(
        "listen = \"127.0.0.1:9000\"\nrate_limit = 7\ntrusted_proxies = [\"10.0.0.0/8\"]\n\
         access_log = true\n",
    );
    let args = ServeArgs {
        config: Some(path.clone()),
        rate_limit: Some(3),
        forwarded_header: Some(ForwardedHeader::Forwarded),
        ..ServeArgs::default()
    };
    let (s, _) = resolve(&overrides(args)).unwrap();
    assert_eq!(s.listen.to_string(), "127.0.0.1:9000");
    assert_eq!(s.live.rate_limit.map(NonZeroU32::get), Some(3));
    assert_eq!(s.live.trusted_proxies.nets()[0].to_string(), "10.0.0.0/8");
    assert_eq!(s.live.forwarded_header, ForwardedHeader::Forwarded);
    assert!(s.live.access_log);
    let text = s.render();
    assert!(
        text.contains("listen = \"127.0.0.1:9000\"  # ") && text.contains("serve.toml:1"),
        "{text}"
    );
    assert!(text.contains("rate_limit = 3  # --rate-limit"), "{text}");
    assert!(text.contains("forwarded_header = \"forwarded\"  # --forwarded-header"), "{text}");
    assert!(text.contains("log_format = \"text\"  # default"), "{text}");
    // No file: the defaults.
    let (s, _) = resolve(&overrides(ServeArgs::default())).unwrap();
    assert_eq!(s.listen.to_string(), DEFAULT_LISTEN);
    assert_eq!(s.live.rate_limit.map(NonZeroU32::get), Some(DEFAULT_RATE_LIMIT));
    assert!(s.live.trusted_proxies.is_empty());
}

#[test]
fn a_database_url_file_is_read_and_its_password_never_shown() {
    let (_dir, ov) = with_url_file("postgres://lts:hunter2@db.internal/lts\n");
    let (s, _) = resolve(&ov).unwrap();
    match &s.store {
        Store::Database { url, .. } => {
            assert_eq!(url.as_str(), "postgres://lts:hunter2@db.internal/lts")
        }
        other => panic!("{other:?}"),
    }
    let shown = format!("{}{}", s.render(), s.to_json());
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("postgres://lts:****@db.internal/lts"), "{shown}");
    // The command line's data dir wins over the file's store.
    let ov = Overrides { data_dir: Some("/tmp/elsewhere".into()), ..ov };
    let (s, _) = resolve(&ov).unwrap();
    assert_eq!(s.store, Store::DataDir("/tmp/elsewhere".into()));
}

#[test]
fn a_url_file_that_holds_no_url_is_refused() {
    let (_dir, ov) = with_url_file("hunter2\n");
    let e = resolve(&ov).unwrap_err();
    assert_eq!(e.kind, crate::error::ErrorKind::Usage);
    assert!(e.message.contains("should hold one postgres:// URL"), "{e:?}");
    assert!(!e.message.contains("hunter2"));
}

#[test]
fn restart_only_changes_are_named() {
    let (s, _) = resolve(&overrides(ServeArgs::default())).unwrap();
    let mut t = s.clone();
    t.listen = "127.0.0.1:1".parse().unwrap();
    t.log_format = LogFormat::Json;
    t.live.rate_limit = None;
    assert_eq!(s.restart_only_changes(&t), ["listen", "log_format"]);
}

#[test]
fn metrics_listen_is_off_by_default_and_the_flag_overrides_the_file() {
    let (s, _) = resolve(&overrides(ServeArgs::default())).unwrap();
    assert_eq!(s.metrics_listen, None);
    assert!(s.render().contains("metrics_listen"), "{}", s.render());
    let (_dir, path) = with_file("metrics_listen = \"127.0.0.1:9464\"\n");
    let args = ServeArgs { config: Some(path.clone()), ..ServeArgs::default() };
    let (s, _) = resolve(&overrides(args)).unwrap();
    assert_eq!(s.metrics_listen, Some("127.0.0.1:9464".parse().unwrap()));
    assert_eq!(s.to_json()["settings"]["metrics_listen"], "127.0.0.1:9464");
    let args = ServeArgs {
        config: Some(path),
        metrics_listen: Some("127.0.0.1:9999".parse().unwrap()),
        ..ServeArgs::default()
    };
    let (s, _) = resolve(&overrides(args)).unwrap();
    assert_eq!(s.metrics_listen, Some("127.0.0.1:9999".parse().unwrap()));
    assert!(
        s.render().contains("metrics_listen = \"127.0.0.1:9999\"  # --metrics-listen"),
        "{}",
        s.render()
    );
    // A restart is what moves it.
    let mut moved = s.clone();
    moved.metrics_listen = None;
    assert_eq!(s.restart_only_changes(&moved), ["metrics_listen"]);
}

#[test]
fn metrics_are_never_served_on_the_device_port() {
    let args = ServeArgs {
        listen: Some("127.0.0.1:48080".parse().unwrap()),
        metrics_listen: Some("127.0.0.1:48080".parse().unwrap()),
        ..ServeArgs::default()
    };
    let e = resolve(&overrides(args)).unwrap_err();
    assert_eq!(e.kind, crate::error::ErrorKind::Usage);
    assert!(e.message.contains("is the device port"), "{}", e.message);
    // Port 0 on both is two free ports, not one.
    let args = ServeArgs {
        listen: Some("127.0.0.1:0".parse().unwrap()),
        metrics_listen: Some("127.0.0.1:0".parse().unwrap()),
        ..ServeArgs::default()
    };
    assert!(resolve(&overrides(args)).is_ok());
}
