use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 0)]
enum PayError {
    #[errno(code = 1)]
    #[status(reason = "no-order")]
    #[msg("no order")]
    NoOrder,
    #[errno(code = 2)]
    #[msg("http failed")]
    HttpFailed,
    #[errno(code = 3)]
    #[status(reason = "HTTP_FAILED")]
    #[msg("http failed again")]
    HTTPFailedAgain,
}

fn main() {}
