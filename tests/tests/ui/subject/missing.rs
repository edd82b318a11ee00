use uni_error::UniError;

#[derive(Debug, UniError)]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("nfc")]
    Nfc,

    #[errno(code = 4)]
    #[subject("uni-login::nfc")]
    #[msg("has one")]
    HasOne,
}

fn main() {}
