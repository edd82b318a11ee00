use uni_error::UniError;

// `{x:p}` formats the field's own pointer value: a field that is no
// pointer is an error at its type.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("at {handle:p}")]
    Nfc { handle: u64 },
}

fn main() {}
