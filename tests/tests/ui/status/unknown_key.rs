use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-openDocument")]
#[errno(category = 13, sub = 0)]
#[status(grpc = "UNAVAILABLE", htp = 503)]
enum DocError {
    #[errno(code = 2)]
    #[msg("no such file")]
    Missing,
}

fn main() {}
