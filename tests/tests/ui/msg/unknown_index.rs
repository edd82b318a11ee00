use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 5)]
    #[msg("timed out after {1} ms")]
    Timeout(u64),
}

fn main() {}
