use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4, subb = 5)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("nfc")]
    Nfc,
    #[errno(code = 4)]
    #[msg("ble")]
    Ble,
}

fn main() {}
