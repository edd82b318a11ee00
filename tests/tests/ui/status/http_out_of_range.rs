use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-openDocument")]
#[errno(category = 13, sub = 0)]
enum DocError {
    #[errno(code = 2)]
    #[status(grpc = "NOT_FOUND", http = 600)]
    #[msg("no such file")]
    Missing,
}

fn main() {}
