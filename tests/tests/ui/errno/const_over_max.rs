use uni_error::UniError;

mod codes {
    pub const LOGIN_FAILED: u64 = 15_040_003;
}

#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno(crate::codes::LOGIN_FAILED)]
    #[msg("login failed")]
    Failed,
}

fn main() {}
