//! Runs one benchmarked operation N times, for counting instructions with
//! callgrind (`scripts/bench-instructions.sh`): instruction counts do not
//! depend on code layout, clock or load, which sway ~100 ns timings by more
//! than the 5% our targets allow.
//!
//! `instructions <case> <n>`; cases are listed in `main`.

use std::fmt::Write as _;
use std::hint::black_box;

use uni_error::UniError;

#[path = "../benches/big_enum.rs"]
mod big_enum;
#[path = "../benches/fixtures.rs"]
mod fixtures;

use fixtures::*;

/// The leaf of the benchmarks with #[locales]: the same message in
/// English and a same-length Chinese one.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
#[locales("en", "zh-Hans")]
enum LocalizedError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {reason}")]
    #[locale(zh_Hans = "NFC 不可用（已关）：{reason}")]
    NfcUnavailable { reason: String },
}

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let mut buf = Vec::with_capacity(4096);
    let mut text = String::with_capacity(256);
    let leaf = LoginError::NfcUnavailable {
        reason: "switched off in settings".into(),
    };
    let hand_leaf = HandLeaf {
        reason: "switched off in settings".into(),
    };
    let chain = chain_error();
    let step = LoginError::Step {
        step: 7,
        user: "alice".into(),
    };
    let this = ThisError::Step {
        step: 7,
        user: "alice".into(),
    };
    let all = big_enum::Big::ALL;
    let big_leaf = big_enum::BigSer::V1("switched off in settings".into());
    let big_source = big_enum::BigSer::V0(std::io::Error::other("disk full"));
    let l10n = LocalizedError::NfcUnavailable {
        reason: "switched off in settings".into(),
    };
    let kib = kib_json();
    let mut sum = 0u64;
    for _ in 0..n {
        buf.clear();
        text.clear();
        match case.as_str() {
            "leaf-derived" => serde_json::to_writer(&mut buf, black_box(&leaf)).unwrap(),
            "leaf-hand" => serde_json::to_writer(&mut buf, black_box(&hand_leaf)).unwrap(),
            "chain-derived" => serde_json::to_writer(&mut buf, black_box(&chain)).unwrap(),
            // The direct writer into the reused buffer.
            "leaf-direct" => black_box(&leaf).write_json(&mut buf).unwrap(),
            "chain-direct" => black_box(&chain).write_json(&mut buf).unwrap(),
            "chain-hand" => serde_json::to_writer(&mut buf, &HandChain(black_box(&chain))).unwrap(),
            "display-derived" => write!(text, "{}", black_box(&step)).unwrap(),
            "display-thiserror" => write!(text, "{}", black_box(&this)).unwrap(),
            "errno-derived" => {
                sum += black_box(&all)
                    .iter()
                    .map(|v| u64::from(v.errno().get()))
                    .sum::<u64>();
            }
            "errno-hand-val" => {
                sum += black_box(&all)
                    .iter()
                    .map(|v| u64::from(v.hand_errno()))
                    .sum::<u64>();
            }
            "errno-hand" => {
                sum += black_box(&all)
                    .iter()
                    .map(|v| u64::from(v.hand_errno_ref()))
                    .sum::<u64>();
            }
            // Serialize on a 200-variant enum, derived vs by hand.
            "big-leaf-derived" => serde_json::to_writer(&mut buf, black_box(&big_leaf)).unwrap(),
            "big-leaf-hand" => {
                serde_json::to_writer(&mut buf, &big_enum::HandBigSer(black_box(&big_leaf)))
                    .unwrap();
            }
            "big-source-derived" => {
                serde_json::to_writer(&mut buf, black_box(&big_source)).unwrap();
            }
            "big-source-hand" => {
                serde_json::to_writer(&mut buf, &big_enum::HandBigSer(black_box(&big_source)))
                    .unwrap();
            }
            // Erasure by value of a derived chain (derived -> derived -> io),
            // and of three `?` layers over owned `uni_error::Error` sources;
            // `build-*` is the same without the erasure, to subtract.
            "erase-chain" => {
                sum += black_box(uni_error::Error::from(chain_error()))
                    .chain()
                    .count() as u64
            }
            "build-chain" => sum += black_box(chain_error()).errno().get() as u64,
            "erase-layers" => sum += black_box(erase_layers(3)).chain().count() as u64,
            "build-layers" => sum += black_box(erase_layers(0)).chain().count() as u64,
            // #[locales]: the default path, and the view in the default
            // language and in another (the whole pick: thread-local, tag
            // lookup, the arm).
            "l10n-default" => serde_json::to_writer(&mut buf, black_box(&l10n)).unwrap(),
            "l10n-view-en" => {
                serde_json::to_writer(&mut buf, &black_box(&l10n).localized("en-US")).unwrap();
            }
            "l10n-view-zh" => {
                serde_json::to_writer(&mut buf, &black_box(&l10n).localized("zh-Hans-CN")).unwrap();
            }
            // Reading ~1 KiB with a three-level cause: `uni_error::Error`
            // against a plain `#[derive(Deserialize)]` of the same fields
            // (issue 26, point 3); each result is dropped in the loop.
            "read-ours" => {
                let e: uni_error::Error = serde_json::from_str(black_box(&kib)).unwrap();
                sum += e.message().len() as u64;
            }
            "read-plain" => {
                let e: PlainError = serde_json::from_str(black_box(&kib)).unwrap();
                sum += e.errMsg.len() as u64;
            }
            _ => {
                eprintln!("unknown case {case:?}");
                std::process::exit(2);
            }
        }
        sum += (buf.len() + text.len()) as u64;
    }
    println!("{sum}");
}
