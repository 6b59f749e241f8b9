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
    let mut last: Option<i64> = None;
    loop {
        let now = to_unix(clock.now());
        let due = match last {
            None => true,
            Some(at) => now - at >= DAILY || store.has_concurrent_items().await.unwrap_or(false),
        };
        if due {
            match store.sweep(now, "schedule").await {
                Ok(run) => {
                    if run.removed > 0 {
                        tracing::info!("sweep removed {} expired device(s)", run.removed);
                    }
                    last = Some(now);
                }
                Err(e) => tracing::error!("sweep failed (will retry): {e}"),
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(TICK) => {}
            _ = stop.wait_for(|stopped| *stopped) => return,
        }
    }
}
