#!/usr/bin/env bash
# Loads the committed completion scripts in real shells and lints every man page with mandoc.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-assets: $*" >&2; exit 1; }

# bash: the script loads, completes subcommands and flags.
out=$(bash -c 'source completions/ltsctl.bash
  COMP_WORDS=(ltsctl dev); COMP_CWORD=1; _ltsctl ltsctl dev ltsctl; echo "${COMPREPLY[*]}"')
[[ " $out " == *" devices "* ]] || fail "bash did not complete 'ltsctl dev' to devices: $out"
out=$(bash -c 'source completions/ltsctl.bash
  COMP_WORDS=(ltsctl devices unregister --); COMP_CWORD=3; _ltsctl ltsctl -- unregister; echo "${COMPREPLY[*]}"')
[[ " $out " == *" --inactive-for "* && " $out " == *" --dry-run "* ]] || fail "bash flags: $out"
echo "bash completion: ok"

# zsh and fish: the scripts load without error; fish completes a subcommand.
zsh -c 'autoload -U compinit; compinit -u; source completions/_ltsctl' || fail "zsh could not load _ltsctl"
echo "zsh completion: loads"
out=$(fish -c 'source completions/ltsctl.fish; complete -C "ltsctl dev"')
[[ "$out" == *devices* ]] || fail "fish did not complete 'ltsctl dev': $out"
echo "fish completion: ok"

# man: no mandoc errors on any page (warnings and style notes are listed, not fatal).
if mandoc -Tlint -W error man/*.1; then
  echo "man pages: $(ls man/*.1 | wc -l) pages, no errors"
else
  fail "mandoc reported errors"
fi
