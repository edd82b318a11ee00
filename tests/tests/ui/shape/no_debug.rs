use uni_error::UniError;

// `Debug` forgotten: rustc's own error, once for each impl that needs it
// (`std::error::Error` and `UniError`'s supertrait), and nothing about the
// derive's plumbing.
#[derive(UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("login failed")]
    Failed,
}

fn main() {}
