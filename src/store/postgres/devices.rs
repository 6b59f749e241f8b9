//! PostgreSQL lists devices through the shared statements only.

use sqlx::PgConnection;

use crate::store::StoreResult;
use crate::store::devices::{DeviceListing, DevicesDialect, EachJson};

impl DevicesDialect for PgConnection {
    /// None: its JSON functions are no faster than decoding the rows (see BENCHMARKS.md, figure 3).
    async fn list_json(&mut self, _: DeviceListing<'_>) -> StoreResult<Option<String>> {
        Ok(None)
    }

    async fn each_json(
        &mut self,
        _: DeviceListing<'_>,
        _: &mut EachJson<'_>,
    ) -> StoreResult<Option<u64>> {
        Ok(None)
    }
}
