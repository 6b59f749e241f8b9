//! Closes connections that stay silent. hyper's HTTP/1 header timeout only starts once hyper-util's
//! auto (HTTP/1.1 or HTTP/2) builder has seen enough bytes to pick a protocol, and that detection read has
//! no timeout of its own: a client that connects (or finishes a TLS handshake) and then sends nothing, or
//! only the start of the HTTP/2 preface, would hold its connection and task forever. [`FirstBytesTimeout`]
//! wraps every accepted stream: its reads fail with `TimedOut` if the client has not sent
//! [`FIRST_BYTES`] bytes within the timeout, which ends the connection. After that, HTTP/1's header read
//! timeout takes over.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum_server::accept::Accept;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Sleep;

/// Enough to tell HTTP/1.1 from HTTP/2 (the length of the HTTP/2 connection preface); every HTTP/1.1
/// request line with its `Host` header is longer.
pub const FIRST_BYTES: usize = 24;

/// An acceptor that wraps the streams of `inner` in [`Silent`].
#[derive(Clone)]
pub struct FirstBytesTimeout<A> {
    inner: A,
    timeout: Duration,
}

impl<A> FirstBytesTimeout<A> {
    pub fn new(inner: A, timeout: Duration) -> Self {
        FirstBytesTimeout { inner, timeout }
    }
}

impl<A, I, S> Accept<I, S> for FirstBytesTimeout<A>
where
    A: Accept<I, S>,
    A::Future: Send + 'static,
    A::Stream: Send + 'static,
    A::Service: Send + 'static,
{
    type Stream = Silent<A::Stream>;
    type Service = A::Service;
    type Future =
        Pin<Box<dyn Future<Output = io::Result<(Self::Stream, Self::Service)>> + Send + 'static>>;

    fn accept(&self, stream: I, service: S) -> Self::Future {
        let inner = self.inner.accept(stream, service);
        let timeout = self.timeout;
        Box::pin(async move {
            let (stream, service) = inner.await?;
            Ok((Silent::new(stream, timeout), service))
        })
    }
}

/// A stream whose reads fail with `TimedOut` until its first [`FIRST_BYTES`] bytes have arrived, once
/// `timeout` has passed since it was made.
pub struct Silent<S> {
    inner: S,
    /// Bytes read so far, counted up to [`FIRST_BYTES`].
    seen: usize,
    deadline: Option<Pin<Box<Sleep>>>,
}

impl<S> Silent<S> {
    pub fn new(inner: S, timeout: Duration) -> Self {
        Silent { inner, seen: 0, deadline: Some(Box::pin(tokio::time::sleep(timeout))) }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Silent<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(result) => {
                if this.deadline.is_some() {
                    this.seen += buf.filled().len() - before;
                    if this.seen >= FIRST_BYTES || result.is_err() {
                        this.deadline = None;
                    }
                }
                Poll::Ready(result)
            }
            Poll::Pending => {
                let expired = match &mut this.deadline {
                    Some(deadline) => deadline.as_mut().poll(cx).is_ready(),
                    None => false,
                };
                if !expired {
                    return Poll::Pending;
                }
                this.deadline = None;
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the client sent nothing (or too little to be a request) in time",
                )))
            }
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Silent<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    const SHORT: Duration = Duration::from_millis(200);

    #[tokio::test]
    async fn a_silent_stream_times_out_and_a_talking_one_does_not() {
        let (client, server) = tokio::io::duplex(64);
        let mut silent = Silent::new(server, SHORT);
        let mut buf = [0u8; 64];
        let err = silent.read(&mut buf).await.expect_err("timed out");
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        drop(client);

        let (mut client, server) = tokio::io::duplex(64);
        let mut talking = Silent::new(server, SHORT);
        client.write_all(b"PRI * HTTP/2.0\r\n").await.unwrap();
        assert_eq!(talking.read(&mut buf).await.unwrap(), 16);
        // Only part of what tells the protocol apart: still on the clock.
        let err = talking.read(&mut buf).await.expect_err("timed out");
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);

        let (mut client, server) = tokio::io::duplex(64);
        let mut talking = Silent::new(server, SHORT);
        client.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
        assert_eq!(talking.read(&mut buf).await.unwrap(), 34);
        // Past the first bytes a quiet client is HTTP's business, not this stream's.
        let idle = tokio::time::timeout(SHORT * 3, talking.read(&mut buf)).await;
        assert!(idle.is_err(), "the read should still be waiting");
    }
}
