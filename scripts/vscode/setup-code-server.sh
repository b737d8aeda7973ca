#!/usr/bin/env bash
# Installs code-server (a real VS Code server + web workbench) into .vscode-test/code-server/
# so the extension-host test suite can run without downloading VS Code.
#
# Needs (installed by CI beforehand, as root):
#   apt-get install -y libkrb5-dev ripgrep chromium
# plus Node 20 with npm and its headers (include/node next to the node binary, else node-gyp
# downloads them), and make, g++, python3 for the native rebuilds (build-essential python3).
# Reaches only the npm registry. Idempotent: a marker file records a finished install.
# CODE_SERVER_DIR overrides the install folder.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="${CODE_SERVER_DIR:-$repo_root/.vscode-test/code-server}"
marker="$tools_dir/.installed-$CODE_SERVER_VERSION"

if [[ -f "$marker" ]]; then
  echo "code-server $CODE_SERVER_VERSION already installed in $tools_dir"
  exit 0
fi

for cmd in node npm rg make g++ python3; do
  command -v "$cmd" >/dev/null || { echo "missing required command: $cmd" >&2; exit 1; }
done
[[ -e /usr/include/krb5.h || -e /usr/include/gssapi/gssapi.h ]] || {
  echo "missing libkrb5-dev (apt-get install -y libkrb5-dev)" >&2; exit 1; }

node_headers="$(dirname "$(dirname "$(command -v node)")")"
if [[ -f "$node_headers/include/node/node.h" ]]; then
  export npm_config_nodedir="$node_headers"
else
  echo "warning: no Node headers under $node_headers/include/node; node-gyp will try to download them" >&2
fi
export npm_config_yes=true
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false

case "$tools_dir" in
  / | "$HOME" | "$repo_root") echo "refusing to install into $tools_dir" >&2; exit 1 ;;
esac
started=$SECONDS
rm -rf "$tools_dir"
mkdir -p "$tools_dir"
cd "$tools_dir"
printf '{ "name": "code-server-tools", "private": true }\n' > package.json

echo "==> npm install code-server@$CODE_SERVER_VERSION (scripts ignored)"
npm install --ignore-scripts "code-server@$CODE_SERVER_VERSION"

cd node_modules/code-server/lib/vscode
echo "==> installing VS Code server dependencies"
npm install --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
echo "==> rebuilding native modules"
npm rebuild
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
echo "==> installing built-in extension dependencies"
(cd extensions && npm install --omit=dev)

cd "$tools_dir"
echo "==> rebuilding argon2"
npm rebuild argon2

XDG_CONFIG_HOME="$tools_dir/.xdg/config" XDG_DATA_HOME="$tools_dir/.xdg/data" \
  node node_modules/code-server/out/node/entry.js --version
touch "$marker"
echo "code-server $CODE_SERVER_VERSION installed in $tools_dir in $((SECONDS - started))s"
