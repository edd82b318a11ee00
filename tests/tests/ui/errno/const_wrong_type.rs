use uni_error::UniError;

const LOGIN_FAILED: &str = "1504003";

#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno(LOGIN_FAILED)]
    #[msg("login failed")]
    Failed,
}

fn main() {}
