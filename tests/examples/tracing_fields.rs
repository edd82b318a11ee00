//! A uni error as tracing fields, printed by tracing-subscriber's fmt layer.
//!
//! `cargo run -p uni-error-tests --example tracing_fields`

use uni_error::tracing::Traced;
use uni_error::{Error, SourceError, UniError};

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(1504003)]
#[msg("NFC is not available: {0}")]
struct NfcOff(&'static str);

// The opt-in for `#[instrument(err)]`: return `Traced<E>`.
#[tracing::instrument(err)]
fn read_card() -> Result<u32, Traced<NfcOff>> {
    Err(NfcOff("off"))?
}

fn main() {
    tracing::subscriber::set_global_default(subscriber(std::io::stdout))
        .expect("no other subscriber");
    run();
}

/// tracing-subscriber's fmt output, without time or colour, to `writer`
/// (tests/tests/readme.rs compares what it prints with the README).
pub fn subscriber<W>(writer: W) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    tracing_subscriber::fmt()
        .without_time()
        .with_ansi(false)
        .with_writer(writer)
        .finish()
}

/// Emits the example's two events.
pub fn run() {
    let err = Error::new("uni-pay", 700001, "payment failed")
        .with_cause(SourceError::new("db-7 down").with_subject("mysql"));
    uni_error::tracing::event(tracing::Level::ERROR, &err);

    let _ = read_card();
}
