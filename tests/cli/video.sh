#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# paddock info and paddock bench end to end: exit codes 0 and 2, messages naming the file, the image-folder
# clip, and (when ../shared is present) info and a short video benchmark on a real clip, and the propagation
# benchmark on a clip cut to far-apart frames.
# usage: video.sh PADDOCK WORKDIR [SHARED_DIR]
set -u
paddock="$1"
work="$2/video"
shared="${3:-}"
rm -rf "$work" && mkdir -p "$work/frames" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_bad ARGS...: exit 2 with a message on stderr.
expect_bad() {
    "$paddock" "$@" >"$work/out.txt" 2>"$work/err.txt"
    rc=$?
    [ "$rc" -eq 2 ] || fail "paddock $*: exit $rc, expected 2"
    [ -s "$work/err.txt" ] || fail "paddock $*: no message on stderr"
}

printf 'This is a text file, not a video.\n' >"$work/notes.mp4"
: >"$work/empty.mp4"
expect_bad info "$work/notes.mp4"
grep -q "notes.mp4" "$work/err.txt" || fail "info message does not name the file: $(cat "$work/err.txt")"
expect_bad info "$work/empty.mp4"
grep -q "empty.mp4" "$work/err.txt" || fail "info message does not name the file: $(cat "$work/err.txt")"
expect_bad info "$work/missing.mp4"
expect_bad info
expect_bad bench
expect_bad bench no-such-benchmark
grep -q "video" "$work/err.txt" || fail "unknown benchmark does not list the benchmarks: $(cat "$work/err.txt")"
expect_bad bench video "$work/notes.mp4"
expect_bad bench video

# A folder of three 2x2 BMP frames, named so that natural order differs from text order.
bmp() {
    printf 'BM\106\000\000\000\000\000\000\000\066\000\000\000\050\000\000\000\002\000\000\000\002\000\000\000' >"$1"
    printf '\001\000\030\000\000\000\000\000\020\000\000\000\023\013\000\000\023\013\000\000' >>"$1"
    printf '\000\000\000\000\000\000\000\000' >>"$1"
    printf '\377\000\000\377\000\000\000\000\377\000\000\377\000\000\000\000' >>"$1"
}
bmp "$work/frames/frame1.bmp"
bmp "$work/frames/frame2.bmp"
bmp "$work/frames/frame10.bmp"
"$paddock" info "$work/frames" >"$work/out.txt" 2>"$work/err.txt" || fail "info on an image folder: $(cat "$work/err.txt")"
grep -q "frames: *3$" "$work/out.txt" || fail "image folder frame count: $(cat "$work/out.txt")"
grep -q "size: *2x2$" "$work/out.txt" || fail "image folder size: $(cat "$work/out.txt")"
grep -q "codec: *images$" "$work/out.txt" || fail "image folder codec: $(cat "$work/out.txt")"

# Three frames and a sub-folder named like a frame: the folder is a 3-frame clip, and the benchmark runs on it
# (it crashed on clips of fewer than 4 frames).
mkdir -p "$work/frames/frame3x.bmp"
"$paddock" info "$work/frames" >"$work/out.txt" 2>"$work/err.txt" || fail "info on a folder with a sub-folder: $(cat "$work/err.txt")"
grep -q "frames: *3$" "$work/out.txt" || fail "a sub-folder counted as a frame: $(cat "$work/out.txt")"
"$paddock" bench video "$work/frames" --random 3 --steps 2 >"$work/out.txt" 2>"$work/err.txt" \
    || fail "bench video on a 3-frame folder: exit $?: $(cat "$work/err.txt")"
grep -q "cached step" "$work/out.txt" || fail "bench video on a 3-frame folder: $(cat "$work/out.txt")"

# A FIFO given as a clip is refused at once (it used to block forever waiting for a writer).
if mkfifo "$work/camera.mp4" 2>/dev/null; then
    timeout 20 "$paddock" info "$work/camera.mp4" >"$work/out.txt" 2>"$work/err.txt"
    rc=$?
    [ "$rc" -eq 2 ] || fail "info on a FIFO: exit $rc, expected 2"
    grep -q "FIFO" "$work/err.txt" || fail "info on a FIFO: $(cat "$work/err.txt")"
fi

clip="$shared/eval/goat/goat.mp4"
if [ -n "$shared" ] && [ -f "$clip" ]; then
    "$paddock" info "$clip" >"$work/out.txt" 2>"$work/err.txt" || fail "info on goat.mp4: $(cat "$work/err.txt")"
    grep -q "frames: *90$" "$work/out.txt" || fail "goat.mp4 frame count: $(cat "$work/out.txt")"
    grep -q "codec: *h264$" "$work/out.txt" || fail "goat.mp4 codec: $(cat "$work/out.txt")"
    "$paddock" bench video "$clip" --random 3 --steps 2 --frames 20 >"$work/out.txt" 2>"$work/err.txt" \
        || fail "bench video: $(cat "$work/err.txt")"
    for key in sequential "random access" "cached step" playback "peak RSS"; do
        grep -q "$key" "$work/out.txt" || fail "bench video prints no '$key': $(cat "$work/out.txt")"
    done
    # The dog cut as APTv2 samples a video (--step 5: its ground-truth frames at least 5 apart, 11 of them),
    # then propagated from every 3rd: frame i of the cut carries the labels of the frame it was cut from.
    dog="$shared/eval/badja-dog"
    "$paddock" bench propagate --dir "$dog" --step 5 --every 3 --no-baselines --no-refine --out "$work/bp" \
        >"$work/out.txt" 2>"$work/err.txt" || fail "bench propagate --step: $(cat "$work/err.txt")"
    grep -q "^| badja-dog-step5 | every 3 | default | 0\." "$work/out.txt" || fail "bench propagate --step row: $(cat "$work/out.txt")"
    "$paddock" info "$work/bp/badja-dog-step5/frames" >"$work/info.txt" 2>&1 || fail "info on the cut frames"
    grep -q "frames: *11$" "$work/info.txt" || fail "cut clip frame count: $(cat "$work/info.txt")"
    grep -q "size: *854x480$" "$work/info.txt" || fail "cut clip size: $(cat "$work/info.txt")"
    python3 - "$dog/gt.json" "$work/bp/badja-dog-step5" <<'PY' || fail "cut clip labels"
import json, sys
def by_frame(path):
    d = json.load(open(path))
    fid = {i["id"]: i["frame_id"] for i in d["images"]}
    return {fid[a["image_id"]]: a["keypoints"] for a in d["annotations"]}
full, cut = by_frame(sys.argv[1]), by_frame(sys.argv[2] + "/gt.json")
kept = [0, 5, 10, 15, 21, 26, 31, 37, 42, 47, 52]
assert sorted(cut) == list(range(len(kept))), sorted(cut)
for i, f in enumerate(kept):
    assert all(abs(a - b) < 1e-3 for a, b in zip(cut[i], full[f])), (i, f)
assert sorted(by_frame(sys.argv[2] + "/sparse-every-3.json")) == [0, 3, 6, 9, 10]
PY
else
    echo "SKIPPED: no shared data: the real-clip part (the rest passed)"
    exit 77
fi
echo "ok"
