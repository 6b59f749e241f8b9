//! Removes devices whose removal time has passed, freeing their seats: every 24 hours, and every minute
//! while any code draws on a per-concurrent-device item (their seats last minutes, not months).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::clock::{Clock, to_unix};
use crate::store::Store;

const TICK: Duration = Duration::from_secs(60);
const DAILY: i64 = 24 * 3600;

pub(super) async fn run(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    shutdown: watch::Sender<bool>,
) {
    let mut stop = shutdown.subscribe();
    loop {
        let now = to_unix(clock.now());
        // The period is read from the shared store: instances sharing a database agree on when the last
        // round ran, so a round is swept once however many instances start or tick.
        let period = if store.has_concurrent_items().await.unwrap_or(false) {
            TICK.as_secs() as i64
        } else {
            DAILY
        };
        let due = match store.last_sweep().await {
            Ok(Some(last)) => now - last.started_at >= period,
            Ok(None) => true,
            Err(e) => {
                tracing::error!("cannot read the last sweep: {e}");
                false
            }
        };
        if due {
            match store.sweep(now, "schedule").await {
                Ok(run) if run.removed > 0 => {
                    crate::metrics::devices_removed("sweep", run.removed as u64);
                    tracing::info!("sweep removed {} expired device(s)", run.removed)
                }
                Ok(_) => {}
                Err(e) => tracing::error!("sweep failed (will retry): {e}"),
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(TICK) => {}
            _ = stop.wait_for(|stopped| *stopped) => return,
        }
    }
}
