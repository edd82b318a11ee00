use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 250, code = 3)]
#[msg("failed")]
struct Failure;

fn main() {}
