use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-app")]
enum AppError {
    #[msg(transparent)]
    Io(std::io::Error),
}

fn main() {}
