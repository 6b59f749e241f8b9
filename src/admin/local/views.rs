//! Turning store rows into the admin API's views, applying the domain rules (status, defaults, limits).

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::admin::{
    DocumentItemView, HandshakeItemView, HandshakeView, ItemView, LicenseDocumentView, LicenseView,
    TrustedKeyView,
};
use crate::clock::from_unix;
use crate::domain::duration::format_duration;
use crate::domain::option::{ActivePeriod, LicenseOption};
use crate::domain::policy;
use crate::domain::renewal::{self, Term};
use crate::domain::status::item_status;
use crate::error::{Error, Result};
use crate::license::{LicenseDocument, PublicKey};
use crate::store::{HandshakeRecord, ItemState, LicenseRecord, TrustedKeyRow};

pub(super) fn trusted_key(row: &TrustedKeyRow) -> Result<TrustedKeyView> {
    let bytes: [u8; 32] = row
        .public_key
        .as_slice()
        .try_into()
        .map_err(|_| Error::internal(format!("stored key {} is not 32 bytes", row.key_id)))?;
    let key = PublicKey::from_bytes(&bytes)?;
    Ok(TrustedKeyView {
        key_id: row.key_id.clone(),
        name: row.name.clone(),
        public_key: key.to_spki_pem(),
        added_at: from_unix(row.added_at),
    })
}

/// Parsed option and period of a stored item (see [`crate::store::ItemRow::kind`]).
fn item_kind(state: &ItemState) -> Result<(LicenseOption, Option<ActivePeriod>)> {
    state.item.kind().map_err(Error::internal)
}

/// Units used on an item: seated devices for the device options, reported scans or pages otherwise.
fn used(state: &ItemState, option: LicenseOption) -> u64 {
    let n = if option.counts_devices() { state.active_devices } else { state.units_used };
    n.max(0) as u64
}

pub(super) fn item(state: &ItemState, now: DateTime<Utc>) -> Result<ItemView> {
    let (option, active_period) = item_kind(state)?;
    let item = &state.item;
    Ok(ItemView {
        id: item.id.clone(),
        license_id: item.license_id.clone(),
        product: item.product.clone(),
        option,
        quota: item.quota.map(|q| q.max(0) as u64),
        active_period,
        domain: item.domain.clone(),
        modules: item.modules.clone(),
        revokes: item.revokes.clone(),
        valid_from: from_unix(item.valid_from),
        expires_at: from_unix(item.expires_at),
        status: state.status(now),
        revoked_by: state.revoked_by.clone(),
        used: used(state, option),
        handshakes: state.handshakes.clone(),
        covered_by: None,
    })
}

/// Fills in `covered_by` of every item from all the items of `licenses` (see
/// [`crate::domain::renewal::covered_by`]).
pub(super) fn with_coverage(licenses: &mut [LicenseView]) {
    let ids: Vec<String> =
        licenses.iter().flat_map(|l| l.items.iter().map(|i| i.id.clone())).collect();
    let cover = {
        let terms: Vec<Term<'_>> = licenses
            .iter()
            .flat_map(|l| &l.items)
            .map(|i| Term {
                id: &i.id,
                product: &i.product,
                option: i.option,
                status: i.status,
                valid_from: i.valid_from,
                expires_at: i.expires_at,
                codes: &i.handshakes,
            })
            .collect();
        renewal::covered_by(&terms)
    };
    for (item, by) in licenses.iter_mut().flat_map(|l| l.items.iter_mut()).zip(cover) {
        item.covered_by = by.map(|i| ids[i].clone());
    }
}

pub(super) fn license(record: &LicenseRecord, now: DateTime<Utc>) -> Result<LicenseView> {
    let l = &record.license;
    Ok(LicenseView {
        id: l.id.clone(),
        licensee: l.licensee.clone(),
        issued_at: from_unix(l.issued_at),
        lts_id: l.lts_id.clone(),
        key_id: l.key_id.clone(),
        imported_at: from_unix(l.imported_at),
        items: record.items.iter().map(|i| item(i, now)).collect::<Result<_>>()?,
    })
}

pub(crate) fn document(doc: &LicenseDocument, now: DateTime<Utc>) -> LicenseDocumentView {
    LicenseDocumentView {
        id: doc.id.clone(),
        licensee: doc.licensee.clone(),
        issued_at: doc.issued_at,
        lts_id: doc.lts_id.clone(),
        items: doc
            .items
            .iter()
            .map(|i| DocumentItemView {
                id: i.id.clone(),
                product: i.product.clone(),
                option: i.option,
                quota: i.quota,
                active_period: i.active_period,
                domain: i.domain.clone(),
                valid_from: i.valid_from,
                expires_at: i.expires_at,
                status: item_status(i.valid_from, i.expires_at, i.revokes.is_some(), now),
            })
            .collect(),
    }
}

fn secs(d: Duration) -> u64 {
    d.as_secs()
}

pub(super) fn handshake(record: &HandshakeRecord, now: DateTime<Utc>) -> Result<HandshakeView> {
    let h = &record.handshake;
    let override_interval = h.refresh_interval_secs.map(|s| Duration::from_secs(s.max(0) as u64));
    let grace = Duration::from_secs(h.offline_grace_secs.max(0) as u64);
    let overuse = h.overuse_percent.map(|p| p.clamp(0, 100) as u32);
    let mut items = Vec::with_capacity(record.items.len());
    for (index, state) in record.items.iter().enumerate() {
        let (option, period) = item_kind(state)?;
        let interval =
            override_interval.unwrap_or_else(|| policy::default_refresh_interval(option, period));
        let pct = overuse.unwrap_or_else(|| policy::default_overuse_percent(option));
        let quota = state.item.quota.map(|q| q.max(0) as u64);
        items.push(HandshakeItemView {
            position: index + 1,
            id: state.item.id.clone(),
            license_id: state.item.license_id.clone(),
            product: state.item.product.clone(),
            option,
            status: state.status(now),
            used: used(state, option),
            quota,
            limit: quota.map(|q| policy::quota_with_overuse(q, pct)),
            peak: (option == LicenseOption::PerConcurrentDevice)
                .then_some(state.window_peak.max(0) as u64),
            refresh_interval: format_duration(interval),
            refresh_interval_seconds: secs(interval),
            expires_at: from_unix(state.item.expires_at),
        });
    }
    Ok(HandshakeView {
        code: h.code.clone(),
        name: h.name.clone(),
        active_from: crate::admin::ActiveFrom::parse(&h.active_from),
        refresh_interval: override_interval.map(format_duration),
        refresh_interval_seconds: override_interval.map(secs),
        offline_grace: format_duration(grace),
        offline_grace_seconds: secs(grace),
        overuse_percent: overuse,
        password_set: h.password_hash.is_some(),
        order: if h.explicit_order { "explicit" } else { "expiry" }.to_string(),
        domains: record.domains.clone(),
        active_devices: record.active_devices,
        items,
        created_at: from_unix(h.created_at),
        updated_at: from_unix(h.updated_at),
    })
}
