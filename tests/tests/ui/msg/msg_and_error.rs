use uni_error::UniError;

#[derive(Debug, thiserror::Error, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
enum PayError {
    #[error("payment cancelled")]
    #[msg("payment cancelled by the user")]
    #[errno(code = 1)]
    Cancelled,
}

fn main() {}
