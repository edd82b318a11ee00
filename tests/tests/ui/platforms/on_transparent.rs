use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(1_504_003)]
#[msg("NFC is not available")]
struct NfcUnavailable;

#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 5)]
enum AppError {
    #[errno(code = 1)]
    #[msg("storage full")]
    Full,
    #[msg(transparent)]
    #[platforms(android)]
    Login(NfcUnavailable),
}

fn main() {}
