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

/// The path types (and references to them) `{field}` shows with
/// `Path::display`: matched by trait, not by the name written, so an alias
/// of `PathBuf` is a path too. A field whose type is a type parameter is
/// formatted through the `Display` bound its impl infers, as thiserror does.
pub trait IsPath {
    fn __path(&self) -> &Path;
}

impl IsPath for Path {
    fn __path(&self) -> &Path {
        self
    }
}

macro_rules! is_path {
    ($($ty:ty),*) => {$(
        impl IsPath for $ty {
            fn __path(&self) -> &Path {
                self
            }
        }
    )*};
}

is_path!(PathBuf, Box<Path>, Rc<Path>, Arc<Path>, Cow<'_, Path>);

impl<T: IsPath + ?Sized> IsPath for &T {
    fn __path(&self) -> &Path {
        (**self).__path()
    }
}

impl<T: IsPath + ?Sized> IsPath for &mut T {
    fn __path(&self) -> &Path {
        (**self).__path()
    }
}

/// First choice: a path, shown lossily as UTF-8 like `Path::display`.
pub trait DisplayPath<'a> {
    fn __display(&self) -> path::Display<'a>;
}

impl<'a, T: IsPath + ?Sized> DisplayPath<'a> for DisplayOf<'a, T> {
    #[inline]
    fn __display(&self) -> path::Display<'a> {
        self.0.__path().display()
    }
}

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
