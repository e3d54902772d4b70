#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Writes that cannot lie, end to end: under a file-size limit (RLIMIT_FSIZE 0, SIGXFSZ ignored: write() fails
# with EFBIG as on a full disk) `paddock convert` exits 2 with the system's reason and the old file stays;
# `propagate --out` into an unwritable place is refused before tracking; a folder given as a file is named one.
# usage: writes.sh PADDOCK WORKDIR
set -u
paddock="$1"
work="$2/writes"
rm -rf "$work" && mkdir -p "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

printf '%s' '{"images":[{"id":1,"file_name":"a.jpg","width":100,"height":80}],
 "categories":[{"id":1,"name":"bug","keypoints":["head","tail"],"skeleton":[[1,2]]}],
 "annotations":[{"id":10,"image_id":1,"category_id":1,"keypoints":[10,10,2,20,20,1]}]}' >"$work/in.json"

# full_disk TO OUT: convert in.json to OUT under the limit; OUT held "old" before and must still.
full_disk() {
    printf 'old' >"$work/$2"
    # Output through a pipe: under the limit paddock could not write its messages to a file either.
    { (trap '' XFSZ; ulimit -f 0 && exec "$paddock" convert "$work/in.json" "$work/$2" --to "$1") 2>&1
      echo "exit=$?"; } | cat >"$work/out.txt"
    rc=$(sed -n 's/^exit=//p' "$work/out.txt")
    [ "$rc" = 2 ] || fail "--to $1 with no room: exit $rc, expected 2 ($(cat "$work/out.txt"))"
    grep -qF "$2: cannot write: File too large" "$work/out.txt" || fail "--to $1: message: $(cat "$work/out.txt")"
    grep -q "wrote" "$work/out.txt" && fail "--to $1: says it wrote"
    [ "$(cat "$work/$2")" = old ] || fail "--to $1: the old $2 was replaced by '$(cat "$work/$2")'"
    [ -z "$(find "$work" -name '*.tmp')" ] || fail "--to $1: temporary file left: $(find "$work" -name '*.tmp')"
}
full_disk paddock p.paddock
full_disk coco c.json
full_disk aptv2 a.json
full_disk dlc d.csv
# Without the limit the same conversions write.
"$paddock" convert "$work/in.json" "$work/p.paddock" --to paddock >/dev/null || fail "convert without a limit"
grep -q paddock-project "$work/p.paddock" || fail "p.paddock not written"

# A folder where a file is expected is named a folder.
mkdir -p "$work/folder.paddock"
"$paddock" convert "$work/folder.paddock" "$work/x.json" --to coco 2>"$work/err.txt" >/dev/null
[ $? -eq 2 ] || fail "folder as input must exit 2"
grep -qF "folder.paddock: is a folder, not a file" "$work/err.txt" || fail "folder as input: $(cat "$work/err.txt")"
"$paddock" check "$work/folder.paddock" 2>"$work/err.txt" >/dev/null
[ $? -eq 2 ] || fail "check on a folder must exit 2"
grep -qF "is a folder, not a file" "$work/err.txt" || fail "check on a folder: $(cat "$work/err.txt")"

# propagate --out into an unwritable place: refused at once, before any tracking.
"$paddock" demo --headless --out "$work/demo" >/dev/null 2>&1 || fail "demo clip"
printf 'x' >"$work/afile"
for bad in "$work/afile/dense.json" "$work/folder.paddock"; do
    "$paddock" propagate "$work/demo/frames" --labels "$work/demo/demo_aptv2.json" --out "$bad" \
        >/dev/null 2>"$work/err.txt"
    rc=$?
    [ "$rc" -eq 2 ] || fail "propagate --out $bad: exit $rc, expected 2"
    grep -qF -- "--out $bad" "$work/err.txt" || fail "propagate --out $bad: message: $(cat "$work/err.txt")"
    grep -q "propagating" "$work/err.txt" && fail "propagate --out $bad: tracked before refusing"
done
exit 0
