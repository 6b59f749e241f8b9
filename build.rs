//! Rebuilds the crate when a migration is added or changed: `sqlx::migrate!` embeds `migrations/` at
//! compile time, and without this cargo would not notice a new file there (sqlx's documented fix).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
