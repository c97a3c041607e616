#!/usr/bin/env bash
# Refresh the translations after GUI texts changed, in one command from anywhere:
#
#   resources/translations/update-translations.sh [build-dir]     (default build-dir: build)
#
# 1. lupdate (CMake target shmscope_gui_lupdate, from qt_add_translations in app/CMakeLists.txt) collects
#    every tr() text of app/ into shmscope_en.ts and shmscope_zh_CN.ts, dropping texts no longer used;
# 2. fill_translations.py writes English (the source itself) and Chinese (from zh_CN_table.py) and lists
#    any text the table lacks: add it to zh_CN_table.py and run this again.
# The .qm files are built from the .ts by the normal build; tst_i18n fails on any unfinished entry.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
[[ -f $build/CMakeCache.txt ]] || cmake -S "$root" -B "$build" -G Ninja
cmake --build "$build" --target shmscope_gui_lupdate
python3 "$root/resources/translations/fill_translations.py"
