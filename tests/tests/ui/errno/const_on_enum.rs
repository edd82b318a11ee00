use uni_error::UniError;

const LOGIN: u32 = 1_504_000;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(LOGIN)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("login failed")]
    Failed,
}

fn main() {}
