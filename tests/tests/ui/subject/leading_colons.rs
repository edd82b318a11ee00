use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("::weixin")]
#[errno(1504003)]
#[msg("failed")]
struct Failure;

fn main() {}
