use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-openDocument")]
#[errno(1300002)]
#[status(http = "404")]
#[msg("no such file")]
struct Missing;

fn main() {}
