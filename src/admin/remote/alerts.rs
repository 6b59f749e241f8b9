//! Alerts over the admin API: `/v1/admin/alerts`, `/v1/admin/alerts/deliveries`,
//! `/v1/admin/alerts/settings`, `/v1/admin/alerts/emails`, `/v1/admin/webhooks`.

use async_trait::async_trait;
use reqwest::Method;

use super::RemoteAdmin;
use crate::admin::*;
use crate::error::Result;

#[async_trait]
impl AlertsAdmin for RemoteAdmin {
    async fn alerts_list(&self, limit: u32) -> Result<Vec<AlertView>> {
        let q = AlertsQuery { limit: Some(limit) };
        self.get_with(&["alerts"], &q).await
    }

    async fn alert_deliveries(&self, limit: u32) -> Result<Vec<DeliveryAttemptView>> {
        let q = AlertsQuery { limit: Some(limit) };
        self.get_with(&["alerts", "deliveries"], &q).await
    }

    async fn alert_settings(&self) -> Result<Vec<AlertSettingsView>> {
        self.get(&["alerts", "settings"]).await
    }

    async fn alert_settings_set(&self, req: AlertSettingsRequest) -> Result<AlertSettingsView> {
        self.send_body(Method::PUT, &["alerts", "settings"], &req).await
    }

    async fn alert_settings_reset(&self, handshake: &str) -> Result<()> {
        self.send_no_content(self.request(Method::DELETE, &["alerts", "settings", handshake])).await
    }

    async fn webhook_add(&self, req: WebhookRequest) -> Result<WebhookCreated> {
        self.send_body(Method::POST, &["webhooks"], &req).await
    }

    async fn webhook_list(&self) -> Result<Vec<WebhookView>> {
        self.get(&["webhooks"]).await
    }

    async fn webhook_remove(&self, id: &str) -> Result<()> {
        self.send_no_content(self.request(Method::DELETE, &["webhooks", id])).await
    }

    async fn webhook_test(&self, id: &str) -> Result<WebhookTestReport> {
        self.call(self.request(Method::POST, &["webhooks", id, "test"])).await
    }

    async fn email_add(&self, address: &str) -> Result<EmailView> {
        let body = EmailRequest { address: address.to_string() };
        self.send_body(Method::POST, &["alerts", "emails"], &body).await
    }

    async fn email_list(&self) -> Result<Vec<EmailView>> {
        self.get(&["alerts", "emails"]).await
    }

    async fn email_remove(&self, address: &str) -> Result<()> {
        self.send_no_content(self.request(Method::DELETE, &["alerts", "emails", address])).await
    }
}
