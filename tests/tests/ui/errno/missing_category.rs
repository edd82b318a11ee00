use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("nfc")]
    Nfc,
}

fn main() {}
