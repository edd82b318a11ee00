use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("read")]
    Read(#[from] std::io::Error),
    #[errno(code = 4)]
    #[msg("write")]
    Write(#[from] std::io::Error),
}

fn main() {}
