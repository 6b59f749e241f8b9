//! Hidden `ltsctl seed`: a local store with a large demo license and N seated devices, some of them
//! inactive, for benchmarks (`devices list --inactive-for 90d` over a million devices and the like).

use std::sync::Arc;

use super::Context;
use crate::admin::local::LocalAdmin;
use crate::clock::{Clock, SystemClock, to_unix};
use crate::error::Result;
use crate::server::dev;
use crate::store::SqliteStore;

/// Devices per transaction (and progress step): about a tenth of a second each.
const CHUNK: u64 = 100_000;

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
        dev::prepare_with(&admin, &dir, devices.saturating_mul(2).max(10), 1_000_000_000).await?;
    }
    let now = to_unix(clock.now());
    let bar = ctx.out.progress(devices, "seeding");
    let mut start = 0;
    while start < devices {
        let end = (start + CHUNK).min(devices);
        store
            .seed_devices(
                dev::DEV_HANDSHAKE,
                "DEV-LICENSE-DEVICES",
                start..end,
                now,
                inactive_percent,
            )
            .await?;
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
