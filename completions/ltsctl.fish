# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ltsctl_global_optspecs
    string join \n server= database= data-dir= profile= ca-cert= o/output= no-color q/quiet h/help V/version
end

function __fish_ltsctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ltsctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ltsctl_using_subcommand
    set -l cmd (__fish_ltsctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ltsctl -n "__fish_ltsctl_needs_command" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_needs_command" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_needs_command" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_needs_command" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_needs_command" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_needs_command" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_needs_command" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -s V -l version -d 'Print version'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "issuer" -d 'Make issuer keys and sign license files (the vendor\'s side)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "license" -d 'Import, verify, list and remove license files'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "trust" -d 'Manage the issuer keys this LTS accepts licenses from'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "handshake" -d 'Create handshake codes and bind license items, domains and passwords to them'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "status" -d 'Show this LTS: instance id, version, counts and licenses expiring soon'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "init" -d 'Create an empty store in the data dir (or database); commands that only read refuse a missing one'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "backup" -d 'Write a consistent copy of the embedded store, even while the server runs'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "restore" -d 'Put a backup back in place of the embedded store (stop the server first)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "migrate" -d 'Copy an embedded store into PostgreSQL (to run several instances on one database)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "config" -d 'Show, locate or create the config file (login profiles)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "seed" -d 'Fill a local store with demo devices (for benchmarks)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "generate-assets" -d 'Regenerate completions/ and man/ (for maintainers)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "serve" -d 'Run the License Tracking Server (the device API for client SDKs)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "devices" -d 'List devices, find inactive ones and unregister them'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "usage" -d 'Usage statistics: scans, pages, active devices, quota used and left per item; import offline usage'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "token" -d 'Create, list and revoke admin API tokens'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "audit" -d 'Show the audit log of administrative changes'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "login" -d 'Log in to a remote LTS: check a token and keep it in the OS keyring'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "logout" -d 'Forget a profile\'s token and the profile'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "profile" -d 'List login profiles or choose the active one'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "alerts" -d 'What has fired (quota thresholds, expiry, refusals), where alerts go, and their thresholds'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "webhook" -d 'Send alerts to HTTP endpoints as signed webhooks (Standard Webhooks)'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "sweep" -d 'Remove devices whose removal time has passed, freeing their seats'
complete -c ltsctl -n "__fish_ltsctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -f -a "keygen" -d 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -f -a "sign" -d 'Check a license document and sign it into a license file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and not __fish_seen_subcommand_from keygen sign help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l out -d 'Where to write the private key (created with mode 0600)' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l public-out -d 'Where to write the public key [default: the private key\'s name with .pub.pem]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l force -d 'Overwrite existing files'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from keygen" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l key -d 'The issuer\'s private key (PKCS#8 PEM)' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l out -d 'Where to write the license file [default: the document\'s name with .lic]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l force -d 'Overwrite an existing license file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "keygen" -d 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Check a license document and sign it into a license file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -f -a "verify" -d 'Verify a license file offline against an issuer\'s public key (no store needed)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -f -a "import" -d 'Verify and store license files; each file is imported (or refused) on its own'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -f -a "list" -d 'List imported licenses and their items'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -f -a "show" -d 'Show one license with its items'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -f -a "remove" -d 'Remove a license and its items (their consumption and usage history are kept)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and not __fish_seen_subcommand_from verify import list show remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -l issuer-key -d 'The issuer\'s public key (SPKI PEM)' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l handshake -d 'Also bind every item of each file to this handshake code' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l create -d 'Create the handshake code if it does not exist (with --handshake)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l replace -d 'Let a later issue of a stored license (same id, later issued_at) take its place'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -l expiring-within -d 'Only items expiring within this window; exit 9 when there is any' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -l force -d 'Remove even while devices hold seats on its items (frees them)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -l dry-run -d 'Say what would be dropped and change nothing'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify a license file offline against an issuer\'s public key (no store needed)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "import" -d 'Verify and store license files; each file is imported (or refused) on its own'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "list" -d 'List imported licenses and their items'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one license with its items'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a license and its items (their consumption and usage history are kept)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand license; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -f -a "add" -d 'Trust an issuer\'s public key: licenses it signed can be imported'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -f -a "list" -d 'List trusted issuer keys'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -f -a "remove" -d 'Stop trusting a key (licenses already imported stay)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and not __fish_seen_subcommand_from add list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l name -d 'A name to recognise the key by' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "add" -d 'Trust an issuer\'s public key: licenses it signed can be imported'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "list" -d 'List trusted issuer keys'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Stop trusting a key (licenses already imported stay)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "create" -d 'Create a handshake code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "list" -d 'List handshake codes'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "show" -d 'Show a code: items in consumption order with use, domains and settings'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "bind" -d 'Bind license items to a code (appended to its consumption order)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "unbind" -d 'Unbind license items from a code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "order" -d 'Set the consumption order by hand (name every bound item once), or go back to expiry order'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "set" -d 'Change a code\'s settings'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "domains" -d 'Manage the web domains a code admits'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "password" -d 'Set or clear a code\'s session password'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "delete" -d 'Delete a code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and not __fish_seen_subcommand_from create list show bind unbind order set domains password delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l name -d 'A description for administrators' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l refresh-interval -d 'How long a silent device keeps its seat, e.g. 90d [default: from the item: 365d/90d/30d/24h per-device, 3m per-concurrent-device, 366d otherwise]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l offline-grace -d 'How long an authorized device may work without reaching the LTS [default: 7d]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l overuse -d 'Overuse tolerance in percent [default: 5 for per-scan/per-page, 10 for per-device, else 0]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from bind" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from unbind" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -l expiry -d 'Drop the hand-set order: the item that expires soonest is consumed first again'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from order" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l name -d 'A description for administrators' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l refresh-interval -d 'How long a silent device keeps its seat, e.g. 90d [default: from the item: 365d/90d/30d/24h per-device, 3m per-concurrent-device, 366d otherwise]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l offline-grace -d 'How long an authorized device may work without reaching the LTS [default: 7d]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l overuse -d 'Overuse tolerance in percent (0-100)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l active-from -d 'When a device\'s active time starts: at its first authorization (the default), or at its first usage report (a device provisioned ahead of time holds its seat until then, at most until the item expires)' -r -f -a "authorization\t'The removal time runs from each authorization (and usage report)'
first-use\t'Until its first usage report a device holds its seat until the item expires; from then on the removal time runs as with `authorization`'"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l default-refresh-interval -d 'Use each item\'s default refresh interval again'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l default-overuse -d 'Use each option\'s default overuse tolerance again'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -f -a "add" -d 'Admit requests from these domains (example.com, *.example.com or an exact host)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -f -a "remove" -d 'Stop admitting these domains'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -f -a "list" -d 'List the domains a code admits (none: any origin)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from domains" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -f -a "set" -d 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -f -a "clear" -d 'Remove the session password'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from password" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -l force -d 'Delete even while devices are active (frees their seats)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a handshake code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "list" -d 'List handshake codes'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a code: items in consumption order with use, domains and settings'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "bind" -d 'Bind license items to a code (appended to its consumption order)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "unbind" -d 'Unbind license items from a code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "order" -d 'Set the consumption order by hand (name every bound item once), or go back to expiry order'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a code\'s settings'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "domains" -d 'Manage the web domains a code admits'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "password" -d 'Set or clear a code\'s session password'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand handshake; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -l expiring-within -d 'Window for "licenses expiring soon"' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand status" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -l force -d 'Replace an existing file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand backup" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -s y -l yes -d 'Do not ask for confirmation (needed without a terminal)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l from -d 'The data dir of the embedded store to copy' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l to -d 'The PostgreSQL database to copy into' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l force -d 'Replace whatever the target holds'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "path" -d 'Print the config file\'s path'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "show" -d 'Show the config file\'s contents (never a secret: there is none in it)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "init" -d 'Write a commented config file to start from (with --serve: the server\'s, printed or written to FILE)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and not __fish_seen_subcommand_from path show init help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Replace an existing file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -l serve -d 'The `ltsctl serve --config` file instead: every key, commented, at its default'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the config file\'s contents (never a secret: there is none in it)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a commented config file to start from (with --serve: the server\'s, printed or written to FILE)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -l devices -d 'How many devices to seat' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -l inactive-percent -d 'Percent of them last seen 91-400 days ago (the rest within 30 days)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand seed" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -l completions -d 'Where completion scripts go' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -l man -d 'Where man pages go' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand generate-assets" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l config -d 'Read settings from this TOML file (`ltsctl config init --serve` writes an example); flags and environment variables override it' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l listen -d 'Address to listen on: IP:PORT or HOST:PORT (localhost:0 picks a free port) [default: 127.0.0.1:48080]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l metrics-listen -d 'Serve Prometheus metrics (GET /metrics) on a listener of its own at this address, e.g. 127.0.0.1:9464 [default: off]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l database-url-file -d 'Read the PostgreSQL URL (which may hold a password) from this file instead of --database' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l tls-cert -d 'TLS certificate chain (PEM); serves HTTPS with --tls-key' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l tls-key -d 'TLS private key (PEM)' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l rate-limit -d 'Device requests per second per client address (bursts of twice that); 0 turns the limit off [default: 20]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l trusted-proxy -d 'A reverse proxy (IP or CIDR range) whose forwarding header names the client; repeatable' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l forwarded-header -d 'The header the trusted proxies append the client\'s address to [default: x-forwarded-for]' -r -f -a "x-forwarded-for\t'`X-Forwarded-For: client, proxy1` (nginx, HAProxy, IIS ARR, most load balancers)'
forwarded\t'`Forwarded: for=client, for=proxy1` (RFC 7239)'"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l access-log -d 'Log one line per request: client address, method, path, status, milliseconds' -r -f -a "true\t''
false\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l log-format -d 'Log format on stderr: text, or json (one object per line) [default: text]' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line (for log shippers)'"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l smtp-host -d 'SMTP server alert e-mails go out through [default: none]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l smtp-port -d 'SMTP port [default: 587 for starttls, 465 for implicit]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l smtp-tls -d 'starttls (required, never plain text) or implicit (TLS from the first byte) [default: starttls]' -r -f -a "starttls\t'STARTTLS, required (port 587)'
implicit\t'TLS from the first byte (port 465)'"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l smtp-username -d 'SMTP account; its password from --smtp-password-file or LTSCTL_SMTP_PASSWORD' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l smtp-password-file -d 'A file holding the SMTP password (never on the command line)' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l smtp-from -d 'The sender of alert e-mails, e.g. "LTS <lts@example.com>"' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l smtp-ca-cert -d 'Trust the SMTP server\'s certificate through this PEM file (a private CA, or its own)' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l alerts-test-timing -d 'For tests: evaluate alerts every MS milliseconds and retry deliveries from MS on (instead of every minute, and from 30 s)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l print-config -d 'Print the effective settings (file, environment and flags; secrets masked) and exit'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l dev -d 'Run a throwaway LTS in a temp dir with a demo license and an admin token (deleted on exit)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l bench-null-routes -d 'Also serve the benchmark baselines /v1/bench/null-authorize and /v1/bench/null-usage'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -f -a "list" -d 'List devices (streams: starts at once and holds memory flat at any size)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -f -a "show" -d 'Show one device: its seats and usage totals'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -f -a "unregister" -d 'Free the seats of devices: by UUID, or every device inactive for a while'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -f -a "checkout" -d 'Seat a device that never reaches the LTS and write its offline authorization file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -f -a "checkin" -d 'End a device\'s offline check-out early, freeing its seat (audit-logged)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and not __fish_seen_subcommand_from list show unregister checkout checkin help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l handshake -d 'Only devices seated through this handshake code' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l item -d 'Only devices seated on this license item' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l inactive-for -d 'Only devices not seen for at least this long (e.g. 90d)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l sort -d 'Sort order' -r -f -a "last-seen\t''
first-seen\t''
uuid\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l limit -d 'At most this many devices' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l active -d 'Only devices holding a seat now'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l expired -d 'Only devices whose removal time has passed (not yet swept)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l checked-out -d 'Only devices holding a live offline check-out (see `devices checkout`)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l inactive-for -d 'Every device not seen for this long (e.g. 90d)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l handshake -d 'Only through this handshake code' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l expired -d 'Every device whose removal time has passed (what the sweeper would remove)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l dry-run -d 'Show what would be removed; change nothing'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -s y -l yes -d 'Do not ask for confirmation (needed without a terminal)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l force -d 'Unregister devices holding a live offline check-out too (their files keep working offline, so the seat is handed out twice); without it a named one is refused and bulk removal keeps them'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from unregister" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l handshake -d 'The handshake code the device\'s application is built with' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l uuid -d 'The device\'s id, as its SDK reports it' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l product -d 'The product (SDK) the device runs' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l platform -d 'The device\'s platform' -r -f -a "web\t''
mobile\t''
desktop\t''
embedded\t''
server\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l name -d 'A name for administrators (e.g. the device\'s host name)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l for -d 'How long the device may work offline (e.g. 90d; at most 366d, and never past the item\'s expiry)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l out -d 'Write the file here (refused if it exists) instead of to stdout (`-`: stdout)' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -l handshake -d 'Only its check-out through this handshake code' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from checkin" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from help" -f -a "list" -d 'List devices (streams: starts at once and holds memory flat at any size)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one device: its seats and usage totals'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from help" -f -a "unregister" -d 'Free the seats of devices: by UUID, or every device inactive for a while'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from help" -f -a "checkout" -d 'Seat a device that never reaches the LTS and write its offline authorization file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from help" -f -a "checkin" -d 'End a device\'s offline check-out early, freeing its seat (audit-logged)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand devices; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l handshake -d 'Only this handshake code' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l item -d 'Only this license item' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l since -d 'Only usage since this long ago (30d) or this date (2026-11-01, or RFC 3339)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l by -d 'Group by' -r -f -a "day\t''
item\t''
symbology\t''
module\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -f -a "import" -d 'Record usage carried back from devices that never reach the LTS'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and not __fish_seen_subcommand_from import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "import" -d 'Record usage carried back from devices that never reach the LTS'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Create a token; its secret is printed once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List tokens (never their secrets)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke a token at once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -l role -d 'admin: everything; operator: read, unregister devices, sweep; viewer: read only' -r -f -a "viewer\t'Read everything'
operator\t'Read, unregister devices, sweep'
admin\t'Everything, including imports, settings and tokens'"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -l expires-in -d 'Expire the token after this long [default: never]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token; its secret is printed once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tokens (never their secrets)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token at once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List audit entries, newest first'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l since -d 'Only entries of this recent period' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l actor -d 'Only entries of this token name (`local` for direct access to the data dir)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l limit -d 'At most this many entries' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "list" -d 'List audit entries, newest first'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -l token-stdin -d 'Read the token from stdin instead of prompting'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand logout" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -f -a "list" -d 'List login profiles'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -f -a "use" -d 'Make a profile the active one'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and not __fish_seen_subcommand_from list use help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List login profiles'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the active one'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -f -a "list" -d 'List what has fired, newest first: when, whether it still holds, and whether it was delivered'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -f -a "deliveries" -d 'List delivery attempts (webhooks and e-mails), newest first, with status and response code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -f -a "settings" -d 'Show or set the thresholds, globally or per handshake code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -f -a "email" -d 'Send alerts by e-mail to these addresses too (SMTP is set in serve\'s config)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and not __fish_seen_subcommand_from list deliveries settings email help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l limit -d 'At most this many alerts' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -l limit -d 'At most this many attempts' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from deliveries" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -f -a "show" -d 'Show the thresholds in force: global, then each code with settings of its own'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -f -a "set" -d 'Set thresholds (the ones not given are kept); with --handshake for one code only'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -f -a "reset" -d 'Drop a code\'s own thresholds: the global ones apply to it again'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from settings" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -f -a "add" -d 'Send alerts to this address'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -f -a "list" -d 'List the addresses alerts are sent to'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -f -a "remove" -d 'Stop sending alerts to this address (its pending mails are given up)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from email" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "list" -d 'List what has fired, newest first: when, whether it still holds, and whether it was delivered'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "deliveries" -d 'List delivery attempts (webhooks and e-mails), newest first, with status and response code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "settings" -d 'Show or set the thresholds, globally or per handshake code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "email" -d 'Send alerts by e-mail to these addresses too (SMTP is set in serve\'s config)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand alerts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -f -a "add" -d 'Add a webhook; its signing secret is printed once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -f -a "list" -d 'List webhooks (never their secrets)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -f -a "remove" -d 'Remove a webhook (its pending deliveries are given up)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -f -a "test" -d 'Send a signed webhook.test event now and show the answer'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l events -d 'Only these events (comma-separated): item.quota.threshold, item.expiring, item.expired, handshake.refusals [default: all]' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l allow-private -d 'Allow a loopback, private or link-local target (e.g. a receiver on this host)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a webhook; its signing secret is printed once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "list" -d 'List webhooks (never their secrets)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a webhook (its pending deliveries are given up)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a signed webhook.test event now and show the answer'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -l server -d 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -l database -d 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -l data-dir -d 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -l profile -d 'Use this login profile instead of the active one' -r
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -l ca-cert -d 'Trust the server\'s TLS certificate through this PEM file: the private CA that signed it, or the server\'s own (self-signed) certificate' -r -F
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -s o -l output -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
csv\t''"
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -l no-color -d 'Never colour the output (NO_COLOR is honoured too)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -s q -l quiet -d 'Print only results and errors: no notes, warnings, hints or progress bars'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand sweep" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "issuer" -d 'Make issuer keys and sign license files (the vendor\'s side)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "license" -d 'Import, verify, list and remove license files'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "trust" -d 'Manage the issuer keys this LTS accepts licenses from'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "handshake" -d 'Create handshake codes and bind license items, domains and passwords to them'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "status" -d 'Show this LTS: instance id, version, counts and licenses expiring soon'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "init" -d 'Create an empty store in the data dir (or database); commands that only read refuse a missing one'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "backup" -d 'Write a consistent copy of the embedded store, even while the server runs'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "restore" -d 'Put a backup back in place of the embedded store (stop the server first)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "migrate" -d 'Copy an embedded store into PostgreSQL (to run several instances on one database)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "config" -d 'Show, locate or create the config file (login profiles)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "completions" -d 'Print a shell completion script'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "seed" -d 'Fill a local store with demo devices (for benchmarks)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "generate-assets" -d 'Regenerate completions/ and man/ (for maintainers)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "serve" -d 'Run the License Tracking Server (the device API for client SDKs)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "devices" -d 'List devices, find inactive ones and unregister them'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "usage" -d 'Usage statistics: scans, pages, active devices, quota used and left per item; import offline usage'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "token" -d 'Create, list and revoke admin API tokens'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "audit" -d 'Show the audit log of administrative changes'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "login" -d 'Log in to a remote LTS: check a token and keep it in the OS keyring'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "logout" -d 'Forget a profile\'s token and the profile'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "profile" -d 'List login profiles or choose the active one'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "alerts" -d 'What has fired (quota thresholds, expiry, refusals), where alerts go, and their thresholds'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "webhook" -d 'Send alerts to HTTP endpoints as signed webhooks (Standard Webhooks)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "sweep" -d 'Remove devices whose removal time has passed, freeing their seats'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and not __fish_seen_subcommand_from issuer license trust handshake status init backup restore migrate config completions seed generate-assets serve devices usage token audit login logout profile alerts webhook sweep help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from issuer" -f -a "keygen" -d 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from issuer" -f -a "sign" -d 'Check a license document and sign it into a license file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "verify" -d 'Verify a license file offline against an issuer\'s public key (no store needed)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "import" -d 'Verify and store license files; each file is imported (or refused) on its own'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "list" -d 'List imported licenses and their items'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "show" -d 'Show one license with its items'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from license" -f -a "remove" -d 'Remove a license and its items (their consumption and usage history are kept)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "add" -d 'Trust an issuer\'s public key: licenses it signed can be imported'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "list" -d 'List trusted issuer keys'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "remove" -d 'Stop trusting a key (licenses already imported stay)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "create" -d 'Create a handshake code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "list" -d 'List handshake codes'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "show" -d 'Show a code: items in consumption order with use, domains and settings'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "bind" -d 'Bind license items to a code (appended to its consumption order)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "unbind" -d 'Unbind license items from a code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "order" -d 'Set the consumption order by hand (name every bound item once), or go back to expiry order'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "set" -d 'Change a code\'s settings'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "domains" -d 'Manage the web domains a code admits'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "password" -d 'Set or clear a code\'s session password'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from handshake" -f -a "delete" -d 'Delete a code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the config file\'s contents (never a secret: there is none in it)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented config file to start from (with --serve: the server\'s, printed or written to FILE)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from devices" -f -a "list" -d 'List devices (streams: starts at once and holds memory flat at any size)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from devices" -f -a "show" -d 'Show one device: its seats and usage totals'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from devices" -f -a "unregister" -d 'Free the seats of devices: by UUID, or every device inactive for a while'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from devices" -f -a "checkout" -d 'Seat a device that never reaches the LTS and write its offline authorization file'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from devices" -f -a "checkin" -d 'End a device\'s offline check-out early, freeing its seat (audit-logged)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "import" -d 'Record usage carried back from devices that never reach the LTS'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a token; its secret is printed once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List tokens (never their secrets)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token at once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "list" -d 'List audit entries, newest first'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List login profiles'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "use" -d 'Make a profile the active one'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "list" -d 'List what has fired, newest first: when, whether it still holds, and whether it was delivered'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "deliveries" -d 'List delivery attempts (webhooks and e-mails), newest first, with status and response code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "settings" -d 'Show or set the thresholds, globally or per handshake code'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from alerts" -f -a "email" -d 'Send alerts by e-mail to these addresses too (SMTP is set in serve\'s config)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "add" -d 'Add a webhook; its signing secret is printed once'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "list" -d 'List webhooks (never their secrets)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "remove" -d 'Remove a webhook (its pending deliveries are given up)'
complete -c ltsctl -n "__fish_ltsctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "test" -d 'Send a signed webhook.test event now and show the answer'
