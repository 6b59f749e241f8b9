//! Hidden `ltsctl seed`: a local store with a large demo license and N seated devices, some of them
//! inactive, for benchmarks (`devices list --inactive-for 90d` over a million devices and the like).

use std::sync::Arc;

use super::Context;
use crate::admin::local::LocalAdmin;
use crate::clock::{Clock, SystemClock, to_unix};
use crate::error::Result;
use crate::server::dev;
use crate::store::{DeviceRow, SqliteStore};

const CHUNK: u64 = 50_000;
const DAY: i64 = 86_400;

pub async fn seed(ctx: &Context, devices: u64, inactive_percent: u8) -> Result<()> {
    let dir = crate::target::resolve_data_dir(ctx.data_dir.clone())?;
    let store = Arc::new(SqliteStore::open(&dir).await?);
    let clock = Arc::new(SystemClock);
    let admin = LocalAdmin::new(store.clone(), clock.clone());
    let exists =
        crate::store::HandshakesStore::get_handshake(store.as_ref(), dev::DEV_HANDSHAKE, 0)
            .await?
            .is_some();
    if !exists {
        dev::prepare_with(
            &admin,
            &dir,
            devices.saturating_mul(2).max(10),
            1_000_000_000,
        )
        .await?;
    }
    let now = to_unix(clock.now());
    let bar = ctx.out.progress(devices, "seeding");
    let platforms = ["desktop", "mobile", "web", "embedded", "server"];
    let mut start = 0;
    while start < devices {
        let end = (start + CHUNK).min(devices);
        let rows: Vec<DeviceRow> = (start..end)
            .map(|i| {
                // A cheap deterministic spread: device i is inactive when i % 100 < inactive_percent.
                let idle_days = if (i % 100) < u64::from(inactive_percent) {
                    91 + (i % 310) as i64
                } else {
                    (i % 30) as i64
                };
                let last_seen = now - idle_days * DAY - (i % DAY as u64) as i64;
                DeviceRow {
                    uuid: format!("seed-{i:010}"),
                    handshake: dev::DEV_HANDSHAKE.to_string(),
                    item_id: "DEV-LICENSE-DEVICES".to_string(),
                    platform: platforms[(i % 5) as usize].to_string(),
                    domain: None,
                    name: Some(format!("host-{}", i % 9973)),
                    first_seen: last_seen - 30 * DAY,
                    last_seen,
                    expires_at: last_seen + 365 * DAY,
                    checked_out_until: None,
                }
            })
            .collect();
        crate::store::DevicesStore::insert_devices(store.as_ref(), &rows).await?;
        bar.inc(end - start);
        start = end;
    }
    bar.finish_and_clear();
    ctx.out.note(format!(
        "Seated {devices} devices through {} in {}.",
        dev::DEV_HANDSHAKE,
        dir.display()
    ));
    if ctx.out.is_json() {
        ctx.out.json(&serde_json::json!({
            "seated": devices, "handshake": dev::DEV_HANDSHAKE, "data_dir": dir,
        }))?;
    }
    Ok(())
}
