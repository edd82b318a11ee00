use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 5)]
enum AppError {
    #[errno(code = 1)]
    #[msg(transparent, "x")]
    Io(std::io::Error),
}

fn main() {}
