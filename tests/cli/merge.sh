#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# paddock info on a dataset file and paddock merge end to end: clips matched by identity whatever the order and
# video ids, identical copies collapse (exit 0), different labels kept as versions in a project (exit 1) and
# refused for a COCO output, bad input exits 2 and writes nothing; project stores (.paddockdb) as input of info,
# convert and merge and as output of convert and merge. usage: merge.sh PADDOCK WORKDIR
set -u
paddock="$1"
work="$2/merge"
rm -rf "$work" && mkdir -p "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

# make_ds FILE REVERSE SHIFT: 3 clips of 4 frames sharing data/ (APTv2, frame_id); labels on frames 0 and 3 at
# (10 * clip + SHIFT on clip 2, frame). REVERSE=1 lists the clips the other way round with video ids + 100.
make_ds() {
    awk -v rev="$2" -v shift="$3" 'BEGIN {
        printf "{\"categories\":[{\"id\":1,\"name\":\"bug\",\"keypoints\":[\"head\",\"tail\"]}],\"images\":["
        n = 0
        for (i = 0; i < 3; i++) {
            v = rev ? 3 - i : i + 1; vid = rev ? v + 100 : v
            for (k = 0; k < 4; k++)
                printf "%s{\"id\":%d,\"file_name\":\"data/f%06d.jpg\",\"width\":64,\"height\":48,\"video_id\":%d,\"frame_id\":%d}", (n++ ? "," : ""), (v - 1) * 4 + k + 1, (v - 1) * 4 + k + 1, vid, k
        }
        printf "],\"annotations\":["
        n = 0
        for (i = 0; i < 3; i++) {
            v = rev ? 3 - i : i + 1; vid = rev ? v + 100 : v
            for (k = 0; k < 4; k += 3) {
                x = 10 * v + (v == 2 ? shift : 0)
                printf "%s{\"id\":%d,\"image_id\":%d,\"category_id\":1,\"video_id\":%d,\"track_id\":1,\"keypoints\":[%d,%d,2,0,0,0],\"bbox\":[0,0,20,20]}", (n++ ? "," : ""), 100 + (v - 1) * 4 + k, (v - 1) * 4 + k + 1, vid, x, k
            }
        }
        printf "]}\n"
    }' >"$1"
}

make_ds "$work/a.json" 0 0
make_ds "$work/b.json" 1 0
make_ds "$work/c.json" 0 5

"$paddock" info "$work/a.json" >"$work/out.txt" 2>&1 || fail "info on a dataset: $(cat "$work/out.txt")"
grep -q "clips: *3" "$work/out.txt" || fail "info does not list 3 clips: $(cat "$work/out.txt")"

# Same clips, other order and video ids: one clip each, a's ids and file names.
"$paddock" merge "$work/a.json" "$work/b.json" --out "$work/m.json" --report "$work/r.json" --no-hash >"$work/out.txt" 2>&1
rc=$?
[ "$rc" -eq 0 ] || fail "identical inputs: exit $rc, expected 0: $(cat "$work/out.txt")"
grep -q '"same": 3' "$work/r.json" || fail "report does not say 3 same clips: $(cat "$work/r.json")"
[ "$(grep -o '"file_name":"data/f0000[0-9][0-9].jpg"' "$work/m.json" | wc -l)" -eq 12 ] || fail "merged file does not keep the 12 image names"
grep -q '"id":111,"image_id":12' "$work/m.json" || fail "annotation 111 is not on image 12: $(cat "$work/m.json")"

# Clip 2 labelled differently: two versions in a project (exit 1), with compare's figures in the report.
"$paddock" merge "$work/a.json" "$work/c.json" --out "$work/m2.paddock" --report "$work/r2.json" --no-hash >"$work/out.txt" 2>&1
rc=$?
[ "$rc" -eq 1 ] || fail "different labels: exit $rc, expected 1: $(cat "$work/out.txt")"
grep -q '"versions": 1' "$work/r2.json" || fail "report does not list one clip with versions"
grep -q '"mean_px"' "$work/r2.json" || fail "report has no agreement figures: $(cat "$work/r2.json")"
[ "$(grep -o '"origin"' "$work/m2.paddock" | wc -l)" -eq 2 ] || fail "the project does not keep two versions"
grep -q "versions" "$work/out.txt" || fail "the printed report does not say so: $(cat "$work/out.txt")"
# A COCO output cannot hold both: refused, nothing written.
"$paddock" merge "$work/a.json" "$work/c.json" --out "$work/m3.json" --no-hash >"$work/out.txt" 2>&1
rc=$?
[ "$rc" -eq 2 ] || fail "versions into COCO: exit $rc, expected 2"
[ -e "$work/m3.json" ] && fail "versions into COCO wrote a file"
grep -q "two versions" "$work/out.txt" || fail "no reason given: $(cat "$work/out.txt")"

# Bad input: a clear message naming the file, nothing written.
printf '{"images": [' >"$work/bad.json"
for other in "$work/bad.json" "$work/missing.json"; do
    "$paddock" merge "$work/a.json" "$other" --out "$work/m4.json" --report "$work/r4.json" >"$work/out.txt" 2>&1
    rc=$?
    [ "$rc" -eq 2 ] || fail "$other: exit $rc, expected 2"
    grep -q "$(basename "$other")" "$work/out.txt" || fail "$other: the message does not name it: $(cat "$work/out.txt")"
    [ -e "$work/m4.json" ] || [ -e "$work/r4.json" ] && fail "$other: something was written"
done
# Frames that are not there cannot be hashed: said, nothing written.
"$paddock" merge "$work/a.json" "$work/b.json" --out "$work/m5.json" >"$work/out.txt" 2>&1
rc=$?
[ "$rc" -eq 2 ] || fail "unreadable frames: exit $rc, expected 2"
grep -q "/data: cannot read" "$work/out.txt" || fail "unreadable frames: the folder is not named: $(cat "$work/out.txt")"
[ -e "$work/m5.json" ] && fail "unreadable frames: a file was written"
# Project stores: convert writes one and reads it back to the same APTv2 file; info lists its clips; merge takes
# stores and writes one.
"$paddock" convert "$work/a.json" "$work/a.paddockdb" >"$work/out.txt" 2>&1 || fail "convert to a store: $(cat "$work/out.txt")"
head -c 15 "$work/a.paddockdb" | grep -q "SQLite format 3" || fail "a.paddockdb is not an SQLite database"
"$paddock" info "$work/a.paddockdb" >"$work/out.txt" 2>&1 || fail "info on a store: $(cat "$work/out.txt")"
grep -q "clips: *3" "$work/out.txt" || fail "info on a store does not list 3 clips: $(cat "$work/out.txt")"
grep -q "labelled: *6 frames" "$work/out.txt" || fail "info on a store: labelled frames: $(cat "$work/out.txt")"
"$paddock" convert "$work/a.json" "$work/direct.json" --to aptv2 >/dev/null 2>&1 || fail "a.json -> aptv2"
"$paddock" convert "$work/a.paddockdb" "$work/fromdb.json" --to aptv2 >"$work/out.txt" 2>&1 ||
    fail "convert from a store: $(cat "$work/out.txt")"
cmp -s "$work/direct.json" "$work/fromdb.json" || fail "the store converts to another file than its source"
"$paddock" merge "$work/a.paddockdb" "$work/b.json" --out "$work/m6.paddockdb" --no-hash >"$work/out.txt" 2>&1 ||
    fail "merge of a store and a file: $(cat "$work/out.txt")"
"$paddock" info "$work/m6.paddockdb" >"$work/out.txt" 2>&1 || fail "info on the merged store: $(cat "$work/out.txt")"
grep -q "clips: *3" "$work/out.txt" || fail "merged store: $(cat "$work/out.txt")"
printf 'SQLite format 3\000 but cut off' >"$work/cut.paddockdb"
"$paddock" info "$work/cut.paddockdb" >"$work/out.txt" 2>&1
[ $? -eq 2 ] || fail "info on a broken store must exit 2"
grep -q "cut.paddockdb" "$work/out.txt" || fail "info on a broken store: the message does not name it: $(cat "$work/out.txt")"
"$paddock" convert "$work/cut.paddockdb" "$work/cut.json" --to coco >"$work/out.txt" 2>&1
[ $? -eq 2 ] || fail "convert of a broken store must exit 2"
[ -e "$work/cut.json" ] && fail "convert of a broken store wrote a file"
echo "merge: ok"
