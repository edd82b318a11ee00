use uni_error::UniError;

#[derive(Debug, thiserror::Error, UniError)]
#[subject("uni-ad")]
#[errno(category = 15, sub = 6)]
enum AdError {
    #[error("ad SDK I/O")]
    #[errno(code = 2)]
    Io(#[uni(source(subject = "csj"))] std::io::Error),
}

fn main() {}
