#!/bin/sh
# Regenerates the golden files of the classroom and render commands (play without a
# terminal, the Markdown handout, the frames of AND and of xor's training) after a
# deliberate change to what they print, at 80 columns as the tests run them (the XOR flow
# diagram at 100, next to seed 000's figure). Review the diff.
set -eu
cd "$(dirname "$0")/.."
swift build
out=Tests/Fixtures
LANG=C.UTF-8 COLUMNS=80 .build/debug/backprop play chain-rule </dev/null >"$out/play-chain-rule.txt"
LANG=C.UTF-8 COLUMNS=80 .build/debug/backprop play chain-rule --keys "→ ×4, pause 1, ←, v, q" </dev/null >"$out/play-chain-rule-keys.txt"
LANG=C.UTF-8 COLUMNS=80 .build/debug/backprop render chain-rule --all --markdown </dev/null >"$out/handout-chain-rule.md"
LANG=C.UTF-8 COLUMNS=80 .build/debug/backprop render perceptron --part 1 --all --width 80 --height 24 </dev/null >"$out/render-perceptron-and.txt"
for step in 205 10250 410000; do
    LANG=C.UTF-8 COLUMNS=80 .build/debug/backprop render xor --part 2 --step "$step" --width 80 --height 24 </dev/null
done >"$out/render-xor-epochs.txt"
for step in 0 97; do
    LANG=C.UTF-8 COLUMNS=100 .build/debug/backprop render xor --step "$step" --width 100 --height 30 </dev/null
done >"$out/render-xor-flow.txt"
