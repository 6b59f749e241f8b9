//! Handshake codes over the admin API: `/v1/admin/handshakes/...`.

use async_trait::async_trait;
use reqwest::Method;
use zeroize::Zeroizing;

use super::RemoteAdmin;
use crate::admin::HandshakesAdmin;
use crate::admin::*;
use crate::error::Result;

fn items(items: &[String]) -> ItemsRequest {
    ItemsRequest { items: items.to_vec() }
}

fn domains(domains: &[String]) -> DomainsRequest {
    DomainsRequest { domains: domains.to_vec() }
}

#[async_trait]
impl HandshakesAdmin for RemoteAdmin {
    async fn handshake_create(
        &self,
        code: &str,
        settings: HandshakeSettings,
    ) -> Result<HandshakeView> {
        let body = CreateHandshakeRequest { code: code.to_string(), settings };
        self.send_body(Method::POST, &["handshakes"], &body).await
    }

    async fn handshake_list(&self) -> Result<Vec<HandshakeView>> {
        self.get(&["handshakes"]).await
    }

    async fn handshake_show(&self, code: &str) -> Result<HandshakeView> {
        self.get(&["handshakes", code]).await
    }

    async fn handshake_bind(&self, code: &str, ids: &[String]) -> Result<HandshakeView> {
        self.send_body(Method::POST, &["handshakes", code, "bind"], &items(ids)).await
    }

    async fn handshake_unbind(&self, code: &str, ids: &[String]) -> Result<HandshakeView> {
        self.send_body(Method::POST, &["handshakes", code, "unbind"], &items(ids)).await
    }

    async fn handshake_order(&self, code: &str, ids: &[String]) -> Result<HandshakeView> {
        self.send_body(Method::PUT, &["handshakes", code, "order"], &items(ids)).await
    }

    async fn handshake_order_by_expiry(&self, code: &str) -> Result<HandshakeView> {
        self.call(self.request(Method::DELETE, &["handshakes", code, "order"])).await
    }

    async fn handshake_set(&self, code: &str, changes: HandshakeChanges) -> Result<HandshakeView> {
        self.send_body(Method::PATCH, &["handshakes", code], &changes).await
    }

    async fn handshake_domains_add(&self, code: &str, names: &[String]) -> Result<Vec<String>> {
        let path = ["handshakes", code, "domains"];
        self.send_body(Method::POST, &path, &domains(names)).await
    }

    async fn handshake_domains_remove(&self, code: &str, names: &[String]) -> Result<Vec<String>> {
        let path = ["handshakes", code, "domains", "remove"];
        self.send_body(Method::POST, &path, &domains(names)).await
    }

    async fn handshake_domains_list(&self, code: &str) -> Result<Vec<String>> {
        self.get(&["handshakes", code, "domains"]).await
    }

    async fn handshake_password_set(&self, code: &str, password: Zeroizing<String>) -> Result<()> {
        let body = PasswordRequest { password };
        let req = self.request(Method::PUT, &["handshakes", code, "password"]);
        self.send_no_content(req.json(&body)).await
    }

    async fn handshake_password_clear(&self, code: &str) -> Result<()> {
        self.send_no_content(self.request(Method::DELETE, &["handshakes", code, "password"])).await
    }

    async fn handshake_delete(&self, code: &str, force: bool) -> Result<()> {
        let req = self.request(Method::DELETE, &["handshakes", code]);
        self.send_no_content(req.query(&ForceQuery { force })).await
    }
}
