//! Where-clauses of the generated impls for a generic type, inferred from
//! what each impl does with the fields whose types mention a type
//! parameter (as serde and thiserror do), all read off the model at once.

use proc_macro2::TokenStream;
use quote::quote;

use crate::generics::{InferredBounds, ParamsInScope};
use crate::model::{Errno, Message, Subject};

use super::Cx;

/// The where-clause of each impl.
#[derive(Default)]
pub struct Bounds {
    /// `UniError` and `StreamSource`.
    pub uni: TokenStream,
    /// `std::error::Error`.
    pub error: TokenStream,
    /// `Display`.
    pub display: TokenStream,
    /// `Serialize`.
    pub serialize: TokenStream,
    /// `From` and `Catalog`: the user's own clause.
    pub plain: TokenStream,
}

impl Bounds {
    /// The bounds the model's fields need.
    pub fn infer(cx: &Cx) -> Bounds {
        let model = cx.model;
        let generics = model.generics;
        let params = ParamsInScope::new(generics);
        let (krate, private, core) = (&cx.krate, &cx.private, &cx.core);
        let mut uni = InferredBounds::default();
        let mut error = InferredBounds::default();
        let mut display = InferredBounds::default();
        let mut serialize = InferredBounds::default();
        if params.any() {
            uni.insert(quote!(Self), quote!(#private::std::error::Error));
            error.insert(
                quote!(Self),
                quote!(#core::fmt::Debug + #core::fmt::Display),
            );
            serialize.insert(
                quote!(Self),
                quote!(#private::StreamSource + #krate::UniError),
            );
        }
        let std_error = quote!(#private::std::error::Error + 'static);
        for v in &model.variants {
            if let Message::Transparent(field) = v.message {
                // The field forwards what its variant does not say.
                if params.intersects(field.ty) {
                    uni.insert(field.ty, &std_error);
                    error.insert(field.ty, &std_error);
                    display.insert(field.ty, quote!(#core::fmt::Display));
                    let forwards = matches!(v.subject, Subject::Forwarded(_))
                        || matches!(v.errno, Errno::Forwarded(_));
                    if forwards {
                        uni.insert(field.ty, quote!(#krate::UniError));
                    }
                }
            }
            if let Message::Format(expanded) = &v.message {
                for (i, fmt_trait) in &expanded.bounds {
                    let ty = v.fields[*i].ty;
                    if params.intersects(ty) {
                        let t = fmt_trait.ident();
                        display.insert(ty, quote!(#core::fmt::#t));
                    }
                }
            }
            if let Some(data) = &v.data {
                if params.intersects(data.value_ty) {
                    uni.insert(data.value_ty, quote!(#private::serde::Serialize));
                    serialize.insert(data.value_ty, quote!(#private::serde::Serialize));
                }
            }
            if let Some(source) = &v.source {
                let ty = source.shape.error_type();
                if params.intersects(ty) {
                    uni.insert(ty, &std_error);
                    error.insert(ty, &std_error);
                }
            }
        }
        Bounds {
            uni: uni.where_clause(generics),
            error: error.where_clause(generics),
            display: display.where_clause(generics),
            serialize: serialize.where_clause(generics),
            plain: InferredBounds::default().where_clause(generics),
        }
    }
}
