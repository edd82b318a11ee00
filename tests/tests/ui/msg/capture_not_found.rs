use uni_error::UniError;

// A name that is neither a field nor close to one is captured from the
// scope by the format string, as in `format!`; rustc reports one that is
// not there, at the string.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is off on {device} ({RETRIES} retries)")]
    Nfc { reason: String },
}

fn main() {}
