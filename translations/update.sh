#!/bin/sh
# Refreshes the translation sources from the code (run from anywhere); then translate with Qt Linguist.
cd "$(dirname "$0")/.." && "${LUPDATE:-/usr/lib/qt6/bin/lupdate}" -no-obsolete -locations none -I . core tracking ui app -ts translations/paddock_zh_CN.ts translations/paddock_de.ts
