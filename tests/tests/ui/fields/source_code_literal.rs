use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 16, code = 601)]
#[msg("no fill")]
struct NoFill(#[source(code = "sdk_code")] std::io::Error);

fn main() {}
