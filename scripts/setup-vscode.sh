#!/usr/bin/env bash
# Installs what the editor tests need: Debian's Chromium, ripgrep and the Kerberos headers, and a
# cached code-server (VS Code served to a browser) under .vscode-test-web/. Idempotent: each step is
# skipped when its result is already there, so running it before every test run costs a second.
#
# Why code-server: @vscode/test-electron downloads VS Code at test time, which these machines and CI
# cannot reach; code-server is the same VS Code (1.100.3 in 4.100.3) from the npm registry.
# Its install scripts refuse to run as root and fetch ripgrep from the internet, so they are done by
# hand below, with Debian's rg standing in for the downloaded one.
#
# Usage: scripts/setup-vscode.sh            (prints the code-server entry point on its last line)
# Env:   SEED_LENS_CODE_SERVER_VERSION      (default 4.100.3)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="${SEED_LENS_CODE_SERVER_VERSION:-4.100.3}"
cache="$root/.vscode-test-web/code-server-$version"
entry="$cache/node_modules/code-server/out/node/entry.js"
vscode_dir="$cache/node_modules/code-server/lib/vscode"
log() { echo "[setup-vscode] $*" >&2; }

# One install at a time: two test runs starting together wait for each other instead of clobbering.
mkdir -p "$root/.vscode-test-web"
exec 9>"$root/.vscode-test-web/.lock"
flock -w 900 9 || { log "another setup held the lock for 15 minutes"; exit 1; }

# 1. Debian packages, only those missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v krb5-config >/dev/null 2>&1 || missing+=(libkrb5-dev)
# node-gyp rebuilds of code-server's native modules need a compiler, make and python.
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if ((${#missing[@]})); then
	if [[ $(id -u) -ne 0 ]]; then
		log "missing Debian packages: ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run as root"
		exit 1
	fi
	log "installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# 2. code-server, cached; the marker is written last, so an interrupted install is redone.
if [[ -f "$cache/.complete" && -f "$entry" ]]; then
	log "code-server $version is cached in ${cache#"$root"/}"
	echo "$entry"
	exit 0
fi
start=$SECONDS
log "installing code-server $version into ${cache#"$root"/} (1-3 minutes)"
rm -rf "$cache"
mkdir -p "$cache"
cd "$cache"
echo '{ "name": "seed-lens-vscode-cache", "private": true }' >package.json
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_yes=true
npm install --no-save --ignore-scripts --loglevel=error "code-server@$version" >&2

# code-server's postinstall, step by step (it refuses to run as root).
cd "$vscode_dir"
npm install --omit=dev --ignore-scripts --loglevel=error >&2
npm rebuild --loglevel=error @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
cd "$vscode_dir/extensions"
npm install --omit=dev --ignore-scripts --loglevel=error >&2
cd "$cache"
npm rebuild --loglevel=error argon2 >&2

[[ -f "$entry" ]] || { log "code-server entry point missing after install: $entry"; exit 1; }
touch "$cache/.complete"
log "code-server $version installed in $((SECONDS - start)) s"
echo "$entry"
