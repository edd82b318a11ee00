//! `{field}` in a `#[msg]`: a path shows as `Path::display` shows it, any
//! other value by its own `Display`. Generated code calls
//! `(&DisplayOf(binding)).__display()` with both traits imported; method
//! lookup tries [`DisplayPath`] on `DisplayOf<T>` first and falls back to
//! [`DisplayAsIs`] on `&DisplayOf<T>` (autoref), which has no bound: a
//! type without `Display` is reported by `format_args!` about the user's
//! type, never about these traits.

use std::borrow::Cow;
use std::path::{self, Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// A field bound by reference, before dispatch.
pub struct DisplayOf<'a, T: ?Sized>(pub &'a T);

/// First choice: a path, shown lossily as UTF-8 like `Path::display`.
/// Implemented for the path types and `&`/`&mut` references to them, each
/// on its own: matched by type, not by the name written, so an alias of
/// `PathBuf` is a path too; one impl per type (rather than a blanket impl
/// over a helper trait) lets method lookup reject every other type at a
/// glance. A
/// field whose type is a type parameter is formatted through the `Display`
/// bound its impl infers, as thiserror does.
pub trait DisplayPath<'a> {
    fn __display(&self) -> path::Display<'a>;
}

macro_rules! display_path {
    ($($ty:ty),*) => {$(
        impl<'a> DisplayPath<'a> for DisplayOf<'a, $ty> {
            #[inline]
            fn __display(&self) -> path::Display<'a> {
                let path: &'a Path = self.0;
                path.display()
            }
        }

        impl<'a> DisplayPath<'a> for DisplayOf<'a, &$ty> {
            #[inline]
            fn __display(&self) -> path::Display<'a> {
                let path: &'a Path = *self.0;
                path.display()
            }
        }

        impl<'a> DisplayPath<'a> for DisplayOf<'a, &mut $ty> {
            #[inline]
            fn __display(&self) -> path::Display<'a> {
                let path: &'a Path = &**self.0;
                path.display()
            }
        }
    )*};
}

display_path!(Path, PathBuf, Box<Path>, Rc<Path>, Arc<Path>, Cow<'_, Path>);

/// Fallback: the value itself, whose `Display` the format string checks.
pub trait DisplayAsIs<'a, T: ?Sized> {
    fn __display(&self) -> &'a T;
}

impl<'a, T: ?Sized> DisplayAsIs<'a, T> for &DisplayOf<'a, T> {
    #[inline]
    fn __display(&self) -> &'a T {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{DisplayAsIs as _, DisplayOf, DisplayPath as _};
    use std::path::{Path, PathBuf};

    /// What generated code writes for `{x}` with `x: &T` bound.
    macro_rules! shown {
        ($binding:expr) => {{
            #[allow(clippy::needless_borrow)]
            let shown = format!("{}", (&DisplayOf($binding)).__display());
            shown
        }};
    }

    #[test]
    fn paths_show_as_display_and_the_rest_as_is() {
        let buf = PathBuf::from("/tmp/a b");
        assert_eq!(shown!(&buf), "/tmp/a b");
        let path: &Path = &buf;
        assert_eq!(shown!(&path), "/tmp/a b");
        let boxed: Box<Path> = buf.clone().into_boxed_path();
        assert_eq!(shown!(&boxed), "/tmp/a b");
        assert_eq!(shown!(path), "/tmp/a b");
        let mut owned = buf.clone();
        let borrowed_mut: &mut PathBuf = &mut owned;
        assert_eq!(shown!(&borrowed_mut), "/tmp/a b");
        assert_eq!(format!("{:>4}", (&DisplayOf(&7)).__display()), "   7");
        assert_eq!(shown!("str"), "str");
    }

    #[test]
    fn a_generic_value_takes_its_own_display() {
        fn show<T: core::fmt::Display>(t: &T) -> String {
            shown!(t)
        }
        assert_eq!(show(&"x"), "x");
    }
}
