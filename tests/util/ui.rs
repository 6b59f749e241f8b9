//! The dashboard (`/ui`) as a browser without JavaScript sees it: [`Browser`] keeps one session cookie
//! and sends forms with its own `Origin`, following no redirect so a test sees each 303 and its
//! `Set-Cookie`; the assertions every dashboard test makes.

use reqwest::StatusCode;
use reqwest::header::{CONTENT_SECURITY_POLICY, LOCATION, SET_COOKIE};

use crate::util::client_builder;

/// A client that follows no redirect, so the tests see each 303 and its `Set-Cookie`.
pub fn client() -> reqwest::Client {
    client_builder().redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

/// A browser's view of the dashboard: one base URL, one cookie.
pub struct Browser {
    pub base: String,
    pub http: reqwest::Client,
    pub cookie: Option<String>,
}

pub struct Page {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers.get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

impl Browser {
    pub fn new(base: &str, http: reqwest::Client) -> Self {
        Browser { base: base.to_string(), http, cookie: None }
    }

    pub async fn send(&self, req: reqwest::RequestBuilder) -> Page {
        let req = match &self.cookie {
            Some(c) => req.header("Cookie", format!("ltsctl_ui={c}")),
            None => req,
        };
        let resp = req.send().await.expect("request");
        Page {
            status: resp.status(),
            headers: resp.headers().clone(),
            body: resp.text().await.expect("body"),
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        self.send(self.http.get(format!("{}{path}", self.base))).await
    }

    /// A form POST as a browser sends it from one of the dashboard's pages (its own `Origin`).
    pub async fn post(&self, path: &str, form: &[(&str, &str)], origin: Option<&str>) -> Page {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body);
        req = req.header("Origin", origin.unwrap_or(&self.base));
        self.send(req).await
    }

    /// Signs in; the `Set-Cookie` value of the answer.
    pub async fn sign_in(&mut self, token: &str) -> String {
        let page = self.post("/ui/sign-in", &[("token", token)], None).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
        assert_eq!(page.location(), "/ui");
        let set = page.headers[SET_COOKIE].to_str().unwrap().to_string();
        let id = set
            .strip_prefix("ltsctl_ui=")
            .and_then(|r| r.split(';').next())
            .expect("the session cookie")
            .to_string();
        self.cookie = Some(id);
        set
    }

    pub async fn form_token(&self) -> String {
        let body = self.get("/ui").await.body;
        let at = body.find(r#"name="form_token" value=""#).expect("form token") + 25;
        body[at..at + 32].to_string()
    }
}

#[track_caller]
pub fn assert_signed_out(page: &Page) {
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.location(), "/ui/sign-in");
}

#[track_caller]
pub fn assert_csp(page: &Page) {
    let csp = page.headers[CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("style-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(page.headers["x-frame-options"], "DENY");
    assert_eq!(page.headers["cache-control"], "no-store");
}
