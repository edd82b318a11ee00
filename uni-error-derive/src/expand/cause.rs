//! Every use of a source field: the cause (`StreamSource::__cause`, which
//! both serialization and `err_cause` walk), `Error::source` and erasure by
//! value (`into_error`). Each is one call on the field's kind, which the
//! one dispatch of `__private::kinds` picks by autoref on the field's type,
//! `(&&&&Wrap(field)).__kind()`; the walk checks once that the kind is an
//! error's (`IsSource`), so a field that is none gets one error, at its
//! type. Variants whose sources share a type and labels share one arm.
//!
//! `err_cause`, `__take` and `into_error` are `#[inline]`: then a crate that
//! derives but never erases or asks for the owned cause does not compile
//! them and the runtime code they instantiate (at 50 variants, 65 M of a
//! 295 M instruction debug build without it).
//!
//! Spans: the dispatch's paths and method names take the field's type span,
//! so errors about the type point at it; the locals (`__f`, `__e`, `__v`,
//! `self`, ...) are interpolated from `Cx::locals` or made with
//! `located` (span policy).

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};

use crate::model::{Message, Shape, Source};

use super::{match_with_rest, Cx, GroupedArms};
use crate::span::{located, respan};

/// The `use` that brings the dispatch's traits into scope.
pub fn dispatch(cx: &Cx) -> TokenStream {
    let private = &cx.private;
    quote! {
        #[allow(unused_imports)]
        use #private::dispatch::*;
    }
}

/// The kind of the source `x` (a reference), spanned at the field's type:
/// `(&&&&Wrap(x)).__kind()`.
fn kind(cx: &Cx, span: Span, x: &dyn ToTokens) -> TokenStream {
    let wrap = respan(&cx.private, span);
    quote_spanned!(span=> (&&&&#wrap::Wrap(#x)).__kind())
}

/// The kind of a `#[data]` field of type `ty` (`Ser` when it is
/// `Serialize`), spanned at the field's type: `(&&DataType::<ty>::NEW)
/// .__data_kind()`. `data()` checks it (`IsData`); the `Serialize` impl
/// uses it unchecked.
pub fn data_kind(cx: &Cx, span: Span, ty: &syn::Type) -> TokenStream {
    let private = respan(&cx.private, span);
    quote_spanned!(span=> (&&#private::DataType::<#ty>::NEW).__data_kind())
}

/// The kind of the source `x`, checked to be an error's: the one error a
/// field that is none gets, at the field's type.
fn checked_kind(cx: &Cx, span: Span, x: &dyn ToTokens) -> TokenStream {
    let private = respan(&cx.private, span);
    let kind = kind(cx, span, x);
    // The error points at `_`, at the field's type (not at `x`, whose
    // call-site context would move it to the derive).
    quote_spanned!(span=> <_ as #private::IsSource<_>>::__checked(#x, #kind))
}

/// The data a `#[msg(transparent)]` variant forwards from its field bound
/// as `binding`.
pub fn transparent_data(cx: &Cx, span: Span, binding: &Ident) -> TokenStream {
    let kind = kind(cx, span, binding);
    quote_spanned!(span=> #kind.data(#binding))
}

/// The top-level unknown keys a `#[msg(transparent)]` variant forwards
/// (an owned `Error`'s).
pub fn transparent_extra(cx: &Cx, span: Span, binding: &Ident) -> TokenStream {
    let kind = kind(cx, span, binding);
    quote_spanned!(span=> #kind.extra(#binding))
}

/// The status override a `#[msg(transparent)]` variant forwards.
pub fn transparent_status(cx: &Cx, span: Span, binding: &Ident) -> TokenStream {
    let kind = kind(cx, span, binding);
    quote_spanned!(span=> #kind.status(#binding))
}

/// `.with_default_subject("..").with_default_code(..)` of a labelled
/// source, for the element `elem`; the code's reader is checked at the
/// user's path.
fn labels(cx: &Cx, source: &Source, elem: &TokenStream) -> TokenStream {
    let subject = source
        .subject
        .map(|lit| quote!(.with_default_subject(#lit)));
    let code = source.code.map(|path| {
        let read = read_code(cx, source, path, elem);
        quote!(.with_default_code(#read))
    });
    quote!(#subject #code)
}

/// The first statement of the generated `Display::fmt`: under `{:#}`, the
/// whole chain (`__private::ChainKind`), as `uni_error::Error` prints it.
pub fn alternate(cx: &Cx) -> TokenStream {
    let private = &cx.private;
    let (this, formatter) = (&cx.locals.this, &cx.locals.formatter);
    quote! {
        #[allow(unused_imports)]
        use #private::{ChainKind as _, NoChainKind as _};
        if let #private::core::option::Option::Some(__r) =
            (&#private::Wrap(#this)).__chain(#formatter)
        {
            return __r;
        }
    }
}

/// `err_cause()`, when some variant has a cause: the owned form of the
/// streamed walk (`__private::walk`), so the cause has one dispatch.
pub fn err_cause_fn(cx: &Cx) -> Option<TokenStream> {
    if !cx.model.has_source() {
        return None;
    }
    let (krate, private, option) = (&cx.krate, &cx.private, &cx.option);
    let this = &cx.locals.this;
    Some(quote! {
        #[inline]
        fn err_cause(&self) -> #option<#krate::Cause> {
            #private::owned_cause(#this)
        }
    })
}

/// `StreamSource::__cause`: hands the cause of the variant at hand to the
/// visitor as a node, or says there is none.
pub fn stream_fn(cx: &Cx) -> TokenStream {
    let (this, v, v_ty) = (&cx.locals.this, &cx.locals.v, &cx.locals.v_ty);
    let private = &cx.private;
    let mut arms = GroupedArms::default();
    let mut rest = false;
    for (variant, bound) in cx.model.variants.iter().zip(&cx.bound) {
        let Some(bound) = bound else {
            rest = true;
            continue;
        };
        let Some(source) = &variant.source else {
            // Transparent: the field's own cause.
            let span = match variant.message {
                Message::Transparent(field) => field.ty_span,
                _ => bound.f.span(),
            };
            arms.push(bound, |f| {
                let kind = checked_kind(cx, span, f);
                quote_spanned!(span=> #kind.forward(#f, #v))
            });
            continue;
        };
        let span = source.field.ty_span;
        // An element of an `Option` or list, located at the field's type.
        let e = Ident::new("__e", located(span));
        arms.push(bound, |f| match source.shape {
            Shape::One(_) => {
                let label = labels(cx, source, &f.to_token_stream());
                let kind = checked_kind(cx, span, f);
                quote_spanned!(span=> #v.node(#kind.node(#f) #label))
            }
            Shape::Option(_) => {
                let label = labels(cx, source, &e.to_token_stream());
                let kind = checked_kind(cx, span, &e);
                quote_spanned!(span=> #private::opt(#v, #f.as_ref(), |#e| #kind.node(#e) #label))
            }
            Shape::List(_) => {
                let label = labels(cx, source, &e.to_token_stream());
                let kind = checked_kind(cx, span, &e);
                quote_spanned!(span=> #v.node(#private::list(#this, #f.iter(), |#e| #kind.node(#e) #label)))
            }
        });
    }
    let body = match_with_rest(this, &arms.arms(), rest, &quote!(#v.none()));
    let dispatch = (!arms.arms().is_empty()).then(|| dispatch(cx));
    quote! {
        fn __cause<#v_ty: #private::Visit>(&self, #v: #v_ty) -> <#v_ty as #private::Visit>::Out {
            #dispatch
            #body
        }
    }
}

/// `Error::source()`, when some variant has a cause; a list has no single
/// std source.
pub fn source_fn(cx: &Cx) -> Option<TokenStream> {
    if !cx.model.has_source() {
        return None;
    }
    let (private, option) = (&cx.private, &cx.option);
    let (this, e) = (&cx.locals.this, &cx.locals.e);
    let mut arms = GroupedArms::default();
    let mut rest = false;
    for (v, bound) in cx.model.variants.iter().zip(&cx.bound) {
        let Some(bound) = bound else {
            rest = true;
            continue;
        };
        let Some(source) = &v.source else {
            // Transparent: the field's own source.
            let span = match v.message {
                Message::Transparent(field) => field.ty_span,
                _ => bound.f.span(),
            };
            arms.push(bound, |f| {
                let kind = kind(cx, span, f);
                quote_spanned!(span=> #kind.std_source(#f))
            });
            continue;
        };
        let span = source.field.ty_span;
        match source.shape {
            Shape::One(_) => arms.push(bound, |f| {
                let kind = kind(cx, span, f);
                quote_spanned!(span=> #option::Some(#kind.as_std(#f)))
            }),
            Shape::Option(_) => arms.push(bound, |f| {
                let kind = kind(cx, span, e);
                quote!(#f.as_ref().map(|#e| #kind.as_std(#e)))
            }),
            // A list has no single std source.
            Shape::List(_) => rest = true,
        }
    }
    let body = match_with_rest(this, &arms.arms(), rest, &quote!(#option::None));
    let dispatch = dispatch(cx);
    Some(quote! {
        fn source(&self) -> #option<&(dyn #private::std::error::Error + 'static)> {
            #dispatch
            #body
        }
    })
}

/// `impl std::error::Error` alone, with its `source()`: for a type whose
/// `Display` the user writes (no `#[msg]`, no thiserror).
pub fn error_impl(cx: &Cx) -> TokenStream {
    let private = &cx.private;
    let source_fn = source_fn(cx);
    cx.impl_block(
        &quote!(#private::std::error::Error),
        &cx.bounds.error,
        &quote!(#source_fn),
    )
}

/// `StreamSource::__take(self)`, when some variant has a source or is
/// transparent: the cause built by moving each source (`__private::erase`);
/// a transparent variant moves its field's own cause (`take_forward`).
pub fn take_fn(cx: &Cx) -> Option<TokenStream> {
    let (krate, private, option, core) = (&cx.krate, &cx.private, &cx.option, &cx.core);
    let (this, e, message) = (&cx.locals.this, &cx.locals.e, &cx.locals.message);
    let mut arms = GroupedArms::default();
    let mut rest = false;
    let mut any_list = false;
    for (v, bound) in cx.model.variants.iter().zip(&cx.bound) {
        if let (Message::Transparent(field), Some(bound)) = (&v.message, bound) {
            let span = field.ty_span;
            any_list = true; // names the errMsg, which it hands on
            arms.push(bound, |f| {
                let kind = kind(cx, span, &quote!(&#f));
                quote_spanned!(span=> #kind.take_forward(#f, #message))
            });
            continue;
        }
        let (Some(source), Some(bound)) = (&v.source, bound) else {
            rest = true;
            continue;
        };
        any_list |= matches!(source.shape, Shape::List(_));
        arms.push(bound, |f| match source.shape {
            Shape::One(_) => {
                let cause = by_value(cx, source, f);
                quote!(#option::Some(#cause))
            }
            Shape::Option(_) => {
                let cause = by_value(cx, source, e);
                quote!(#option::map(#f, |#e| #cause))
            }
            Shape::List(_) => {
                let cause = by_value(cx, source, e);
                quote!(#option::Some(#private::aggregate_of(
                    #message,
                    #core::iter::Iterator::map(
                        #core::iter::IntoIterator::into_iter(#f),
                        |#e| #cause,
                    ),
                )))
            }
        });
    }
    let arms = arms.arms();
    // No source to move: the default (the walk's owned cause) does it.
    if arms.is_empty() {
        return None;
    }
    let wildcard = rest.then(|| quote!(_ => #option::None,));
    let message = if any_list {
        message.to_token_stream()
    } else {
        quote!(_)
    };
    let dispatch = dispatch(cx);
    Some(quote! {
        #[inline]
        fn __take(self, #message: &#core::primitive::str) -> #option<#krate::Cause> {
            #dispatch
            match #this { #(#arms)* #wildcard }
        }
    })
}

/// `into_error(self)`, when some variant has a source to move or is
/// transparent: the owned error with the cause of `__take`, which moves a
/// transparent variant's field too.
pub fn into_error_fn(cx: &Cx) -> Option<TokenStream> {
    let (krate, private) = (&cx.krate, &cx.private);
    let this = &cx.locals.this;
    let variants = &cx.model.variants;
    if variants
        .iter()
        .all(|v| v.source.is_none() && !matches!(v.message, Message::Transparent(_)))
    {
        return None;
    }
    let body = quote!(#private::into_error(#this));
    Some(quote! {
        #[inline]
        fn into_error(self) -> #krate::Error {
            #body
        }
    })
}

/// The cause of one source element `x`, taken by value: its kind picked by
/// autoref, labels applied (the code read before `x` moves).
fn by_value(cx: &Cx, source: &Source, x: &Ident) -> TokenStream {
    let private = &cx.private;
    let code_local = &cx.locals.code;
    let span = source.field.ty_span;
    let code = source.code.map(|path| {
        let read = read_code(cx, source, path, &quote!(&#x));
        quote!(let #code_local = #read;)
    });
    let kind = kind(cx, span, &quote!(&#x));
    let call = quote_spanned!(span=> #kind.into_cause(#x));
    if code.is_none() && source.subject.is_none() {
        return call;
    }
    let mut labelled = call;
    if let Some(lit) = source.subject {
        labelled = quote!(#private::cause_default_subject(#labelled, #lit));
    }
    if code.is_some() {
        labelled = quote!(#private::cause_default_code(#labelled, #code_local));
    }
    quote!({ #code #labelled })
}

/// The code the `#[source(code = path)]` reader reads off the element
/// `elem` (a reference), checked at the user's path: `SourceCode { error,
/// read: path }.read()`, where a reader of another signature is "expected
/// fn pointer `fn(&E) -> Option<i64>`". On a `Box<E>` the reader may take
/// `&E` or `&Box<E>` (as in 0.1): `BoxCode::__read(elem, &path)`.
fn read_code(cx: &Cx, source: &Source, path: &syn::Path, elem: &TokenStream) -> TokenStream {
    let span = syn::spanned::Spanned::span(path);
    let private = respan(&cx.private, span);
    if boxed(source) {
        quote_spanned!(span=> #private::BoxCode::__read(#elem, &#path))
    } else {
        quote_spanned!(span=> #private::SourceCode { error: #elem, read: #path }.read())
    }
}

/// True when each error of the source is a `Box<E>` (not a boxed slice):
/// its `#[source(code = f)]` reader may take `&E` or `&Box<E>`.
fn boxed(source: &Source) -> bool {
    crate::ast::generic_arg(source.shape.error_type(), "Box")
        .is_some_and(|inner| !matches!(inner, syn::Type::Slice(_)))
}
