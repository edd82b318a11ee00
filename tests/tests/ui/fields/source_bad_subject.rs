use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("io")]
    Io(#[source(subject = "c s j")] std::io::Error),
}

fn main() {}
