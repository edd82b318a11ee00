#!/usr/bin/env bash
# Compile cost of #[locales] (issue 24, point 7), counted in instructions
# of each bench crate's own rustc run (proc macros included) under
# callgrind, debug, not incremental: the count repeats exactly on a loaded
# machine, where timings do not.
#
#   one_500   500 variants, one #[msg] each (a #[source] in one of ten):
#             the crate of scripts/bench-compile.sh, built against this
#             tree and against BASE (a commit without #[locales]): a type
#             without #[locales] must cost no more (within 1%);
#   two_500   the same with #[locales("en", "zh-Hans")] and a
#             #[locale(zh_Hans = "..")] per variant: within 1.3x of one_500.
#
# Usage: scripts/bench-compile-locales.sh BASE_COMMIT
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base_commit=${1:?usage: scripts/bench-compile-locales.sh BASE_COMMIT}
work=$root/target/bench-compile-locales
mkdir -p "$work"
export CARGO_TARGET_DIR=$work/target
# The base as a temporary worktree, unregistered again on exit.
base_tree=$work/base-tree
git worktree remove --force "$base_tree" 2>/dev/null || true
git worktree add --detach "$base_tree" "$base_commit" >/dev/null
trap 'git worktree remove --force "$base_tree" 2>/dev/null || true' EXIT

gen() { # name uni-error-path locales(0/1)
    local name=$1 path=$2 locales=$3 dir=$work/$1
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "$name"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
uniapp-error = { path = "$path/uni-error" }
[workspace]
TOML
    {
        echo 'use uni_error::UniError;'
        echo '#[derive(Debug, UniError)]'
        echo '#[subject("bench-plugin")]'
        echo '#[errno(category = 15, sub = 4)]'
        if ((locales)); then echo '#[locales("en", "zh-Hans")]'; fi
        echo 'pub enum BenchError {'
        for ((i = 0; i < 500; i++)); do
            echo "    #[errno(code = $i)]"
            if ((i % 10 == 0)); then
                echo "    #[msg(\"io failed in step $i: {0}\")]"
                if ((locales)); then echo "    #[locale(zh_Hans = \"第 $i 步读写失败：{0}\")]"; fi
                echo "    V$i(#[source] std::io::Error),"
            else
                echo "    #[msg(\"step $i failed: {0}\")]"
                if ((locales)); then echo "    #[locale(zh_Hans = \"第 $i 步失败：{0}\")]"; fi
                echo "    V$i(String),"
            fi
        done
        echo '}'
    } > "$dir/src/lib.rs"
}

wrapper=$work/rustc.sh
cat > "$wrapper" <<'SH'
#!/usr/bin/env bash
rustc=$1
shift
for arg in "$@"; do
    case "$arg" in
    one_*|two_*|base_*)
        if [ -n "${CALLGRIND_OUT:-}" ]; then
            exec valgrind --tool=callgrind --callgrind-out-file="$CALLGRIND_OUT" "$rustc" "$@" 2>/dev/null
        fi ;;
    esac
done
exec "$rustc" "$@"
SH
chmod +x "$wrapper"

count() { # dir
    local dir=$1 out=$work/callgrind.out
    (cd "$dir" && RUSTC_WRAPPER=$wrapper CARGO_INCREMENTAL=0 nice cargo build --quiet)
    touch "$dir/src/lib.rs"
    rm -f "$out"
    (cd "$dir" && CALLGRIND_OUT=$out RUSTC_WRAPPER=$wrapper CARGO_INCREMENTAL=0 nice cargo build --quiet)
    awk '/^summary:/ {print $2}' "$out"
}

gen base_500 "$base_tree" 0
gen one_500 "$root" 0
gen two_500 "$root" 1
base=$(count "$work/base_500")
one=$(count "$work/one_500")
two=$(count "$work/two_500")
printf '%-34s %16s %8s\n' crate instructions ratio
printf '%-34s %16d\n' "500 variants, base ($base_commit)" "$base"
printf '%-34s %16d %8.4f\n' "500 variants, this tree" "$one" "$(echo "$one / $base" | bc -l)"
printf '%-34s %16d %8.4f\n' "500 variants, en + zh-Hans" "$two" "$(echo "$two / $one" | bc -l)"
