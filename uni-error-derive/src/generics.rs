//! Bound inference, as thiserror and serde do it: a bound is added only for
//! a field type that mentions one of the type's own type parameters, so
//! `struct E<T> { #[data] d: T }` gets `T: Serialize` and nothing else does.

use crate::set::SortedSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{GenericParam, Generics, Type};

/// The names of a type's type parameters.
pub struct ParamsInScope {
    /// Each parameter's name.
    names: SortedSet<String>,
}

impl ParamsInScope {
    /// The type parameters of `generics`.
    pub fn new(generics: &Generics) -> Self {
        let names = generics
            .params
            .iter()
            .filter_map(|p| match p {
                GenericParam::Type(t) => Some(t.ident.to_string()),
                _ => None,
            })
            .collect();
        ParamsInScope { names }
    }

    /// True if the type has any type parameter.
    pub fn any(&self) -> bool {
        !self.names.is_empty()
    }

    /// True if `ty` mentions a type parameter anywhere.
    pub fn intersects(&self, ty: &Type) -> bool {
        !self.names.is_empty() && self.mentions(ty.to_token_stream())
    }

    /// True if `tokens` contain a parameter's name, through groups.
    fn mentions(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(i) => self.names.contains(&i.to_string()),
            TokenTree::Group(g) => self.mentions(g.stream()),
            _ => false,
        })
    }
}

/// Extra where-predicates for one impl, deduplicated, in insertion order.
#[derive(Default)]
pub struct InferredBounds {
    /// Predicates already inserted, as strings.
    seen: SortedSet<String>,
    /// The predicates in insertion order.
    predicates: Vec<TokenStream>,
}

impl InferredBounds {
    /// Adds `ty: bound`.
    pub fn insert(&mut self, ty: impl ToTokens, bound: impl ToTokens) {
        let predicate = quote!(#ty: #bound);
        if self.seen.insert(predicate.to_string()) {
            self.predicates.push(predicate);
        }
    }

    /// The user's where clause plus these predicates, or nothing.
    pub fn where_clause(&self, generics: &Generics) -> TokenStream {
        let user = generics
            .where_clause
            .as_ref()
            .map(|w| {
                w.predicates
                    .iter()
                    .map(ToTokens::to_token_stream)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        if user.is_empty() && self.predicates.is_empty() {
            return TokenStream::new();
        }
        let all = user.iter().chain(&self.predicates);
        quote!(where #(#all,)*)
    }
}
