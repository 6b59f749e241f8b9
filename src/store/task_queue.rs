//! The channel to a store's one background writing task (the SQLite group writer, the PostgreSQL seat
//! queue). The task is started by the first request, not when the store opens, because a store is opened
//! outside any runtime by commands that never write; and started again when it stopped, which happens
//! when the runtime it ran on shut down (tests run a runtime per test on one shared store).

use std::future::Future;
use std::sync::{Arc, Mutex};

use tokio::sync::mpsc;

/// Clones share one task.
pub(crate) struct TaskQueue<T> {
    slot: Arc<Mutex<Option<mpsc::Sender<T>>>>,
}

impl<T> Clone for TaskQueue<T> {
    fn clone(&self) -> Self {
        TaskQueue { slot: Arc::clone(&self.slot) }
    }
}

impl<T> Default for TaskQueue<T> {
    fn default() -> Self {
        TaskQueue { slot: Arc::new(Mutex::new(None)) }
    }
}

impl<T: Send + 'static> TaskQueue<T> {
    /// The sender to the running task; when there is none, spawns `start` with a channel of `capacity`
    /// (senders wait beyond it: back-pressure).
    pub(crate) fn sender<F>(
        &self,
        capacity: usize,
        start: impl FnOnce(mpsc::Receiver<T>) -> F,
    ) -> mpsc::Sender<T>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let mut slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        match slot.as_ref() {
            Some(tx) if !tx.is_closed() => tx.clone(),
            _ => {
                let (tx, rx) = mpsc::channel(capacity);
                tokio::spawn(start(rx));
                *slot = Some(tx.clone());
                tx
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn one_task_for_all_clones_and_a_new_one_after_it_stopped() {
        let queue: TaskQueue<u32> = TaskQueue::default();
        let (seen_tx, mut seen) = mpsc::unbounded_channel();
        let start = |seen_tx: mpsc::UnboundedSender<u32>| {
            move |mut rx: mpsc::Receiver<u32>| async move {
                // Stops at 0, as a task stops when its runtime goes.
                while let Some(n) = rx.recv().await {
                    if n == 0 {
                        return;
                    }
                    seen_tx.send(n).unwrap();
                }
            }
        };
        let a = queue.sender(4, start(seen_tx.clone()));
        let b = queue.clone().sender(4, start(seen_tx.clone()));
        assert!(a.same_channel(&b), "clones share the running task");
        a.send(1).await.unwrap();
        assert_eq!(seen.recv().await, Some(1));
        a.send(0).await.unwrap();
        a.closed().await;
        let c = queue.sender(4, start(seen_tx.clone()));
        assert!(!c.same_channel(&a), "a stopped task is started again");
        c.send(2).await.unwrap();
        assert_eq!(seen.recv().await, Some(2));
    }
}
