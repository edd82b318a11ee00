use uni_error::UniError;

const LOGIN_FAILED: u32 = 1_504_003;

#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno(LOGIN_FAILED, code = 3)]
    #[msg("login failed")]
    Failed,
}

fn main() {}
