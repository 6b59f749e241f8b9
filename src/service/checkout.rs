//! Offline check-outs (`devices checkout`): a device that never reaches the LTS is seated by the owner,
//! by the same rules as `/v1/authorize` (item choice, quota and tolerance), and given a token that lasts
//! the check-out period. No origin is involved, so there is no domain check, and per-domain items (which
//! serve browsers from their domain) cannot serve a check-out.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::types::{AuthorizeRequest, Platform};
use super::{
    DeviceError, DeviceService, code_items, code_policy, denial_message, room, seated_on, validate,
    window_start,
};
use crate::clock::{from_unix, to_unix};
use crate::domain::authorize::{self, Denial};
use crate::domain::seats::{SeatCandidate, SeatRequest};
use crate::token::Claims;

/// The longest check-out: a file that cannot be recalled should not outlive what anyone sells.
pub const MAX_CHECKOUT: Duration = Duration::from_secs(366 * 24 * 60 * 60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckoutTerms {
    pub handshake: String,
    pub uuid: String,
    pub product: String,
    pub platform: Platform,
    pub name: Option<String>,
    /// How long the device may work offline; capped at the item's expiry.
    pub period: Duration,
}

/// A seated check-out and its signed token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedOut {
    /// Compact JWS, the same as `/v1/authorize` gives, with `checked_out: true` and `exp` at the end of
    /// the check-out.
    pub token: String,
    pub claims: Claims,
    /// The seat's removal time: never before the check-out ends.
    pub seat_expires_at: DateTime<Utc>,
}

impl DeviceService {
    /// Seats `req`'s device for the check-out period (see the module doc) and signs its token.
    pub async fn checkout(&self, req: &CheckoutTerms) -> Result<CheckedOut, DeviceError> {
        if req.period.is_zero() || req.period > MAX_CHECKOUT {
            return Err(DeviceError::new(
                Denial::InvalidRequest,
                format!(
                    "a check-out of {} is out of range: give 1s to {} (it never runs past the \
                     item's expiry; check the device out again before it ends to extend it)",
                    crate::domain::duration::format_duration(req.period),
                    crate::domain::duration::format_duration(MAX_CHECKOUT)
                ),
            ));
        }
        validate::authorize(&AuthorizeRequest {
            handshake: req.handshake.clone(),
            uuid: req.uuid.clone(),
            product: req.product.clone(),
            platform: req.platform,
            domain: None,
            session_password: None,
            name: req.name.clone(),
        })?;
        let now = self.clock.now();
        let found = self.lookup(&req.handshake, &req.uuid).await?;
        let record = self.handshake(&req.handshake, found.generation).await?;
        let items = code_items(&record, now)?;
        let candidates =
            authorize::candidates(&items, &req.product, None, &code_policy(&record), now).map_err(
                |d| match d {
                    Denial::DomainNotAllowed => DeviceError::new(
                        d,
                        format!(
                            "the items of {} for {} are per-domain: they serve browsers from their \
                             domain, which an offline device has none of",
                            req.handshake, req.product
                        ),
                    ),
                    d => DeviceError::new(d, denial_message(d, &req.product)),
                },
            )?;
        let wanted =
            chrono::Duration::from_std(req.period).ok().and_then(|p| now.checked_add_signed(p));
        // The check-out's end on an item: the period asked, cut at the item's expiry.
        let until_on = |item_id: &str| {
            let expiry = items.iter().find(|i| i.id == item_id).map_or(now, |i| i.expires_at);
            to_unix(wanted.map_or(expiry, |w| w.min(expiry)))
        };
        let seat = SeatRequest {
            handshake: req.handshake.clone(),
            uuid: req.uuid.clone(),
            platform: req.platform.as_str().to_string(),
            domain: None,
            name: req.name.clone(),
            now: to_unix(now),
            window_start: window_start(now),
            candidates: candidates
                .iter()
                .map(|c| {
                    let until = until_on(&c.item_id);
                    SeatCandidate {
                        item_id: c.item_id.clone(),
                        option: c.option.as_str().to_string(),
                        room: room(c.capacity),
                        seat_expires_at: to_unix(c.seat_expires_at).max(until),
                        token_expires_at: until,
                        // A check-out is a use: the device's active time starts now.
                        unused_seat_expires_at: None,
                    }
                })
                .collect(),
            fresh_checked: true,
            checkout: true,
        };
        let outcome = self.store.seat_device(seat).await.map_err(DeviceError::store)?;
        let (chosen, expires_at) = seated_on(outcome, &candidates, || {
            format!(
                "every license item of {} for {} is at its quota (or the device is checked out \
                 on an item that cannot serve {} any more)",
                req.handshake, req.product, req.product
            )
        })?;
        let until = until_on(&chosen.item_id);
        let mut claims = self.claims(&req.uuid, &req.handshake, chosen, now, from_unix(until));
        claims.checked_out = true;
        let token = self.signer.sign(&claims).map_err(DeviceError::internal)?;
        Ok(CheckedOut { token, claims, seat_expires_at: from_unix(expires_at) })
    }
}
