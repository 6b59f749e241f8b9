//! The remote `devices list -o json` in one request: `GET /v1/admin/devices/stream`, whose lines (one
//! device each) are handed on as they arrive, so the client holds a chunk at a time however long the
//! list. The answer must end with its end line (`{"end":{"count":N}}`, N the devices sent): an answer
//! cut off before it (the server stopped, a proxy gave up, the connection broke), one whose count
//! disagrees, or one that ends with an error line is an error, never a short list taken for a whole one.

use std::time::Duration;

use reqwest::{Method, StatusCode};

use super::{RemoteAdmin, server_error};
use crate::admin::{DEVICE_STREAM_TYPE, DeviceQuery, StreamEnd, StreamQuery};
use crate::error::{Error, ErrorKind, Result};
use crate::server::admin::AdminErrorBody;
use crate::store::EachJson;

/// How long the answer's status may take (the server sends it with its first rows).
const FIRST: Duration = Duration::from_secs(120);
/// How long the body may go without a byte before the listing is given up (the server gives up on a
/// client after 30 s; it sends its rows as fast as it reads them).
const IDLE: Duration = Duration::from_secs(60);
/// The longest line taken: a device's JSON is well under a kilobyte; more is not an ltsctl server.
const MAX_LINE: usize = 1 << 20;

impl RemoteAdmin {
    /// Every matching device (up to `limit`) handed to `each`; `None` when the server has no streamed
    /// listing (one from before it: the caller then pages).
    pub(super) async fn devices_stream(
        &self,
        query: &DeviceQuery,
        limit: Option<u64>,
        each: &mut EachJson<'_>,
    ) -> Result<Option<u64>> {
        let req = self
            .request(Method::GET, &["devices", "stream"])
            .query(query)
            .query(&StreamQuery { limit })
            // The whole listing may take long; `FIRST` and `IDLE` bound its waits instead.
            .timeout(Duration::from_secs(24 * 3600));
        let mut resp = match tokio::time::timeout(FIRST, req.send()).await {
            Ok(sent) => sent.map_err(|e| self.transport_error(e))?,
            Err(_) => return Err(self.cut(0, "it did not answer within 120 s")),
        };
        let status = resp.status();
        // A server from before streamed listings reads `stream` as a device's UUID, and has none.
        if status == StatusCode::NOT_FOUND || status == StatusCode::METHOD_NOT_ALLOWED {
            return Ok(None);
        }
        if !status.is_success() {
            let body = resp.text().await.unwrap_or_default();
            return Err(server_error(status, &body, self.base.as_str()));
        }
        let media = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if !media.starts_with(DEVICE_STREAM_TYPE) {
            return Err(self.unexpected(format!("its listing came as {media:?}")));
        }
        let mut lines = Lines::new(limit);
        loop {
            let chunk = match tokio::time::timeout(IDLE, resp.chunk()).await {
                Ok(Ok(Some(chunk))) => chunk,
                Ok(Ok(None)) => break,
                Ok(Err(e)) => return Err(self.cut(lines.rows, &self.transport_error(e).message)),
                Err(_) => return Err(self.cut(lines.rows, "it sent nothing for 60 s")),
            };
            match lines.feed(&chunk, each) {
                Ok(true) => {}
                // The caller stopped (its output failed): it reports why.
                Ok(false) => return Ok(Some(lines.rows)),
                Err(Bad::Server(e)) => return Err(e),
                Err(Bad::Text(what)) => return Err(self.unexpected(what)),
            }
        }
        match lines.end {
            Some(n) if lines.carry.is_empty() => Ok(Some(n)),
            _ => Err(self.cut(lines.rows, "the answer ended before its end line")),
        }
    }

    /// A listing that stopped short: exit 8 (the connection), saying that what was printed is incomplete.
    fn cut(&self, rows: u64, why: &str) -> Error {
        Error::new(
            ErrorKind::Unreachable,
            format!(
                "the device listing from {} stopped after {rows} device(s): {why}; the list is incomplete",
                self.base
            ),
        )
        .with_hint("run the command again; if it keeps stopping, check the LTS's log and any proxy's timeouts")
    }

    fn unexpected(&self, what: String) -> Error {
        Error::new(
            ErrorKind::Unreachable,
            format!("the server at {} sent an unexpected device listing: {what}", self.base),
        )
        .with_hint("is this an ltsctl server of the same version?")
    }
}

/// Why a listing's text was refused.
#[derive(Debug)]
enum Bad {
    /// The server's error line.
    Server(Error),
    /// Not a listing as the server writes it.
    Text(String),
}

/// The body split into lines as chunks arrive.
struct Lines {
    /// The start of a line whose end has not arrived yet.
    carry: Vec<u8>,
    rows: u64,
    limit: Option<u64>,
    /// The end line's count, once it came.
    end: Option<u64>,
}

impl Lines {
    fn new(limit: Option<u64>) -> Self {
        Lines { carry: Vec::new(), rows: 0, limit, end: None }
    }

    /// Hands on every line `chunk` completes; false when `each` asked to stop.
    fn feed(
        &mut self,
        mut chunk: &[u8],
        each: &mut EachJson<'_>,
    ) -> std::result::Result<bool, Bad> {
        if !self.carry.is_empty() {
            let Some(at) = chunk.iter().position(|b| *b == b'\n') else {
                return self.keep(chunk).map(|()| true);
            };
            self.carry.extend_from_slice(&chunk[..at]);
            chunk = &chunk[at + 1..];
            let line = std::mem::take(&mut self.carry);
            if !self.line(&line, each)? {
                return Ok(false);
            }
        }
        let mut rest = chunk;
        while let Some(at) = rest.iter().position(|b| *b == b'\n') {
            if !self.line(&rest[..at], each)? {
                return Ok(false);
            }
            rest = &rest[at + 1..];
        }
        self.keep(rest).map(|()| true)
    }

    fn keep(&mut self, part: &[u8]) -> std::result::Result<(), Bad> {
        if self.carry.len() + part.len() > MAX_LINE {
            return Err(Bad::Text(format!("a line longer than {MAX_LINE} bytes")));
        }
        self.carry.extend_from_slice(part);
        Ok(())
    }

    fn line(&mut self, line: &[u8], each: &mut EachJson<'_>) -> std::result::Result<bool, Bad> {
        if self.end.is_some() {
            return Err(Bad::Text("more after its end line".into()));
        }
        let text = std::str::from_utf8(line).map_err(|_| {
            Bad::Text(format!("a line that is not UTF-8 after {} device(s)", self.rows))
        })?;
        if text.starts_with("{\"uuid\":") {
            // Checked as JSON, so that what is printed stays one JSON document whatever arrives.
            serde_json::from_str::<serde::de::IgnoredAny>(text)
                .map_err(|e| Bad::Text(format!("device {} is not JSON: {e}", self.rows + 1)))?;
            self.rows += 1;
            if self.limit.is_some_and(|l| self.rows > l) {
                return Err(Bad::Text("more devices than the limit asked for".into()));
            }
            return Ok(each(text));
        }
        if let Ok(end) = serde_json::from_str::<StreamEnd>(text) {
            if end.end.count != self.rows {
                return Err(Bad::Text(format!(
                    "its end line counts {} device(s), {} came",
                    end.end.count, self.rows
                )));
            }
            self.end = Some(self.rows);
            return Ok(true);
        }
        if let Ok(failed) = serde_json::from_str::<AdminErrorBody>(text) {
            let mut e = failed.error;
            e.message = format!(
                "the device listing failed after {} device(s): {}; the list is incomplete",
                self.rows, e.message
            );
            return Err(Bad::Server(e));
        }
        Err(Bad::Text(format!("line {} is neither a device nor an end line", self.rows + 1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &str = r#"{"uuid":"u1","handshake":"h"}"#;

    /// Feeds `body` in pieces of `size` bytes; returns the rows handed on and how it ended.
    fn run(
        body: &str,
        size: usize,
        limit: Option<u64>,
    ) -> (Vec<String>, std::result::Result<Option<u64>, String>) {
        let mut got = Vec::new();
        let mut lines = Lines::new(limit);
        for piece in body.as_bytes().chunks(size) {
            let fed = lines.feed(piece, &mut |r: &str| {
                got.push(r.to_string());
                true
            });
            if let Err(e) = fed {
                return (got, Err(format!("{e:?}")));
            }
        }
        let ended = match lines.end {
            Some(n) if lines.carry.is_empty() => Ok(Some(n)),
            _ => Ok(None),
        };
        (got, ended)
    }

    #[test]
    fn lines_split_across_chunks_come_out_whole() {
        let body = format!("{ROW}\n{ROW}\n{ROW}\n{{\"end\":{{\"count\":3}}}}\n");
        for size in [1, 2, 7, 31, 32, 1000] {
            let (rows, end) = run(&body, size, None);
            assert_eq!(rows, vec![ROW; 3], "chunks of {size}");
            assert_eq!(end, Ok(Some(3)), "chunks of {size}");
        }
    }

    #[test]
    fn a_body_without_its_end_line_is_not_complete() {
        for body in [
            format!("{ROW}\n{ROW}\n"),
            format!("{ROW}\n{ROW}"),
            format!("{ROW}\n{{\"end\":{{\"count\":1}}"),
        ] {
            let (_, end) = run(&body, 5, None);
            assert_eq!(end, Ok(None), "{body:?}");
        }
    }

    #[test]
    fn wrong_counts_errors_and_garbage_are_refused() {
        let cases = [
            (format!("{ROW}\n{{\"end\":{{\"count\":2}}}}\n"), "counts 2"),
            (format!("{ROW}\n{{\"end\":{{\"count\":1}}}}\n{ROW}\n"), "after its end"),
            (
                format!("{ROW}\n{{\"error\":{{\"kind\":\"busy\",\"message\":\"locked\"}}}}\n"),
                "failed after 1 device(s): locked",
            ),
            (format!("{ROW}\n{{\"uuid\":\"x\"\n"), "not JSON"),
            (format!("{ROW}\nhello\n"), "neither"),
            (format!("{ROW}\n{ROW}\n"), "limit"),
        ];
        for (body, want) in cases {
            let (_, end) = run(&body, 3, Some(1).filter(|_| want == "limit"));
            let err = end.expect_err(&body);
            assert!(err.contains(want), "{body:?}: {err}");
        }
        let (_, end) = run(&"x".repeat(MAX_LINE + 1), 4096, None);
        assert!(end.unwrap_err().contains("longer than"));
    }
}
