use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-openDocument")]
#[errno(1300002)]
#[msg("no such file")]
struct Missing(#[status(http = 404)] String);

fn main() {}
