use uni_error::UniError;

// An `Option` or list source is checked per element type, once per field.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("maybe")]
    Maybe(#[source] Option<String>),
    #[errno(code = 4)]
    #[msg("all")]
    All(#[source] Vec<u32>),
}

fn main() {}
