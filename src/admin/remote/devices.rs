//! Devices over the admin API: `/v1/admin/devices/...`.

use async_trait::async_trait;
use reqwest::{Method, RequestBuilder};

use super::RemoteAdmin;
use crate::admin::DevicesAdmin;
use crate::admin::*;
use crate::error::Result;

impl RemoteAdmin {
    /// `GET /v1/admin/devices` for one page, decoded typed or raw by the caller.
    fn devices_page(&self, query: &DeviceQuery, page: &PageQuery) -> RequestBuilder {
        self.request(Method::GET, &["devices"]).query(query).query(page)
    }
}

#[async_trait]
impl DevicesAdmin for RemoteAdmin {
    async fn devices_list(&self, query: &DeviceQuery, page: &PageQuery) -> Result<DevicePage> {
        self.call(self.devices_page(query, page)).await
    }

    async fn devices_list_raw(
        &self,
        query: &DeviceQuery,
        page: &PageQuery,
    ) -> Result<RawDevicePage> {
        self.call(self.devices_page(query, page)).await
    }

    /// In one request where the server streams listings (see `device_stream.rs`).
    async fn devices_each_json(
        &self,
        query: &DeviceQuery,
        limit: Option<u64>,
        each: &mut crate::store::EachJson<'_>,
    ) -> Result<Option<u64>> {
        self.devices_stream(query, limit, each).await
    }

    async fn devices_count(&self, query: &DeviceQuery) -> Result<u64> {
        let count: CountView = self.get_with(&["devices", "count"], query).await?;
        Ok(count.count)
    }

    async fn device_show(&self, uuid: &str) -> Result<DeviceDetail> {
        self.get(&["devices", uuid]).await
    }

    async fn devices_unregister(
        &self,
        uuids: &[String],
        handshake: Option<&str>,
        force: bool,
    ) -> Result<UnregisterReport> {
        let body = UnregisterRequest {
            uuids: uuids.to_vec(),
            handshake: handshake.map(str::to_string),
            force,
        };
        self.send_body(Method::POST, &["devices", "unregister"], &body).await
    }

    async fn devices_unregister_matching(
        &self,
        query: &DeviceQuery,
        batch: u32,
        force: bool,
    ) -> Result<u64> {
        let body = UnregisterMatchingRequest { query: query.clone(), batch, force };
        let removed: RemovedView =
            self.send_body(Method::POST, &["devices", "unregister-matching"], &body).await?;
        Ok(removed.removed)
    }

    async fn devices_checkout(&self, req: &CheckoutRequest) -> Result<OfflineAuthorization> {
        self.send_body(Method::POST, &["devices", "checkout"], req).await
    }

    async fn devices_checkin(&self, uuid: &str, handshake: Option<&str>) -> Result<CheckinReport> {
        let body =
            CheckinRequest { uuid: uuid.to_string(), handshake: handshake.map(str::to_string) };
        self.send_body(Method::POST, &["devices", "checkin"], &body).await
    }
}
