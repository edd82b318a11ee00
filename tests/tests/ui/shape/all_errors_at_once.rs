use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 1000)]
    #[msg("nfc {reson}")]
    Nfc { reason: String },

    #[errno(category = 15, sub = 4, code = 3)]
    #[subject("uni login")]
    #[msg("dup")]
    Dup,

    #[errno(code = 3)]
    #[msg("again")]
    Again,

    #[errno(code = 3)]
    #[msg("and again")]
    Twice,
}

fn main() {}
