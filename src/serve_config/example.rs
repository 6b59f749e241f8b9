//! The commented example `ltsctl config init --serve` prints: every key, commented out at its default.

/// Every key with its default and what it takes. Loading it as it is changes nothing (every line is a
/// comment); the tests check that uncommenting the keys gives a valid file.
pub const EXAMPLE: &str = r#"# ltsctl serve config: `ltsctl serve --config /etc/ltsctl/serve.toml` (or LTSCTL_SERVE_CONFIG).
# Flags and environment variables override what is here; `ltsctl serve --print-config` shows the result.
# Unknown keys are warned about with their line; a bad value stops the server with the key's name.
# Secrets never go here: name a file that holds them (`database_url_file`), readable only by the server.
# SIGHUP (`systemctl reload ltsctl`) re-reads this file and the TLS certificate and key; the keys marked
# "reloadable" take effect at once, the others at the next restart.

# Address to listen on: IP:PORT or HOST:PORT.
# listen = "127.0.0.1:48080"

# Prometheus metrics: GET /metrics on a listener of its own (never the device port). No authentication:
# keep it on loopback, or firewall it to the monitoring host. [default: off]
# metrics_listen = "127.0.0.1:9464"

# The store: one of these three.
# The embedded store's data dir [default: the platform data dir; under systemd, /var/lib/ltsctl].
# data_dir = "/var/lib/ltsctl"
# A file holding the PostgreSQL URL, password included (chmod 600).
# database_url_file = "/etc/ltsctl/database-url"
# A PostgreSQL URL without a password (peer or certificate authentication, or ~/.pgpass).
# database_url = "postgres://lts@db.internal/lts"

# HTTPS: a PEM certificate chain and its private key (both, or neither). Reloaded on SIGHUP.
# tls_cert = "/etc/letsencrypt/live/lts.example.com/fullchain.pem"
# tls_key = "/etc/letsencrypt/live/lts.example.com/privkey.pem"

# Device requests per second per client address (bursts of twice that); 0 turns the limit off.
# Reloadable.
# rate_limit = 20

# Reverse proxies (IP addresses or CIDR ranges) whose forwarding header names the client. From any
# other peer the header is ignored. Reloadable.
# trusted_proxies = ["127.0.0.1/32", "::1/128"]

# The header those proxies append the client's address to: "x-forwarded-for" (nginx, HAProxy, IIS
# ARR) or "forwarded" (RFC 7239). Reloadable.
# forwarded_header = "x-forwarded-for"

# One log line per request: client address, method, path, status, milliseconds. Reloadable.
# access_log = false

# "text", or "json" for log shippers (one object per line).
# log_format = "text"

# Log filter (EnvFilter syntax, as LTSCTL_LOG, which overrides it). Reloadable.
# log = "info"

# E-mail alerts (`ltsctl alerts email add ADDRESS`) go out through this SMTP server. [default: none:
# e-mail deliveries wait until one is set]
# smtp_host = "smtp.example.com"
# "starttls" (required, never plain text) or "implicit" (TLS from the first byte).
# smtp_tls = "starttls"
# [default: 587 for starttls, 465 for implicit]
# smtp_port = 587
# The account to log in with; its password from this file (chmod 600), or LTSCTL_SMTP_PASSWORD.
# smtp_username = "lts@example.com"
# smtp_password_file = "/etc/ltsctl/smtp-password"
# The sender of the alert mails.
# smtp_from = "LTS <lts@example.com>"
# A PEM file of CAs (or the server's own certificate) trusted besides the system's.
# smtp_ca_cert = "/etc/ltsctl/smtp-ca.pem"
"#;
