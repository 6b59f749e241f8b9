//! Webhook deliveries per the Standard Webhooks specification: a JSON body signed with the webhook's
//! `whsec_` secret (HMAC-SHA256 by the `standardwebhooks` crate) in `webhook-id`, `webhook-timestamp` and
//! `webhook-signature`. A delivery is one POST with a timeout; redirects are answered as failures, never
//! followed (a redirect could lead the LTS anywhere). The target's addresses are resolved first and
//! checked: loopback, private, link-local and other internal addresses are refused unless the webhook
//! was added with `--allow-private`, and the request goes to exactly the addresses checked (no second
//! DNS lookup a rebinding name could answer differently).

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use base64::Engine;
use reqwest::Url;

use crate::error::{Error, Result};
use crate::store::WebhookRow;

/// The whole request, connection to response headers.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How one attempt went: delivered when `error` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub status_code: Option<i64>,
    pub error: Option<String>,
    pub ms: i64,
}

/// A new signing secret: `whsec_` and 32 random bytes in base64, as Standard Webhooks libraries take it.
pub fn new_secret() -> Result<String> {
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).map_err(|e| Error::internal(format!("no randomness: {e}")))?;
    Ok(format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(key)))
}

/// The longest webhook URL taken: far above any real receiver's, low enough that listings, audit entries
/// and error messages stay readable.
pub const MAX_URL_LEN: usize = 2048;

/// How much of a refused URL an error message or audit entry quotes.
const SHOWN_LEN: usize = 200;

/// A URL as error messages and audit entries may show it: without any user or password (a refused URL
/// with credentials must not put them in the audit log or the server's answer), and cut to
/// [`SHOWN_LEN`] characters.
pub fn redacted(url: &str) -> String {
    let mut shown = match Url::parse(url) {
        Ok(mut u) if !u.username().is_empty() || u.password().is_some() => {
            let _ = u.set_password(None);
            let _ = u.set_username("***");
            u.to_string()
        }
        Ok(_) => url.to_string(),
        // Not a URL at all: whatever precedes the last `@` may be credentials.
        Err(_) => match url.rfind('@') {
            Some(at) => {
                let start = url.find("://").map_or(0, |i| i + 3).min(at);
                format!("{}***{}", &url[..start], &url[at..])
            }
            None => url.to_string(),
        },
    };
    if let Some((cut, _)) = shown.char_indices().nth(SHOWN_LEN) {
        shown.truncate(cut);
        shown.push_str("...");
    }
    shown
}

/// Checks a webhook URL when it is added: http(s), a host, no credentials, at most [`MAX_URL_LEN`]
/// characters, and (without `allow_private`) not an internal address literally.
pub fn check_url(url: &str, allow_private: bool) -> Result<Url> {
    let fix = "give an http:// or https:// URL, e.g. https://hooks.example.com/lts";
    let shown = redacted(url);
    if url.len() > MAX_URL_LEN {
        return Err(Error::usage(format!(
            "invalid webhook URL {shown:?}: it is {} characters long, more than {MAX_URL_LEN}",
            url.len()
        ))
        .with_hint(fix));
    }
    let parsed = Url::parse(url)
        .map_err(|e| Error::usage(format!("invalid webhook URL {shown:?}: {e}")).with_hint(fix))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Error::usage(format!(
            "invalid webhook URL {shown:?}: the scheme is {}, not http or https",
            parsed.scheme()
        ))
        .with_hint(fix));
    }
    let Some(host) = parsed.host_str() else {
        return Err(
            Error::usage(format!("invalid webhook URL {shown:?}: it names no host")).with_hint(fix)
        );
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Error::usage(format!(
            "invalid webhook URL {shown:?}: it holds credentials"
        ))
        .with_hint("the signature authenticates the LTS to the receiver; put no user or password in the URL"));
    }
    if !allow_private {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        // `localhost.` is `localhost` to a resolver.
        let name = host.trim_end_matches('.').to_ascii_lowercase();
        let internal = match host.parse::<IpAddr>() {
            Ok(ip) => is_internal(ip),
            Err(_) => name == "localhost" || name.ends_with(".localhost"),
        };
        if internal {
            return Err(Error::usage(format!(
                "webhook URL {shown:?} is a loopback, private or link-local address"
            ))
            .with_hint(
                "add --allow-private if the receiver is meant to be on this machine or network",
            ));
        }
    }
    Ok(parsed)
}

/// Addresses a webhook may not reach without `allow_private`: loopback, RFC 1918 and unique-local,
/// link-local (cloud metadata services live there), carrier-grade NAT, unspecified, multicast,
/// broadcast and documentation ranges; an IPv6 address that carries an IPv4 one (mapped, compatible,
/// NAT64, 6to4) is judged by it.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_multicast()
                || v4.is_broadcast()
                || v4.is_documentation()
                || (o[0] == 100 && (o[1] & 0xc0) == 64)
                || o[0] == 0
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_internal(IpAddr::V4(v4));
            }
            let s = v6.segments();
            let o = v6.octets();
            let embedded = |at: usize| {
                IpAddr::V4(std::net::Ipv4Addr::new(o[at], o[at + 1], o[at + 2], o[at + 3]))
            };
            // IPv4-compatible (`::a.b.c.d`, deprecated) and NAT64 (`64:ff9b::a.b.c.d`) reach the IPv4
            // address in their last 32 bits; 6to4 (`2002:AABB:CCDD::`) the one in bits 16-48.
            if s[..6] == [0; 6] || s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                return is_internal(embedded(12));
            }
            if s[0] == 0x2002 && is_internal(embedded(2)) {
                return true;
            }
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
                // Site-local (deprecated, still routed inside some networks) and documentation.
                || (s[0] & 0xffc0) == 0xfec0
                || (s[0] == 0x2001 && s[1] == 0x0db8)
        }
    }
}

/// The `webhook-signature` header value for a message.
pub fn sign(secret: &str, msg_id: &str, timestamp: i64, body: &str) -> Result<String> {
    let hook = standardwebhooks::Webhook::new(secret)
        .map_err(|e| Error::internal(format!("the stored webhook secret is unusable: {e}")))?;
    hook.sign(msg_id, timestamp, body.as_bytes())
        .map_err(|e| Error::internal(format!("signing the webhook: {e}")))
}

fn failed(started: Instant, status: Option<i64>, why: String) -> Attempt {
    Attempt { status_code: status, error: Some(why), ms: started.elapsed().as_millis() as i64 }
}

/// One POST of `body` to the webhook, signed now.
pub async fn send(hook: &WebhookRow, msg_id: &str, body: &str) -> Attempt {
    let started = Instant::now();
    let url = match Url::parse(&hook.url) {
        Ok(u) => u,
        Err(e) => return failed(started, None, format!("the stored URL is invalid: {e}")),
    };
    let Some(host) = url.host_str().map(str::to_string) else {
        return failed(started, None, "the stored URL has no host".into());
    };
    let port = url.port_or_known_default().unwrap_or(443);
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => match tokio::net::lookup_host((bare, port)).await {
            Ok(a) => a.collect(),
            Err(e) => return failed(started, None, format!("cannot resolve {host}: {e}")),
        },
    };
    if addrs.is_empty() {
        return failed(started, None, format!("{host} resolves to no address"));
    }
    if !hook.allow_private
        && let Some(bad) = addrs.iter().find(|a| is_internal(a.ip()))
    {
        return failed(
            started,
            None,
            format!(
                "{host} resolves to {}, a loopback, private or link-local address; not sent (add \
                 the webhook again with --allow-private if that is meant)",
                bad.ip()
            ),
        );
    }
    let timestamp = chrono::Utc::now().timestamp();
    let signature = match sign(&hook.secret, msg_id, timestamp, body) {
        Ok(s) => s,
        Err(e) => return failed(started, None, e.message),
    };
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        // Straight to the addresses checked above: an HTTP(S)_PROXY in serve's environment would
        // otherwise receive the request and connect wherever the name resolves for it.
        .no_proxy()
        .timeout(TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT)
        .user_agent(concat!("ltsctl/", env!("CARGO_PKG_VERSION")));
    if bare.parse::<IpAddr>().is_err() {
        builder = builder.resolve_to_addrs(bare, &addrs);
    }
    let client = match builder.build() {
        Ok(c) => c,
        Err(e) => return failed(started, None, format!("HTTP client: {e}")),
    };
    let sent = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", msg_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body.to_string())
        .send()
        .await;
    match sent {
        Ok(resp) => {
            let status = resp.status();
            let code = Some(i64::from(status.as_u16()));
            if status.is_success() {
                Attempt { status_code: code, error: None, ms: started.elapsed().as_millis() as i64 }
            } else if status.is_redirection() {
                let to = resp
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("?")
                    .to_string();
                failed(started, code, format!("HTTP {status}: a redirect to {to}, not followed"))
            } else {
                failed(started, code, format!("HTTP {status}"))
            }
        }
        Err(e) if e.is_timeout() => {
            failed(started, None, format!("no answer within {} s", TIMEOUT.as_secs()))
        }
        Err(e) => failed(started, None, super::error_chain(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_internal(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.216.34", "2606:4700::1111", "8.8.8.8"] {
            assert!(!is_internal(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn urls_are_checked_with_what_to_do() {
        let e = check_url("ftp://x.example/", false).unwrap_err();
        assert!(e.message.contains("the scheme is ftp, not http or https"), "{e:?}");
        let e = check_url("http://127.0.0.1:9/", false).unwrap_err();
        assert!(e.hint.unwrap().contains("--allow-private"));
        assert!(check_url("http://127.0.0.1:9/", true).is_ok());
        let e = check_url("https://u:p@hooks.example/", false).unwrap_err();
        assert!(e.message.contains("credentials"), "{e:?}");
        assert!(check_url("https://hooks.example/lts", false).is_ok());
    }

    #[test]
    fn embedded_and_deprecated_internal_ipv6_forms_are_internal() {
        for ip in [
            "::127.0.0.1",
            "::a9fe:a9fe",
            "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "2002:a9fe:a9fe::1",
            "fec0::1",
            "2001:db8::1",
        ] {
            assert!(is_internal(ip.parse().unwrap()), "{ip}");
        }
        // Their public counterparts are not.
        for ip in ["64:ff9b::808:808", "2002:808:808::1"] {
            assert!(!is_internal(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn a_trailing_dot_does_not_hide_localhost() {
        for url in ["http://localhost./", "http://a.localhost./x", "http://LocalHost./"] {
            let e = check_url(url, false).unwrap_err();
            assert!(e.hint.unwrap().contains("--allow-private"), "{url}");
        }
    }

    #[test]
    fn a_refused_url_never_shows_its_password() {
        let e = check_url("https://user:hunter2@hooks.example/x", false).unwrap_err();
        assert!(!e.message.contains("hunter2"), "{e:?}");
        assert!(e.message.contains("credentials"), "{e:?}");
        assert_eq!(redacted("https://user:hunter2@hooks.example/x"), "https://***@hooks.example/x");
        assert_eq!(redacted("https://hooks.example/x"), "https://hooks.example/x");
        // Unparsable input is cut at its first `@` too.
        assert!(!redacted("ht!tp://u:hunter2@x y").contains("hunter2"));
    }

    #[test]
    fn a_url_is_at_most_2048_characters() {
        let long = format!("https://hooks.example/{}", "a".repeat(MAX_URL_LEN));
        let e = check_url(&long, false).unwrap_err();
        assert!(e.message.contains("2048"), "{e:?}");
        assert!(e.message.len() < 400, "the error quotes the whole URL");
        assert!(redacted(&long).len() < 300);
    }

    /// The Standard Webhooks specification's example (secret, id, timestamp, body, signature).
    #[test]
    fn the_signature_is_the_specifications() {
        let sig = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            r#"{"test": 2432232314}"#,
        )
        .unwrap();
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assert!(new_secret().unwrap().starts_with("whsec_"));
    }
}
