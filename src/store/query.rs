//! One way to run a statement on either backend, so the statements both dialects accept (most of them)
//! are written and run once, in the area modules (`store/licenses.rs`, ...), for SQLite and PostgreSQL
//! alike. sqlx binds `$N` by number on SQLite as on PostgreSQL; values go in as [`Arg`]s, rows come out as
//! any type both row types decode ([`Record`]: `#[derive(sqlx::FromRow)]` structs and tuples).
//!
//! Only the values the store keeps are needed: 64-bit integers, text, bytes and booleans, each possibly
//! NULL. Every statement is a `&'static str`: nothing here builds SQL from input.

use std::future::Future;

use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;

use super::StoreResult;

/// A value bound to a statement parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg<'a> {
    Int(Option<i64>),
    Text(Option<&'a str>),
    Bytes(&'a [u8]),
    Bool(bool),
}

impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Int(Some(v))
    }
}

impl From<Option<i64>> for Arg<'_> {
    fn from(v: Option<i64>) -> Self {
        Arg::Int(v)
    }
}

impl From<&Option<i64>> for Arg<'_> {
    fn from(v: &Option<i64>) -> Self {
        Arg::Int(*v)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(v: &'a str) -> Self {
        Arg::Text(Some(v))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(v: &'a String) -> Self {
        Arg::Text(Some(v))
    }
}

impl<'a> From<Option<&'a str>> for Arg<'a> {
    fn from(v: Option<&'a str>) -> Self {
        Arg::Text(v)
    }
}

impl<'a> From<&'a Option<String>> for Arg<'a> {
    fn from(v: &'a Option<String>) -> Self {
        Arg::Text(v.as_deref())
    }
}

impl<'a> From<&'a [u8]> for Arg<'a> {
    fn from(v: &'a [u8]) -> Self {
        Arg::Bytes(v)
    }
}

impl<'a> From<&'a Vec<u8>> for Arg<'a> {
    fn from(v: &'a Vec<u8>) -> Self {
        Arg::Bytes(v)
    }
}

impl From<bool> for Arg<'_> {
    fn from(v: bool) -> Self {
        Arg::Bool(v)
    }
}

/// `args![a, b, c]`: the parameters `$1`, `$2`, `$3` of a statement, in order.
macro_rules! args {
    ($($arg:expr),* $(,)?) => {
        &[$($crate::store::query::Arg::from($arg)),*]
    };
}
pub(crate) use args;

/// A row both backends can decode.
pub(crate) trait Record:
    for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin
{
}

impl<T> Record for T where
    T: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin
{
}

/// A connection (or a transaction on one) that runs statements with [`Arg`]s.
pub(crate) trait Conn: Send {
    /// Runs a statement; the number of rows it changed.
    fn execute<'a>(
        &'a mut self,
        sql: &'static str,
        args: &'a [Arg<'a>],
    ) -> impl Future<Output = StoreResult<u64>> + Send + 'a;

    fn fetch_all<'a, T: Record + 'a>(
        &'a mut self,
        sql: &'static str,
        args: &'a [Arg<'a>],
    ) -> impl Future<Output = StoreResult<Vec<T>>> + Send + 'a;

    fn fetch_optional<'a, T: Record + 'a>(
        &'a mut self,
        sql: &'static str,
        args: &'a [Arg<'a>],
    ) -> impl Future<Output = StoreResult<Option<T>>> + Send + 'a;

    fn fetch_one<'a, T: Record + 'a>(
        &'a mut self,
        sql: &'static str,
        args: &'a [Arg<'a>],
    ) -> impl Future<Output = StoreResult<T>> + Send + 'a;

    /// The first column of the one row a statement returns (a count, an id).
    fn scalar<'a, T>(
        &'a mut self,
        sql: &'static str,
        args: &'a [Arg<'a>],
    ) -> impl Future<Output = StoreResult<T>> + Send + 'a
    where
        (T,): Record,
        T: Send + 'a,
    {
        async move { Ok(self.fetch_one::<(T,)>(sql, args).await?.0) }
    }
}

/// The same [`Conn`] for both connection types: binding each [`Arg`] is the only place the database
/// type is named.
macro_rules! conn_for {
    ($conn:ty, $db:ty) => {
        impl Conn for $conn {
            fn execute<'a>(
                &'a mut self,
                sql: &'static str,
                args: &'a [Arg<'a>],
            ) -> impl Future<Output = StoreResult<u64>> + Send + 'a {
                async move {
                    let q = bind_all(sqlx::query::<$db>(sql), args);
                    Ok(q.execute(&mut *self).await?.rows_affected())
                }
            }

            fn fetch_all<'a, T: Record + 'a>(
                &'a mut self,
                sql: &'static str,
                args: &'a [Arg<'a>],
            ) -> impl Future<Output = StoreResult<Vec<T>>> + Send + 'a {
                async move {
                    let q = bind_all(sqlx::query::<$db>(sql), args);
                    Ok(q.try_map(|row| T::from_row(&row)).fetch_all(&mut *self).await?)
                }
            }

            fn fetch_optional<'a, T: Record + 'a>(
                &'a mut self,
                sql: &'static str,
                args: &'a [Arg<'a>],
            ) -> impl Future<Output = StoreResult<Option<T>>> + Send + 'a {
                async move {
                    let q = bind_all(sqlx::query::<$db>(sql), args);
                    Ok(q.try_map(|row| T::from_row(&row)).fetch_optional(&mut *self).await?)
                }
            }

            fn fetch_one<'a, T: Record + 'a>(
                &'a mut self,
                sql: &'static str,
                args: &'a [Arg<'a>],
            ) -> impl Future<Output = StoreResult<T>> + Send + 'a {
                async move {
                    let q = bind_all(sqlx::query::<$db>(sql), args);
                    Ok(q.try_map(|row| T::from_row(&row)).fetch_one(&mut *self).await?)
                }
            }
        }
    };
}

/// Binds the arguments in order; the element type of each NULL is the one its parameter expects.
fn bind_all<'q, DB>(
    mut q: sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments>,
    args: &'q [Arg<'q>],
) -> sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments>
where
    DB: sqlx::Database,
    Option<i64>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'q [u8]: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    bool: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    for arg in args {
        q = match *arg {
            Arg::Int(v) => q.bind(v),
            Arg::Text(v) => q.bind(v),
            Arg::Bytes(v) => q.bind(v),
            Arg::Bool(v) => q.bind(v),
        };
    }
    q
}

conn_for!(sqlx::SqliteConnection, sqlx::Sqlite);
conn_for!(sqlx::PgConnection, sqlx::Postgres);
