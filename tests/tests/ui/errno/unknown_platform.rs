use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 901, platform = "linux")]
    #[msg("web")]
    Web,
}

fn main() {}
