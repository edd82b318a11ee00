use uni_error::UniError;

// Only a #[deprecated] variant may go without #[msg]: `Silent` is not.
#[derive(Debug, UniError)]
#[subject("uni-location")]
#[errno(category = 15, sub = 5)]
enum LocationError {
    #[errno(code = 600)]
    #[msg("location fail: timeout")]
    Timeout,

    #[deprecated(note = "since 4.25")]
    #[errno(code = 21)]
    OldTimeout,

    #[errno(code = 22)]
    Silent,
}

fn main() {}
