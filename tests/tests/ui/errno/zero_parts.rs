use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno(category = 0, sub = 0, code = 0)]
    #[msg("ok")]
    Ok,
}

fn main() {}
