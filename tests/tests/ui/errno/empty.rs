use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno()]
    #[msg("nfc")]
    Nfc,
}

fn main() {}
