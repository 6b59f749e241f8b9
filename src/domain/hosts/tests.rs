//! Tables for the binding rules; each row is a case an attacker or a careless operator would try.

use super::*;

/// `host` as a client would send it; a host that fails to parse must never be admitted.
fn check(binding: &str, host: &str, expected: bool) {
    let b = DomainBinding::parse(binding)
        .unwrap_or_else(|e| panic!("binding {binding:?} should parse: {e}"));
    let got = match NormalizedHost::from_origin_or_host(host) {
        Ok(h) => {
            assert_eq!(admitted(std::slice::from_ref(&b), Some(&h)), b.admits(&h));
            b.admits(&h)
        }
        Err(_) => false,
    };
    assert_eq!(got, expected, "binding {binding:?} vs host {host:?}");
}

#[test]
fn binding_admission_table() {
    let cases: &[(&str, &str, bool)] = &[
        // Registrable domain: itself and every subdomain.
        ("example.com", "example.com", true),
        ("example.com", "www.example.com", true),
        ("example.com", "a.b.example.com", true),
        ("example.com", "https://app.example.com:8443", true),
        ("example.com", "example.org", false),
        ("example.com", "notexample.com", false),
        ("example.com", "evil-example.com", false),
        ("example.com", "example.com.evil.net", false),
        ("example.com", "https://example.com.evil.net", false),
        ("example.com", "com", false),
        // Wildcard: subdomains only, never the apex.
        ("*.example.com", "example.com", false),
        ("*.example.com", "https://example.com", false),
        ("*.example.com", "www.example.com", true),
        ("*.example.com", "a.b.example.com", true),
        ("*.example.com", "notexample.com", false),
        ("*.app.example.com", "x.app.example.com", true),
        ("*.app.example.com", "app.example.com", false),
        // Exact host deeper than the registrable domain.
        ("app.example.com", "app.example.com", true),
        ("app.example.com", "http://app.example.com:80", true),
        ("app.example.com", "example.com", false),
        ("app.example.com", "www.app.example.com", false),
        ("app.example.com", "other.example.com", false),
        // Case and trailing dots.
        ("EXAMPLE.com", "WWW.Example.COM", true),
        ("example.com.", "www.example.com", true),
        ("example.com", "www.example.com.", true),
        ("App.Example.com", "https://APP.example.com.:443", true),
        // Ports and schemes neither widen nor narrow.
        ("example.com", "example.com:8080", true),
        ("example.com", "http://example.com", true),
        ("example.com", "HTTPS://example.com/", true),
        ("app.example.com", "wss://app.example.com", true),
        // Multi-tenant platforms: a tenant never admits a sibling.
        ("acme.github.io", "acme.github.io", true),
        ("acme.github.io", "docs.acme.github.io", true),
        ("acme.github.io", "evil.github.io", false),
        ("acme.github.io", "github.io", false),
        ("*.acme.github.io", "x.acme.github.io", true),
        ("*.acme.github.io", "acme.github.io", false),
        ("acme.herokuapp.com", "acme.herokuapp.com", true),
        ("acme.herokuapp.com", "evil.herokuapp.com", false),
        ("acme.force.com", "acme.force.com", true),
        ("acme.force.com", "evil.force.com", false),
        ("acme.force.com", "force.com", false),
        ("acme.my.salesforce.com", "evil.my.salesforce.com", false),
        // IDN: Unicode and punycode are one name; look-alikes are not.
        ("bücher.example", "xn--bcher-kva.example", true),
        ("xn--bcher-kva.example", "https://bücher.example", true),
        ("BÜCHER.example", "shop.Bücher.EXAMPLE", true),
        ("XN--BCHER-KVA.example", "bücher.example", true),
        ("bücher.example", "bucher.example", false),
        ("example.com", "ex\u{0430}mple.com", false),
        ("bücher.example", "xn--bcher-kva.example.evil.net", false),
        // Multi-label public suffixes.
        ("example.co.uk", "example.co.uk", true),
        ("example.co.uk", "www.example.co.uk", true),
        ("example.co.uk", "other.co.uk", false),
        ("example.co.uk", "co.uk", false),
        ("www.example.co.uk", "example.co.uk", false),
        ("www.example.co.uk", "www.example.co.uk", true),
        // IP literals are exact hosts.
        ("192.0.2.10", "192.0.2.10", true),
        ("192.0.2.10", "http://192.0.2.10:8080", true),
        ("192.0.2.10", "192.0.2.11", false),
        ("192.0.2.10", "x.192.0.2.10", false),
        ("[2001:db8::1]", "https://[2001:DB8:0::1]:443", true),
        ("2001:db8::1", "[2001:db8::1]", true),
        ("::1", "[::1]", true),
        ("::1", "[::2]", false),
        ("::1", "localhost", false),
        // localhost is exact.
        ("localhost", "http://localhost:3000", true),
        ("localhost", "LOCALHOST.", true),
        ("localhost", "app.localhost", false),
        ("localhost", "localhost.example.com", false),
        ("example.com", "localhost", false),
        // Hosts that smuggle another host, or none.
        ("example.com", "https://example.com@evil.net", false),
        ("example.com", "https://evil.net#example.com", false),
        ("example.com", "https://evil.net/example.com", false),
        ("example.com", "https://evil.net\\example.com", false),
        ("example.com", "null", false),
        ("example.com", "", false),
        ("example.com", "https://example.com:99999", false),
        ("example.com", "https://example.com\u{ff0f}x", false),
        // Hosts a browser may send but a binding may not contain.
        ("example.com", "my_app.example.com", true),
    ];
    assert!(cases.len() >= 40);
    for (binding, host, expected) in cases {
        check(binding, host, *expected);
    }
}

#[test]
fn rejected_bindings_table() {
    type Is = fn(&HostError) -> bool;
    let long_label = format!("{}.com", "a".repeat(64));
    let long_host = format!("{}.com", vec!["a".repeat(60); 5].join("."));
    let cases: &[(&str, Is)] = &[
        ("com", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("co.uk", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("github.io", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("GitHub.IO.", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("herokuapp.com", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("force.com", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("lightning.force.com", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("s3.amazonaws.com", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("x.compute.amazonaws.com", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("公司.cn", |e| matches!(e, HostError::PublicSuffix { .. })),
        ("*.com", |e| matches!(e, HostError::WildcardOverSuffix { .. })),
        ("*.co.uk", |e| matches!(e, HostError::WildcardOverSuffix { .. })),
        ("*.github.io", |e| matches!(e, HostError::WildcardOverSuffix { .. })),
        ("*.force.com", |e| matches!(e, HostError::WildcardOverSuffix { .. })),
        ("*.localhost", |e| matches!(e, HostError::WildcardOverSuffix { .. })),
        ("https://example.com", |e| matches!(e, HostError::HasScheme { .. })),
        ("example.com:443", |e| matches!(e, HostError::HasPort { .. })),
        ("example.com:", |e| matches!(e, HostError::HasPort { .. })),
        ("[::1]:80", |e| matches!(e, HostError::HasPort { .. })),
        ("example.com/app", |e| matches!(e, HostError::HasPath { .. })),
        ("example.com?x", |e| matches!(e, HostError::HasPath { .. })),
        ("user@example.com", |e| matches!(e, HostError::HasUserinfo { .. })),
        ("", |e| matches!(e, HostError::Empty)),
        ("   ", |e| matches!(e, HostError::Empty)),
        ("exa mple.com", |e| matches!(e, HostError::InvalidChar { ch: ' ', .. })),
        ("my_app.example.com", |e| matches!(e, HostError::InvalidChar { ch: '_', .. })),
        ("exa%6dple.com", |e| matches!(e, HostError::InvalidChar { ch: '%', .. })),
        ("mailto:x", |e| matches!(e, HostError::InvalidChar { ch: ':', .. })),
        ("example\u{ff0f}com", |e| matches!(e, HostError::InvalidChar { ch: '/', .. })),
        ("a..com", |e| matches!(e, HostError::EmptyLabel { .. })),
        (".example.com", |e| matches!(e, HostError::EmptyLabel { .. })),
        ("example.com..", |e| matches!(e, HostError::EmptyLabel { .. })),
        (&long_label, |e| matches!(e, HostError::LabelTooLong { len: 64, .. })),
        (&long_host, |e| matches!(e, HostError::HostTooLong { .. })),
        ("-bad.example.com", |e| matches!(e, HostError::BadHyphen { .. })),
        ("bad-.example.com", |e| matches!(e, HostError::BadHyphen { .. })),
        ("xn--zz.com", |e| matches!(e, HostError::Idna { .. })),
        ("*.*.example.com", |e| matches!(e, HostError::BadWildcard { .. })),
        ("*example.com", |e| matches!(e, HostError::BadWildcard { .. })),
        ("app.*.example.com", |e| matches!(e, HostError::BadWildcard { .. })),
        ("*", |e| matches!(e, HostError::BadWildcard { .. })),
        ("*.", |e| matches!(e, HostError::BadWildcard { .. })),
        ("*.192.0.2.1", |e| matches!(e, HostError::WildcardIp { .. })),
        ("*.[::1]", |e| matches!(e, HostError::WildcardIp { .. })),
        ("999.1.1.1", |e| matches!(e, HostError::BadIp { .. })),
        ("127.1", |e| matches!(e, HostError::BadIp { .. })),
        ("0x7f.0.0.1", |e| matches!(e, HostError::BadIp { .. })),
        ("example.0x1f", |e| matches!(e, HostError::BadIp { .. })),
        ("fe80::1%eth0", |e| matches!(e, HostError::BadIp { .. })),
        ("intranet", |e| matches!(e, HostError::SingleLabel { .. })),
    ];
    for (input, is_expected) in cases {
        let err = DomainBinding::parse(input).expect_err(input);
        assert!(is_expected(&err), "{input:?} gave {err:?}");
        let msg = err.to_string();
        assert!(msg.contains("; "), "message says how to fix: {msg}");
    }
}

#[test]
fn canonical_forms_and_kinds() {
    let cases = [
        ("Example.COM.", "example.com", BindingKind::Registrable),
        ("  example.com  ", "example.com", BindingKind::Registrable),
        ("Bücher.Example", "xn--bcher-kva.example", BindingKind::Registrable),
        ("*.EXAMPLE.com", "*.example.com", BindingKind::Subdomains),
        ("app.example.com", "app.example.com", BindingKind::ExactHost),
        ("acme.github.io", "acme.github.io", BindingKind::Registrable),
        ("city.kawasaki.jp", "city.kawasaki.jp", BindingKind::Registrable),
        ("www.ck", "www.ck", BindingKind::Registrable),
        ("localhost", "localhost", BindingKind::ExactHost),
        ("192.0.2.10", "192.0.2.10", BindingKind::ExactHost),
        ("[2001:DB8:0:0::1]", "2001:db8::1", BindingKind::ExactHost),
        ("app.internal", "app.internal", BindingKind::Registrable),
    ];
    for (input, canonical, kind) in cases {
        let b = DomainBinding::parse(input).unwrap();
        assert_eq!(b.as_str(), canonical, "{input}");
        assert_eq!(b.kind(), kind, "{input}");
        assert_eq!(b.to_string(), canonical);
        // What the database stores parses back to the same binding.
        assert_eq!(DomainBinding::parse(b.as_str()).unwrap(), b);
        assert_eq!(canonical.parse::<DomainBinding>().unwrap(), b);
    }
}

#[test]
fn normalised_hosts() {
    let cases = [
        ("https://APP.Example.com:8443", "app.example.com"),
        ("app.example.com:8443", "app.example.com"),
        ("Bücher.example.", "xn--bcher-kva.example"),
        ("http://[::1]:8080", "::1"),
        ("::1", "::1"),
        ("http://127.0.0.1", "127.0.0.1"),
        ("intranet", "intranet"),
        ("https://example.com/", "example.com"),
        ("example.com:", "example.com"),
    ];
    for (input, want) in cases {
        assert_eq!(NormalizedHost::from_origin_or_host(input).unwrap().as_str(), want, "{input}");
    }
    assert_eq!(NormalizedHost::from_origin_or_host("null"), Err(HostError::NullOrigin));
    assert!(matches!(
        NormalizedHost::from_origin_or_host("1ttp://example.com"),
        Err(HostError::BadScheme { .. })
    ));
    assert!(matches!(
        NormalizedHost::from_origin_or_host("example.com:http"),
        Err(HostError::BadPort { .. })
    ));
    let huge = "a".repeat(5000);
    assert!(matches!(
        NormalizedHost::from_origin_or_host(&huge),
        Err(HostError::HostTooLong { .. })
    ));
}

#[test]
fn empty_binding_list_admits_everything() {
    let host = NormalizedHost::from_origin_or_host("anything.example").unwrap();
    assert!(admitted(&[], Some(&host)));
    assert!(admitted(&[], None));

    let bindings = [
        DomainBinding::parse("example.com").unwrap(),
        DomainBinding::parse("*.example.org").unwrap(),
    ];
    assert!(!admitted(&bindings, None));
    assert!(!admitted(&bindings, Some(&host)));
    let www_org = NormalizedHost::from_origin_or_host("www.example.org").unwrap();
    assert!(admitted(&bindings, Some(&www_org)));
    let org = NormalizedHost::from_origin_or_host("example.org").unwrap();
    assert!(!admitted(&bindings, Some(&org)));
}

#[test]
fn every_extra_shared_suffix_is_refused() {
    for suffix in EXTRA_SHARED_SUFFIXES {
        assert!(
            matches!(DomainBinding::parse(suffix), Err(HostError::PublicSuffix { .. })),
            "{suffix}"
        );
        let tenant = DomainBinding::parse(&format!("acme.{suffix}")).unwrap();
        assert_eq!(tenant.kind(), BindingKind::Registrable, "{suffix}");
        let sibling = NormalizedHost::from_origin_or_host(&format!("evil.{suffix}")).unwrap();
        assert!(!tenant.admits(&sibling), "{suffix}");
    }
}
