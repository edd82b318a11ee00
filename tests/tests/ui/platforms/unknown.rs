use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-location")]
#[errno(category = 15, sub = 5)]
enum LocationError {
    #[errno(code = 600)]
    #[platforms(android, windows)]
    #[msg("location fail: timeout")]
    Timeout,
}

fn main() {}
