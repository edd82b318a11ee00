#!/usr/bin/env bash
# Cold-build benchmark: a clean `cargo build` of a small binary that writes
# one uni error as JSON, with uni-error (default features) against the
# baseline a user would otherwise pick: thiserror + serde (derive) +
# serde_json writing the same JSON by hand.
#
# Our crates are built the way a crates.io user gets them: `cargo package`
# output (normalized manifests, no workspace) unpacked into a directory
# source beside every registry crate both sides need (`cargo vendor`), and
# both binaries build against that one source (`source.crates-io` replaced
# under target/bench-cold/reg/). This matters: cargo compiles *path*
# dependencies as local code, incrementally (`CARGO_INCREMENTAL` applies to
# them) and without `--cap-lints`, which a registry dependency never is;
# measured that way the derive and the core took 1.7x and 1.8x the CPU they
# take from a registry. `SOURCE=path` measures the old way (path
# dependencies on this checkout), for comparison.
#
# Each run deletes the target dir and times `cargo build` (wall clock and
# the CPU time of cargo and all its children), alternating ours and the
# baseline so that drift on a shared machine hits both alike; medians and
# the ratio ours / baseline are printed. A last build of each with
# `--timings` gives the critical path: when each unit finished.
#
# Usage: scripts/bench-cold-build.sh [RUNS]      (default 5)
#        FEATURES=full scripts/bench-cold-build.sh   (ours with features)
#        SOURCE=path scripts/bench-cold-build.sh     (our crates as path deps)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-5}
features=${FEATURES:-}
source=${SOURCE:-registry}
work=$root/target/bench-cold
mkdir -p "$work/ours/src" "$work/base/src"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)

feat_line=""
[ -n "$features" ] && feat_line=", features = [\"$(echo "$features" | sed 's/,/", "/g')\"]"
cat > "$work/ours/Cargo.toml" <<EOF
[package]
name = "cold_ours"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
uniapp-error = { path = "$root/uni-error"$feat_line }
serde_json = "1"
[workspace]
EOF
cat > "$work/ours/src/main.rs" <<'EOF'
use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
pub enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },
    #[errno(code = 10)]
    #[msg("storage: {0}")]
    Io(#[from] std::io::Error),
}

fn main() {
    let e = LoginError::NfcUnavailable { reason: "off".into() };
    println!("{}", serde_json::to_string(&e).unwrap());
    let e = LoginError::from(std::io::Error::other("disk full"));
    println!("{}", serde_json::to_string(&e).unwrap());
}
EOF
cat > "$work/base/Cargo.toml" <<EOF
[package]
name = "cold_base"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
thiserror = "2"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
[workspace]
EOF
cat > "$work/base/src/main.rs" <<'EOF'
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("NFC is not available: {reason}")]
    NfcUnavailable { reason: String },
    #[error("storage: {0}")]
    Io(#[from] std::io::Error),
}

#[derive(Serialize)]
struct Cause {
    message: String,
}

impl Serialize for LoginError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let code = match self {
            LoginError::NfcUnavailable { .. } => 1_504_003,
            LoginError::Io(_) => 1_504_010,
        };
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("errSubject", "uni-login")?;
        map.serialize_entry("errCode", &code)?;
        map.serialize_entry("errMsg", &self.to_string())?;
        if let LoginError::Io(e) = self {
            map.serialize_entry("cause", &Cause { message: e.to_string() })?;
        }
        map.end()
    }
}

fn main() {
    let e = LoginError::NfcUnavailable { reason: "off".into() };
    println!("{}", serde_json::to_string(&e).unwrap());
    let e = LoginError::from(std::io::Error::other("disk full"));
    println!("{}", serde_json::to_string(&e).unwrap());
}
EOF

# Resolve and fetch once (path dependencies on this checkout).
for side in ours base; do
    (cd "$work/$side" && cargo build --quiet --offline 2>/dev/null || cargo build --quiet)
done

if [ "$source" = registry ]; then
    # What crates.io would serve: our three packages, and every registry
    # crate either side resolved above, in one directory source.
    cargo package -p uniapp-error-derive -p uniapp-error-core -p uniapp-error \
        --allow-dirty --no-verify --quiet
    rm -rf "$work/vendor" "$work/reg"
    cargo vendor --quiet --offline --manifest-path "$work/ours/Cargo.toml" \
        --sync "$work/base/Cargo.toml" "$work/vendor" >/dev/null
    for crate in uniapp-error-derive uniapp-error-core uniapp-error; do
        file=$root/target/package/$crate-$version.crate
        tar -xzf "$file" -C "$work/vendor"
        mv "$work/vendor/$crate-$version" "$work/vendor/$crate"
        printf '{"files":{},"package":"%s"}\n' "$(sha256sum "$file" | cut -d' ' -f1)" \
            > "$work/vendor/$crate/.cargo-checksum.json"
    done
    mkdir -p "$work/reg/.cargo" "$work/reg/ours/src" "$work/reg/base/src"
    printf '[source.crates-io]\nreplace-with = "bench"\n[source.bench]\ndirectory = "%s"\n' \
        "$work/vendor" > "$work/reg/.cargo/config.toml"
    sed "s|uniapp-error = { path = \"[^\"]*\"|uniapp-error = { version = \"=$version\"|" \
        "$work/ours/Cargo.toml" > "$work/reg/ours/Cargo.toml"
    cp "$work/base/Cargo.toml" "$work/reg/base/Cargo.toml"
    cp "$work/ours/src/main.rs" "$work/reg/ours/src/"
    cp "$work/base/src/main.rs" "$work/reg/base/src/"
    grep -q '"=' "$work/reg/ours/Cargo.toml" || { echo "could not rewrite the dependency"; exit 1; }
    work=$work/reg
    for side in ours base; do (cd "$work/$side" && cargo build --quiet --offline); done
fi
a=$("$work/ours/target/debug/cold_ours"); b=$("$work/base/target/debug/cold_base")
if [ "$a" != "$b" ]; then
    echo "the two binaries disagree:"; echo "ours: $a"; echo "base: $b"; exit 1
fi

time_build() { # side -> "wall cpu"
    local dir=$work/$1
    rm -rf "$dir/target"
    local t0 t1 c
    t0=$(date +%s.%N)
    c=$( { cd "$dir" && /usr/bin/time -f '%U %S' cargo build --quiet --offline >/dev/null; } 2>&1 | tail -1)
    t1=$(date +%s.%N)
    python3 -c "import sys; u,s='$c'.split(); print(f'{$t1-$t0:.2f} {float(u)+float(s):.2f}')"
}

ours_w=(); ours_c=(); base_w=(); base_c=()
for ((i = 1; i <= runs; i++)); do
    read -r w c < <(time_build ours); ours_w+=("$w"); ours_c+=("$c")
    read -r w c < <(time_build base); base_w+=("$w"); base_c+=("$c")
    echo "run $i: ours ${ours_w[-1]} s wall ${ours_c[-1]} s cpu | baseline ${base_w[-1]} s wall ${base_c[-1]} s cpu"
done
python3 - "${ours_w[*]}" "${base_w[*]}" "${ours_c[*]}" "${base_c[*]}" <<'EOF'
import statistics, sys
ow, bw, oc, bc = ([float(x) for x in a.split()] for a in sys.argv[1:5])
m = statistics.median
print(f"median wall: ours {m(ow):.2f} s, baseline {m(bw):.2f} s, ratio {m(ow)/m(bw):.3f}")
print(f"median cpu:  ours {m(oc):.2f} s, baseline {m(bc):.2f} s, ratio {m(oc)/m(bc):.3f}")
print("pairwise wall ratios:", " ".join(f"{o/b:.3f}" for o, b in zip(ow, bw)))
EOF

# Critical path, from one more clean build of each with --timings.
for side in ours base; do
    rm -rf "$work/$side/target"
    (cd "$work/$side" && cargo build --quiet --offline --timings >/dev/null 2>&1)
    html=$(ls -t "$work/$side"/target/cargo-timings/cargo-timing-*.html | head -1)
    python3 - "$side" "$html" <<'EOF'
import json, re, sys
side, html = sys.argv[1], open(sys.argv[2]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", html, re.S).group(1))
print(f"{side}: {len(units)} units;", ", ".join(
    f"{u['name']} done {u['start'] + u['duration']:.2f}s"
    for u in sorted(units, key=lambda u: u['start'] + u['duration'])
    if u['name'] in ('syn', 'serde_derive', 'thiserror-impl', 'uniapp-error-derive',
                     'uniapp-error-core', 'uniapp-error', 'serde_json', 'cold_ours', 'cold_base')))
EOF
done
