use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-share")]
enum ShareError<T: std::fmt::Debug> {
    #[errno(Self::DENIED)]
    #[msg("share denied: {0:?}")]
    Denied(T),
}

impl<T: std::fmt::Debug> ShareError<T> {
    const DENIED: u32 = 1_203_001;
}

fn main() {}
