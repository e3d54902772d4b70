#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs every Debian 12 package Paddock's build, tests and benchmarks need. Idempotent; run as root
# (or with sudo available). Skips apt entirely when everything is already installed.
set -euo pipefail
PKGS=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl1-mesa-dev
    libqt6sql6-sqlite
    libtorch-dev libopenblas0-pthread
    libopencv-dev
    libavcodec-dev libavformat-dev libswscale-dev libavutil-dev ffmpeg
    nlohmann-json3-dev catch2
    xvfb xauth
    python3 python3-numpy
)
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PKGS[@]} packages present"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
