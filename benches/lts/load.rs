//! The load client: hyper's HTTP/1.1 client directly (not reqwest), one explicit keep-alive connection per
//! tokio task, all on the bench's one current-thread runtime, so that it costs at most one core on a machine
//! that also runs the server. Every loop is bounded in time and in count; every request has a 20 s timeout.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;

use crate::processes::{clk_tck, self_cpu};
use crate::server::Server;
use crate::{Bench, Res};

/// Concurrent keep-alive connections of figures 1 and 2.
pub(crate) const CONNS: usize = 64;

pub(crate) type BodyFn = Arc<dyn Fn(usize, u64) -> Bytes + Send + Sync>;

pub(crate) struct Load {
    pub(crate) path: &'static str,
    pub(crate) conns: usize,
    pub(crate) duration: Duration,
    /// At most this many requests in all, and per connection.
    pub(crate) max_total: u64,
    pub(crate) max_per_conn: u64,
    pub(crate) body: BodyFn,
}

#[derive(Clone, Default)]
pub(crate) struct LoadStats {
    pub(crate) ok: u64,
    pub(crate) failed: u64,
    pub(crate) first_error: Option<String>,
    elapsed: Duration,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) server_cpu_us: f64,
    /// The kernel's share of the server's CPU time (syscalls: fsync, futex wake-ups between threads).
    pub(crate) server_sys_pct: f64,
    pub(crate) client_cpu_pct: f64,
    /// Requests per committed store transaction during the run (writing workloads of figure 1; `None`
    /// where nothing was committed or it was not asked for).
    pub(crate) per_commit: Option<f64>,
}

impl LoadStats {
    pub(crate) fn rps(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

type Sender = http1::SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> Res<Sender> {
    let stream =
        tokio::net::TcpStream::connect(addr).await.map_err(|e| format!("connect {addr}: {e}"))?;
    let _ = stream.set_nodelay(true);
    let (sender, conn) =
        http1::handshake(TokioIo::new(stream)).await.map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(sender)
}

async fn post(sender: &mut Sender, host: &str, path: &str, body: Bytes) -> Res<(u16, Bytes)> {
    let req = hyper::Request::post(path)
        .header(hyper::header::HOST, host)
        .header(hyper::header::CONTENT_TYPE, "application/json")
        .body(Full::new(body))
        .map_err(|e| e.to_string())?;
    sender.ready().await.map_err(|e| e.to_string())?;
    let resp = sender.send_request(req).await.map_err(|e| e.to_string())?;
    let status = resp.status().as_u16();
    let body = resp.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
    Ok((status, body))
}

struct TaskOut {
    ok: u64,
    failed: u64,
    first_error: Option<String>,
    lat_us: Vec<u32>,
}

async fn run_load(addr: SocketAddr, load: &Load) -> Res<(TaskOut, Duration)> {
    let host = addr.to_string();
    let mut senders = Vec::with_capacity(load.conns);
    for _ in 0..load.conns {
        senders.push(connect(addr).await?);
    }
    let issued = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let deadline = start + load.duration;
    let mut handles = Vec::with_capacity(load.conns);
    for (conn, mut sender) in senders.into_iter().enumerate() {
        let issued = issued.clone();
        let body = load.body.clone();
        let (path, host, max_total, max_per_conn) =
            (load.path, host.clone(), load.max_total, load.max_per_conn);
        handles.push(tokio::spawn(async move {
            let mut out =
                TaskOut { ok: 0, failed: 0, first_error: None, lat_us: Vec::with_capacity(4096) };
            let mut seq = 0u64;
            while Instant::now() < deadline && seq < max_per_conn && out.failed < 100 {
                if issued.fetch_add(1, Ordering::Relaxed) >= max_total {
                    break;
                }
                let b = body(conn, seq);
                seq += 1;
                let t0 = Instant::now();
                let r = tokio::time::timeout(
                    Duration::from_secs(20),
                    post(&mut sender, &host, path, b),
                )
                .await;
                let us = t0.elapsed().as_micros().min(u32::MAX as u128) as u32;
                let err = match r {
                    Ok(Ok((200, _))) => {
                        out.ok += 1;
                        out.lat_us.push(us);
                        continue;
                    }
                    Ok(Ok((status, body))) => {
                        let text = String::from_utf8_lossy(&body);
                        format!("HTTP {status}: {}", text.chars().take(300).collect::<String>())
                    }
                    Ok(Err(e)) => format!("request failed: {e}"),
                    Err(_) => "no answer within 20 s".to_string(),
                };
                out.failed += 1;
                out.first_error.get_or_insert(err);
                if sender.is_closed() {
                    match connect(addr).await {
                        Ok(s) => sender = s,
                        Err(e) => {
                            out.first_error.get_or_insert(e);
                            break;
                        }
                    }
                }
            }
            out
        }));
    }
    let mut total = TaskOut { ok: 0, failed: 0, first_error: None, lat_us: Vec::new() };
    for h in handles {
        let o = h.await.map_err(|e| format!("load task: {e}"))?;
        total.ok += o.ok;
        total.failed += o.failed;
        if total.first_error.is_none() {
            total.first_error = o.first_error;
        }
        total.lat_us.extend(o.lat_us);
    }
    Ok((total, start.elapsed()))
}

fn percentile(sorted: &[u32], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 * q) as usize).min(sorted.len() - 1);
    sorted[i] as f64 / 1000.0
}

impl Bench {
    pub(crate) fn load(&self, server: &Server, load: &Load) -> Res<LoadStats> {
        let (user0, sys0) = server.cpu_split();
        let cpu0 = user0 + sys0;
        let self0 = self_cpu();
        let (mut out, elapsed) = self.rt.block_on(run_load(server.addr, load))?;
        let (user1, sys1) = server.cpu_split();
        let cpu1 = user1 + sys1;
        let self1 = self_cpu();
        out.lat_us.sort_unstable();
        let server_cpu_s = (cpu1.saturating_sub(cpu0)) as f64 / clk_tck();
        Ok(LoadStats {
            ok: out.ok,
            failed: out.failed,
            first_error: out.first_error,
            elapsed,
            p50_ms: percentile(&out.lat_us, 0.50),
            p99_ms: percentile(&out.lat_us, 0.99),
            server_cpu_us: server_cpu_s * 1e6 / (out.ok.max(1) as f64),
            server_sys_pct: 100.0 * sys1.saturating_sub(sys0) as f64
                / (cpu1.saturating_sub(cpu0)).max(1) as f64,
            client_cpu_pct: (self1.saturating_sub(self0)).as_secs_f64() * 100.0
                / elapsed.as_secs_f64().max(1e-9),
            per_commit: None,
        })
    }

    /// A load that must succeed entirely (setup, or a figure whose every request must be a 200).
    pub(crate) fn load_all_ok(&self, server: &Server, load: &Load, what: &str) -> Res<LoadStats> {
        let s = self.load(server, load)?;
        if s.failed > 0 {
            return Err(format!(
                "{what}: {} of {} requests failed, first: {}",
                s.failed,
                s.failed + s.ok,
                s.first_error.clone().unwrap_or_default()
            ));
        }
        Ok(s)
    }
}
