use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
enum PayError {
    #[uni(erno(code = 1))]
    #[msg("payment cancelled")]
    Cancelled,
}

fn main() {}
