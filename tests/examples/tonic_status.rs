//! A uni error as a `tonic::Status` and back, as a gRPC service and its
//! client see it (no network: the Status is what travels).
//!
//! `cargo run -p uni-error-tests --example tonic_status`

use uni_error::tonic::{error_info, from_status, to_status};
use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 0)]
enum PayError {
    #[errno(code = 9)]
    #[msg("payment failed")]
    Failed {
        #[source(subject = "bank")]
        io: std::io::Error,
    },
}

// In a tonic service: `charge(..).map_err(|e| to_status(&e))?`.
fn charge() -> Result<(), tonic::Status> {
    Err(PayError::Failed {
        io: std::io::Error::other("card declined"),
    })
    .map_err(|e| to_status(&e))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run(&mut std::io::stdout().lock())
}

/// What `main` prints, written to `out` (tests/tests/readme.rs compares it
/// with the README).
pub fn run(out: &mut impl std::io::Write) -> Result<(), Box<dyn std::error::Error>> {
    let status = charge().unwrap_err();
    writeln!(
        out,
        "code {:?}, message {:?}",
        status.code(),
        status.message()
    )?;
    writeln!(
        out,
        "details: {} bytes of google.rpc.Status",
        status.details().len()
    )?;

    // In the client: the same uni error, and the chain as text.
    let err = from_status(&status)?;
    writeln!(out, "{}", serde_json::to_string(&err)?)?;
    if let Some(info) = error_info(&status)? {
        writeln!(out, "{}", serde_json::to_string(&info)?)?;
    }
    Ok(())
}
