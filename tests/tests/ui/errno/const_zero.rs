use uni_error::UniError;

const OK: u32 = 0;

#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno(OK)]
    #[msg("login failed")]
    Failed,
}

fn main() {}
