use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
#[msg(transparent)]
enum LoginError {
    #[errno(code = 3)]
    Nfc(std::io::Error),
}

fn main() {}
