#!/usr/bin/env bash
# Installs the Debian packages the integration and end-to-end tests need, skipping what is already there.
#   chromium     - headless browser that loads code-server's workbench (driven by playwright-core)
#   libkrb5-dev  - headers for the native `kerberos` module built while installing code-server
#   ripgrep      - /usr/bin/rg, repackaged so @vscode/ripgrep's postinstall needs no download
#   pre-commit   - runs the repository's own hooks (.pre-commit-hooks.yaml) in test/e2e/preCommit.test.ts
#   make g++ python3 - node-gyp builds code-server's native modules (checked as commands: they
#                  may come from elsewhere, e.g. pyenv's python3)
# Meant for CI running as root on a fresh Debian machine; elsewhere run it with sudo.
set -euo pipefail

PACKAGES=(chromium libkrb5-dev ripgrep pre-commit)
declare -A TOOLS=([make]=make [g++]=g++ [python3]=python3)

missing=()
for pkg in "${PACKAGES[@]}"; do
  # Only "install ok installed" means fully installed (not removed, not half-configured).
  if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$pkg")
  fi
done
for cmd in "${!TOOLS[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${TOOLS[$cmd]}")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "ensure-debian-packages: all present (${PACKAGES[*]} ${!TOOLS[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-debian-packages: missing ${missing[*]}; run as root (or: sudo $0)" >&2
  exit 1
fi

echo "ensure-debian-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
