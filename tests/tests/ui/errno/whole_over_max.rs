use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(10000000)]
#[msg("failed")]
struct Failure;

fn main() {}
