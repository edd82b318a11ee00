//! The error accumulator: every stage reports its errors here and keeps
//! going, so a user with three mistakes sees three errors in one build.

use core::cell::RefCell;
use core::fmt::Display;

use quote::ToTokens;

/// Collects `syn::Error`s during one derive. [`Ctxt::check`] consumes it at
/// the end and combines the errors (serde_derive's `Ctxt`, minus the
/// drop-time panic: this macro never panics).
pub struct Ctxt {
    /// The errors so far; `None` once checked.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    /// A context with no errors yet.
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Reports an error spanned at the user's `tokens`.
    pub fn error_spanned_by<T: ToTokens>(&self, tokens: T, msg: impl Display) {
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), msg));
    }

    /// Reports an error at one span.
    pub fn error_at(&self, span: proc_macro2::Span, msg: impl Display) {
        self.syn_error(syn::Error::new(span, msg));
    }

    /// Reports an error that syn already built (from `parse_nested_meta`).
    pub fn syn_error(&self, err: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(err);
        }
    }

    /// Consumes the context: all reported errors combined into one, if any.
    pub fn check(self) -> syn::Result<()> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut iter = errors.into_iter();
        match iter.next() {
            None => Ok(()),
            Some(mut first) => {
                for rest in iter {
                    first.combine(rest);
                }
                Err(first)
            }
        }
    }
}
