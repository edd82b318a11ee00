use std::fmt;
use uni_error::UniError;

// No #[msg]: the derive writes neither Display nor Error, so the user's (or
// thiserror's) are used.
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

impl std::error::Error for Verify {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Verify::Denied => None,
            Verify::Io(e) => Some(e),
        }
    }
}

fn main() {
    assert_eq!(Verify::Denied.to_string(), "denied");
}
