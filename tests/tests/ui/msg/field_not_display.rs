use uni_error::UniError;

#[derive(Debug)]
struct Reading(u8);

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("bad reading {0}")]
    Nfc(Reading),
    #[errno(code = 4)]
    #[msg("bad reading {reading}")]
    Other { reading: Reading },
}

fn main() {}
