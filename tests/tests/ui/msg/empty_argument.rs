use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("{} {}", .a,, .b)]
    Nfc { a: u8, b: u8 },
}

fn main() {}
