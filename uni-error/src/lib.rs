//! uni-error (skeleton; docs come with the runtime core).
mod errno;
pub use errno::{Errno, ErrnoError, Platform};
mod well_known;
pub use uni_error_derive::UniError;
pub use well_known::{well_known_errnos, CategoryName, WellKnown};
