use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni login")]
#[errno(1504003)]
#[msg("failed")]
struct Failure;

fn main() {}
