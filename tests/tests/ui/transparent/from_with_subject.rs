use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 5)]
enum AppError {
    #[errno(code = 1)]
    #[subject("uni-app::io")]
    #[msg(transparent)]
    Io(#[from(subject = "csj")] std::io::Error),
}

fn main() {}
