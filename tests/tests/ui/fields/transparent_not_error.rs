use uni_error::UniError;

// A #[msg(transparent)] field that is no error: the same one error.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[subject("uni-login::text")]
    #[msg(transparent)]
    Text(String),
}

fn main() {}
