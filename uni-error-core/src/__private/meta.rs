//! `ErrorInfo.metadata` of a derived error (the derive's `google`
//! feature): each field its message names, shown by `Display` (`{:?}` in
//! the message: `Debug`), by autoref so that a field without the trait is
//! left out instead of failing a second time beside the `Display` impl.

use core::fmt;

/// A field shown with `Display`: `(&MetaOf(field)).__meta(key, visit)`.
pub struct MetaOf<'a, T: ?Sized>(pub &'a T);

/// A field shown with `Debug`: `(&MetaDebugOf(field)).__meta(key, visit)`.
pub struct MetaDebugOf<'a, T: ?Sized>(pub &'a T);

/// The visitor `__fields` hands each field to.
pub type MetaVisit<'v> = dyn FnMut(&'static str, &dyn fmt::Display) + 'v;

pub trait MetaDisplay {
    fn __meta(&self, key: &'static str, visit: &mut MetaVisit<'_>);
}

impl<T: fmt::Display + ?Sized> MetaDisplay for MetaOf<'_, T> {
    fn __meta(&self, key: &'static str, visit: &mut MetaVisit<'_>) {
        visit(key, &self.0);
    }
}

impl<T: fmt::Debug + ?Sized> MetaDisplay for MetaDebugOf<'_, T> {
    fn __meta(&self, key: &'static str, visit: &mut MetaVisit<'_>) {
        visit(key, &format_args!("{:?}", self.0));
    }
}

pub trait MetaNone {
    fn __meta(&self, _: &'static str, _: &mut MetaVisit<'_>) {}
}

impl<T: ?Sized> MetaNone for &MetaOf<'_, T> {}
impl<T: ?Sized> MetaNone for &MetaDebugOf<'_, T> {}

#[cfg(test)]
mod tests {
    use super::*;

    struct Opaque;

    #[test]
    // The borrows are the autoref the generated code relies on.
    #[allow(clippy::needless_borrow)]
    fn shown_when_it_can_be_and_left_out_otherwise() {
        let mut seen = Vec::new();
        let mut visit = |k: &'static str, v: &dyn fmt::Display| seen.push((k, v.to_string()));
        (&MetaOf(&7u8)).__meta("n", &mut visit);
        (&MetaDebugOf(&"x")).__meta("s", &mut visit);
        (&MetaOf(&Opaque)).__meta("o", &mut visit);
        (&MetaDebugOf(&Opaque)).__meta("p", &mut visit);
        assert_eq!(seen, [("n", "7".to_owned()), ("s", "\"x\"".to_owned())]);
    }
}
