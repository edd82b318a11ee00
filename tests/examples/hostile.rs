//! Hostile input sizes, timed phase by phase. Used by
//! `scripts/hostile-sizes.sh`, which also records peak memory.
//!
//! `cargo run --release -p uni-error-tests --example hostile -- <case> <n>`
//! with case one of `msg` (an errMsg of n bytes), `aggregate` (an aggregate of
//! n causes), `keys` (one source with n unknown keys), `deep` (a programmatic
//! chain n causes deep).

use std::time::Instant;

use uni_error::{Error, SourceError};

fn timed<T>(phase: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!(
        "{phase:>12}: {:>9.3} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    out
}

fn json_round(text: &str) {
    let e: Error = timed("parse", || serde_json::from_str(text).expect("valid input"));
    let written = timed("serialize", || {
        serde_json::to_string(&e).expect("serializable")
    });
    assert_eq!(written.len(), text.len(), "round trip changed the size");
    let shown = timed("display {:#}", || format!("{e:#}"));
    println!(
        "{:>12}: {} bytes in, {} bytes of chain text",
        "size",
        text.len(),
        shown.len()
    );
    timed("drop", || drop(e));
}

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    match case.as_str() {
        "msg" => {
            let text = timed("build", || {
                format!(
                    r#"{{"errSubject":"a","errCode":1,"errMsg":"{}"}}"#,
                    "é\\n\\\"x".repeat(n / 6)
                )
            });
            json_round(&text);
        }
        "aggregate" => {
            let text = timed("build", || {
                let mut s = String::from(
                    r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"all","errors":["#,
                );
                for i in 0..n {
                    if i > 0 {
                        s.push(',');
                    }
                    s.push_str(&format!(r#"{{"message":"e{i}","code":{i}}}"#));
                }
                s.push_str("]}}");
                s
            });
            json_round(&text);
        }
        "keys" => {
            let text = timed("build", || {
                let mut s = String::from(
                    r#"{"errSubject":"a","errCode":1,"errMsg":"m","cause":{"message":"src""#,
                );
                for i in 0..n {
                    s.push_str(&format!(r#","k{i}":{i}"#));
                }
                s.push_str("}}");
                s
            });
            json_round(&text);
        }
        "deep" => {
            let e = timed("build", || {
                let mut cause = SourceError::new("bottom");
                for i in 0..n {
                    cause = SourceError::new(format!("layer {i}")).with_cause(cause);
                }
                Error::new("deep", 1, "top").with_cause(cause)
            });
            let written = timed("serialize", || {
                serde_json::to_string(&e).expect("serializable")
            });
            let shown = timed("display {:#}", || format!("{e:#}"));
            println!(
                "{:>12}: {} bytes written, {} bytes of chain text",
                "size",
                written.len(),
                shown.len()
            );
            timed("drop", || drop(e));
        }
        _ => {
            eprintln!("usage: hostile <msg|aggregate|keys|deep> <n>");
            std::process::exit(2);
        }
    }
}
