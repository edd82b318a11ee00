use std::fmt;
use uni_error::UniError;

// No #[msg]: the user writes Display; without thiserror's #[error] the
// derive still writes Error.
#[derive(Debug, UniError)]
#[subject("uni-verify")]
#[errno(category = 1, sub = 3)]
pub enum Verify {
    #[errno(code = 1)]
    Denied,
    #[errno(code = 2)]
    Io(#[source] std::io::Error),
}

impl fmt::Display for Verify {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verify::Denied => f.write_str("denied"),
            Verify::Io(e) => write!(f, "io: {e}"),
        }
    }
}

// No `impl std::error::Error`: without #[msg] or thiserror's #[error],
// the derive writes it, with `source()` from the #[source] field.

fn main() {
    assert_eq!(Verify::Denied.to_string(), "denied");
    let io = Verify::Io(std::io::Error::other("disk"));
    assert_eq!(std::error::Error::source(&io).map(|e| e.to_string()), Some("disk".into()));
}
