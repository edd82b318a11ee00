use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-app")]
enum AppError {
    #[msg(transparent)]
    Boxed(Box<dyn std::error::Error + Send + Sync>),
}

fn main() {}
