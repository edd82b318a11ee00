use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
enum PayError {
    #[uni(errno(code = 1), stauts(http = 404))]
    #[msg("payment cancelled")]
    Cancelled,
}

fn main() {}
