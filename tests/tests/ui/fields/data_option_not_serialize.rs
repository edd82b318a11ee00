#[derive(Debug)]
struct Opaque;

use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("partial")]
    Partial {
        #[data]
        value: Option<Opaque>,
    },
}

fn main() {}
