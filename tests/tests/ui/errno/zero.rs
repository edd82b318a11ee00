use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno(0)]
    #[msg("ok")]
    Ok,
}

fn main() {}
