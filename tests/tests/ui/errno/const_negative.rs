use uni_error::UniError;

const LOGIN_FAILED: i32 = -404;

#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno(LOGIN_FAILED)]
    #[msg("login failed")]
    Failed,
}

fn main() {}
