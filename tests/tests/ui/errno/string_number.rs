use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
enum LoginError {
    #[errno("1504003")]
    #[msg("nfc")]
    Nfc,
}

fn main() {}
