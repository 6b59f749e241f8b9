//! PostgreSQL lists devices through the shared statements only.

use sqlx::PgConnection;

use crate::store::StoreResult;
use crate::store::devices::{DeviceCursor, DeviceFilter, DeviceSort, DevicesDialect, EachJson};

impl DevicesDialect for PgConnection {
    /// None: its JSON functions are no faster than decoding the rows (see BENCHMARKS.md, figure 3).
    async fn list_json(
        &mut self,
        _filter: &DeviceFilter,
        _sort: DeviceSort,
        _after: Option<&DeviceCursor>,
        _limit: i64,
    ) -> StoreResult<Option<String>> {
        Ok(None)
    }

    async fn each_json(
        &mut self,
        _filter: &DeviceFilter,
        _sort: DeviceSort,
        _limit: i64,
        _each: &mut EachJson<'_>,
    ) -> StoreResult<Option<u64>> {
        Ok(None)
    }
}
