//! Stores seeded through the library: [`Seeder`] opens a data dir in-process with a [`ManualClock`] for
//! the admin operations and the device service, to put licenses, devices and usage there at chosen
//! times (devices "last seen" hours ago without waiting) before the CLI or a server looks at it.
//! [`import_license`] is the one in-process import, shared with [`crate::util::InProc`].

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ltsctl::admin::local::LocalAdmin;
use ltsctl::admin::prelude::*;
use ltsctl::admin::{ImportReport, ImportTarget};
use ltsctl::clock::ManualClock;
use ltsctl::license::IssuerKey;
use ltsctl::service::DeviceService;
use ltsctl::service::types::{AuthorizeRequest, Platform, UsageReport, UsageRequest};
use ltsctl::store::{DeviceRow, DevicesStore, SqliteStore};

use crate::util::{Item, PRODUCT, document, sign};

/// Signs [`document`]`(license_id, items)` with `issuer` and imports it through `admin`, binding its
/// items to `code` (created if needed). The issuer must be trusted already.
pub async fn import_license(
    admin: &LocalAdmin,
    issuer: &IssuerKey,
    code: &str,
    license_id: &str,
    items: &[Item],
) -> ImportReport {
    let text = sign(&document(license_id, items), issuer);
    let target = ImportTarget { code: code.to_string(), create: true };
    let file = format!("{license_id}.lic");
    admin
        .license_import(&file, text.as_bytes(), Some(&target), false)
        .await
        .unwrap_or_else(|e| panic!("import {license_id}: {e}"))
}

/// A store opened in-process on a data dir, with a [`ManualClock`] for the admin operations and the
/// device service.
pub struct Seeder {
    rt: tokio::runtime::Runtime,
    store: Arc<SqliteStore>,
    pub clock: Arc<ManualClock>,
    pub admin: LocalAdmin,
    service: DeviceService,
    pub issuer: IssuerKey,
}

impl Seeder {
    /// Opens (or creates) the store in `data` with the clock at `at`.
    pub fn open(data: &Path, at: DateTime<Utc>) -> Self {
        let rt =
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        let clock = Arc::new(ManualClock::new(at));
        let (store, admin, service, issuer) = rt.block_on(async {
            let store = Arc::new(SqliteStore::open(data).await.expect("open store"));
            let admin = LocalAdmin::new(store.clone(), clock.clone());
            let service =
                DeviceService::new(store.clone(), clock.clone()).await.expect("device service");
            (store, admin, service, IssuerKey::generate())
        });
        Seeder { rt, store, clock, admin, service, issuer }
    }

    pub fn set_time(&self, at: DateTime<Utc>) {
        self.clock.set(at);
    }

    /// Signs and imports a license, binding its items to `code` (created if needed).
    /// Trusts the seeder's own issuer key first (a no-op after the first time).
    pub fn import(&self, code: &str, license_id: &str, items: &[Item]) {
        let pem = self.issuer.public().to_spki_pem();
        let trusted = self.rt.block_on(self.admin.trust_add(&pem, Some("seeder".into())));
        trusted.expect("trust add");
        let imported = import_license(&self.admin, &self.issuer, code, license_id, items);
        self.rt.block_on(imported);
    }

    /// Authorizes a device at the clock's time; the item it got.
    #[track_caller]
    pub fn authorize(&self, code: &str, uuid: &str) -> String {
        let req = AuthorizeRequest {
            handshake: code.to_string(),
            uuid: uuid.to_string(),
            product: PRODUCT.to_string(),
            platform: Platform::Desktop,
            domain: None,
            session_password: None,
            name: Some(format!("host-{uuid}")),
        };
        match self.rt.block_on(self.service.authorize(req, None)) {
            Ok(resp) => resp.item,
            Err(e) => panic!("authorize {uuid} on {code}: {e:?}"),
        }
    }

    /// Seats `uuids` on `item` through `code` as rows written straight into the store, in one
    /// transaction (no quota checks: thousands in a blink), seen at the clock's time.
    pub fn insert<S: AsRef<str>>(&self, code: &str, item: &str, uuids: &[S]) {
        let at = ltsctl::clock::Clock::now(self.clock.as_ref()).timestamp();
        let rows: Vec<DeviceRow> = uuids
            .iter()
            .map(|u| DeviceRow {
                uuid: u.as_ref().to_string(),
                handshake: code.to_string(),
                item_id: item.to_string(),
                platform: "desktop".into(),
                domain: None,
                name: Some(format!("host-{}", u.as_ref())),
                first_seen: at,
                last_seen: at,
                expires_at: at + 365 * 86_400,
                checked_out_until: None,
            })
            .collect();
        let inserted = self.rt.block_on(self.store.insert_devices(&rows));
        inserted.unwrap_or_else(|e| panic!("insert devices: {e}"));
    }

    /// Authorizes `uuids` on `code` at the clock's time.
    pub fn authorize_all<S: AsRef<str>>(&self, code: &str, uuids: &[S]) {
        for uuid in uuids {
            self.authorize(code, uuid.as_ref());
        }
    }

    /// One usage report per `(id, at, scans)`; all must be accepted.
    #[track_caller]
    pub fn usage(&self, code: &str, uuid: &str, reports: &[Report]) {
        let reports = reports
            .iter()
            .map(|(id, at, scans)| UsageReport {
                id: id.to_string(),
                at: *at,
                scans: Some(scans.iter().map(|(k, n)| (k.to_string(), *n)).collect()),
                pages: None,
            })
            .collect::<Vec<_>>();
        self.upload(code, uuid, reports);
    }

    /// Uploads these reports as they are (scans and pages); all must be accepted.
    #[track_caller]
    pub fn upload(&self, code: &str, uuid: &str, reports: Vec<UsageReport>) {
        let n = reports.len();
        let req = UsageRequest { handshake: code.to_string(), uuid: uuid.to_string(), reports };
        match self.rt.block_on(self.service.usage(req)) {
            Ok(r) => assert_eq!(r.accepted, n, "usage of {uuid}"),
            Err(e) => panic!("usage of {uuid} on {code}: {e:?}"),
        }
    }

    /// Runs any admin operation on the seeded store.
    pub fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }
}

/// A usage report for [`Seeder::usage`]: its id, when, and scans per symbology.
pub type Report<'a> = (&'a str, DateTime<Utc>, &'a [(&'a str, u64)]);

/// Device UUIDs `prefix-00000` ... in order.
pub fn uuids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}-{i:05}")).collect()
}
