//! The device side of the LTS: authorizations and usage reports, independent of HTTP. The rules come from
//! [`crate::domain`]; the store applies them atomically.

mod checkout;
mod reports;
pub mod types;
mod validate;

pub use checkout::{CheckedOut, CheckoutTerms, MAX_CHECKOUT};

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::clock::{Clock, from_unix, to_unix};
use crate::domain::authorize::{self, Capacity, CodeItem, CodePolicy, Denial};
use crate::domain::hosts::{self, DomainBinding, NormalizedHost};
use crate::domain::policy::CONCURRENT_WINDOW;
use crate::domain::seats::{Room, SeatCandidate, SeatOutcome, SeatRequest, fresh_seat};
use crate::store::{DeviceLookup, HandshakeRecord, Store, StoreError};
use crate::token::{self, TokenSigner};
use types::*;

/// Why a device request failed: refused by the rules (a 4xx with its code), or an internal failure (500,
/// logged, no details to the client).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceError {
    Denied {
        denial: Denial,
        message: String,
    },
    /// The store stayed locked past its busy timeout: 503 with `Retry-After`, the client retries.
    Busy,
    Internal,
}

impl DeviceError {
    pub fn new(denial: Denial, message: impl Into<String>) -> Self {
        DeviceError::Denied { denial, message: message.into() }
    }

    fn internal(err: impl std::fmt::Display) -> Self {
        tracing::error!("device request failed: {err}");
        DeviceError::Internal
    }

    fn store(err: StoreError) -> Self {
        match err {
            StoreError::Busy(m) => {
                tracing::warn!("device request refused, the store is busy: {m}");
                DeviceError::Busy
            }
            other => Self::internal(other),
        }
    }
}

pub struct DeviceService {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    signer: TokenSigner,
    lts_id: String,
    /// Session passwords that verified, per code: Argon2 is deliberately slow, so a returning device's
    /// password is checked against a SHA-256 of it (constant time) as long as the stored hash is unchanged.
    verified: Mutex<HashMap<String, (String, [u8; 32])>>,
    codes: Mutex<CodeCache>,
}

/// Codes as the device path reads them, valid for one config generation of the store (see
/// [`crate::store::HandshakesStore::config_generation`]). Only existing codes are cached, so guessing
/// codes cannot fill it; it is emptied when it reaches [`MAX_CACHED_CODES`].
struct CodeCache {
    generation: i64,
    codes: HashMap<String, Arc<HandshakeRecord>>,
}

const MAX_CACHED_CODES: usize = 10_000;

impl DeviceService {
    pub async fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> crate::error::Result<Self> {
        let signer = TokenSigner::load_or_create(store.as_ref()).await?;
        let lts_id = store.lts_id().await?;
        Ok(DeviceService {
            store,
            clock,
            signer,
            lts_id,
            verified: Mutex::new(HashMap::new()),
            codes: Mutex::new(CodeCache { generation: -1, codes: HashMap::new() }),
        })
    }

    pub fn jwks(&self) -> &jsonwebtoken::jwk::JwkSet {
        self.signer.jwks()
    }

    pub fn lts_id(&self) -> &str {
        &self.lts_id
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The config generation and the device's row: the one read every device request starts with.
    async fn lookup(&self, code: &str, uuid: &str) -> Result<DeviceLookup, DeviceError> {
        self.store.device_lookup(code, uuid).await.map_err(DeviceError::store)
    }

    /// The code's settings, from the cache while the store's config generation (read by [`Self::lookup`]
    /// in the same statement as the device's row) is unchanged; otherwise from the store.
    async fn handshake(
        &self,
        code: &str,
        generation: i64,
    ) -> Result<Arc<HandshakeRecord>, DeviceError> {
        {
            let mut cache = self.codes.lock().unwrap_or_else(|p| p.into_inner());
            if cache.generation != generation {
                cache.codes.clear();
                cache.generation = generation;
            } else if let Some(record) = cache.codes.get(code) {
                return Ok(Arc::clone(record));
            }
        }
        let record =
            self.store.device_handshake(code).await.map_err(DeviceError::store)?.ok_or_else(
                || DeviceError::new(Denial::UnknownHandshake, format!("no handshake code {code}")),
            )?;
        let record = Arc::new(record);
        let mut cache = self.codes.lock().unwrap_or_else(|p| p.into_inner());
        // Read after the generation: if a change landed in between, the next request sees a newer
        // generation and drops this entry.
        if cache.generation == generation {
            if cache.codes.len() >= MAX_CACHED_CODES {
                cache.codes.clear();
            }
            cache.codes.insert(code.to_string(), Arc::clone(&record));
        }
        Ok(record)
    }

    /// The token claims for a device seated on `chosen` through `handshake`, valid until `until`.
    fn claims(
        &self,
        uuid: &str,
        handshake: &str,
        chosen: &authorize::Candidate,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> token::Claims {
        let option = chosen.option.as_str();
        token::claims(&self.lts_id, uuid, handshake, &chosen.item_id, option, now, until)
    }

    fn password_ok(&self, code: &str, password: &str, phc: &str) -> bool {
        let digest: [u8; 32] = Sha256::digest(password.as_bytes()).into();
        if let Some((cached_phc, cached)) =
            self.verified.lock().unwrap_or_else(|p| p.into_inner()).get(code)
            && cached_phc == phc
        {
            return bool::from(cached.ct_eq(&digest));
        }
        let ok = crate::password::verify(password, phc);
        if ok {
            self.verified
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(code.to_string(), (phc.to_string(), digest));
        }
        ok
    }

    pub async fn authorize(
        &self,
        req: AuthorizeRequest,
        origin: Option<&str>,
    ) -> Result<AuthorizeResponse, DeviceError> {
        validate::authorize(&req)?;
        let now = self.clock.now();
        let found = self.lookup(&req.handshake, &req.uuid).await?;
        let record = self.handshake(&req.handshake, found.generation).await?;
        if let Some(phc) = &record.handshake.password_hash {
            match &req.session_password {
                Some(p) if self.password_ok(&req.handshake, p, phc) => {}
                Some(_) => {
                    return Err(DeviceError::new(
                        Denial::BadSessionPassword,
                        "wrong session password",
                    ));
                }
                None => {
                    return Err(DeviceError::new(
                        Denial::BadSessionPassword,
                        "this handshake code requires a session password",
                    ));
                }
            }
        }
        // `Origin: null` (file:// apps, sandboxed frames) names no host: only codes without domain
        // bindings admit it. The self-declared `domain` field does not stand in for it.
        let host_text = match origin {
            Some(o) if o.trim().eq_ignore_ascii_case("null") => None,
            Some(o) => Some(o),
            None => req.domain.as_deref(),
        };
        let host = match host_text {
            Some(s) => Some(NormalizedHost::from_origin_or_host(s).map_err(|e| {
                DeviceError::new(Denial::InvalidRequest, format!("domain/Origin: {e}"))
            })?),
            None => None,
        };
        check_domain(&record, host.as_ref())?;
        let items = code_items(&record, now)?;
        let policy = code_policy(&record);
        let candidates = authorize::candidates(&items, &req.product, host.as_ref(), &policy, now)
            .map_err(|d| DeviceError::new(d, denial_message(d, &req.product)))?;
        let first_use = record.handshake.active_from_first_use();
        let seat = SeatRequest {
            handshake: req.handshake.clone(),
            uuid: req.uuid.clone(),
            platform: req.platform.as_str().to_string(),
            domain: host.as_ref().map(|h| h.as_str().to_string()),
            name: req.name.clone(),
            now: to_unix(now),
            window_start: window_start(now),
            candidates: candidates
                .iter()
                .map(|c| SeatCandidate {
                    item_id: c.item_id.clone(),
                    option: c.option.as_str().to_string(),
                    room: room(c.capacity),
                    seat_expires_at: to_unix(c.seat_expires_at),
                    token_expires_at: to_unix(c.offline_until),
                    unused_seat_expires_at: first_use.then(|| unused_until(&items, &c.item_id)),
                })
                .collect(),
            fresh_checked: true,
            checkout: false,
        };
        // A device refreshed moments ago keeps its seat without a write (see `fresh_seat`).
        let outcome = match found.seat.as_ref().and_then(|row| fresh_seat(row, &seat)) {
            Some(kept) => kept,
            None => self.store.seat_device(seat).await.map_err(DeviceError::store)?,
        };
        let (chosen, expires_at) = seated_on(outcome, &candidates, || {
            format!("every license item of {} for {} is at its quota", req.handshake, req.product)
        })?;
        let item_id = chosen.item_id.clone();
        let claims = self.claims(&req.uuid, &req.handshake, chosen, now, chosen.offline_until);
        let token = self.signer.sign(&claims).map_err(DeviceError::internal)?;
        Ok(AuthorizeResponse {
            token,
            expires_at: from_unix(expires_at),
            offline_until: from_unix(claims.exp),
            item: item_id,
            option: chosen.option.as_str().to_string(),
        })
    }

    /// The benchmark baseline: the same request parsing, validation and token signing as [`Self::authorize`],
    /// without touching the store. Served only with `serve --bench-null-routes`.
    pub fn null_authorize(&self, req: &AuthorizeRequest) -> Result<AuthorizeResponse, DeviceError> {
        validate::authorize(req)?;
        let now = self.clock.now();
        let until = now + chrono::Duration::days(7);
        let claims = token::claims(
            &self.lts_id,
            &req.uuid,
            &req.handshake,
            "NULL",
            "per-device",
            now,
            until,
        );
        let token = self.signer.sign(&claims).map_err(DeviceError::internal)?;
        Ok(AuthorizeResponse {
            token,
            expires_at: until,
            offline_until: from_unix(claims.exp),
            item: "NULL".into(),
            option: "per-device".into(),
        })
    }
}

/// The candidate the store seated the device on and the seat's removal time; `quota_exceeded` with
/// `full()`'s message when every candidate was at its quota.
fn seated_on(
    outcome: SeatOutcome,
    candidates: &[authorize::Candidate],
    full: impl FnOnce() -> String,
) -> Result<(&authorize::Candidate, i64), DeviceError> {
    let SeatOutcome::Seated { item_id, expires_at, .. } = outcome else {
        return Err(DeviceError::new(Denial::QuotaExceeded, full()));
    };
    let chosen = candidates
        .iter()
        .find(|c| c.item_id == item_id)
        .ok_or_else(|| DeviceError::internal("seated on an item that was not a candidate"))?;
    Ok((chosen, expires_at))
}

/// With `--active-from first-use`, a device that has not reported usage yet holds its seat until its
/// item expires: its active time has not started.
fn unused_until(items: &[CodeItem], item_id: &str) -> i64 {
    items.iter().find(|i| i.id == item_id).map_or(0, |i| to_unix(i.expires_at))
}

fn window_start(now: DateTime<Utc>) -> i64 {
    to_unix(now) - CONCURRENT_WINDOW.as_secs() as i64
}

fn room(capacity: Capacity) -> Room {
    let clamp = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    match capacity {
        Capacity::Devices { limit } => Room::Devices(clamp(limit)),
        Capacity::Concurrent { limit } => Room::Concurrent(clamp(limit)),
        Capacity::Units { limit } => Room::Units(clamp(limit)),
        Capacity::Unlimited => Room::Unlimited,
    }
}

/// A stored binding that no longer parses (e.g. after a Public Suffix List update) refuses the request:
/// skipping it could leave an empty list, which admits everyone.
fn check_domain(
    record: &HandshakeRecord,
    host: Option<&NormalizedHost>,
) -> Result<(), DeviceError> {
    let mut bindings = Vec::with_capacity(record.domains.len());
    for d in &record.domains {
        bindings.push(DomainBinding::parse(d).map_err(|e| {
            tracing::warn!(
                "handshake {}: stored domain binding {d} is invalid: {e}",
                record.handshake.code
            );
            DeviceError::new(
                Denial::DomainNotAllowed,
                format!("the code's domain binding {d} is no longer valid"),
            )
        })?);
    }
    if hosts::admitted(&bindings, host) {
        return Ok(());
    }
    Err(DeviceError::new(
        Denial::DomainNotAllowed,
        match host {
            Some(h) => format!(
                "{} is not among the domains handshake code {} admits",
                h.as_str(),
                record.handshake.code
            ),
            None => format!(
                "handshake code {} admits only its bound domains, and this request names no domain \
                 (no Origin header or `domain` field, or `Origin: null`, which names none)",
                record.handshake.code
            ),
        },
    ))
}

fn code_items(record: &HandshakeRecord, now: DateTime<Utc>) -> Result<Vec<CodeItem>, DeviceError> {
    record
        .items
        .iter()
        .map(|state| {
            let (option, active_period) = state.item.kind().map_err(DeviceError::internal)?;
            Ok(CodeItem {
                id: state.item.id.clone(),
                product: state.item.product.clone(),
                option,
                active_period,
                quota: state.item.quota.map(|q| q.max(0) as u64),
                domain: state.item.domain.clone(),
                status: state.status(now),
                expires_at: from_unix(state.item.expires_at),
            })
        })
        .collect()
}

fn code_policy(record: &HandshakeRecord) -> CodePolicy {
    let h = &record.handshake;
    CodePolicy {
        refresh_interval: h
            .refresh_interval_secs
            .map(|s| std::time::Duration::from_secs(s.max(0) as u64)),
        overuse_percent: h.overuse_percent.map(|p| p.clamp(0, 100) as u32),
        offline_grace: std::time::Duration::from_secs(h.offline_grace_secs.max(0) as u64),
    }
}

fn denial_message(d: Denial, product: &str) -> String {
    match d {
        Denial::NoMatchingLicense => {
            format!("no license item of this handshake code is for product {product}")
        }
        Denial::LicenseExpired => {
            format!("every license item for {product} has expired or been revoked")
        }
        Denial::LicenseNotYetValid => format!("the license items for {product} are not valid yet"),
        Denial::DomainNotAllowed => format!(
            "no per-domain item for {product} admits the request's domain, or it names none \
             (a per-domain item needs the Origin header or the `domain` field)"
        ),
        other => other.code().replace('_', " "),
    }
}
