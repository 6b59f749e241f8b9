
use builtin;
use str;

set edit:completion:arg-completer[ltsctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ltsctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ltsctl'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand issuer 'Make issuer keys and sign license files (the vendor''s side)'
            cand license 'Import, verify, list and remove license files'
            cand trust 'Manage the issuer keys this LTS accepts licenses from'
            cand handshake 'Create handshake codes and bind license items, domains and passwords to them'
            cand status 'Show this LTS: instance id, version, counts and licenses expiring soon'
            cand init 'Create an empty store in the data dir (or database); commands that only read refuse a missing one'
            cand backup 'Write a consistent copy of the embedded store, even while the server runs'
            cand restore 'Put a backup back in place of the embedded store (stop the server first)'
            cand migrate 'Copy an embedded store into PostgreSQL (to run several instances on one database)'
            cand config 'Show, locate or create the config file (login profiles)'
            cand completions 'Print a shell completion script'
            cand seed 'Fill a local store with demo devices (for benchmarks)'
            cand generate-assets 'Regenerate completions/ and man/ (for maintainers)'
            cand serve 'Run the License Tracking Server (the device API for client SDKs)'
            cand devices 'List devices, find inactive ones and unregister them'
            cand usage 'Usage statistics: scans, pages, active devices, quota used and left per item; import offline usage'
            cand token 'Create, list and revoke admin API tokens'
            cand audit 'Show the audit log of administrative changes'
            cand login 'Log in to a remote LTS: check a token and keep it in the OS keyring'
            cand logout 'Forget a profile''s token and the profile'
            cand profile 'List login profiles or choose the active one'
            cand alerts 'What has fired (quota thresholds, expiry, refusals), where alerts go, and their thresholds'
            cand webhook 'Send alerts to HTTP endpoints as signed webhooks (Standard Webhooks)'
            cand sweep 'Remove devices whose removal time has passed, freeing their seats'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;issuer'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand keygen 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)'
            cand sign 'Check a license document and sign it into a license file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;issuer;keygen'= {
            cand --out 'Where to write the private key (created with mode 0600)'
            cand --public-out 'Where to write the public key [default: the private key''s name with .pub.pem]'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --force 'Overwrite existing files'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;issuer;sign'= {
            cand --key 'The issuer''s private key (PKCS#8 PEM)'
            cand --out 'Where to write the license file [default: the document''s name with .lic]'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --force 'Overwrite an existing license file'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;issuer;help'= {
            cand keygen 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)'
            cand sign 'Check a license document and sign it into a license file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;issuer;help;keygen'= {
        }
        &'ltsctl;issuer;help;sign'= {
        }
        &'ltsctl;issuer;help;help'= {
        }
        &'ltsctl;license'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand verify 'Verify a license file offline against an issuer''s public key (no store needed)'
            cand import 'Verify and store license files; each file is imported (or refused) on its own'
            cand list 'List imported licenses and their items'
            cand show 'Show one license with its items'
            cand remove 'Remove a license and its items (their consumption and usage history are kept)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;license;verify'= {
            cand --issuer-key 'The issuer''s public key (SPKI PEM)'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;license;import'= {
            cand --handshake 'Also bind every item of each file to this handshake code'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --create 'Create the handshake code if it does not exist (with --handshake)'
            cand --replace 'Let a later issue of a stored license (same id, later issued_at) take its place'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;license;list'= {
            cand --expiring-within 'Only items expiring within this window; exit 9 when there is any'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;license;show'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;license;remove'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --force 'Remove even while devices hold seats on its items (frees them)'
            cand --dry-run 'Say what would be dropped and change nothing'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;license;help'= {
            cand verify 'Verify a license file offline against an issuer''s public key (no store needed)'
            cand import 'Verify and store license files; each file is imported (or refused) on its own'
            cand list 'List imported licenses and their items'
            cand show 'Show one license with its items'
            cand remove 'Remove a license and its items (their consumption and usage history are kept)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;license;help;verify'= {
        }
        &'ltsctl;license;help;import'= {
        }
        &'ltsctl;license;help;list'= {
        }
        &'ltsctl;license;help;show'= {
        }
        &'ltsctl;license;help;remove'= {
        }
        &'ltsctl;license;help;help'= {
        }
        &'ltsctl;trust'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Trust an issuer''s public key: licenses it signed can be imported'
            cand list 'List trusted issuer keys'
            cand remove 'Stop trusting a key (licenses already imported stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;trust;add'= {
            cand --name 'A name to recognise the key by'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;trust;list'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;trust;remove'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;trust;help'= {
            cand add 'Trust an issuer''s public key: licenses it signed can be imported'
            cand list 'List trusted issuer keys'
            cand remove 'Stop trusting a key (licenses already imported stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;trust;help;add'= {
        }
        &'ltsctl;trust;help;list'= {
        }
        &'ltsctl;trust;help;remove'= {
        }
        &'ltsctl;trust;help;help'= {
        }
        &'ltsctl;handshake'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a handshake code'
            cand list 'List handshake codes'
            cand show 'Show a code: items in consumption order with use, domains and settings'
            cand bind 'Bind license items to a code (appended to its consumption order)'
            cand unbind 'Unbind license items from a code'
            cand order 'Set the consumption order by hand (name every bound item once), or go back to expiry order'
            cand set 'Change a code''s settings'
            cand domains 'Manage the web domains a code admits'
            cand password 'Set or clear a code''s session password'
            cand delete 'Delete a code'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;handshake;create'= {
            cand --name 'A description for administrators'
            cand --refresh-interval 'How long a silent device keeps its seat, e.g. 90d [default: from the item: 365d/90d/30d/24h per-device, 3m per-concurrent-device, 366d otherwise]'
            cand --offline-grace 'How long an authorized device may work without reaching the LTS [default: 7d]'
            cand --overuse 'Overuse tolerance in percent [default: 5 for per-scan/per-page, 10 for per-device, else 0]'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;list'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;show'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;bind'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;unbind'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;order'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --expiry 'Drop the hand-set order: the item that expires soonest is consumed first again'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;handshake;set'= {
            cand --name 'A description for administrators'
            cand --refresh-interval 'How long a silent device keeps its seat, e.g. 90d [default: from the item: 365d/90d/30d/24h per-device, 3m per-concurrent-device, 366d otherwise]'
            cand --offline-grace 'How long an authorized device may work without reaching the LTS [default: 7d]'
            cand --overuse 'Overuse tolerance in percent (0-100)'
            cand --active-from 'When a device''s active time starts: at its first authorization (the default), or at its first usage report (a device provisioned ahead of time holds its seat until then, at most until the item expires)'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --default-refresh-interval 'Use each item''s default refresh interval again'
            cand --default-overuse 'Use each option''s default overuse tolerance again'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;handshake;domains'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Admit requests from these domains (example.com, *.example.com or an exact host)'
            cand remove 'Stop admitting these domains'
            cand list 'List the domains a code admits (none: any origin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;handshake;domains;add'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;domains;remove'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;domains;list'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;domains;help'= {
            cand add 'Admit requests from these domains (example.com, *.example.com or an exact host)'
            cand remove 'Stop admitting these domains'
            cand list 'List the domains a code admits (none: any origin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;handshake;domains;help;add'= {
        }
        &'ltsctl;handshake;domains;help;remove'= {
        }
        &'ltsctl;handshake;domains;help;list'= {
        }
        &'ltsctl;handshake;domains;help;help'= {
        }
        &'ltsctl;handshake;password'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand set 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)'
            cand clear 'Remove the session password'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;handshake;password;set'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --password-stdin 'Read the password from standard input (one line; a trailing newline is removed)'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;password;clear'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;password;help'= {
            cand set 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)'
            cand clear 'Remove the session password'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;handshake;password;help;set'= {
        }
        &'ltsctl;handshake;password;help;clear'= {
        }
        &'ltsctl;handshake;password;help;help'= {
        }
        &'ltsctl;handshake;delete'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --force 'Delete even while devices are active (frees their seats)'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;handshake;help'= {
            cand create 'Create a handshake code'
            cand list 'List handshake codes'
            cand show 'Show a code: items in consumption order with use, domains and settings'
            cand bind 'Bind license items to a code (appended to its consumption order)'
            cand unbind 'Unbind license items from a code'
            cand order 'Set the consumption order by hand (name every bound item once), or go back to expiry order'
            cand set 'Change a code''s settings'
            cand domains 'Manage the web domains a code admits'
            cand password 'Set or clear a code''s session password'
            cand delete 'Delete a code'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;handshake;help;create'= {
        }
        &'ltsctl;handshake;help;list'= {
        }
        &'ltsctl;handshake;help;show'= {
        }
        &'ltsctl;handshake;help;bind'= {
        }
        &'ltsctl;handshake;help;unbind'= {
        }
        &'ltsctl;handshake;help;order'= {
        }
        &'ltsctl;handshake;help;set'= {
        }
        &'ltsctl;handshake;help;domains'= {
            cand add 'Admit requests from these domains (example.com, *.example.com or an exact host)'
            cand remove 'Stop admitting these domains'
            cand list 'List the domains a code admits (none: any origin)'
        }
        &'ltsctl;handshake;help;domains;add'= {
        }
        &'ltsctl;handshake;help;domains;remove'= {
        }
        &'ltsctl;handshake;help;domains;list'= {
        }
        &'ltsctl;handshake;help;password'= {
            cand set 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)'
            cand clear 'Remove the session password'
        }
        &'ltsctl;handshake;help;password;set'= {
        }
        &'ltsctl;handshake;help;password;clear'= {
        }
        &'ltsctl;handshake;help;delete'= {
        }
        &'ltsctl;handshake;help;help'= {
        }
        &'ltsctl;status'= {
            cand --expiring-within 'Window for "licenses expiring soon"'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;init'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;backup'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --force 'Replace an existing file'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;restore'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand -y 'Do not ask for confirmation (needed without a terminal)'
            cand --yes 'Do not ask for confirmation (needed without a terminal)'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;migrate'= {
            cand --from 'The data dir of the embedded store to copy'
            cand --to 'The PostgreSQL database to copy into'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --force 'Replace whatever the target holds'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;config'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand path 'Print the config file''s path'
            cand show 'Show the config file''s contents (never a secret: there is none in it)'
            cand init 'Write a commented config file to start from (with --serve: the server''s, printed or written to FILE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;config;path'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;config;show'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;config;init'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --force 'Replace an existing file'
            cand --serve 'The `ltsctl serve --config` file instead: every key, commented, at its default'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;config;help'= {
            cand path 'Print the config file''s path'
            cand show 'Show the config file''s contents (never a secret: there is none in it)'
            cand init 'Write a commented config file to start from (with --serve: the server''s, printed or written to FILE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;config;help;path'= {
        }
        &'ltsctl;config;help;show'= {
        }
        &'ltsctl;config;help;init'= {
        }
        &'ltsctl;config;help;help'= {
        }
        &'ltsctl;completions'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;seed'= {
            cand --devices 'How many devices to seat'
            cand --inactive-percent 'Percent of them last seen 91-400 days ago (the rest within 30 days)'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;generate-assets'= {
            cand --completions 'Where completion scripts go'
            cand --man 'Where man pages go'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;serve'= {
            cand --config 'Read settings from this TOML file (`ltsctl config init --serve` writes an example); flags and environment variables override it'
            cand --listen 'Address to listen on: IP:PORT or HOST:PORT (localhost:0 picks a free port) [default: 127.0.0.1:48080]'
            cand --metrics-listen 'Serve Prometheus metrics (GET /metrics) on a listener of its own at this address, e.g. 127.0.0.1:9464 [default: off]'
            cand --database-url-file 'Read the PostgreSQL URL (which may hold a password) from this file instead of --database'
            cand --tls-cert 'TLS certificate chain (PEM); serves HTTPS with --tls-key'
            cand --tls-key 'TLS private key (PEM)'
            cand --rate-limit 'Device requests per second per client address (bursts of twice that); 0 turns the limit off [default: 20]'
            cand --trusted-proxy 'A reverse proxy (IP or CIDR range) whose forwarding header names the client; repeatable'
            cand --forwarded-header 'The header the trusted proxies append the client''s address to [default: x-forwarded-for]'
            cand --access-log 'Log one line per request: client address, method, path, status, milliseconds'
            cand --log-format 'Log format on stderr: text, or json (one object per line) [default: text]'
            cand --smtp-host 'SMTP server alert e-mails go out through [default: none]'
            cand --smtp-port 'SMTP port [default: 587 for starttls, 465 for implicit]'
            cand --smtp-tls 'starttls (required, never plain text) or implicit (TLS from the first byte) [default: starttls]'
            cand --smtp-username 'SMTP account; its password from --smtp-password-file or LTSCTL_SMTP_PASSWORD'
            cand --smtp-password-file 'A file holding the SMTP password (never on the command line)'
            cand --smtp-from 'The sender of alert e-mails, e.g. "LTS <lts@example.com>"'
            cand --smtp-ca-cert 'Trust the SMTP server''s certificate through this PEM file (a private CA, or its own)'
            cand --alerts-test-timing 'For tests: evaluate alerts every MS milliseconds and retry deliveries from MS on (instead of every minute, and from 30 s)'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --print-config 'Print the effective settings (file, environment and flags; secrets masked) and exit'
            cand --dev 'Run a throwaway LTS in a temp dir with a demo license and an admin token (deleted on exit)'
            cand --bench-null-routes 'Also serve the benchmark baselines /v1/bench/null-authorize and /v1/bench/null-usage'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;devices'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List devices (streams: starts at once and holds memory flat at any size)'
            cand show 'Show one device: its seats and usage totals'
            cand unregister 'Free the seats of devices: by UUID, or every device inactive for a while'
            cand checkout 'Seat a device that never reaches the LTS and write its offline authorization file'
            cand checkin 'End a device''s offline check-out early, freeing its seat (audit-logged)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;devices;list'= {
            cand --handshake 'Only devices seated through this handshake code'
            cand --item 'Only devices seated on this license item'
            cand --inactive-for 'Only devices not seen for at least this long (e.g. 90d)'
            cand --sort 'Sort order'
            cand --limit 'At most this many devices'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --active 'Only devices holding a seat now'
            cand --expired 'Only devices whose removal time has passed (not yet swept)'
            cand --checked-out 'Only devices holding a live offline check-out (see `devices checkout`)'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;devices;show'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;devices;unregister'= {
            cand --inactive-for 'Every device not seen for this long (e.g. 90d)'
            cand --handshake 'Only through this handshake code'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --expired 'Every device whose removal time has passed (what the sweeper would remove)'
            cand --dry-run 'Show what would be removed; change nothing'
            cand -y 'Do not ask for confirmation (needed without a terminal)'
            cand --yes 'Do not ask for confirmation (needed without a terminal)'
            cand --force 'Unregister devices holding a live offline check-out too (their files keep working offline, so the seat is handed out twice); without it a named one is refused and bulk removal keeps them'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;devices;checkout'= {
            cand --handshake 'The handshake code the device''s application is built with'
            cand --uuid 'The device''s id, as its SDK reports it'
            cand --product 'The product (SDK) the device runs'
            cand --platform 'The device''s platform'
            cand --name 'A name for administrators (e.g. the device''s host name)'
            cand --for 'How long the device may work offline (e.g. 90d; at most 366d, and never past the item''s expiry)'
            cand --out 'Write the file here (refused if it exists) instead of to stdout (`-`: stdout)'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;devices;checkin'= {
            cand --handshake 'Only its check-out through this handshake code'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;devices;help'= {
            cand list 'List devices (streams: starts at once and holds memory flat at any size)'
            cand show 'Show one device: its seats and usage totals'
            cand unregister 'Free the seats of devices: by UUID, or every device inactive for a while'
            cand checkout 'Seat a device that never reaches the LTS and write its offline authorization file'
            cand checkin 'End a device''s offline check-out early, freeing its seat (audit-logged)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;devices;help;list'= {
        }
        &'ltsctl;devices;help;show'= {
        }
        &'ltsctl;devices;help;unregister'= {
        }
        &'ltsctl;devices;help;checkout'= {
        }
        &'ltsctl;devices;help;checkin'= {
        }
        &'ltsctl;devices;help;help'= {
        }
        &'ltsctl;usage'= {
            cand --handshake 'Only this handshake code'
            cand --item 'Only this license item'
            cand --since 'Only usage since this long ago (30d) or this date (2026-11-01, or RFC 3339)'
            cand --by 'Group by'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand import 'Record usage carried back from devices that never reach the LTS'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;usage;import'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;usage;help'= {
            cand import 'Record usage carried back from devices that never reach the LTS'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;usage;help;import'= {
        }
        &'ltsctl;usage;help;help'= {
        }
        &'ltsctl;token'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a token; its secret is printed once'
            cand list 'List tokens (never their secrets)'
            cand revoke 'Revoke a token at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;token;create'= {
            cand --role 'admin: everything; operator: read, unregister devices, sweep; viewer: read only'
            cand --expires-in 'Expire the token after this long [default: never]'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;token;list'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;token;revoke'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;token;help'= {
            cand create 'Create a token; its secret is printed once'
            cand list 'List tokens (never their secrets)'
            cand revoke 'Revoke a token at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;token;help;create'= {
        }
        &'ltsctl;token;help;list'= {
        }
        &'ltsctl;token;help;revoke'= {
        }
        &'ltsctl;token;help;help'= {
        }
        &'ltsctl;audit'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List audit entries, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;audit;list'= {
            cand --since 'Only entries of this recent period'
            cand --actor 'Only entries of this token name (`local` for direct access to the data dir)'
            cand --limit 'At most this many entries'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;audit;help'= {
            cand list 'List audit entries, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;audit;help;list'= {
        }
        &'ltsctl;audit;help;help'= {
        }
        &'ltsctl;login'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --token-stdin 'Read the token from stdin instead of prompting'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;logout'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;profile'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List login profiles'
            cand use 'Make a profile the active one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;profile;list'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;profile;use'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;profile;help'= {
            cand list 'List login profiles'
            cand use 'Make a profile the active one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;profile;help;list'= {
        }
        &'ltsctl;profile;help;use'= {
        }
        &'ltsctl;profile;help;help'= {
        }
        &'ltsctl;alerts'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List what has fired, newest first: when, whether it still holds, and whether it was delivered'
            cand deliveries 'List delivery attempts (webhooks and e-mails), newest first, with status and response code'
            cand settings 'Show or set the thresholds, globally or per handshake code'
            cand email 'Send alerts by e-mail to these addresses too (SMTP is set in serve''s config)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;alerts;list'= {
            cand --limit 'At most this many alerts'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;alerts;deliveries'= {
            cand --limit 'At most this many attempts'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;alerts;settings'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Show the thresholds in force: global, then each code with settings of its own'
            cand set 'Set thresholds (the ones not given are kept); with --handshake for one code only'
            cand reset 'Drop a code''s own thresholds: the global ones apply to it again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;alerts;settings;show'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;alerts;settings;set'= {
            cand --handshake 'Only this handshake code (and the items bound to it) [default: global]'
            cand --quota-percent 'Percents of an item''s quota that fire item.quota.threshold (1-1000, comma-separated) [default: 60,80,100]'
            cand --expiry-days 'Days before an item''s expiry that fire item.expiring (1-3650, comma-separated) [default: 30,7,1]'
            cand --refusals 'More quota_exceeded refusals than this in 10 minutes fire handshake.refusals [default: 10]'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;alerts;settings;reset'= {
            cand --handshake 'The handshake code'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;alerts;settings;help'= {
            cand show 'Show the thresholds in force: global, then each code with settings of its own'
            cand set 'Set thresholds (the ones not given are kept); with --handshake for one code only'
            cand reset 'Drop a code''s own thresholds: the global ones apply to it again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;alerts;settings;help;show'= {
        }
        &'ltsctl;alerts;settings;help;set'= {
        }
        &'ltsctl;alerts;settings;help;reset'= {
        }
        &'ltsctl;alerts;settings;help;help'= {
        }
        &'ltsctl;alerts;email'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Send alerts to this address'
            cand list 'List the addresses alerts are sent to'
            cand remove 'Stop sending alerts to this address (its pending mails are given up)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;alerts;email;add'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;alerts;email;list'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;alerts;email;remove'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;alerts;email;help'= {
            cand add 'Send alerts to this address'
            cand list 'List the addresses alerts are sent to'
            cand remove 'Stop sending alerts to this address (its pending mails are given up)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;alerts;email;help;add'= {
        }
        &'ltsctl;alerts;email;help;list'= {
        }
        &'ltsctl;alerts;email;help;remove'= {
        }
        &'ltsctl;alerts;email;help;help'= {
        }
        &'ltsctl;alerts;help'= {
            cand list 'List what has fired, newest first: when, whether it still holds, and whether it was delivered'
            cand deliveries 'List delivery attempts (webhooks and e-mails), newest first, with status and response code'
            cand settings 'Show or set the thresholds, globally or per handshake code'
            cand email 'Send alerts by e-mail to these addresses too (SMTP is set in serve''s config)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;alerts;help;list'= {
        }
        &'ltsctl;alerts;help;deliveries'= {
        }
        &'ltsctl;alerts;help;settings'= {
            cand show 'Show the thresholds in force: global, then each code with settings of its own'
            cand set 'Set thresholds (the ones not given are kept); with --handshake for one code only'
            cand reset 'Drop a code''s own thresholds: the global ones apply to it again'
        }
        &'ltsctl;alerts;help;settings;show'= {
        }
        &'ltsctl;alerts;help;settings;set'= {
        }
        &'ltsctl;alerts;help;settings;reset'= {
        }
        &'ltsctl;alerts;help;email'= {
            cand add 'Send alerts to this address'
            cand list 'List the addresses alerts are sent to'
            cand remove 'Stop sending alerts to this address (its pending mails are given up)'
        }
        &'ltsctl;alerts;help;email;add'= {
        }
        &'ltsctl;alerts;help;email;list'= {
        }
        &'ltsctl;alerts;help;email;remove'= {
        }
        &'ltsctl;alerts;help;help'= {
        }
        &'ltsctl;webhook'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a webhook; its signing secret is printed once'
            cand list 'List webhooks (never their secrets)'
            cand remove 'Remove a webhook (its pending deliveries are given up)'
            cand test 'Send a signed webhook.test event now and show the answer'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;webhook;add'= {
            cand --events 'Only these events (comma-separated): item.quota.threshold, item.expiring, item.expired, handshake.refusals [default: all]'
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --allow-private 'Allow a loopback, private or link-local target (e.g. a receiver on this host)'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;webhook;list'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;webhook;remove'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;webhook;test'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ltsctl;webhook;help'= {
            cand add 'Add a webhook; its signing secret is printed once'
            cand list 'List webhooks (never their secrets)'
            cand remove 'Remove a webhook (its pending deliveries are given up)'
            cand test 'Send a signed webhook.test event now and show the answer'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;webhook;help;add'= {
        }
        &'ltsctl;webhook;help;list'= {
        }
        &'ltsctl;webhook;help;remove'= {
        }
        &'ltsctl;webhook;help;test'= {
        }
        &'ltsctl;webhook;help;help'= {
        }
        &'ltsctl;sweep'= {
            cand --server 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)'
            cand --database 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)'
            cand --data-dir 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]'
            cand --profile 'Use this login profile instead of the active one'
            cand --ca-cert 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate'
            cand -o 'Output format [default: table on a terminal, json otherwise]'
            cand --output 'Output format [default: table on a terminal, json otherwise]'
            cand --no-color 'Never colour the output (NO_COLOR is honoured too)'
            cand -q 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand --quiet 'Print only results and errors: no notes, warnings, hints or progress bars'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ltsctl;help'= {
            cand issuer 'Make issuer keys and sign license files (the vendor''s side)'
            cand license 'Import, verify, list and remove license files'
            cand trust 'Manage the issuer keys this LTS accepts licenses from'
            cand handshake 'Create handshake codes and bind license items, domains and passwords to them'
            cand status 'Show this LTS: instance id, version, counts and licenses expiring soon'
            cand init 'Create an empty store in the data dir (or database); commands that only read refuse a missing one'
            cand backup 'Write a consistent copy of the embedded store, even while the server runs'
            cand restore 'Put a backup back in place of the embedded store (stop the server first)'
            cand migrate 'Copy an embedded store into PostgreSQL (to run several instances on one database)'
            cand config 'Show, locate or create the config file (login profiles)'
            cand completions 'Print a shell completion script'
            cand seed 'Fill a local store with demo devices (for benchmarks)'
            cand generate-assets 'Regenerate completions/ and man/ (for maintainers)'
            cand serve 'Run the License Tracking Server (the device API for client SDKs)'
            cand devices 'List devices, find inactive ones and unregister them'
            cand usage 'Usage statistics: scans, pages, active devices, quota used and left per item; import offline usage'
            cand token 'Create, list and revoke admin API tokens'
            cand audit 'Show the audit log of administrative changes'
            cand login 'Log in to a remote LTS: check a token and keep it in the OS keyring'
            cand logout 'Forget a profile''s token and the profile'
            cand profile 'List login profiles or choose the active one'
            cand alerts 'What has fired (quota thresholds, expiry, refusals), where alerts go, and their thresholds'
            cand webhook 'Send alerts to HTTP endpoints as signed webhooks (Standard Webhooks)'
            cand sweep 'Remove devices whose removal time has passed, freeing their seats'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ltsctl;help;issuer'= {
            cand keygen 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)'
            cand sign 'Check a license document and sign it into a license file'
        }
        &'ltsctl;help;issuer;keygen'= {
        }
        &'ltsctl;help;issuer;sign'= {
        }
        &'ltsctl;help;license'= {
            cand verify 'Verify a license file offline against an issuer''s public key (no store needed)'
            cand import 'Verify and store license files; each file is imported (or refused) on its own'
            cand list 'List imported licenses and their items'
            cand show 'Show one license with its items'
            cand remove 'Remove a license and its items (their consumption and usage history are kept)'
        }
        &'ltsctl;help;license;verify'= {
        }
        &'ltsctl;help;license;import'= {
        }
        &'ltsctl;help;license;list'= {
        }
        &'ltsctl;help;license;show'= {
        }
        &'ltsctl;help;license;remove'= {
        }
        &'ltsctl;help;trust'= {
            cand add 'Trust an issuer''s public key: licenses it signed can be imported'
            cand list 'List trusted issuer keys'
            cand remove 'Stop trusting a key (licenses already imported stay)'
        }
        &'ltsctl;help;trust;add'= {
        }
        &'ltsctl;help;trust;list'= {
        }
        &'ltsctl;help;trust;remove'= {
        }
        &'ltsctl;help;handshake'= {
            cand create 'Create a handshake code'
            cand list 'List handshake codes'
            cand show 'Show a code: items in consumption order with use, domains and settings'
            cand bind 'Bind license items to a code (appended to its consumption order)'
            cand unbind 'Unbind license items from a code'
            cand order 'Set the consumption order by hand (name every bound item once), or go back to expiry order'
            cand set 'Change a code''s settings'
            cand domains 'Manage the web domains a code admits'
            cand password 'Set or clear a code''s session password'
            cand delete 'Delete a code'
        }
        &'ltsctl;help;handshake;create'= {
        }
        &'ltsctl;help;handshake;list'= {
        }
        &'ltsctl;help;handshake;show'= {
        }
        &'ltsctl;help;handshake;bind'= {
        }
        &'ltsctl;help;handshake;unbind'= {
        }
        &'ltsctl;help;handshake;order'= {
        }
        &'ltsctl;help;handshake;set'= {
        }
        &'ltsctl;help;handshake;domains'= {
            cand add 'Admit requests from these domains (example.com, *.example.com or an exact host)'
            cand remove 'Stop admitting these domains'
            cand list 'List the domains a code admits (none: any origin)'
        }
        &'ltsctl;help;handshake;domains;add'= {
        }
        &'ltsctl;help;handshake;domains;remove'= {
        }
        &'ltsctl;help;handshake;domains;list'= {
        }
        &'ltsctl;help;handshake;password'= {
            cand set 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)'
            cand clear 'Remove the session password'
        }
        &'ltsctl;help;handshake;password;set'= {
        }
        &'ltsctl;help;handshake;password;clear'= {
        }
        &'ltsctl;help;handshake;delete'= {
        }
        &'ltsctl;help;status'= {
        }
        &'ltsctl;help;init'= {
        }
        &'ltsctl;help;backup'= {
        }
        &'ltsctl;help;restore'= {
        }
        &'ltsctl;help;migrate'= {
        }
        &'ltsctl;help;config'= {
            cand path 'Print the config file''s path'
            cand show 'Show the config file''s contents (never a secret: there is none in it)'
            cand init 'Write a commented config file to start from (with --serve: the server''s, printed or written to FILE)'
        }
        &'ltsctl;help;config;path'= {
        }
        &'ltsctl;help;config;show'= {
        }
        &'ltsctl;help;config;init'= {
        }
        &'ltsctl;help;completions'= {
        }
        &'ltsctl;help;seed'= {
        }
        &'ltsctl;help;generate-assets'= {
        }
        &'ltsctl;help;serve'= {
        }
        &'ltsctl;help;devices'= {
            cand list 'List devices (streams: starts at once and holds memory flat at any size)'
            cand show 'Show one device: its seats and usage totals'
            cand unregister 'Free the seats of devices: by UUID, or every device inactive for a while'
            cand checkout 'Seat a device that never reaches the LTS and write its offline authorization file'
            cand checkin 'End a device''s offline check-out early, freeing its seat (audit-logged)'
        }
        &'ltsctl;help;devices;list'= {
        }
        &'ltsctl;help;devices;show'= {
        }
        &'ltsctl;help;devices;unregister'= {
        }
        &'ltsctl;help;devices;checkout'= {
        }
        &'ltsctl;help;devices;checkin'= {
        }
        &'ltsctl;help;usage'= {
            cand import 'Record usage carried back from devices that never reach the LTS'
        }
        &'ltsctl;help;usage;import'= {
        }
        &'ltsctl;help;token'= {
            cand create 'Create a token; its secret is printed once'
            cand list 'List tokens (never their secrets)'
            cand revoke 'Revoke a token at once'
        }
        &'ltsctl;help;token;create'= {
        }
        &'ltsctl;help;token;list'= {
        }
        &'ltsctl;help;token;revoke'= {
        }
        &'ltsctl;help;audit'= {
            cand list 'List audit entries, newest first'
        }
        &'ltsctl;help;audit;list'= {
        }
        &'ltsctl;help;login'= {
        }
        &'ltsctl;help;logout'= {
        }
        &'ltsctl;help;profile'= {
            cand list 'List login profiles'
            cand use 'Make a profile the active one'
        }
        &'ltsctl;help;profile;list'= {
        }
        &'ltsctl;help;profile;use'= {
        }
        &'ltsctl;help;alerts'= {
            cand list 'List what has fired, newest first: when, whether it still holds, and whether it was delivered'
            cand deliveries 'List delivery attempts (webhooks and e-mails), newest first, with status and response code'
            cand settings 'Show or set the thresholds, globally or per handshake code'
            cand email 'Send alerts by e-mail to these addresses too (SMTP is set in serve''s config)'
        }
        &'ltsctl;help;alerts;list'= {
        }
        &'ltsctl;help;alerts;deliveries'= {
        }
        &'ltsctl;help;alerts;settings'= {
            cand show 'Show the thresholds in force: global, then each code with settings of its own'
            cand set 'Set thresholds (the ones not given are kept); with --handshake for one code only'
            cand reset 'Drop a code''s own thresholds: the global ones apply to it again'
        }
        &'ltsctl;help;alerts;settings;show'= {
        }
        &'ltsctl;help;alerts;settings;set'= {
        }
        &'ltsctl;help;alerts;settings;reset'= {
        }
        &'ltsctl;help;alerts;email'= {
            cand add 'Send alerts to this address'
            cand list 'List the addresses alerts are sent to'
            cand remove 'Stop sending alerts to this address (its pending mails are given up)'
        }
        &'ltsctl;help;alerts;email;add'= {
        }
        &'ltsctl;help;alerts;email;list'= {
        }
        &'ltsctl;help;alerts;email;remove'= {
        }
        &'ltsctl;help;webhook'= {
            cand add 'Add a webhook; its signing secret is printed once'
            cand list 'List webhooks (never their secrets)'
            cand remove 'Remove a webhook (its pending deliveries are given up)'
            cand test 'Send a signed webhook.test event now and show the answer'
        }
        &'ltsctl;help;webhook;add'= {
        }
        &'ltsctl;help;webhook;list'= {
        }
        &'ltsctl;help;webhook;remove'= {
        }
        &'ltsctl;help;webhook;test'= {
        }
        &'ltsctl;help;sweep'= {
        }
        &'ltsctl;help;help'= {
        }
    ]
    $completions[$command]
}
