//! uni-error (skeleton; docs come with the runtime core).
mod errno;
pub use errno::{Errno, ErrnoError, Platform};
pub use uni_error_derive::UniError;
