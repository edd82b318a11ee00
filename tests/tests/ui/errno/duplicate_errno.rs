use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("nfc")]
    Nfc,

    #[errno(1504003)]
    #[msg("again")]
    Again,
}

fn main() {}
