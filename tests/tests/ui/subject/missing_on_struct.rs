use uni_error::UniError;

#[derive(Debug, UniError)]
#[errno(1504003)]
#[msg("failed")]
struct Failure;

fn main() {}
