//! The client's address behind reverse proxies. Behind nginx or IIS every device of a site reaches the LTS
//! from the proxy's address, so the rate limit, the logs and the audit log would see one client. A proxy
//! appends the address it received the request from to `X-Forwarded-For` (or `Forwarded`, RFC 7239), so
//! the header's right-most entries are the ones the proxies wrote, and everything to their left is what
//! the client sent and may be made up. The client is therefore the right-most entry that is not itself a
//! trusted proxy, and the header counts only when the TCP peer is one of the trusted proxies: from anyone
//! else it is ignored, so no client can choose its own address.
//!
//! The parsing is here rather than in a crate: the two crates on crates.io for `Forwarded` are 0.1
//! releases that parse the header but leave the walk over trusted hops (the part that matters) and
//! `X-Forwarded-For` to the caller. CIDR ranges are [`ipnet`]'s.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The header the trusted proxies append the client's address to. Only that one is read: a client can
/// send the other one through a proxy that passes it on untouched, so reading both would let it choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1` (nginx, HAProxy, IIS ARR, most load balancers)
    #[default]
    XForwardedFor,
    /// `Forwarded: for=client, for=proxy1` (RFC 7239)
    Forwarded,
}

impl ForwardedHeader {
    pub fn as_str(self) -> &'static str {
        match self {
            ForwardedHeader::XForwardedFor => "x-forwarded-for",
            ForwardedHeader::Forwarded => "forwarded",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "x-forwarded-for" => Some(ForwardedHeader::XForwardedFor),
            "forwarded" => Some(ForwardedHeader::Forwarded),
            _ => None,
        }
    }
}

/// The address ranges of the reverse proxies whose forwarding headers are believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>) -> Self {
        TrustedProxies(nets)
    }

    pub fn nets(&self) -> &[IpNet] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `ip` is in one of the ranges. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, what a
    /// socket bound to `[::]` reports for IPv4 peers) matches the IPv4 ranges.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }
}

/// `10.0.0.0/8`, `192.0.2.10` (one address: /32) or `2001:db8::/32` (host bits are dropped, so
/// `10.1.2.3/8` is `10.0.0.0/8`).
pub fn parse_cidr(s: &str) -> Result<IpNet, String> {
    let s = s.trim();
    if let Ok(net) = s.parse::<IpNet>() {
        return Ok(net.trunc());
    }
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Ok(IpNet::from(ip));
    }
    Err(format!(
        "`{s}` is not an IP address or CIDR range; write e.g. 127.0.0.1/32, 10.0.0.0/8 or 2001:db8::/32"
    ))
}

/// The client's address: `peer` (the TCP peer) unless it is a trusted proxy, else the right-most entry of
/// `header` that is not a trusted proxy. An entry that names no address (`unknown`, an obfuscated
/// `_hidden`, or one that does not parse) ends the walk at the last trusted hop, which is then the best
/// address known: the request is attributed to that proxy rather than to anything further left, which
/// the client could have written.
pub fn client_addr(
    peer: IpAddr,
    headers: &HeaderMap,
    trusted: &TrustedProxies,
    header: ForwardedHeader,
) -> IpAddr {
    let mut current = peer.to_canonical();
    if trusted.is_empty() || !trusted.contains(current) {
        return current;
    }
    let hops = match header {
        ForwardedHeader::XForwardedFor => hops(headers, "x-forwarded-for", parse_node),
        ForwardedHeader::Forwarded => hops(headers, "forwarded", forwarded_for),
    };
    for hop in hops.iter().rev() {
        match hop {
            Some(ip) => {
                current = ip.to_canonical();
                if !trusted.contains(current) {
                    return current;
                }
            }
            None => return current,
        }
    }
    current
}

/// Every entry of every `name` header line, in order (several lines of one header are one list, RFC
/// 9110 §5.3): the address each names, or `None`. A line that is not visible ASCII is one `None`.
fn hops(
    headers: &HeaderMap,
    name: &str,
    entry: impl Fn(&str) -> Option<IpAddr>,
) -> Vec<Option<IpAddr>> {
    let mut out = Vec::new();
    for line in headers.get_all(name) {
        match line.to_str() {
            Ok(text) => out.extend(
                split_outside_quotes(text, ',')
                    .into_iter()
                    .map(str::trim)
                    // Empty list elements (`a, , b`) are no entries (RFC 9110 §5.6.1).
                    .filter(|e| !e.is_empty())
                    .map(&entry),
            ),
            Err(_) => out.push(None),
        }
    }
    out
}

/// A node as `X-Forwarded-For` and `Forwarded: for=` write it: `192.0.2.1`, `192.0.2.1:4711`,
/// `2001:db8::1`, `[2001:db8::1]` or `[2001:db8::1]:4711` (a port may be obfuscated: `_p1`). `None` for
/// `unknown`, an obfuscated identifier (`_hidden`) and anything else.
fn parse_node(s: &str) -> Option<IpAddr> {
    let s = s.trim();
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = s.strip_prefix('[') {
        let (ip, after) = rest.split_once(']')?;
        let ip: Ipv6Addr = ip.parse().ok()?;
        return match after {
            "" => Some(ip.into()),
            _ => valid_port(after.strip_prefix(':')?).then_some(ip.into()),
        };
    }
    let (ip, port) = s.rsplit_once(':')?;
    let ip: Ipv4Addr = ip.parse().ok()?;
    valid_port(port).then_some(ip.into())
}

/// A port number, or an obfuscated port (`_` then letters, digits, `.`, `_`, `-`; RFC 7239 §6.3).
fn valid_port(p: &str) -> bool {
    match p.strip_prefix('_') {
        Some(obf) => {
            !obf.is_empty()
                && obf.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        }
        None => !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok(),
    }
}

/// The `for=` address of one `Forwarded` element (`for=192.0.2.60;proto=http;by=203.0.113.43`). `None`
/// when it has none, has two, or is not well formed.
fn forwarded_for(element: &str) -> Option<IpAddr> {
    let mut found: Option<String> = None;
    for pair in split_outside_quotes(element, ';') {
        let pair = pair.trim();
        if pair.is_empty() {
            continue;
        }
        let (name, value) = pair.split_once('=')?;
        if !is_token(name) {
            return None;
        }
        let value = unquote(value)?;
        if name.eq_ignore_ascii_case("for") {
            if found.is_some() {
                return None;
            }
            found = Some(value);
        }
    }
    parse_node(&found?)
}

/// A token or a quoted string (with `\` escapes), as RFC 9110 writes parameter values.
fn unquote(v: &str) -> Option<String> {
    let Some(inner) = v.strip_prefix('"') else {
        return is_token(v).then(|| v.to_string());
    };
    let inner = inner.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// RFC 9110 `token`: one or more of the visible characters that are not delimiters.
fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// `s` split at `sep` where it is not inside a quoted string.
fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            c if c == sep && !quoted => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn trusted(nets: &[&str]) -> TrustedProxies {
        TrustedProxies::new(nets.iter().map(|n| parse_cidr(n).unwrap()).collect())
    }

    fn headers(name: &'static str, lines: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for l in lines {
            h.append(name, HeaderValue::from_str(l).unwrap());
        }
        h
    }

    fn xff(peer: &str, lines: &[&str], proxies: &[&str]) -> IpAddr {
        let h = headers("x-forwarded-for", lines);
        client_addr(ip(peer), &h, &trusted(proxies), ForwardedHeader::XForwardedFor)
    }

    fn fwd(peer: &str, lines: &[&str], proxies: &[&str]) -> IpAddr {
        let h = headers("forwarded", lines);
        client_addr(ip(peer), &h, &trusted(proxies), ForwardedHeader::Forwarded)
    }

    const LOCAL: &[&str] = &["127.0.0.1/32"];

    #[test]
    fn headers_from_an_untrusted_peer_are_ignored() {
        assert_eq!(xff("192.0.2.9", &["203.0.113.7"], LOCAL), ip("192.0.2.9"));
        assert_eq!(fwd("192.0.2.9", &["for=203.0.113.7"], LOCAL), ip("192.0.2.9"));
        // No trusted proxies at all: the peer, whatever the headers say.
        assert_eq!(xff("127.0.0.1", &["203.0.113.7"], &[]), ip("127.0.0.1"));
    }

    #[test]
    fn the_right_most_untrusted_entry_is_the_client() {
        assert_eq!(xff("127.0.0.1", &["203.0.113.7"], LOCAL), ip("203.0.113.7"));
        // A spoofed left-most entry does not count: the proxy appended the real peer after it.
        assert_eq!(xff("127.0.0.1", &["6.6.6.6, 203.0.113.7"], LOCAL), ip("203.0.113.7"));
        // Two trusted tiers: the walk steps over both.
        let tiers = &["127.0.0.1/32", "10.0.0.0/8"];
        assert_eq!(xff("127.0.0.1", &["6.6.6.6, 203.0.113.7, 10.1.2.3"], tiers), ip("203.0.113.7"));
        // Several header lines are one list, in order.
        assert_eq!(
            xff("127.0.0.1", &["6.6.6.6", "203.0.113.7, 10.1.2.3"], tiers),
            ip("203.0.113.7")
        );
        // Every entry trusted: the left-most (furthest) one.
        assert_eq!(xff("127.0.0.1", &["10.9.9.9, 10.1.2.3"], tiers), ip("10.9.9.9"));
        // A trusted peer with no header: the peer.
        assert_eq!(xff("127.0.0.1", &[], LOCAL), ip("127.0.0.1"));
    }

    #[test]
    fn ports_and_ipv6_are_understood() {
        assert_eq!(xff("127.0.0.1", &["203.0.113.7:4711"], LOCAL), ip("203.0.113.7"));
        assert_eq!(xff("127.0.0.1", &["2001:db8::1"], LOCAL), ip("2001:db8::1"));
        assert_eq!(xff("127.0.0.1", &["[2001:db8::1]:4711"], LOCAL), ip("2001:db8::1"));
        assert_eq!(xff("127.0.0.1", &["[2001:db8::1]"], LOCAL), ip("2001:db8::1"));
        assert_eq!(
            fwd("127.0.0.1", &[r#"for="[2001:db8:cafe::17]:4711""#], LOCAL),
            ip("2001:db8:cafe::17")
        );
        assert_eq!(fwd("127.0.0.1", &[r#"for="192.0.2.43:47011""#], LOCAL), ip("192.0.2.43"));
        // An IPv6 proxy range, and an IPv4-mapped peer (a socket bound to [::]) in an IPv4 range.
        assert_eq!(xff("::1", &["203.0.113.7"], &["::1/128"]), ip("203.0.113.7"));
        assert_eq!(xff("::ffff:127.0.0.1", &["203.0.113.7"], LOCAL), ip("203.0.113.7"));
        // A mapped address in the header is the IPv4 client it stands for.
        assert_eq!(xff("127.0.0.1", &["::ffff:203.0.113.7"], LOCAL), ip("203.0.113.7"));
    }

    #[test]
    fn forwarded_elements_and_parameters() {
        assert_eq!(
            fwd("127.0.0.1", &["for=6.6.6.6, For=203.0.113.7;proto=https;by=127.0.0.1"], LOCAL),
            ip("203.0.113.7")
        );
        // A comma or semicolon inside a quoted value does not split it.
        assert_eq!(
            fwd("127.0.0.1", &[r#"for=203.0.113.7;host="a,b;c", for=127.0.0.1"#], LOCAL),
            ip("203.0.113.7")
        );
        // Escapes in a quoted string.
        assert_eq!(fwd("127.0.0.1", &[r#"for="203.0.113.\7""#], LOCAL), ip("203.0.113.7"));
    }

    #[test]
    fn unknown_and_obfuscated_entries_stop_at_the_last_trusted_hop() {
        let tiers = &["127.0.0.1/32", "10.0.0.0/8"];
        for h in ["for=unknown", "for=_hidden", r#"for="_gazonk""#, "proto=http"] {
            assert_eq!(
                fwd("127.0.0.1", &[&format!("for=6.6.6.6, {h}")], LOCAL),
                ip("127.0.0.1"),
                "{h}"
            );
            assert_eq!(
                fwd("127.0.0.1", &[&format!("for=6.6.6.6, {h}, for=10.1.2.3")], tiers),
                ip("10.1.2.3"),
                "{h}"
            );
        }
        assert_eq!(xff("127.0.0.1", &["6.6.6.6, unknown"], LOCAL), ip("127.0.0.1"));
        // An obfuscated port is still an address.
        assert_eq!(fwd("127.0.0.1", &[r#"for="203.0.113.7:_p1""#], LOCAL), ip("203.0.113.7"));
    }

    #[test]
    fn malformed_entries_name_no_client() {
        let bad_xff = [
            "203.0.113.300",
            "203.0.113.7:99999",
            "203.0.113.7:",
            "[2001:db8::1",
            "[203.0.113.7]:80",
            "2001:db8::1:80x",
            "not an address",
            "203.0.113.7 6.6.6.6",
        ];
        for h in bad_xff {
            assert_eq!(
                xff("127.0.0.1", &[&format!("6.6.6.6, {h}")], LOCAL),
                ip("127.0.0.1"),
                "{h}"
            );
        }
        let bad_forwarded = [
            "for=203.0.113.7;for=203.0.113.8",
            r#"for="203.0.113.7"#,
            r#"for="203.0.113.7\""#,
            "for 203.0.113.7",
            "f r=203.0.113.7",
            "for=[2001:db8::1]",
            r#"for="a"b""#,
        ];
        for h in bad_forwarded {
            assert_eq!(
                fwd("127.0.0.1", &[&format!("for=6.6.6.6, {h}")], LOCAL),
                ip("127.0.0.1"),
                "{h}"
            );
        }
        // Empty list elements are skipped, not taken for an entry.
        assert_eq!(xff("127.0.0.1", &["6.6.6.6, 203.0.113.7, , "], LOCAL), ip("203.0.113.7"));
        // A header line that is not visible ASCII names no client.
        let mut h = HeaderMap::new();
        h.append("x-forwarded-for", HeaderValue::from_bytes(b"203.0.113.7\xff").unwrap());
        assert_eq!(
            client_addr(ip("127.0.0.1"), &h, &trusted(LOCAL), ForwardedHeader::XForwardedFor),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn only_the_configured_header_is_read() {
        let mut h = headers("forwarded", &["for=6.6.6.6"]);
        h.append("x-forwarded-for", HeaderValue::from_static("203.0.113.7"));
        let t = trusted(LOCAL);
        assert_eq!(
            client_addr(ip("127.0.0.1"), &h, &t, ForwardedHeader::XForwardedFor),
            ip("203.0.113.7")
        );
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &t, ForwardedHeader::Forwarded), ip("6.6.6.6"));
    }

    #[test]
    fn cidrs_parse_with_single_addresses_and_host_bits() {
        assert_eq!(parse_cidr("127.0.0.1").unwrap().to_string(), "127.0.0.1/32");
        assert_eq!(parse_cidr(" 10.1.2.3/8 ").unwrap().to_string(), "10.0.0.0/8");
        assert_eq!(parse_cidr("::1").unwrap().to_string(), "::1/128");
        assert_eq!(parse_cidr("2001:db8::/32").unwrap().to_string(), "2001:db8::/32");
        for bad in ["10.0.0.0/33", "localhost", "", "10.0.0/8", "::/129"] {
            let e = parse_cidr(bad).unwrap_err();
            assert!(e.contains("not an IP address or CIDR range"), "{bad}: {e}");
        }
    }
}
