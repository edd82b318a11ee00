use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(category = 7, code = 0)]
    #[msg("mixed")]
    Mixed,
}

fn main() {}
