use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
enum PayError {
    #[error("payment cancelled")]
    #[errno(code = 1)]
    Cancelled,
}

fn main() {}
