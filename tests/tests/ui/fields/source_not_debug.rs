use uni_error::UniError;

// Neither `Debug` nor `Error`: the derive adds one error, at the field's
// type; the enum's own `#[derive(Debug)]` reports the missing `Debug`.
struct NoDebug;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC failed")]
    Nfc(#[source] NoDebug),
}

fn main() {}
