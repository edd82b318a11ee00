//! Runtime benchmarks: each of ours against a baseline that produces
//! identical output (asserted before measuring).
//!
//! `cargo bench -p uni-error-tests --bench runtime`; figures in BENCHMARKS.md.

use std::fmt;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use uni_error::UniError;

mod big_enum;
mod fixtures;

use fixtures::*;

fn benches(c: &mut Criterion) {
    let mut buf = Vec::with_capacity(4096);

    // Leaf serialize.
    let ours = LoginError::NfcUnavailable {
        reason: "switched off in settings".into(),
    };
    let hand = HandLeaf {
        reason: "switched off in settings".into(),
    };
    assert_eq!(
        serde_json::to_string(&ours).unwrap(),
        serde_json::to_string(&hand).unwrap()
    );
    assert_eq!(
        ours.to_json().unwrap(),
        serde_json::to_string(&hand).unwrap()
    );
    let mut g = c.benchmark_group("serialize_leaf");
    g.bench_function("derived", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&ours)).unwrap();
        })
    });
    g.bench_function("hand_written", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&hand)).unwrap();
        })
    });
    g.bench_function("write_json", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&ours).write_json(&mut buf).unwrap();
        })
    });
    g.finish();

    // Three-level chain serialize.
    let chain = chain_error();
    assert_eq!(
        serde_json::to_string(&chain).unwrap(),
        serde_json::to_string(&HandChain(&chain)).unwrap()
    );
    assert_eq!(
        chain.to_json().unwrap(),
        serde_json::to_string(&HandChain(&chain)).unwrap()
    );
    let mut g = c.benchmark_group("serialize_chain3");
    g.bench_function("derived", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&chain)).unwrap();
        })
    });
    g.bench_function("hand_written", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, &HandChain(black_box(&chain))).unwrap();
        })
    });
    g.bench_function("write_json", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&chain).write_json(&mut buf).unwrap();
        })
    });
    g.finish();

    // Display with two interpolated fields.
    let ours = LoginError::Step {
        step: 7,
        user: "alice".into(),
    };
    let theirs = ThisError::Step {
        step: 7,
        user: "alice".into(),
    };
    assert_eq!(ours.to_string(), theirs.to_string());
    let mut text = String::with_capacity(256);
    let mut g = c.benchmark_group("display_two_fields");
    g.bench_function("derived", |b| {
        b.iter(|| {
            use fmt::Write as _;
            text.clear();
            write!(text, "{}", black_box(&ours)).unwrap();
        })
    });
    g.bench_function("thiserror", |b| {
        b.iter(|| {
            use fmt::Write as _;
            text.clear();
            write!(text, "{}", black_box(&theirs)).unwrap();
        })
    });
    g.finish();

    // errno() on a 200-variant enum.
    let all = big_enum::Big::ALL;
    for v in all {
        assert_eq!(v.errno().get(), v.hand_errno());
    }
    let mut g = c.benchmark_group("errno_200_variants");
    g.bench_function("derived", |b| {
        b.iter(|| black_box(&all).iter().map(|v| v.errno().get()).sum::<u32>())
    });
    g.bench_function("hand_match_ref", |b| {
        b.iter(|| {
            black_box(&all)
                .iter()
                .map(|v| v.hand_errno_ref())
                .sum::<u32>()
        })
    });
    g.bench_function("hand_match", |b| {
        b.iter(|| black_box(&all).iter().map(|v| v.hand_errno()).sum::<u32>())
    });
    g.finish();

    // Serialize on a 200-variant enum: a leaf variant and a source variant.
    let leaf = big_enum::BigSer::V1("switched off in settings".into());
    let source = big_enum::BigSer::V0(std::io::Error::other("disk full"));
    for e in [&leaf, &source] {
        assert_eq!(
            serde_json::to_string(e).unwrap(),
            serde_json::to_string(&big_enum::HandBigSer(e)).unwrap()
        );
    }
    for (name, e) in [
        ("serialize_200_leaf", &leaf),
        ("serialize_200_source", &source),
    ] {
        let mut g = c.benchmark_group(name);
        g.bench_function("derived", |b| {
            b.iter(|| {
                buf.clear();
                serde_json::to_writer(&mut buf, black_box(e)).unwrap();
            })
        });
        g.bench_function("hand_written", |b| {
            b.iter(|| {
                buf.clear();
                serde_json::to_writer(&mut buf, &big_enum::HandBigSer(black_box(e))).unwrap();
            })
        });
        g.finish();
    }

    // Deserialize ~1 KiB with a three-level cause.
    let json = kib_json();
    assert!((900..1200).contains(&json.len()), "{}", json.len());
    let ours: uni_error::Error = serde_json::from_str(&json).unwrap();
    let plain: PlainError = serde_json::from_str(&json).unwrap();
    assert_eq!(ours.chain().count(), 3);
    assert_eq!(plain.errMsg, ours.message());
    let mut g = c.benchmark_group("deserialize_1kib_chain3");
    g.bench_function("uni_error_Error", |b| {
        b.iter(|| serde_json::from_str::<uni_error::Error>(black_box(&json)).unwrap())
    });
    g.bench_function("plain_derive", |b| {
        b.iter(|| serde_json::from_str::<PlainError>(black_box(&json)).unwrap())
    });
    g.finish();

    // Erasing a derived error into uni_error::Error.
    let leaf = LoginError::NfcUnavailable {
        reason: "off".into(),
    };
    let mut g = c.benchmark_group("erase");
    g.bench_function("leaf_to_error", |b| b.iter(|| black_box(&leaf).to_error()));
    g.bench_function("chain3_to_error", |b| {
        b.iter(|| black_box(&chain).to_error())
    });
    // By value, as `?` does: the chain is rebuilt each time (subtract
    // `build_chain3`); three `?` layers over owned `uni_error::Error` sources.
    g.bench_function("chain3_into_error", |b| {
        b.iter(|| uni_error::Error::from(black_box(chain_error())))
    });
    g.bench_function("build_chain3", |b| b.iter(|| black_box(chain_error())));
    g.bench_function("layers3_into_error", |b| b.iter(|| erase_layers(3)));
    g.bench_function("build_layers0", |b| b.iter(|| erase_layers(0)));
    g.bench_function("hand_built_leaf", |b| {
        b.iter(|| {
            let l = black_box(&leaf);
            uni_error::Error::new(l.err_subject(), l.errno(), l.to_string())
        })
    });
    g.finish();
}

criterion_group!(runtime, benches);
criterion_main!(runtime);
