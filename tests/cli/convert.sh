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
    # An extra image entry repeating a labelled frame (two labellers' files merged): refused, naming it.
    mkframes='{"videos":[{"id":1,"file_name":"clip.mp4"}],"images":[
      {"id":1,"file_name":"a.jpg","width":100,"height":80,"frame_id":0,"video_id":1},
      {"id":2,"file_name":"b.jpg","width":100,"height":80,"frame_id":10,"video_id":1},
      {"id":3,"file_name":"b2.jpg","width":100,"height":80,"frame_id":10,"video_id":1}],
     "categories":[{"id":1,"name":"bug","keypoints":["head","tail"]}],
     "annotations":[{"id":1,"image_id":1,"category_id":1,"keypoints":[10,10,2,20,20,2]},
      {"id":2,"image_id":2,"category_id":1,"keypoints":[11,10,2,20,20,2]},
      {"id":3,"image_id":3,"category_id":1,"keypoints":[12,10,2,20,20,2]}]}'
    printf '%s' "$mkframes" >"$work/merged.json"
    expect_bad "$work/merged.json" "images[2] (id 3, 'b2.jpg'): shows frame 10 of video 1, as images[1] (id 2, 'b.jpg') does"
    printf 'scorer,a,a,a,a\nbodyparts,p,p,q,q\ncoords,x,y,x,y\nimg.png,1,2,3,4\nimg2.png,1,2\n' >"$work/half.csv"
    expect_bad "$work/half.csv" "cut-off row"
    printf 'scorer,a,a\nbodyparts,p,p\ncoords,x,y\nimg.png,1e308,2\n' >"$work/huge.csv"
    expect_bad "$work/huge.csv" "is not a pixel position"
    # A million-deep nesting: a message, not a stack overflow.
    python3 -c "import sys; sys.stdout.write('{\"format\":' + '['*1000000 + ']'*1000000 + '}')" >"$work/deep.paddock" \
        && expect_bad "$work/deep.paddock" "nested more than"
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
    # DLC says what it cannot hold (the occluded tail became an ordinary point).
    "$paddock" convert "$work/p.paddock" "$work/c.csv" --to dlc 2>"$work/err.txt" >/dev/null || fail "paddock -> dlc again"
    grep -qF "1 occluded points written as ordinary points" "$work/err.txt" || fail "dlc export hides lost occlusion: $(cat "$work/err.txt")"
    head -2 "$work/c.csv" | grep -q '^individuals' && fail "one animal written in the multi-animal layout"
    # A CSV saved by Excel (byte-order mark, CRLF) reads.
    printf '\357\273\277scorer,,,a,a\r\nbodyparts,,,p,p\r\ncoords,,,x,y\r\nlabeled-data,v,img1.png,5,6\r\n' >"$work/excel.csv"
    "$paddock" convert "$work/excel.csv" "$work/excel.json" --to coco >/dev/null 2>"$work/err.txt" \
        || fail "Excel CSV: $(cat "$work/err.txt")"
    grep -qF '[5.0,6.0,2]' "$work/excel.json" || fail "Excel CSV keypoints: $(cat "$work/excel.json")"
    # A DLC project folder with the frame images (an image folder clip of three BMP frames).
    mkdir -p "$work/frames"
    for f in f0 f1 f2; do
        printf 'BM\106\000\000\000\000\000\000\000\066\000\000\000\050\000\000\000\002\000\000\000\002\000\000\000' >"$work/frames/$f.bmp"
        printf '\001\000\030\000\000\000\000\000\020\000\000\000\023\013\000\000\023\013\000\000' >>"$work/frames/$f.bmp"
        printf '\000\000\000\000\000\000\000\000' >>"$work/frames/$f.bmp"
        printf '\377\000\000\377\000\000\000\000\377\000\000\377\000\000\000\000' >>"$work/frames/$f.bmp"
    done
    printf '%s' '{"images":[{"id":1,"file_name":"f2.bmp","width":2,"height":2}],
     "categories":[{"id":1,"name":"bug","keypoints":["head"]}],
     "annotations":[{"id":1,"image_id":1,"category_id":1,"keypoints":[1,1,2]}]}' >"$work/frames/labels.json"
    "$paddock" convert "$work/frames/labels.json" "$work/dlcproj" --to dlc --frames "$work/dlcproj" --scorer me \
        >"$work/out.txt" 2>"$work/err.txt" || fail "dlc project: $(cat "$work/err.txt")"
    [ -f "$work/dlcproj/labeled-data/labels/img2.png" ] || fail "no labeled-data image: $(ls -R "$work/dlcproj")"
    grep -qF 'labeled-data,labels,img2.png,1,1' "$work/dlcproj/labeled-data/labels/CollectedData_me.csv" \
        || fail "dlc project CSV: $(cat "$work/dlcproj/labeled-data/labels/CollectedData_me.csv")"
fi
exit 0
