//! Domain bindings of a handshake code: which web origins may use it.
//!
//! This is the one check standing between a leaked handshake code and someone else's site
//! spending the customer's quota, so every rule leans towards refusing:
//!
//! * Matching is by whole labels from the right (`example.com` never admits `notexample.com`
//!   or `example.com.evil.net`), on lower-case punycode, after the same UTS 46 mapping browsers
//!   apply, so a Unicode spelling cannot slip past an ASCII binding or the other way round.
//! * A binding may not be a public suffix, nor a wildcard over one, because on multi-tenant
//!   platforms (`github.io`, `herokuapp.com`, `force.com`) that would admit every other tenant.
//!   The Public Suffix List (ICANN and private sections) decides, plus
//!   [`EXTRA_SHARED_SUFFIXES`] for platforms the list does not carry.
//! * Schemes and ports are dropped rather than compared: a binding names a host, and neither
//!   can make a host match that would not match on its own.
//!
//! The PSL is consulted only when a binding is parsed; matching itself is plain label
//! comparison. Only the canonical string is stored, so re-parsing it after a PSL update may
//! refuse a binding whose domain has since become a public suffix: a caller loading stored
//! bindings must then refuse the request, never drop the binding, because an empty list
//! admits everything.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use serde::{Serialize, Serializer};

const MAX_HOST_LEN: usize = 253;
const MAX_LABEL_LEN: usize = 63;
/// Inputs beyond this are refused before IDNA runs, so a huge header costs nothing to reject.
const MAX_INPUT_LEN: usize = 1024;

/// Multi-tenant platforms that hand subdomains to unrelated customers but are missing from the
/// Public Suffix List, treated as public suffixes in addition to it. Without these, binding
/// `force.com` would be accepted as a registrable domain and admit every Salesforce tenant.
pub const EXTRA_SHARED_SUFFIXES: &[&str] = &[
    "force.com",
    "lightning.force.com",
    "my.salesforce.com",
    "my.salesforce-sites.com",
    "my.site.com",
    "visualforce.com",
    "sharepoint.com",
    "atlassian.net",
    "zendesk.com",
    "wordpress.com",
    "github.dev",
    "app.github.dev",
];

/// How far a binding reaches, decided once at parse time from the Public Suffix List.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BindingKind {
    /// `example.com`: the domain one label above its public suffix, and all its subdomains.
    Registrable,
    /// `*.example.com`: subdomains only, not the apex.
    Subdomains,
    /// `app.example.com`, an IP literal or `localhost`: that host and nothing else.
    ExactHost,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostError {
    #[error("empty host; give a host name such as app.example.com")]
    Empty,
    #[error(
        "the origin is \"null\" (a sandboxed frame, a file: page or a privacy redirect), which no \
         binding can admit; serve the page from a real https:// origin"
    )]
    NullOrigin,
    #[error("{input:?} includes a scheme; give just the host, e.g. app.example.com")]
    HasScheme { input: String },
    #[error(
        "{input:?} includes a port; give just the host, e.g. app.example.com (ports never affect a match)"
    )]
    HasPort { input: String },
    #[error(
        "{input:?} includes a path, query or fragment; give just the host, e.g. app.example.com"
    )]
    HasPath { input: String },
    #[error("{input:?} includes user info ('@'); give just the host, e.g. app.example.com")]
    HasUserinfo { input: String },
    #[error("{input:?} has an invalid scheme; an origin looks like https://app.example.com:8443")]
    BadScheme { input: String },
    #[error(
        "{input:?} has an invalid port {port:?}; a port is a number from 0 to 65535, e.g. :8443"
    )]
    BadPort { input: String, port: String },
    #[error(
        "{input:?} contains {ch:?}, which is not allowed in a host name; give just the host, \
         using letters, digits, '-' and '.', e.g. app.example.com"
    )]
    InvalidChar { input: String, ch: char },
    #[error(
        "{input:?} has an empty label (a leading dot or two dots in a row); write it like app.example.com"
    )]
    EmptyLabel { input: String },
    #[error(
        "{input:?} has a label of {len} characters, over the DNS limit of 63; shorten that label"
    )]
    LabelTooLong { input: String, len: usize },
    #[error("{input:?} is {len} characters long, over the DNS limit of 253; give a shorter host")]
    HostTooLong { input: String, len: usize },
    #[error(
        "{input:?} has a label that starts or ends with '-', which DNS forbids; fix the spelling"
    )]
    BadHyphen { input: String },
    #[error(
        "{input:?} is not a valid internationalised domain name; check the spelling, or give its \
         punycode (xn--) form"
    )]
    Idna { input: String },
    #[error(
        "{input:?} looks like an IP address but is not one; write IPv4 as four decimal numbers \
         (192.0.2.10) and IPv6 in brackets ([2001:db8::1])"
    )]
    BadIp { input: String },
    #[error(
        "{input:?} is a public suffix, shared by unrelated owners, so binding it would \
         admit all of them; bind your own domain under it, e.g. acme.{suffix}"
    )]
    PublicSuffix { input: String, suffix: String },
    #[error(
        "{input:?} is a wildcard over a public suffix, which would admit every unrelated \
         owner under it; bind your own domain instead, e.g. *.acme.{suffix}"
    )]
    WildcardOverSuffix { input: String, suffix: String },
    #[error(
        "{input:?} has a misplaced wildcard; only one leading \"*.\" is allowed, e.g. *.example.com"
    )]
    BadWildcard { input: String },
    #[error(
        "{input:?} puts a wildcard over an IP address; bind the address itself, e.g. 192.0.2.10"
    )]
    WildcardIp { input: String },
    #[error(
        "{input:?} is a single-label name; give a full domain such as example.com \
         (localhost is the only single label allowed)"
    )]
    SingleLabel { input: String },
}

/// One entry of a handshake code's binding list, already normalised and vetted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DomainBinding {
    /// Lower-case punycode, `*.` kept for wildcards; IPv6 without brackets.
    canonical: String,
    kind: BindingKind,
}

impl DomainBinding {
    pub fn parse(s: &str) -> Result<Self, HostError> {
        let input = s.trim();
        let err_input = || input.to_string();
        if input.is_empty() {
            return Err(HostError::Empty);
        }
        if input.len() > MAX_INPUT_LEN {
            return Err(too_long(input));
        }
        // Tell the operator what to drop, in the order they most likely typed it.
        if input.contains("://") {
            return Err(HostError::HasScheme { input: err_input() });
        }
        reject_path_and_userinfo(input, input)?;
        let (wildcard, rest) = match input.strip_prefix("*.") {
            Some(rest) => (true, rest),
            None => (false, input),
        };
        if rest.contains('*') || (wildcard && rest.is_empty()) {
            return Err(HostError::BadWildcard { input: err_input() });
        }
        let (host, port, ipv6) = split_host_port(input, rest)?;
        if let Some(port) = port {
            return Err(if port.bytes().all(|b| b.is_ascii_digit()) {
                HostError::HasPort { input: err_input() }
            } else {
                HostError::InvalidChar { input: err_input(), ch: ':' }
            });
        }
        let (canonical, kind) = match normalise(input, host, ipv6, Strictness::Binding)? {
            Host::Ip(_) if wildcard => return Err(HostError::WildcardIp { input: err_input() }),
            Host::Ip(ip) => (ip, BindingKind::ExactHost),
            Host::Name(name) => {
                // localhost is a suffix of its own (RFC 6761): bindable only as itself.
                let local = name == "localhost";
                match registrable_domain(&name).filter(|_| !local) {
                    None if wildcard => {
                        return Err(HostError::WildcardOverSuffix {
                            input: err_input(),
                            suffix: name,
                        });
                    }
                    None if local => (name, BindingKind::ExactHost),
                    None if !name.contains('.') && !is_listed_suffix(&name) => {
                        return Err(HostError::SingleLabel { input: err_input() });
                    }
                    None => {
                        return Err(HostError::PublicSuffix { input: err_input(), suffix: name });
                    }
                    Some(_) if wildcard => (format!("*.{name}"), BindingKind::Subdomains),
                    Some(reg) if reg == name => (name, BindingKind::Registrable),
                    Some(_) => (name, BindingKind::ExactHost),
                }
            }
        };
        Ok(DomainBinding { canonical, kind })
    }

    /// The form stored in the database and shown to operators.
    pub fn as_str(&self) -> &str {
        &self.canonical
    }

    pub fn kind(&self) -> BindingKind {
        self.kind
    }

    pub fn admits(&self, host: &NormalizedHost) -> bool {
        let base = self.canonical.strip_prefix("*.").unwrap_or(&self.canonical);
        let host = host.as_str();
        match self.kind {
            BindingKind::ExactHost => host == base,
            BindingKind::Registrable => host == base || is_strict_subdomain(host, base),
            BindingKind::Subdomains => is_strict_subdomain(host, base),
        }
    }
}

impl fmt::Display for DomainBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical)
    }
}

impl FromStr for DomainBinding {
    type Err = HostError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DomainBinding::parse(s)
    }
}

impl Serialize for DomainBinding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical)
    }
}

/// The host a request came from, in the same canonical form as bindings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NormalizedHost(String);

impl NormalizedHost {
    /// From an `Origin` header (`https://app.example.com:8443`) or a bare host / host:port given by a client. `null` origin -> error.
    ///
    /// Underscores and edge hyphens are tolerated here (browsers send them) though never in a
    /// binding: such a host can only ever match through a parent domain, which is harmless.
    pub fn from_origin_or_host(s: &str) -> Result<Self, HostError> {
        let input = s.trim();
        if input.is_empty() {
            return Err(HostError::Empty);
        }
        if input.eq_ignore_ascii_case("null") {
            return Err(HostError::NullOrigin);
        }
        if input.len() > MAX_INPUT_LEN {
            return Err(too_long(input));
        }
        let authority = match input.split_once("://") {
            Some((scheme, rest)) => {
                let mut chars = scheme.chars();
                let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                    && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
                if !valid {
                    return Err(HostError::BadScheme { input: input.to_string() });
                }
                // Origins have no path, but a lone trailing slash is a common copy-paste.
                rest.strip_suffix('/').unwrap_or(rest)
            }
            None => input,
        };
        reject_path_and_userinfo(input, authority)?;
        let (host, port, ipv6) = split_host_port(input, authority)?;
        if let Some(port) = port {
            let valid = port.len() <= 5
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u32>().map_or(port.is_empty(), |p| p <= 65535);
            if !valid {
                return Err(HostError::BadPort {
                    input: input.to_string(),
                    port: port.to_string(),
                });
            }
        }
        match normalise(input, host, ipv6, Strictness::Observed)? {
            Host::Name(h) | Host::Ip(h) => Ok(NormalizedHost(h)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NormalizedHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Empty list admits everything.
///
/// With bindings present, a request that names no host is refused: otherwise stripping the
/// `Origin` header would be a way around every binding.
pub fn admitted(bindings: &[DomainBinding], host: Option<&NormalizedHost>) -> bool {
    if bindings.is_empty() {
        return true;
    }
    host.is_some_and(|h| bindings.iter().any(|b| b.admits(h)))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strictness {
    /// What an operator may bind: LDH labels only.
    Binding,
    /// What a browser may send: also `_` and edge hyphens.
    Observed,
}

enum Host {
    Name(String),
    Ip(String),
}

fn too_long(input: &str) -> HostError {
    HostError::HostTooLong {
        input: format!("{}...", input.chars().take(40).collect::<String>()),
        len: input.len(),
    }
}

/// `\` is included because URL parsers treat it as `/`, so `evil.net\example.com` must not parse.
fn reject_path_and_userinfo(input: &str, authority: &str) -> Result<(), HostError> {
    if authority.contains(['/', '?', '#', '\\']) {
        return Err(HostError::HasPath { input: input.to_string() });
    }
    // `https://example.com@evil.net` is evil.net to a browser; refuse rather than guess.
    if authority.contains('@') {
        return Err(HostError::HasUserinfo { input: input.to_string() });
    }
    Ok(())
}

/// Splits `host[:port]`, `[v6][:port]` or a bare IPv6 literal; the flag says "IPv6".
fn split_host_port<'a>(
    input: &str,
    authority: &'a str,
) -> Result<(&'a str, Option<&'a str>, bool), HostError> {
    let bad_ip = || HostError::BadIp { input: input.to_string() };
    if let Some(bracketed) = authority.strip_prefix('[') {
        let (inner, after) = bracketed.split_once(']').ok_or_else(bad_ip)?;
        return match after {
            "" => Ok((inner, None, true)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok((inner, Some(port), true)),
                None => Err(bad_ip()),
            },
        };
    }
    if authority.parse::<Ipv6Addr>().is_ok() {
        return Ok((authority, None, true));
    }
    match authority.rsplit_once(':') {
        Some((host, _)) if host.contains(':') => Err(bad_ip()),
        Some((host, port)) => Ok((host, Some(port), false)),
        None => Ok((authority, None, false)),
    }
}

fn allowed_ascii(c: char, strictness: Strictness) -> bool {
    c.is_ascii_alphanumeric()
        || c == '-'
        || c == '.'
        || (c == '_' && strictness == Strictness::Observed)
}

/// IDNA-maps, lower-cases and validates one host, and recognises IP literals.
fn normalise(
    input: &str,
    host: &str,
    ipv6: bool,
    strictness: Strictness,
) -> Result<Host, HostError> {
    let err_input = || input.to_string();
    if ipv6 {
        return host
            .parse::<Ipv6Addr>()
            .map(|a| Host::Ip(a.to_string()))
            .map_err(|_| HostError::BadIp { input: err_input() });
    }
    if host.is_empty() {
        return Err(HostError::Empty);
    }
    // One trailing dot is the DNS root, not part of the name.
    let host = host.strip_suffix('.').unwrap_or(host);
    // Name the character the operator typed, before IDNA maps it into something else.
    let check_chars = |s: &str| match s.chars().find(|&c| {
        if c.is_ascii() {
            !allowed_ascii(c, strictness)
        } else {
            c.is_whitespace() || c.is_control()
        }
    }) {
        Some(ch) => Err(HostError::InvalidChar { input: err_input(), ch }),
        None => Ok(()),
    };
    check_chars(host)?;
    let ascii = idna::domain_to_ascii(host).map_err(|_| HostError::Idna { input: err_input() })?;
    // UTS 46 maps some Unicode to ASCII punctuation (U+FF0F -> '/'), so check again.
    check_chars(&ascii)?;
    if ascii.len() > MAX_HOST_LEN {
        return Err(HostError::HostTooLong { input: err_input(), len: ascii.len() });
    }
    for label in ascii.split('.') {
        if label.is_empty() {
            return Err(HostError::EmptyLabel { input: err_input() });
        }
        if label.len() > MAX_LABEL_LEN {
            return Err(HostError::LabelTooLong { input: err_input(), len: label.len() });
        }
        if strictness == Strictness::Binding && (label.starts_with('-') || label.ends_with('-')) {
            return Err(HostError::BadHyphen { input: err_input() });
        }
    }
    // A numeric (or hex) last label makes URL parsers read the whole host as IPv4, so such a
    // name is either a canonical dotted quad or refused: `127.1` must not become a "domain".
    let last = ascii.rsplit('.').next().unwrap_or_default();
    let hex = last.strip_prefix("0x").is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
    if hex || last.bytes().all(|b| b.is_ascii_digit()) {
        return ascii
            .parse::<Ipv4Addr>()
            .map(|a| Host::Ip(a.to_string()))
            .map_err(|_| HostError::BadIp { input: err_input() });
    }
    Ok(Host::Name(ascii))
}

/// `host` is below `base` by at least one whole label.
fn is_strict_subdomain(host: &str, base: &str) -> bool {
    host.len() > base.len()
        && host.ends_with(base)
        && host.as_bytes()[host.len() - base.len() - 1] == b'.'
}

fn is_listed_suffix(name: &str) -> bool {
    psl::suffix(name.as_bytes()).is_some_and(|s| s.is_known())
}

/// Length in bytes of the longest public suffix of `name`, from the PSL or our supplement.
fn public_suffix_len(name: &str) -> usize {
    let from_psl = psl::suffix(name.as_bytes()).map_or(0, |s| s.as_bytes().len());
    let extra = EXTRA_SHARED_SUFFIXES
        .iter()
        .filter(|e| name == **e || is_strict_subdomain(name, e))
        .map(|e| e.len())
        .max()
        .unwrap_or(0);
    from_psl.max(extra)
}

/// The registrable domain ("eTLD+1") of a lower-case punycode name, or `None` if the name is
/// itself a public suffix.
fn registrable_domain(name: &str) -> Option<&str> {
    let suffix_len = public_suffix_len(name);
    if suffix_len == 0 || suffix_len >= name.len() {
        return None;
    }
    let head = &name[..name.len() - suffix_len - 1];
    let start = head.rfind('.').map_or(0, |i| i + 1);
    Some(&name[start..])
}

#[cfg(test)]
mod tests;
