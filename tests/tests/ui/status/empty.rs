use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-openDocument")]
#[errno(1300002)]
#[status()]
#[msg("no such file")]
struct Missing;

fn main() {}
