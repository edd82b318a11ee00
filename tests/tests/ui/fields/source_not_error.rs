use uni_error::UniError;

#[derive(Debug)]
struct NotAnError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC failed")]
    Nfc(#[source] NotAnError),
}

fn main() {}
