#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# paddock convert end to end: bad files exit 2 with a message naming them; good files convert (exit 0).
# usage: convert.sh PADDOCK WORKDIR (bad|good)
set -u
paddock="$1"
work="$2/convert-$3"
rm -rf "$work" && mkdir -p "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_bad FILE TEXT: exit code 2 and TEXT (and the file name) on stderr.
expect_bad() {
    "$paddock" convert "$1" "$work/out.json" --to coco 2>"$work/err.txt" >/dev/null
    rc=$?
    [ "$rc" -eq 2 ] || fail "$1: exit $rc, expected 2"
    grep -qF "$(basename "$1")" "$work/err.txt" || fail "$1: message does not name the file: $(cat "$work/err.txt")"
    grep -qF "$2" "$work/err.txt" || fail "$1: message lacks '$2': $(cat "$work/err.txt")"
}

good='{"images":[{"id":1,"file_name":"a.jpg","width":100,"height":80}],
 "categories":[{"id":1,"name":"bug","keypoints":["head","tail"],"skeleton":[[1,2]]}],
 "annotations":[{"id":10,"image_id":1,"category_id":1,"keypoints":[10,10,2,20,20,1]}]}'

if [ "$3" = bad ]; then
    printf '{"images": [{"id": 1,' >"$work/truncated.json"
    expect_bad "$work/truncated.json" "not valid JSON"
    printf '%s' "$good" | sed 's/20,20,1]/20,20,1,5]/' >"$work/count.json"
    expect_bad "$work/count.json" "keypoint values"
    printf '%s' "$good" | sed 's/"category_id":1,"keypoints"/"category_id":7,"keypoints"/' >"$work/cat.json"
    expect_bad "$work/cat.json" "unknown category id 7"
    printf 'scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1,abc\n' >"$work/bad.csv"
    expect_bad "$work/bad.csv" "not a number"
    "$paddock" convert "$work/nothere.json" "$work/out.json" --to coco 2>/dev/null
    [ $? -eq 2 ] || fail "missing input must exit 2"
    "$paddock" convert "$work/count.json" "$work/out.json" --to bogus 2>/dev/null
    [ $? -eq 2 ] || fail "unknown --to must exit 2"
    # Lenient mode imports the valid part (here: nothing to keep, but no failure).
    "$paddock" convert "$work/cat.json" "$work/lenient.json" --to coco --lenient 2>"$work/err.txt" >/dev/null \
        || fail "--lenient must succeed: $(cat "$work/err.txt")"
    grep -qF "warning: " "$work/err.txt" || fail "--lenient must list what it skipped or changed"
else
    printf '%s' "$good" >"$work/in.json"
    "$paddock" convert "$work/in.json" "$work/apt.json" --to aptv2 >/dev/null || fail "coco -> aptv2"
    grep -qF '"video_id"' "$work/apt.json" || fail "aptv2 output has no video_id"
    "$paddock" convert "$work/apt.json" "$work/p.paddock" --to paddock >/dev/null || fail "aptv2 -> paddock"
    "$paddock" convert "$work/p.paddock" "$work/c.csv" --to dlc >/dev/null || fail "paddock -> dlc"
    grep -q '^bodyparts' "$work/c.csv" || fail "dlc output has no bodyparts row"
    "$paddock" convert "$work/c.csv" "$work/back.json" --to coco >/dev/null || fail "dlc -> coco"
    grep -qF '[10.0,10.0,2,20.0,20.0,2]' "$work/back.json" || fail "keypoints changed: $(cat "$work/back.json")"
fi
exit 0
