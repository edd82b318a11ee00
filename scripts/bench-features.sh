#!/usr/bin/env bash
# Cold-build cost of each server integration feature.
#
# Generates one tiny binary crate per configuration under
# target/bench-features/ (a path dependency on this workspace's
# uni-error, a derived error printed as JSON in main), then builds each
# from scratch (`cargo build`, debug, its target directory removed first)
# RUNS times, the configurations interleaved in every round so that a
# change of machine load hits them all alike. Reports, per configuration,
# the median wall clock and the median CPU time (user + sys of cargo and
# every rustc it ran), which moves less than wall clock when other builds
# share the machine. Dependencies are resolved once, before timing.
# `base` is the default build of the commit before the features were added
# (BASE, default a2b32ad); the others build HEAD (commit first). Both are
# unpacked with `git archive`, so that cargo treats their sources alike (a
# path dependency inside a git work tree is listed through git, which
# costs cargo itself about a second of CPU here). The default build must
# cost the same with and without the features.
#
# With --instructions, instead: the instructions of uni_error's own rustc
# run in the `base` and `default` builds, counted once each under
# `valgrind --tool=callgrind` (the same on every run, whatever the load),
# to show that the features cost the default build nothing.
#
# Usage: scripts/bench-features.sh [RUNS]          (default 3)
#        scripts/bench-features.sh --instructions
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
instructions=0
if [ "${1:-}" = --instructions ]; then
    instructions=1
    shift
    command -v valgrind >/dev/null || { echo "valgrind is needed for --instructions" >&2; exit 1; }
fi
runs=${1:-3}
work=$root/target/bench-features
mkdir -p "$work"

configs=(base default axum tonic tracing)
base_rev=${BASE:-a2b32ad}
for rev in "$base_rev" HEAD; do
    src=$work/src-$(git rev-parse --short "$rev")
    rm -rf "$src"
    mkdir -p "$src"
    git archive "$rev" | tar -x -C "$src"
done
base_src=$work/src-$(git rev-parse --short "$base_rev")
head_src=$work/src-$(git rev-parse --short HEAD)

gen() { # NAME FEATURES [SOURCE]
    local name=$1 features=$2 src=$3 dir=$work/$1
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<EOF
[package]
name = "feat_$name"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
uniapp-error = { path = "$src/uni-error", features = [$features] }
serde_json = "1"
[workspace]
EOF
    cat > "$dir/src/main.rs" <<'EOF'
use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {0}")]
    NfcUnavailable(String),
}

fn main() {
    let e = LoginError::NfcUnavailable("off".into());
    println!("{}", serde_json::to_string(&e).unwrap());
}
EOF
}

gen base '' "$base_src"
gen default '' "$head_src"
gen axum '"axum"' "$head_src"
gen tonic '"tonic"' "$head_src"
gen tracing '"tracing"' "$head_src"

for c in "${configs[@]}"; do
    (cd "$work/$c" && cargo generate-lockfile --quiet && cargo fetch --quiet)
done

if [ "$instructions" = 1 ]; then
    # Runs uni_error's rustc under callgrind when CALLGRIND_OUT is set.
    wrapper=$work/rustc-wrapper.sh
    cat > "$wrapper" <<'WRAPPER'
#!/usr/bin/env bash
rustc=$1
shift
if [ -n "${CALLGRIND_OUT:-}" ] && [[ " $* " == *" --crate-name uni_error "* ]]; then
    exec valgrind --tool=callgrind --callgrind-out-file="$CALLGRIND_OUT" "$rustc" "$@" 2>/dev/null
fi
exec "$rustc" "$@"
WRAPPER
    chmod +x "$wrapper"
    printf '| build | instructions of uni_error rustc run |\n|---|---|\n'
    for c in base default; do
        dir=$work/$c
        (cd "$dir" && RUSTC_WRAPPER=$wrapper cargo build --offline --quiet) # dependencies warm
        src=$(sed -n 's/^uniapp-error = { path = "\(.*\)", .*/\1/p' "$dir/Cargo.toml")
        touch "$src/src/lib.rs"
        out=$work/callgrind.$c
        (cd "$dir" && CALLGRIND_OUT=$out RUSTC_WRAPPER=$wrapper cargo build --offline --quiet)
        printf '| %s | %s |\n' "$c" "$(sed -n 's/^summary: //p' "$out")"
    done
    exit 0
fi

declare -A wall cpu
for ((r = 1; r <= runs; r++)); do
    for c in "${configs[@]}"; do
        dir=$work/$c
        rm -rf "$dir/target"
        # %e wall seconds, %U user, %S sys (children included: every rustc).
        out=$( { /usr/bin/time -f '%e %U %S' cargo build --offline --quiet \
            --manifest-path "$dir/Cargo.toml" >/dev/null; } 2>&1 | tail -n 1)
        read -r e u s <<<"$out"
        c_cpu=$(echo "$u + $s" | bc)
        wall[$c]="${wall[$c]:-} $e"
        cpu[$c]="${cpu[$c]:-} $c_cpu"
        echo "round $r $c: wall ${e}s cpu ${c_cpu}s" >&2
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

printf '| build | packages | wall clock (median of %d) | CPU user+sys (median) |\n' "$runs"
printf '|---|---|---|---|\n'
for c in "${configs[@]}"; do
    n=$(cd "$work/$c" && cargo tree --offline -e normal,build --prefix none | sed 's/ (\*)$//' | sort -u | wc -l)
    w=$(echo "${wall[$c]}" | median)
    p=$(echo "${cpu[$c]}" | median)
    case $c in
    base) label="default, at $base_rev" ;;
    default) label=default ;;
    *) label="default + $c" ;;
    esac
    printf '| %s | %s | %.1f s | %.1f s |\n' "$label" "$n" "$w" "$p"
done
