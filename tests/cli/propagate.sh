#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# `paddock propagate DATASET.json` end to end on a dataset this script makes (APTv2 fields, per-clip folders of
# the demo clip's frames, labels on frames 0, 7 and 14): every clip, --clips, --shard (the parts are disjoint,
# cover the dataset, and `paddock merge` joins them into the one-process output byte for byte), the Slurm
# array-job script, a broken clip (named, the others written, exit 3), Ctrl-C (exit 130, nothing written), bad
# options (exit 2), and one clip the old way.
# usage: propagate.sh PADDOCK WORKDIR
set -u
paddock="$1"
work="$2/propagate"
rm -rf "$work" && mkdir -p "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

"$paddock" demo --headless --out "$work/demo" >/dev/null 2>&1 || fail "demo clip"

# mkds DIR CLIPS [BROKEN]: CLIPS clips of the demo clip's first 15 frames (each clip folder a link to one
# folder of them, so that making many clips is quick); clip BROKEN's own folder has a frame 5 that is not an image.
mkds() {
    dir="$1"; n="$2"; broken="${3:-0}"
    mkdir -p "$dir/data/frames15" || fail "mkdir $dir"
    for f in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do
        pad=$([ "$f" -lt 10 ] && echo "00000$f" || echo "0000$f")
        ln -s "$work/demo/frames/frame_00$([ "$f" -lt 10 ] && echo "0$f" || echo "$f").png" "$dir/data/frames15/$pad.png" ||
            fail "link frame $f"
    done
    images=""; anns=""; aid=1; v=1
    while [ "$v" -le "$n" ]; do
        folder=$(printf 'data/clip%04d' "$v")
        if [ "$v" -eq "$broken" ]; then
            cp -R "$dir/data/frames15" "$dir/$folder" && rm "$dir/$folder/000005.png" &&
                printf 'not a picture' >"$dir/$folder/000005.png" || fail "broken clip"
        else
            ln -s frames15 "$dir/$folder" || fail "link $folder"
        fi
        f=0
        while [ "$f" -lt 15 ]; do
            if [ "$f" -lt 10 ]; then name="$folder/00000$f.png"; else name="$folder/0000$f.png"; fi
            iid=$(( (v - 1) * 15 + f + 1 ))
            images="$images${images:+,}{\"id\":$iid,\"file_name\":\"$name\",\"width\":640,\"height\":360,\"video_id\":$v,\"frame_id\":$f}"
            if [ $(( f % 7 )) -eq 0 ]; then
                x=$(( 250 + 4 * f ))
                anns="$anns${anns:+,}{\"id\":$aid,\"image_id\":$iid,\"category_id\":1,\"keypoints\":[$x,180,2,$(( x + 40 )),200,2],\"num_keypoints\":2,\"track_id\":1,\"video_id\":$v,\"iscrowd\":0}"
                aid=$(( aid + 1 ))
            fi
            f=$(( f + 1 ))
        done
        v=$(( v + 1 ))
    done
    printf '{"images":[%s],"annotations":[%s],"categories":[{"id":1,"name":"dog","keypoints":["nose","tail"],"skeleton":[[1,2]]}]}' \
        "$images" "$anns" >"$dir/dataset.json"
}
# The video ids an output holds, one a line, sorted.
videos() { grep -o '"videos":\[[^]]*\]' "$1" | grep -o '"id":[0-9]*' | sed 's/"id"://' | sort -n; }

mkds "$work/ds" 8
ds="$work/ds/dataset.json"

# Every clip.
"$paddock" propagate "$ds" --out "$work/all.json" --jobs 2 2>"$work/err.txt"
rc=$?
[ "$rc" -eq 0 ] || fail "whole dataset: exit $rc: $(cat "$work/err.txt")"
grep -q "in 8 of 8 clips with 2 jobs" "$work/err.txt" || fail "summary: $(cat "$work/err.txt")"
grep -q "propagating: 8/8 clips, 100%" "$work/err.txt" || fail "progress: $(cat "$work/err.txt")"
[ "$(videos "$work/all.json" | tr '\n' ' ')" = "1 2 3 4 5 6 7 8 " ] || fail "clips of all.json: $(videos "$work/all.json")"
grep -q '"propagated"' "$work/all.json" || fail "no propagated points in all.json"
# --labels naming the dataset itself is the same run.
"$paddock" propagate "$ds" --labels "$ds" --out "$work/all2.json" --jobs 1 2>/dev/null || fail "--labels the dataset"
cmp -s "$work/all.json" "$work/all2.json" || fail "--jobs 1 and --jobs 2 give different files"

# A selection: only those clips go out.
"$paddock" propagate "$ds" --out "$work/sel.json" --clips 2-3,clip0007 2>"$work/err.txt" || fail "--clips: $(cat "$work/err.txt")"
[ "$(videos "$work/sel.json" | tr '\n' ' ')" = "2 3 7 " ] || fail "--clips 2-3,clip0007 wrote $(videos "$work/sel.json")"

# Shards: disjoint, together every clip once, each clip as in the one-process run.
: >"$work/shards.txt"
for i in 0 1 2 3; do
    "$paddock" propagate "$ds" --out "$work/shard$i.json" --shard "$i/4" 2>"$work/err.txt" ||
        fail "--shard $i/4: $(cat "$work/err.txt")"
    [ -n "$(videos "$work/shard$i.json")" ] || fail "--shard $i/4 is empty"
    videos "$work/shard$i.json" >>"$work/shards.txt"
done
[ "$(sort -n "$work/shards.txt" | tr '\n' ' ')" = "1 2 3 4 5 6 7 8 " ] || fail "shards hold $(sort -n "$work/shards.txt" | tr '\n' ' ')"
# Every object of the parts (video, image, annotation with its id, category) is byte for byte one of the
# one-process output, and the other way round.
objects() { for f in "$@"; do tr -d '\n' <"$f" | grep -o '{[^{}]*}'; done | sort -u; }
objects "$work/all.json" >"$work/objects-all.txt"
objects "$work"/shard[0-3].json >"$work/objects-shards.txt"
[ "$(wc -l <"$work/objects-all.txt")" -gt 100 ] || fail "all.json: too few objects"
cmp -s "$work/objects-all.txt" "$work/objects-shards.txt" ||
    fail "the shards differ from the one-process output: $(diff "$work/objects-all.txt" "$work/objects-shards.txt" | head -5)"
# `paddock merge` joins the 4 parts into the one-process output, byte for byte: every id of the parts (video,
# image, annotation) is the one-process run's and the merge keeps them.
"$paddock" merge "$work"/shard3.json "$work"/shard1.json "$work"/shard0.json "$work"/shard2.json \
    --out "$work/merged.json" --report "$work/merge-report.json" >"$work/merge.txt" 2>&1 ||
    fail "merge of the shards: $(cat "$work/merge.txt")"
[ "$(videos "$work/merged.json" | tr '\n' ' ')" = "1 2 3 4 5 6 7 8 " ] || fail "merged.json holds $(videos "$work/merged.json")"
cmp "$work/all.json" "$work/merged.json" >"$work/cmp.txt" 2>&1 ||
    fail "shards merged differ from the one-process output: $(cat "$work/cmp.txt"): $(objects "$work/all.json" | sort >"$work/o1.txt"; objects "$work/merged.json" | sort >"$work/o2.txt"; diff "$work/o1.txt" "$work/o2.txt" | head -5)"
grep -q '"annotation_ids": 0' "$work/merge-report.json" || fail "the merge renumbered ids: $(cat "$work/merge-report.json")"
grep -q "renumbered" "$work/merge.txt" && fail "the merge says it renumbered: $(cat "$work/merge.txt")"

# The Slurm array-job script, as task 2 of an array of 4, writes what --shard 2/4 writes.
slurm="$(dirname "$0")/../../packaging/slurm/propagate-array.sh"
if command -v bash >/dev/null 2>&1; then
    SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=4 SLURM_CPUS_PER_TASK=2 PADDOCK="$paddock" DATASET="$ds" \
        OUT="$work" bash "$slurm" 2>"$work/err.txt" || fail "array-job script: $(cat "$work/err.txt")"
    cmp -s "$work/part-0002.json" "$work/shard2.json" || fail "array-job task 2 differs from --shard 2/4"
fi

# Bad options: exit 2, said why, nothing written.
for bad in "--shard 4/4" "--shard x" "--clips 99" "--jobs 0"; do
    # shellcheck disable=SC2086
    "$paddock" propagate "$ds" --out "$work/bad.json" $bad 2>"$work/err.txt"
    rc=$?
    [ "$rc" -eq 2 ] || fail "$bad: exit $rc, expected 2"
    grep -q -- "${bad%% *}" "$work/err.txt" || fail "$bad: message: $(cat "$work/err.txt")"
    [ ! -e "$work/bad.json" ] || fail "$bad: wrote an output"
done
"$paddock" propagate "$work/demo/frames" --labels "$work/demo/demo_aptv2.json" --out "$work/bad.json" --shard 0/2 \
    2>"$work/err.txt"
[ $? -eq 2 ] || fail "--shard with one clip must exit 2"
grep -q "need a dataset" "$work/err.txt" || fail "--shard with one clip: $(cat "$work/err.txt")"

# A broken clip: named, the others written, exit 3.
mkds "$work/broken" 4 2
"$paddock" propagate "$work/broken/dataset.json" --out "$work/broken.json" 2>"$work/err.txt"
rc=$?
[ "$rc" -eq 3 ] || fail "broken clip: exit $rc, expected 3: $(cat "$work/err.txt")"
grep -q "clip clip0002 (video 2) failed: .*000005.png" "$work/err.txt" || fail "broken clip message: $(cat "$work/err.txt")"
grep -q "in 3 of 4 clips.*1 FAILED" "$work/err.txt" || fail "broken clip summary: $(cat "$work/err.txt")"
[ "$(videos "$work/broken.json" | tr '\n' ' ')" = "1 2 3 4 " ] || fail "broken.json holds $(videos "$work/broken.json")"

# Ctrl-C: stops, says so, writes nothing.
mkds "$work/big" 40
rm -f "$work/big-err.txt"
"$paddock" propagate "$work/big/dataset.json" --out "$work/big.json" 2>"$work/big-err.txt" &
pid=$!
tries=0
until grep -q "propagating: " "$work/big-err.txt" 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 600 ] || { kill "$pid"; fail "no progress after a minute: $(cat "$work/big-err.txt")"; }
    sleep 0.1
done
sleep 0.5
kill -INT "$pid"
wait "$pid"
rc=$?
[ "$rc" -eq 130 ] || fail "Ctrl-C: exit $rc, expected 130: $(cat "$work/big-err.txt")"
grep -q "cancelled after [0-9]* of 40 clips; nothing written" "$work/big-err.txt" || fail "Ctrl-C message: $(cat "$work/big-err.txt")"
[ ! -e "$work/big.json" ] || fail "Ctrl-C: wrote an output"
[ -z "$(find "$work" -name '*.tmp')" ] || fail "Ctrl-C: temporary file left"

# One clip, the old way, still works.
"$paddock" propagate "$work/demo/frames" --labels "$work/demo/demo_aptv2.json" --out "$work/one.json" 2>"$work/err.txt" ||
    fail "one clip: $(cat "$work/err.txt")"
grep -q "propagated [0-9]* keypoints over frames" "$work/err.txt" || fail "one clip summary: $(cat "$work/err.txt")"
exit 0
