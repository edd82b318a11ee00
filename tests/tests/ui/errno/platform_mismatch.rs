use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(category = 14, sub = 16, code = 601, platform = "android")]
    #[msg("weixin")]
    Weixin,
}

fn main() {}
