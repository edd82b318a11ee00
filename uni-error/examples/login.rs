//! Prints a uni error with a cause chain as uni-app JSON.
//!
//! Run with `cargo run --example login`.

use uni_error::{AggregateError, Error, SourceError};

fn main() -> Result<(), serde_json::Error> {
    let err = Error::new("uni-login", 1_504_009, "every provider failed").with_cause(
        AggregateError::with_message(
            "every provider failed",
            vec![
                SourceError::new("user cancelled")
                    .with_subject("weixin-sdk")
                    .with_code(-2)
                    .into(),
                SourceError::new("no network")
                    .with_subject("apple-id")
                    .into(),
            ],
        ),
    );
    println!("{}", serde_json::to_string_pretty(&err)?);
    println!("{err:#}");
    Ok(())
}
