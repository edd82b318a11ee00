use uni_error::UniError;

// A name close to a field gets a suggestion; the error points into the
// string where the compiler allows a subspan, at the string otherwise.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is off ({reson}) on {device}")]
    Nfc { reason: String, device: String },
}

fn main() {}
