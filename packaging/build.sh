#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configures and builds Paddock into ./build (kept between runs; ccache when present).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
# Let ccache share results between clones in different folders (CI clones afresh each run).
export CCACHE_BASEDIR="$(pwd)" CCACHE_NOHASHDIR=1
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} "$@"
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
