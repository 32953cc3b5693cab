#!/bin/sh
# Regenerates the golden files of the classroom commands (play without a terminal, the
# Markdown handout) after a deliberate change to what they print. Review the diff.
set -eu
cd "$(dirname "$0")/.."
swift build
out=Tests/Fixtures
LANG=C.UTF-8 .build/debug/backprop play chain-rule </dev/null >"$out/play-chain-rule.txt"
LANG=C.UTF-8 .build/debug/backprop play chain-rule --keys "→ ×4, pause 1, ←, v, q" </dev/null >"$out/play-chain-rule-keys.txt"
LANG=C.UTF-8 .build/debug/backprop render chain-rule --all --markdown </dev/null >"$out/handout-chain-rule.md"
