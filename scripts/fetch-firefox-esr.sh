#!/usr/bin/env bash
# Fetches Debian's Firefox ESR of one major version (default 140, the previous ESR) into .cache/firefox-esr-<major>
# without installing it: `apt-get download` + `dpkg-deb -x`, so the system's Firefox stays as it is. Prints the
# path of the unpacked binary on stdout; everything else goes to stderr. Once unpacked it works offline.
# The Firefox end-to-end tests (test/firefox/global-setup.ts) and .ci/run call it; see test/firefox/README.md.
set -euo pipefail
major="${1:-140}"
cd "$(dirname "$0")/.."
dest=".cache/firefox-esr-$major"
binary="$dest/usr/lib/firefox-esr/firefox-esr"

if [ -x "$binary" ]; then
  echo "$PWD/$binary"
  exit 0
fi
for tool in apt-cache apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || {
    echo "Cannot fetch Firefox ESR $major: no $tool (Debian's packages are needed)." >&2
    exit 1
  }
done

# The newest $major.x that the package lists know (Debian keeps the previous ESR in bookworm/main until a point
# release folds the security suite's newer ESR in).
find_version() {
  apt-cache madison firefox-esr | awk -F'|' -v prefix="$major." '{ gsub(/ /, "", $2) } index($2, prefix) == 1 { print $2; exit }'
}
version="$(find_version)"
if [ -z "$version" ] && [ "$(id -u)" = 0 ]; then
  echo "No firefox-esr $major.x in the package lists; running apt-get update" >&2
  apt-get update -qq >&2
  version="$(find_version)"
fi
if [ -z "$version" ]; then
  echo "Cannot fetch Firefox ESR $major: Debian's package lists offer no firefox-esr $major.x" \
    "(apt-cache madison firefox-esr). Run apt-get update, or unpack one into $dest yourself." >&2
  exit 1
fi

mkdir -p .cache
work="$(mktemp -d ".cache/firefox-esr-$major.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "Fetching firefox-esr $version into $dest" >&2
# As root apt drops to its _apt user for downloads, which cannot write here; it would warn and download anyway.
sandbox=()
[ "$(id -u)" = 0 ] && sandbox=(-o APT::Sandbox::User=root)
(cd "$work" && apt-get download -qq -o Acquire::http::Timeout=30 "${sandbox[@]}" "firefox-esr=$version" >&2)
dpkg-deb -x "$work"/firefox-esr_*.deb "$work/root"
echo "$version" >"$work/root/VERSION"
# Renamed into place only once complete, so an interrupted fetch never leaves a half-unpacked Firefox behind.
mv "$work/root" "$dest"
echo "$PWD/$binary"
