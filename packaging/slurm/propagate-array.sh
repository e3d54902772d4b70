#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Propagates a dataset as a Slurm array job: task I of N runs `paddock propagate --shard I/N`, then one job
# joins the parts with `paddock merge`. The parts are disjoint and together hold every clip (contiguous runs of
# the dataset balanced by frame count), so the merged file equals a one-process run.
#
#   N=16 DATASET=/data/aptv2/train.json OUT=/scratch/$USER/dense sbatch --array=0-15 packaging/slurm/propagate-array.sh
#   sbatch --dependency=afterok:<array job id> --wrap "paddock merge /scratch/$USER/dense/part-*.json --out dense.json"
#
# Each task uses the cores Slurm gives it (--cpus-per-task; the default tracker runs one clip per core) and
# about 200 MB plus 50 MB per core. A task that fails some clips exits 3 (they are named in its log, the others
# are in its part); Ctrl-C or scancel ends it with nothing written (exit 130), so a requeued task starts clean.
#
# Without Slurm, the same with GNU parallel on one machine or over ssh (-S host1,host2):
#   seq 0 15 | parallel -j 4 paddock propagate "$DATASET" --shard {}/16 --jobs 2 --out "$OUT/part-{}.json"
#   paddock merge "$OUT"/part-*.json --out dense.json
#
#SBATCH --job-name=paddock-propagate
#SBATCH --cpus-per-task=8
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=paddock-propagate-%A_%a.log
set -euo pipefail

: "${DATASET:?set DATASET to the COCO/APTv2 file (its labels are the sparse input unless LABELS is set)}"
: "${OUT:?set OUT to the folder for the parts}"
N=${N:-${SLURM_ARRAY_TASK_COUNT:?set N, the number of parts (the array size)}}
I=${SLURM_ARRAY_TASK_ID:?run this under sbatch --array=0-$((N - 1))}
PADDOCK=${PADDOCK:-paddock}
mkdir -p "$OUT"

args=("$DATASET" --shard "$I/$N" --jobs "${SLURM_CPUS_PER_TASK:-1}" --out "$OUT/part-$(printf '%04d' "$I").json")
[ -n "${LABELS:-}" ] && args+=(--labels "$LABELS")
[ -n "${CLIPS:-}" ] && args+=(--clips "$CLIPS")
# Extra options for every task, e.g. TRACKER_ARGS="--tracker cotracker3 --weights /models/scaled_offline.pth"
# shellcheck disable=SC2206
[ -n "${TRACKER_ARGS:-}" ] && args+=($TRACKER_ARGS)
exec "$PADDOCK" propagate "${args[@]}"
