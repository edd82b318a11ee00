use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-location")]
#[errno(category = 15, sub = 5)]
#[platforms = "android"]
enum LocationError {
    #[errno(code = 600)]
    #[msg("location fail: timeout")]
    Timeout,
}

fn main() {}
