
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ltsctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ltsctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ltsctl' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('issuer', 'issuer', [CompletionResultType]::ParameterValue, 'Make issuer keys and sign license files (the vendor''s side)')
            [CompletionResult]::new('license', 'license', [CompletionResultType]::ParameterValue, 'Import, verify, list and remove license files')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Manage the issuer keys this LTS accepts licenses from')
            [CompletionResult]::new('handshake', 'handshake', [CompletionResultType]::ParameterValue, 'Create handshake codes and bind license items, domains and passwords to them')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show this LTS: instance id, version, counts and licenses expiring soon')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create an empty store in the data dir (or database); commands that only read refuse a missing one')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a consistent copy of the embedded store, even while the server runs')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a backup back in place of the embedded store (stop the server first)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy an embedded store into PostgreSQL (to run several instances on one database)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, locate or create the config file (login profiles)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Fill a local store with demo devices (for benchmarks)')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ (for maintainers)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the License Tracking Server (the device API for client SDKs)')
            [CompletionResult]::new('devices', 'devices', [CompletionResultType]::ParameterValue, 'List devices, find inactive ones and unregister them')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Usage statistics: scans, pages, active devices, quota used and left per item; import offline usage')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Create, list and revoke admin API tokens')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Show the audit log of administrative changes')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a remote LTS: check a token and keep it in the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget a profile''s token and the profile')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List login profiles or choose the active one')
            [CompletionResult]::new('alerts', 'alerts', [CompletionResultType]::ParameterValue, 'What has fired (quota thresholds, expiry, refusals), where alerts go, and their thresholds')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Send alerts to HTTP endpoints as signed webhooks (Standard Webhooks)')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Remove devices whose removal time has passed, freeing their seats')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;issuer' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Check a license document and sign it into a license file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;issuer;keygen' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the private key (created with mode 0600)')
            [CompletionResult]::new('--public-out', '--public-out', [CompletionResultType]::ParameterName, 'Where to write the public key [default: the private key''s name with .pub.pem]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite existing files')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;issuer;sign' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The issuer''s private key (PKCS#8 PEM)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the license file [default: the document''s name with .lic]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing license file')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;issuer;help' {
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Check a license document and sign it into a license file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;issuer;help;keygen' {
            break
        }
        'ltsctl;issuer;help;sign' {
            break
        }
        'ltsctl;issuer;help;help' {
            break
        }
        'ltsctl;license' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a license file offline against an issuer''s public key (no store needed)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Verify and store license files; each file is imported (or refused) on its own')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List imported licenses and their items')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one license with its items')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a license and its items (their consumption and usage history are kept)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;license;verify' {
            [CompletionResult]::new('--issuer-key', '--issuer-key', [CompletionResultType]::ParameterName, 'The issuer''s public key (SPKI PEM)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;license;import' {
            [CompletionResult]::new('--handshake', '--handshake', [CompletionResultType]::ParameterName, 'Also bind every item of each file to this handshake code')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Create the handshake code if it does not exist (with --handshake)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Let a later issue of a stored license (same id, later issued_at) take its place')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;license;list' {
            [CompletionResult]::new('--expiring-within', '--expiring-within', [CompletionResultType]::ParameterName, 'Only items expiring within this window; exit 9 when there is any')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;license;show' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;license;remove' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove even while devices hold seats on its items (frees them)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be dropped and change nothing')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;license;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a license file offline against an issuer''s public key (no store needed)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Verify and store license files; each file is imported (or refused) on its own')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List imported licenses and their items')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one license with its items')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a license and its items (their consumption and usage history are kept)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;license;help;verify' {
            break
        }
        'ltsctl;license;help;import' {
            break
        }
        'ltsctl;license;help;list' {
            break
        }
        'ltsctl;license;help;show' {
            break
        }
        'ltsctl;license;help;remove' {
            break
        }
        'ltsctl;license;help;help' {
            break
        }
        'ltsctl;trust' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust an issuer''s public key: licenses it signed can be imported')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trusted issuer keys')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop trusting a key (licenses already imported stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;trust;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name to recognise the key by')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;trust;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;trust;remove' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;trust;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust an issuer''s public key: licenses it signed can be imported')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trusted issuer keys')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop trusting a key (licenses already imported stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;trust;help;add' {
            break
        }
        'ltsctl;trust;help;list' {
            break
        }
        'ltsctl;trust;help;remove' {
            break
        }
        'ltsctl;trust;help;help' {
            break
        }
        'ltsctl;handshake' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a handshake code')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handshake codes')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a code: items in consumption order with use, domains and settings')
            [CompletionResult]::new('bind', 'bind', [CompletionResultType]::ParameterValue, 'Bind license items to a code (appended to its consumption order)')
            [CompletionResult]::new('unbind', 'unbind', [CompletionResultType]::ParameterValue, 'Unbind license items from a code')
            [CompletionResult]::new('order', 'order', [CompletionResultType]::ParameterValue, 'Set the consumption order by hand (name every bound item once), or go back to expiry order')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a code''s settings')
            [CompletionResult]::new('domains', 'domains', [CompletionResultType]::ParameterValue, 'Manage the web domains a code admits')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Set or clear a code''s session password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a code')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;handshake;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A description for administrators')
            [CompletionResult]::new('--refresh-interval', '--refresh-interval', [CompletionResultType]::ParameterName, 'How long a silent device keeps its seat, e.g. 90d [default: from the item: 365d/90d/30d/24h per-device, 3m per-concurrent-device, 366d otherwise]')
            [CompletionResult]::new('--offline-grace', '--offline-grace', [CompletionResultType]::ParameterName, 'How long an authorized device may work without reaching the LTS [default: 7d]')
            [CompletionResult]::new('--overuse', '--overuse', [CompletionResultType]::ParameterName, 'Overuse tolerance in percent [default: 5 for per-scan/per-page, 10 for per-device, else 0]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;show' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;bind' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;unbind' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;order' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--expiry', '--expiry', [CompletionResultType]::ParameterName, 'Drop the hand-set order: the item that expires soonest is consumed first again')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;handshake;set' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A description for administrators')
            [CompletionResult]::new('--refresh-interval', '--refresh-interval', [CompletionResultType]::ParameterName, 'How long a silent device keeps its seat, e.g. 90d [default: from the item: 365d/90d/30d/24h per-device, 3m per-concurrent-device, 366d otherwise]')
            [CompletionResult]::new('--offline-grace', '--offline-grace', [CompletionResultType]::ParameterName, 'How long an authorized device may work without reaching the LTS [default: 7d]')
            [CompletionResult]::new('--overuse', '--overuse', [CompletionResultType]::ParameterName, 'Overuse tolerance in percent (0-100)')
            [CompletionResult]::new('--active-from', '--active-from', [CompletionResultType]::ParameterName, 'When a device''s active time starts: at its first authorization (the default), or at its first usage report (a device provisioned ahead of time holds its seat until then, at most until the item expires)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--default-refresh-interval', '--default-refresh-interval', [CompletionResultType]::ParameterName, 'Use each item''s default refresh interval again')
            [CompletionResult]::new('--default-overuse', '--default-overuse', [CompletionResultType]::ParameterName, 'Use each option''s default overuse tolerance again')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;handshake;domains' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Admit requests from these domains (example.com, *.example.com or an exact host)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop admitting these domains')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domains a code admits (none: any origin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;handshake;domains;add' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;domains;remove' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;domains;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;domains;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Admit requests from these domains (example.com, *.example.com or an exact host)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop admitting these domains')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domains a code admits (none: any origin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;handshake;domains;help;add' {
            break
        }
        'ltsctl;handshake;domains;help;remove' {
            break
        }
        'ltsctl;handshake;domains;help;list' {
            break
        }
        'ltsctl;handshake;domains;help;help' {
            break
        }
        'ltsctl;handshake;password' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the session password')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;handshake;password;set' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (one line; a trailing newline is removed)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;password;clear' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;password;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the session password')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;handshake;password;help;set' {
            break
        }
        'ltsctl;handshake;password;help;clear' {
            break
        }
        'ltsctl;handshake;password;help;help' {
            break
        }
        'ltsctl;handshake;delete' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete even while devices are active (frees their seats)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;handshake;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a handshake code')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handshake codes')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a code: items in consumption order with use, domains and settings')
            [CompletionResult]::new('bind', 'bind', [CompletionResultType]::ParameterValue, 'Bind license items to a code (appended to its consumption order)')
            [CompletionResult]::new('unbind', 'unbind', [CompletionResultType]::ParameterValue, 'Unbind license items from a code')
            [CompletionResult]::new('order', 'order', [CompletionResultType]::ParameterValue, 'Set the consumption order by hand (name every bound item once), or go back to expiry order')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a code''s settings')
            [CompletionResult]::new('domains', 'domains', [CompletionResultType]::ParameterValue, 'Manage the web domains a code admits')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Set or clear a code''s session password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a code')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;handshake;help;create' {
            break
        }
        'ltsctl;handshake;help;list' {
            break
        }
        'ltsctl;handshake;help;show' {
            break
        }
        'ltsctl;handshake;help;bind' {
            break
        }
        'ltsctl;handshake;help;unbind' {
            break
        }
        'ltsctl;handshake;help;order' {
            break
        }
        'ltsctl;handshake;help;set' {
            break
        }
        'ltsctl;handshake;help;domains' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Admit requests from these domains (example.com, *.example.com or an exact host)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop admitting these domains')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domains a code admits (none: any origin)')
            break
        }
        'ltsctl;handshake;help;domains;add' {
            break
        }
        'ltsctl;handshake;help;domains;remove' {
            break
        }
        'ltsctl;handshake;help;domains;list' {
            break
        }
        'ltsctl;handshake;help;password' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the session password')
            break
        }
        'ltsctl;handshake;help;password;set' {
            break
        }
        'ltsctl;handshake;help;password;clear' {
            break
        }
        'ltsctl;handshake;help;delete' {
            break
        }
        'ltsctl;handshake;help;help' {
            break
        }
        'ltsctl;status' {
            [CompletionResult]::new('--expiring-within', '--expiring-within', [CompletionResultType]::ParameterName, 'Window for "licenses expiring soon"')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;init' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;backup' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;restore' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;migrate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The data dir of the embedded store to copy')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The PostgreSQL database to copy into')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace whatever the target holds')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;config' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the config file''s contents (never a secret: there is none in it)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented config file to start from (with --serve: the server''s, printed or written to FILE)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;config;path' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;config;show' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;config;init' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file')
            [CompletionResult]::new('--serve', '--serve', [CompletionResultType]::ParameterName, 'The `ltsctl serve --config` file instead: every key, commented, at its default')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the config file''s contents (never a secret: there is none in it)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented config file to start from (with --serve: the server''s, printed or written to FILE)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;config;help;path' {
            break
        }
        'ltsctl;config;help;show' {
            break
        }
        'ltsctl;config;help;init' {
            break
        }
        'ltsctl;config;help;help' {
            break
        }
        'ltsctl;completions' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;seed' {
            [CompletionResult]::new('--devices', '--devices', [CompletionResultType]::ParameterName, 'How many devices to seat')
            [CompletionResult]::new('--inactive-percent', '--inactive-percent', [CompletionResultType]::ParameterName, 'Percent of them last seen 91-400 days ago (the rest within 30 days)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;generate-assets' {
            [CompletionResult]::new('--completions', '--completions', [CompletionResultType]::ParameterName, 'Where completion scripts go')
            [CompletionResult]::new('--man', '--man', [CompletionResultType]::ParameterName, 'Where man pages go')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;serve' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this TOML file (`ltsctl config init --serve` writes an example); flags and environment variables override it')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on: IP:PORT or HOST:PORT (localhost:0 picks a free port) [default: 127.0.0.1:48080]')
            [CompletionResult]::new('--metrics-listen', '--metrics-listen', [CompletionResultType]::ParameterName, 'Serve Prometheus metrics (GET /metrics) on a listener of its own at this address, e.g. 127.0.0.1:9464 [default: off]')
            [CompletionResult]::new('--database-url-file', '--database-url-file', [CompletionResultType]::ParameterName, 'Read the PostgreSQL URL (which may hold a password) from this file instead of --database')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'TLS certificate chain (PEM); serves HTTPS with --tls-key')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'TLS private key (PEM)')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Device requests per second per client address (bursts of twice that); 0 turns the limit off [default: 20]')
            [CompletionResult]::new('--trusted-proxy', '--trusted-proxy', [CompletionResultType]::ParameterName, 'A reverse proxy (IP or CIDR range) whose forwarding header names the client; repeatable')
            [CompletionResult]::new('--forwarded-header', '--forwarded-header', [CompletionResultType]::ParameterName, 'The header the trusted proxies append the client''s address to [default: x-forwarded-for]')
            [CompletionResult]::new('--access-log', '--access-log', [CompletionResultType]::ParameterName, 'Log one line per request: client address, method, path, status, milliseconds')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr: text, or json (one object per line) [default: text]')
            [CompletionResult]::new('--smtp-host', '--smtp-host', [CompletionResultType]::ParameterName, 'SMTP server alert e-mails go out through [default: none]')
            [CompletionResult]::new('--smtp-port', '--smtp-port', [CompletionResultType]::ParameterName, 'SMTP port [default: 587 for starttls, 465 for implicit]')
            [CompletionResult]::new('--smtp-tls', '--smtp-tls', [CompletionResultType]::ParameterName, 'starttls (required, never plain text) or implicit (TLS from the first byte) [default: starttls]')
            [CompletionResult]::new('--smtp-username', '--smtp-username', [CompletionResultType]::ParameterName, 'SMTP account; its password from --smtp-password-file or LTSCTL_SMTP_PASSWORD')
            [CompletionResult]::new('--smtp-password-file', '--smtp-password-file', [CompletionResultType]::ParameterName, 'A file holding the SMTP password (never on the command line)')
            [CompletionResult]::new('--smtp-from', '--smtp-from', [CompletionResultType]::ParameterName, 'The sender of alert e-mails, e.g. "LTS <lts@example.com>"')
            [CompletionResult]::new('--smtp-ca-cert', '--smtp-ca-cert', [CompletionResultType]::ParameterName, 'Trust the SMTP server''s certificate through this PEM file (a private CA, or its own)')
            [CompletionResult]::new('--alerts-test-timing', '--alerts-test-timing', [CompletionResultType]::ParameterName, 'For tests: evaluate alerts every MS milliseconds and retry deliveries from MS on (instead of every minute, and from 30 s)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--print-config', '--print-config', [CompletionResultType]::ParameterName, 'Print the effective settings (file, environment and flags; secrets masked) and exit')
            [CompletionResult]::new('--dev', '--dev', [CompletionResultType]::ParameterName, 'Run a throwaway LTS in a temp dir with a demo license and an admin token (deleted on exit)')
            [CompletionResult]::new('--bench-null-routes', '--bench-null-routes', [CompletionResultType]::ParameterName, 'Also serve the benchmark baselines /v1/bench/null-authorize and /v1/bench/null-usage')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;devices' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List devices (streams: starts at once and holds memory flat at any size)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one device: its seats and usage totals')
            [CompletionResult]::new('unregister', 'unregister', [CompletionResultType]::ParameterValue, 'Free the seats of devices: by UUID, or every device inactive for a while')
            [CompletionResult]::new('checkout', 'checkout', [CompletionResultType]::ParameterValue, 'Seat a device that never reaches the LTS and write its offline authorization file')
            [CompletionResult]::new('checkin', 'checkin', [CompletionResultType]::ParameterValue, 'End a device''s offline check-out early, freeing its seat (audit-logged)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;devices;list' {
            [CompletionResult]::new('--handshake', '--handshake', [CompletionResultType]::ParameterName, 'Only devices seated through this handshake code')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'Only devices seated on this license item')
            [CompletionResult]::new('--inactive-for', '--inactive-for', [CompletionResultType]::ParameterName, 'Only devices not seen for at least this long (e.g. 90d)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort order')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many devices')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'Only devices holding a seat now')
            [CompletionResult]::new('--expired', '--expired', [CompletionResultType]::ParameterName, 'Only devices whose removal time has passed (not yet swept)')
            [CompletionResult]::new('--checked-out', '--checked-out', [CompletionResultType]::ParameterName, 'Only devices holding a live offline check-out (see `devices checkout`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;devices;show' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;devices;unregister' {
            [CompletionResult]::new('--inactive-for', '--inactive-for', [CompletionResultType]::ParameterName, 'Every device not seen for this long (e.g. 90d)')
            [CompletionResult]::new('--handshake', '--handshake', [CompletionResultType]::ParameterName, 'Only through this handshake code')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--expired', '--expired', [CompletionResultType]::ParameterName, 'Every device whose removal time has passed (what the sweeper would remove)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed; change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Unregister devices holding a live offline check-out too (their files keep working offline, so the seat is handed out twice); without it a named one is refused and bulk removal keeps them')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;devices;checkout' {
            [CompletionResult]::new('--handshake', '--handshake', [CompletionResultType]::ParameterName, 'The handshake code the device''s application is built with')
            [CompletionResult]::new('--uuid', '--uuid', [CompletionResultType]::ParameterName, 'The device''s id, as its SDK reports it')
            [CompletionResult]::new('--product', '--product', [CompletionResultType]::ParameterName, 'The product (SDK) the device runs')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'The device''s platform')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for administrators (e.g. the device''s host name)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'How long the device may work offline (e.g. 90d; at most 366d, and never past the item''s expiry)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the file here (refused if it exists) instead of to stdout (`-`: stdout)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;devices;checkin' {
            [CompletionResult]::new('--handshake', '--handshake', [CompletionResultType]::ParameterName, 'Only its check-out through this handshake code')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;devices;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List devices (streams: starts at once and holds memory flat at any size)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one device: its seats and usage totals')
            [CompletionResult]::new('unregister', 'unregister', [CompletionResultType]::ParameterValue, 'Free the seats of devices: by UUID, or every device inactive for a while')
            [CompletionResult]::new('checkout', 'checkout', [CompletionResultType]::ParameterValue, 'Seat a device that never reaches the LTS and write its offline authorization file')
            [CompletionResult]::new('checkin', 'checkin', [CompletionResultType]::ParameterValue, 'End a device''s offline check-out early, freeing its seat (audit-logged)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;devices;help;list' {
            break
        }
        'ltsctl;devices;help;show' {
            break
        }
        'ltsctl;devices;help;unregister' {
            break
        }
        'ltsctl;devices;help;checkout' {
            break
        }
        'ltsctl;devices;help;checkin' {
            break
        }
        'ltsctl;devices;help;help' {
            break
        }
        'ltsctl;usage' {
            [CompletionResult]::new('--handshake', '--handshake', [CompletionResultType]::ParameterName, 'Only this handshake code')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'Only this license item')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only usage since this long ago (30d) or this date (2026-11-01, or RFC 3339)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group by')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Record usage carried back from devices that never reach the LTS')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;usage;import' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;usage;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Record usage carried back from devices that never reach the LTS')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;usage;help;import' {
            break
        }
        'ltsctl;usage;help;help' {
            break
        }
        'ltsctl;token' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; its secret is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;token;create' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'admin: everything; operator: read, unregister devices, sweep; viewer: read only')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'Expire the token after this long [default: never]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;token;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;token;revoke' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; its secret is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;token;help;create' {
            break
        }
        'ltsctl;token;help;list' {
            break
        }
        'ltsctl;token;help;revoke' {
            break
        }
        'ltsctl;token;help;help' {
            break
        }
        'ltsctl;audit' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List audit entries, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;audit;list' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries of this recent period')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Only entries of this token name (`local` for direct access to the data dir)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many entries')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;audit;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List audit entries, newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;audit;help;list' {
            break
        }
        'ltsctl;audit;help;help' {
            break
        }
        'ltsctl;login' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token from stdin instead of prompting')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;logout' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;profile' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List login profiles')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;profile;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;profile;use' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List login profiles')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;profile;help;list' {
            break
        }
        'ltsctl;profile;help;use' {
            break
        }
        'ltsctl;profile;help;help' {
            break
        }
        'ltsctl;alerts' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List what has fired, newest first: when, whether it still holds, and whether it was delivered')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'List delivery attempts (webhooks and e-mails), newest first, with status and response code')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Show or set the thresholds, globally or per handshake code')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Send alerts by e-mail to these addresses too (SMTP is set in serve''s config)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;alerts;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many alerts')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;alerts;deliveries' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many attempts')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;alerts;settings' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the thresholds in force: global, then each code with settings of its own')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set thresholds (the ones not given are kept); with --handshake for one code only')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Drop a code''s own thresholds: the global ones apply to it again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;alerts;settings;show' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;alerts;settings;set' {
            [CompletionResult]::new('--handshake', '--handshake', [CompletionResultType]::ParameterName, 'Only this handshake code (and the items bound to it) [default: global]')
            [CompletionResult]::new('--quota-percent', '--quota-percent', [CompletionResultType]::ParameterName, 'Percents of an item''s quota that fire item.quota.threshold (1-1000, comma-separated) [default: 60,80,100]')
            [CompletionResult]::new('--expiry-days', '--expiry-days', [CompletionResultType]::ParameterName, 'Days before an item''s expiry that fire item.expiring (1-3650, comma-separated) [default: 30,7,1]')
            [CompletionResult]::new('--refusals', '--refusals', [CompletionResultType]::ParameterName, 'More quota_exceeded refusals than this in 10 minutes fire handshake.refusals [default: 10]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;alerts;settings;reset' {
            [CompletionResult]::new('--handshake', '--handshake', [CompletionResultType]::ParameterName, 'The handshake code')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;alerts;settings;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the thresholds in force: global, then each code with settings of its own')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set thresholds (the ones not given are kept); with --handshake for one code only')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Drop a code''s own thresholds: the global ones apply to it again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;alerts;settings;help;show' {
            break
        }
        'ltsctl;alerts;settings;help;set' {
            break
        }
        'ltsctl;alerts;settings;help;reset' {
            break
        }
        'ltsctl;alerts;settings;help;help' {
            break
        }
        'ltsctl;alerts;email' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Send alerts to this address')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the addresses alerts are sent to')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop sending alerts to this address (its pending mails are given up)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;alerts;email;add' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;alerts;email;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;alerts;email;remove' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;alerts;email;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Send alerts to this address')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the addresses alerts are sent to')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop sending alerts to this address (its pending mails are given up)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;alerts;email;help;add' {
            break
        }
        'ltsctl;alerts;email;help;list' {
            break
        }
        'ltsctl;alerts;email;help;remove' {
            break
        }
        'ltsctl;alerts;email;help;help' {
            break
        }
        'ltsctl;alerts;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List what has fired, newest first: when, whether it still holds, and whether it was delivered')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'List delivery attempts (webhooks and e-mails), newest first, with status and response code')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Show or set the thresholds, globally or per handshake code')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Send alerts by e-mail to these addresses too (SMTP is set in serve''s config)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;alerts;help;list' {
            break
        }
        'ltsctl;alerts;help;deliveries' {
            break
        }
        'ltsctl;alerts;help;settings' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the thresholds in force: global, then each code with settings of its own')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set thresholds (the ones not given are kept); with --handshake for one code only')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Drop a code''s own thresholds: the global ones apply to it again')
            break
        }
        'ltsctl;alerts;help;settings;show' {
            break
        }
        'ltsctl;alerts;help;settings;set' {
            break
        }
        'ltsctl;alerts;help;settings;reset' {
            break
        }
        'ltsctl;alerts;help;email' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Send alerts to this address')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the addresses alerts are sent to')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop sending alerts to this address (its pending mails are given up)')
            break
        }
        'ltsctl;alerts;help;email;add' {
            break
        }
        'ltsctl;alerts;help;email;list' {
            break
        }
        'ltsctl;alerts;help;email;remove' {
            break
        }
        'ltsctl;alerts;help;help' {
            break
        }
        'ltsctl;webhook' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook; its signing secret is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks (never their secrets)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook (its pending deliveries are given up)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a signed webhook.test event now and show the answer')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;webhook;add' {
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Only these events (comma-separated): item.quota.threshold, item.expiring, item.expired, handshake.refusals [default: all]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--allow-private', '--allow-private', [CompletionResultType]::ParameterName, 'Allow a loopback, private or link-local target (e.g. a receiver on this host)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;webhook;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;webhook;remove' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;webhook;test' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ltsctl;webhook;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook; its signing secret is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks (never their secrets)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook (its pending deliveries are given up)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a signed webhook.test event now and show the answer')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;webhook;help;add' {
            break
        }
        'ltsctl;webhook;help;list' {
            break
        }
        'ltsctl;webhook;help;remove' {
            break
        }
        'ltsctl;webhook;help;test' {
            break
        }
        'ltsctl;webhook;help;help' {
            break
        }
        'ltsctl;sweep' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer the LTS at this URL through its admin API (token from LTSCTL_TOKEN or `ltsctl login`)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Use this PostgreSQL database instead of the embedded store (postgres://user@host/db)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory of the embedded store [default: the platform data dir, e.g. ~/.local/share/ltsctl]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use this login profile instead of the active one')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust the server''s TLS certificate through this PEM file: the private CA that signed it, or the server''s own (self-signed) certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never colour the output (NO_COLOR is honoured too)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no notes, warnings, hints or progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ltsctl;help' {
            [CompletionResult]::new('issuer', 'issuer', [CompletionResultType]::ParameterValue, 'Make issuer keys and sign license files (the vendor''s side)')
            [CompletionResult]::new('license', 'license', [CompletionResultType]::ParameterValue, 'Import, verify, list and remove license files')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Manage the issuer keys this LTS accepts licenses from')
            [CompletionResult]::new('handshake', 'handshake', [CompletionResultType]::ParameterValue, 'Create handshake codes and bind license items, domains and passwords to them')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show this LTS: instance id, version, counts and licenses expiring soon')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create an empty store in the data dir (or database); commands that only read refuse a missing one')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a consistent copy of the embedded store, even while the server runs')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a backup back in place of the embedded store (stop the server first)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy an embedded store into PostgreSQL (to run several instances on one database)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, locate or create the config file (login profiles)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Fill a local store with demo devices (for benchmarks)')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ (for maintainers)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the License Tracking Server (the device API for client SDKs)')
            [CompletionResult]::new('devices', 'devices', [CompletionResultType]::ParameterValue, 'List devices, find inactive ones and unregister them')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Usage statistics: scans, pages, active devices, quota used and left per item; import offline usage')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Create, list and revoke admin API tokens')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Show the audit log of administrative changes')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a remote LTS: check a token and keep it in the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget a profile''s token and the profile')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List login profiles or choose the active one')
            [CompletionResult]::new('alerts', 'alerts', [CompletionResultType]::ParameterValue, 'What has fired (quota thresholds, expiry, refusals), where alerts go, and their thresholds')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Send alerts to HTTP endpoints as signed webhooks (Standard Webhooks)')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Remove devices whose removal time has passed, freeing their seats')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ltsctl;help;issuer' {
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Create a new issuer key pair (Ed25519, PKCS#8 and SPKI PEM)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Check a license document and sign it into a license file')
            break
        }
        'ltsctl;help;issuer;keygen' {
            break
        }
        'ltsctl;help;issuer;sign' {
            break
        }
        'ltsctl;help;license' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a license file offline against an issuer''s public key (no store needed)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Verify and store license files; each file is imported (or refused) on its own')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List imported licenses and their items')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one license with its items')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a license and its items (their consumption and usage history are kept)')
            break
        }
        'ltsctl;help;license;verify' {
            break
        }
        'ltsctl;help;license;import' {
            break
        }
        'ltsctl;help;license;list' {
            break
        }
        'ltsctl;help;license;show' {
            break
        }
        'ltsctl;help;license;remove' {
            break
        }
        'ltsctl;help;trust' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Trust an issuer''s public key: licenses it signed can be imported')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trusted issuer keys')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop trusting a key (licenses already imported stay)')
            break
        }
        'ltsctl;help;trust;add' {
            break
        }
        'ltsctl;help;trust;list' {
            break
        }
        'ltsctl;help;trust;remove' {
            break
        }
        'ltsctl;help;handshake' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a handshake code')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List handshake codes')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a code: items in consumption order with use, domains and settings')
            [CompletionResult]::new('bind', 'bind', [CompletionResultType]::ParameterValue, 'Bind license items to a code (appended to its consumption order)')
            [CompletionResult]::new('unbind', 'unbind', [CompletionResultType]::ParameterValue, 'Unbind license items from a code')
            [CompletionResult]::new('order', 'order', [CompletionResultType]::ParameterValue, 'Set the consumption order by hand (name every bound item once), or go back to expiry order')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a code''s settings')
            [CompletionResult]::new('domains', 'domains', [CompletionResultType]::ParameterValue, 'Manage the web domains a code admits')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Set or clear a code''s session password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a code')
            break
        }
        'ltsctl;help;handshake;create' {
            break
        }
        'ltsctl;help;handshake;list' {
            break
        }
        'ltsctl;help;handshake;show' {
            break
        }
        'ltsctl;help;handshake;bind' {
            break
        }
        'ltsctl;help;handshake;unbind' {
            break
        }
        'ltsctl;help;handshake;order' {
            break
        }
        'ltsctl;help;handshake;set' {
            break
        }
        'ltsctl;help;handshake;domains' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Admit requests from these domains (example.com, *.example.com or an exact host)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop admitting these domains')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domains a code admits (none: any origin)')
            break
        }
        'ltsctl;help;handshake;domains;add' {
            break
        }
        'ltsctl;help;handshake;domains;remove' {
            break
        }
        'ltsctl;help;handshake;domains;list' {
            break
        }
        'ltsctl;help;handshake;password' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the session password (prompted on a terminal, or read from stdin; never from the command line)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove the session password')
            break
        }
        'ltsctl;help;handshake;password;set' {
            break
        }
        'ltsctl;help;handshake;password;clear' {
            break
        }
        'ltsctl;help;handshake;delete' {
            break
        }
        'ltsctl;help;status' {
            break
        }
        'ltsctl;help;init' {
            break
        }
        'ltsctl;help;backup' {
            break
        }
        'ltsctl;help;restore' {
            break
        }
        'ltsctl;help;migrate' {
            break
        }
        'ltsctl;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the config file''s contents (never a secret: there is none in it)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented config file to start from (with --serve: the server''s, printed or written to FILE)')
            break
        }
        'ltsctl;help;config;path' {
            break
        }
        'ltsctl;help;config;show' {
            break
        }
        'ltsctl;help;config;init' {
            break
        }
        'ltsctl;help;completions' {
            break
        }
        'ltsctl;help;seed' {
            break
        }
        'ltsctl;help;generate-assets' {
            break
        }
        'ltsctl;help;serve' {
            break
        }
        'ltsctl;help;devices' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List devices (streams: starts at once and holds memory flat at any size)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one device: its seats and usage totals')
            [CompletionResult]::new('unregister', 'unregister', [CompletionResultType]::ParameterValue, 'Free the seats of devices: by UUID, or every device inactive for a while')
            [CompletionResult]::new('checkout', 'checkout', [CompletionResultType]::ParameterValue, 'Seat a device that never reaches the LTS and write its offline authorization file')
            [CompletionResult]::new('checkin', 'checkin', [CompletionResultType]::ParameterValue, 'End a device''s offline check-out early, freeing its seat (audit-logged)')
            break
        }
        'ltsctl;help;devices;list' {
            break
        }
        'ltsctl;help;devices;show' {
            break
        }
        'ltsctl;help;devices;unregister' {
            break
        }
        'ltsctl;help;devices;checkout' {
            break
        }
        'ltsctl;help;devices;checkin' {
            break
        }
        'ltsctl;help;usage' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Record usage carried back from devices that never reach the LTS')
            break
        }
        'ltsctl;help;usage;import' {
            break
        }
        'ltsctl;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; its secret is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            break
        }
        'ltsctl;help;token;create' {
            break
        }
        'ltsctl;help;token;list' {
            break
        }
        'ltsctl;help;token;revoke' {
            break
        }
        'ltsctl;help;audit' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List audit entries, newest first')
            break
        }
        'ltsctl;help;audit;list' {
            break
        }
        'ltsctl;help;login' {
            break
        }
        'ltsctl;help;logout' {
            break
        }
        'ltsctl;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List login profiles')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the active one')
            break
        }
        'ltsctl;help;profile;list' {
            break
        }
        'ltsctl;help;profile;use' {
            break
        }
        'ltsctl;help;alerts' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List what has fired, newest first: when, whether it still holds, and whether it was delivered')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'List delivery attempts (webhooks and e-mails), newest first, with status and response code')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Show or set the thresholds, globally or per handshake code')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'Send alerts by e-mail to these addresses too (SMTP is set in serve''s config)')
            break
        }
        'ltsctl;help;alerts;list' {
            break
        }
        'ltsctl;help;alerts;deliveries' {
            break
        }
        'ltsctl;help;alerts;settings' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the thresholds in force: global, then each code with settings of its own')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set thresholds (the ones not given are kept); with --handshake for one code only')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Drop a code''s own thresholds: the global ones apply to it again')
            break
        }
        'ltsctl;help;alerts;settings;show' {
            break
        }
        'ltsctl;help;alerts;settings;set' {
            break
        }
        'ltsctl;help;alerts;settings;reset' {
            break
        }
        'ltsctl;help;alerts;email' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Send alerts to this address')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the addresses alerts are sent to')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop sending alerts to this address (its pending mails are given up)')
            break
        }
        'ltsctl;help;alerts;email;add' {
            break
        }
        'ltsctl;help;alerts;email;list' {
            break
        }
        'ltsctl;help;alerts;email;remove' {
            break
        }
        'ltsctl;help;webhook' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook; its signing secret is printed once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks (never their secrets)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook (its pending deliveries are given up)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a signed webhook.test event now and show the answer')
            break
        }
        'ltsctl;help;webhook;add' {
            break
        }
        'ltsctl;help;webhook;list' {
            break
        }
        'ltsctl;help;webhook;remove' {
            break
        }
        'ltsctl;help;webhook;test' {
            break
        }
        'ltsctl;help;sweep' {
            break
        }
        'ltsctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
