use uni_error::UniError;

const LOGIN_FAILED: u32 = 1_504_003;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("wrong password")]
    WrongPassword,

    #[errno(LOGIN_FAILED)]
    #[msg("login failed")]
    Failed,
}

fn main() {}
