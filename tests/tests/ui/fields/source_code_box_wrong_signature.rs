use uni_error::UniError;

fn sdk_code(e: &str) -> i64 {
    e.len() as i64
}

#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 16, code = 601)]
#[msg("no fill")]
struct NoFill(#[source(code = sdk_code)] Box<std::io::Error>);

fn main() {}
