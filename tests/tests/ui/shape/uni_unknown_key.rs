use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(1504003)]
#[msg("failed")]
#[uni(krate = "uni_error")]
struct Failure;

fn main() {}
