#!/usr/bin/env bash
# Compile-time benchmark: our derive against thiserror + a hand-written
# Serialize and errno match producing the same output.
#
# For N in 50 and 500 it generates two crates under target/bench-compile/:
#   ours_N  #[derive(UniError)] with subject, errno, a one-field #[msg] per
#           variant and a #[source] in one variant of ten;
#   base_N  #[derive(thiserror::Error)] with the same messages and sources,
#           plus hand-written errno()/err_subject() matches and a streaming
#           serde::Serialize of the same JSON.
# Dependencies are built once first (warm cache); then each crate's own
# compilation is timed RUNS times (touch + cargo build), median reported with
# the ratio ours/baseline. Two clocks: the crate's own rustc run (through a
# RUSTC_WRAPPER), which is the compile time the derive is responsible for,
# and the whole `cargo build`, which adds cargo's own work: ours has a path
# dependency on this workspace, whose sources cargo checks on every build
# (about 12 ms more than the baseline's registry dependencies here, a cost
# a crates.io user of uni-error does not have). Three modes:
#   debug        CARGO_INCREMENTAL=0: the crate compiled in full, as after
#                an edit of the error type;
#   debug-incr   incremental, nothing changed: rustc reuses its cache for
#                everything but macro expansion, so this isolates expansion
#                (where the baseline's hand-written impls cost nothing);
#   release      (not incremental).
#
# With --instructions, each crate's own rustc run (proc macros included) is
# counted once under `valgrind --tool=callgrind` instead of timed: the count
# is the same on every run, where wall-clock differences of a few percent
# are noise on a shared machine.
#
# Usage: scripts/bench-compile.sh [RUNS]            (default 3)
#        scripts/bench-compile.sh --instructions
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
work=$root/target/bench-compile
mkdir -p "$work"
export CARGO_TARGET_DIR=$work/target

gen_ours() { # N
    local n=$1 dir=$work/ours_$1
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<EOF
[package]
name = "ours_$n"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
uniapp-error = { path = "$root/uni-error" }
[workspace]
EOF
    {
        echo 'use uni_error::UniError;'
        echo '#[derive(Debug, UniError)]'
        echo '#[subject("bench-plugin")]'
        echo '#[errno(category = 15, sub = 4)]'
        echo 'pub enum BenchError {'
        for ((i = 0; i < n; i++)); do
            echo "    #[errno(code = $i)]"
            if ((i % 10 == 0)); then
                echo "    #[msg(\"io failed in step $i: {0}\")]"
                echo "    V$i(#[source] std::io::Error),"
            else
                echo "    #[msg(\"step $i failed: {0}\")]"
                echo "    V$i(String),"
            fi
        done
        echo '}'
    } > "$dir/src/lib.rs"
}

gen_base() { # N
    local n=$1 dir=$work/base_$1
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<EOF
[package]
name = "base_$n"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
thiserror = "2"
serde = "1"
[workspace]
EOF
    {
        echo 'use serde::ser::SerializeMap;'
        echo '#[derive(Debug, thiserror::Error)]'
        echo 'pub enum BenchError {'
        for ((i = 0; i < n; i++)); do
            if ((i % 10 == 0)); then
                echo "    #[error(\"io failed in step $i: {0}\")]"
                echo "    V$i(#[source] std::io::Error),"
            else
                echo "    #[error(\"step $i failed: {0}\")]"
                echo "    V$i(String),"
            fi
        done
        echo '}'
        echo 'impl BenchError {'
        echo '    pub fn err_subject(&self) -> &str { "bench-plugin" }'
        echo '    pub fn errno(&self) -> u32 {'
        echo '        match self {'
        for ((i = 0; i < n; i++)); do
            echo "            BenchError::V$i(..) => $((1504000 + i)),"
        done
        echo '        }'
        echo '    }'
        echo '    fn source_message(&self) -> Option<&std::io::Error> {'
        echo '        match self {'
        for ((i = 0; i < n; i += 10)); do
            echo "            BenchError::V$i(e) => Some(e),"
        done
        echo '            _ => None,'
        echo '        }'
        echo '    }'
        echo '}'
        cat <<'EOF'
struct Cause<'a>(&'a std::io::Error);
impl serde::Serialize for Cause<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("message", &format_args!("{}", self.0))?;
        m.end()
    }
}
impl serde::Serialize for BenchError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cause = self.source_message();
        let mut m = s.serialize_map(Some(3 + usize::from(cause.is_some())))?;
        m.serialize_entry("errSubject", self.err_subject())?;
        m.serialize_entry("errCode", &self.errno())?;
        m.serialize_entry("errMsg", &format_args!("{}", self))?;
        if let Some(c) = cause {
            m.serialize_entry("cause", &Cause(c))?;
        }
        m.end()
    }
}
EOF
    } > "$dir/src/lib.rs"
}

# RUSTC_WRAPPER for the bench crates' own rustc runs (others run as they
# are): under callgrind when CALLGRIND_OUT names the output file, else timed,
# the wall time appended to $RUSTC_TIME_LOG in nanoseconds.
wrapper=$work/bench-rustc.sh
cat > "$wrapper" <<'EOF'
#!/usr/bin/env bash
rustc=$1
shift
for arg in "$@"; do
    case "$arg" in
    ours_*|base_*)
        if [ -n "${CALLGRIND_OUT:-}" ]; then
            exec valgrind --tool=callgrind --callgrind-out-file="$CALLGRIND_OUT" "$rustc" "$@" 2>/dev/null
        fi
        start=$(date +%s%N)
        "$rustc" "$@"
        status=$?
        end=$(date +%s%N)
        echo $((end - start)) >> "${RUSTC_TIME_LOG:-/dev/null}"
        exit $status ;;
    esac
done
exec "$rustc" "$@"
EOF
chmod +x "$wrapper"

count_crate() { # dir profile-flag incremental -> instructions of the crate's own rustc run
    local dir=$1 flag=$2 incr=$3 out=$work/callgrind.out
    (cd "$dir" && RUSTC_WRAPPER=$wrapper CARGO_INCREMENTAL=$incr cargo build --quiet $flag) # warm
    touch "$dir/src/lib.rs"
    rm -f "$out"
    (cd "$dir" && CALLGRIND_OUT=$out RUSTC_WRAPPER=$wrapper CARGO_INCREMENTAL=$incr cargo build --quiet $flag)
    awk '/^summary:/ {print $2}' "$out"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

build_once() { # dir profile-flag incremental -> seconds of one touch + cargo build
    local dir=$1 flag=$2 incr=$3 start end
    touch "$dir/src/lib.rs"
    start=$(date +%s.%N)
    (cd "$dir" && CARGO_INCREMENTAL=$incr cargo build --quiet $flag)
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

# Ours and the baseline are built alternately, so that drift in the
# machine's speed (seen here: 10% over a minute) hits both alike.
time_pair() { # ours-dir base-dir profile-flag incremental
    # -> "rustc-ours rustc-base cargo-ours cargo-base", medians in seconds
    local ours=$1 base=$2 flag=$3 incr=$4
    export RUSTC_WRAPPER=$wrapper
    for dir in "$ours" "$base"; do # warm: dependencies and first build
        (cd "$dir" && RUSTC_TIME_LOG=/dev/null CARGO_INCREMENTAL=$incr cargo build --quiet $flag)
    done
    rm -f "$work"/rustc-times.* "$work"/cargo-times.*
    for ((r = 0; r < runs; r++)); do
        for side in ours base; do
            local dir=$ours
            [ "$side" = base ] && dir=$base
            RUSTC_TIME_LOG=$work/rustc-times.$side build_once "$dir" "$flag" "$incr" \
                >> "$work/cargo-times.$side"
        done
    done
    unset RUSTC_WRAPPER
    local side
    for side in ours base; do
        awk '{print $1 / 1e9}' "$work/rustc-times.$side" | median
    done | tr '\n' ' '
    for side in ours base; do
        median < "$work/cargo-times.$side"
    done | tr '\n' ' '
}

if [ "$instructions" = 1 ]; then
    printf '%-8s %-10s %14s %14s %8s\n' variants profile "ours (M instr)" "base (M instr)" ratio
else
    printf '%-8s %-10s %10s %10s %6s   %10s %10s %6s\n' variants profile \
        "rustc ours" "base" ratio "cargo ours" "base" ratio
fi
for n in 50 500; do
    gen_ours "$n"
    gen_base "$n"
    for profile in debug debug-incr release; do
        flag="" incr=0
        [ "$profile" = release ] && flag="--release"
        [ "$profile" = debug-incr ] && incr=1
        if [ "$instructions" = 1 ]; then
            ours=$(count_crate "$work/ours_$n" "$flag" "$incr")
            base=$(count_crate "$work/base_$n" "$flag" "$incr")
            ratio=$(echo "scale=3; $ours / $base" | bc)
            printf '%-8s %-10s %14.1f %14.1f %8s\n' "$n" "$profile" \
                "$(echo "scale=1; $ours / 1000000" | bc)" "$(echo "scale=1; $base / 1000000" | bc)" "$ratio"
        else
            read -r ours base ours_wall base_wall <<< "$(time_pair "$work/ours_$n" "$work/base_$n" "$flag" "$incr")"
            printf '%-8s %-10s %10.3f %10.3f %6.2f   %10.3f %10.3f %6.2f\n' "$n" "$profile" \
                "$ours" "$base" "$(echo "$ours / $base" | bc -l)" \
                "$ours_wall" "$base_wall" "$(echo "$ours_wall / $base_wall" | bc -l)"
        fi
    done
done
