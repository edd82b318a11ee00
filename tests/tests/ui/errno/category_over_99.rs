use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 100, sub = 4, code = 3)]
#[msg("failed")]
struct Failure;

fn main() {}
