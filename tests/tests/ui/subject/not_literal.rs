const SUBJECT: &str = "uni-login";

use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject(SUBJECT)]
#[errno(1504003)]
#[msg("failed")]
struct Failure;

fn main() {}
