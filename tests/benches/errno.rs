//! `errno()` over a 200-variant enum against a hand-written `match`
//! returning `u32` (by value and by `&self`), interleaved: three rounds,
//! each measuring all three in turn, so drift of a loaded machine hits
//! each alike.
//!
//! `cargo bench -p uni-error-tests --bench errno`; figures in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use uni_error::UniError;

mod big_enum;

fn benches(c: &mut Criterion) {
    let all = big_enum::Big::ALL;
    for v in all {
        assert_eq!(v.errno().get(), v.hand_errno());
        assert_eq!(v.hand_errno_ref(), v.hand_errno());
    }
    for round in 1..=3 {
        let mut g = c.benchmark_group(format!("errno_200/round{round}"));
        g.bench_function("derived", |b| {
            b.iter(|| black_box(&all).iter().map(|v| v.errno().get()).sum::<u32>())
        });
        g.bench_function("hand_match", |b| {
            b.iter(|| black_box(&all).iter().map(|v| v.hand_errno()).sum::<u32>())
        });
        g.bench_function("hand_match_ref", |b| {
            b.iter(|| {
                black_box(&all)
                    .iter()
                    .map(|v| v.hand_errno_ref())
                    .sum::<u32>()
            })
        });
        g.finish();
    }
}

criterion_group! {
    name = errno;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(errno);
