#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# paddock check and paddock compare end to end: exit codes 0 (clean), 1 (findings), 2 (bad input), and the
# findings' frames, kinds and JSON lines. usage: check.sh PADDOCK WORKDIR
set -u
paddock="$1"
work="$2/check"
rm -rf "$work" && mkdir -p "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

# make_clip FILE SWAPFRAME DUPFRAME: a 4-point bug walking right over 12 frames (APTv2 layout); on SWAPFRAME its
# left and right legs are exchanged, on DUPFRAME a second animal carries the same track id (-1: none).
make_clip() {
    awk -v swap="$2" -v dup="$3" 'BEGIN {
        printf "{\"videos\":[{\"id\":1,\"file_name\":\"bug.mp4\"}],\"images\":["
        for (f = 0; f < 12; f++)
            printf "%s{\"id\":%d,\"file_name\":\"bug.mp4#%d\",\"width\":320,\"height\":240,\"frame_id\":%d,\"video_id\":1}", (f ? "," : ""), f + 1, f, f
        printf "],\"categories\":[{\"id\":1,\"name\":\"bug\",\"keypoints\":[\"head\",\"tail\",\"legL\",\"legR\"],\"skeleton\":[[1,2],[1,3],[1,4]]}],\"annotations\":["
        n = 0
        for (f = 0; f < 12; f++) {
            x = 100 + 2 * f; y = 120
            ly = y - 15; ry = y + 15
            if (f == swap) { t = ly; ly = ry; ry = t }
            printf "%s{\"id\":%d,\"image_id\":%d,\"category_id\":1,\"video_id\":1,\"track_id\":1,\"keypoints\":[%d,%d,2,%d,%d,2,%d,%d,2,%d,%d,2],\"bbox\":[%d,%d,50,40]}", (n ? "," : ""), ++n, f + 1, x + 20, y, x - 20, y, x, ly, x, ry, x - 25, y - 20
            if (f == dup)
                printf ",{\"id\":%d,\"image_id\":%d,\"category_id\":1,\"video_id\":1,\"track_id\":1,\"keypoints\":[%d,%d,2,%d,%d,2,%d,%d,2,%d,%d,2],\"bbox\":[%d,%d,50,40]}", ++n, f + 1, x + 20, y + 60, x - 20, y + 60, x, ly + 60, x, ry + 60, x - 25, y + 40
        }
        printf "]}\n"
    }' >"$1"
}

make_clip "$work/clean.json" -1 -1
make_clip "$work/swap.json" 6 -1
make_clip "$work/dup.json" -1 3

"$paddock" check "$work/clean.json" >"$work/out.txt" 2>"$work/err.txt"
rc=$?
[ "$rc" -eq 0 ] || fail "clean labels: exit $rc, expected 0: $(cat "$work/out.txt" "$work/err.txt")"
[ -s "$work/out.txt" ] && fail "clean labels printed findings: $(cat "$work/out.txt")"

"$paddock" check "$work/swap.json" >"$work/out.txt" 2>"$work/err.txt"
rc=$?
[ "$rc" -eq 1 ] || fail "swapped legs: exit $rc, expected 1"
grep -q '^frame 6 .*legL.*left_right_swap' "$work/out.txt" || fail "no swap finding on frame 6: $(cat "$work/out.txt")"
[ "$(grep -c left_right_swap "$work/out.txt")" -eq 1 ] || fail "swap reported on other frames: $(cat "$work/out.txt")"

"$paddock" check "$work/swap.json" --json >"$work/out.jsonl" 2>"$work/err.txt"
[ $? -eq 1 ] || fail "--json: exit code"
grep -q '^{.*"frame":6.*"kind":"left_right_swap"' "$work/out.jsonl" || fail "--json lines: $(cat "$work/out.jsonl")"

"$paddock" check "$work/dup.json" >"$work/out.txt" 2>"$work/err.txt"
rc=$?
[ "$rc" -eq 1 ] || fail "duplicate track: exit $rc, expected 1: $(cat "$work/err.txt")"
grep -q '^frame 3 .*duplicate_track' "$work/out.txt" || fail "no duplicate finding on frame 3: $(cat "$work/out.txt")"

"$paddock" check "$work/swap.json" --clip nosuchclip 2>"$work/err.txt" >/dev/null
[ $? -eq 2 ] || fail "unknown clip must exit 2"
grep -qF nosuchclip "$work/err.txt" || fail "unknown clip message: $(cat "$work/err.txt")"
"$paddock" check "$work/swap.json" --clip bug.mp4 >/dev/null 2>&1
[ $? -eq 1 ] || fail "--clip by file name must select the clip"
printf '{"images": [' >"$work/broken.json"
"$paddock" check "$work/broken.json" 2>"$work/err.txt" >/dev/null
[ $? -eq 2 ] || fail "broken file must exit 2"
grep -qF broken.json "$work/err.txt" || fail "message does not name the file: $(cat "$work/err.txt")"
"$paddock" check 2>/dev/null
[ $? -eq 2 ] || fail "no argument must exit 2"

"$paddock" compare "$work/clean.json" "$work/clean.json" >"$work/cmp.txt" 2>&1 || fail "compare: $(cat "$work/cmp.txt")"
grep -qF "mean OKS 1.0000" "$work/cmp.txt" || fail "identical files: $(cat "$work/cmp.txt")"
"$paddock" compare "$work/clean.json" "$work/swap.json" --json >"$work/cmp.json" 2>&1 || fail "compare --json"
grep -q '"worst":\[{.*"frame":6' "$work/cmp.json" || fail "compare must list frame 6 first: $(cat "$work/cmp.json")"
"$paddock" compare "$work/clean.json" "$work/nothere.json" 2>"$work/err.txt" >/dev/null
[ $? -eq 2 ] || fail "compare with a missing file must exit 2"
grep -qF nothere.json "$work/err.txt" || fail "compare message: $(cat "$work/err.txt")"
# The image checks (--video): the demo clip's frames and its propagated labels, with the left eye's tracker
# point on frame 7 moved 120 px ahead of the animal, onto the ground.
"$paddock" demo --headless --out "$work/demo" >"$work/demo.txt" 2>&1 || fail "paddock demo: $(cat "$work/demo.txt")"
sed 's/},{"area"/},\n{"area"/g' "$work/demo/demo_aptv2.json" | awk '/"image_id":8,/ {
    i = index($0, "\"keypoints\":[") + 13; rest = substr($0, i); match(rest, /^[0-9.]+/)
    $0 = substr($0, 1, i - 1) (substr(rest, 1, RLENGTH) + 120) substr(rest, RLENGTH + 1) } { print }' |
    tr -d '\n' >"$work/moved.json"
"$paddock" check "$work/moved.json" --video "$work/demo/frames" >"$work/out.txt" 2>"$work/err.txt"
rc=$?
[ "$rc" -eq 1 ] || fail "image checks: exit $rc, expected 1: $(cat "$work/err.txt")"
grep -Eq '^frame 7 .*left_eye .*(off_animal|unlike_labels)' "$work/out.txt" ||
    fail "moved point not found by the image checks: $(grep -E 'off_animal|unlike_labels|track_disagreement' "$work/out.txt")"
"$paddock" check "$work/moved.json" --video "$work/demo/frames" --json >"$work/out.jsonl" 2>/dev/null
grep -q '"frame":7,.*"keypoint_name":"left_eye".*"kind":"\(off_animal\|unlike_labels\)"' "$work/out.jsonl" ||
    fail "--json image findings: $(grep '"frame":7,' "$work/out.jsonl")"
"$paddock" check "$work/moved.json" --video "$work/nothere.mp4" >/dev/null 2>"$work/err.txt"
[ $? -eq 2 ] || fail "--video that does not open must exit 2"
grep -qF nothere.mp4 "$work/err.txt" || fail "--video message does not name the file: $(cat "$work/err.txt")"
mkdir -p "$work/short" && cp "$work/demo/frames/frame_000"[0-4].png "$work/short/" || fail "short clip"
"$paddock" check "$work/moved.json" --video "$work/short" >/dev/null 2>"$work/err.txt"
[ $? -eq 2 ] || fail "labels beyond the clip's frames must exit 2"
grep -qF "5 frames" "$work/err.txt" || fail "short clip message: $(cat "$work/err.txt")"
exit 0
