//! Code generation from a validated [`Model`], one file per generated impl:
//! `uni_error` (`UniError` and `StreamSource`), `cause` (every source
//! dispatch: `err_cause`, the streamed cause, `source()`, `into_error`),
//! `display` (`Display` and `Error`), `serialize`, `from`, `catalog`;
//! `empty` all of them for an enum with no variants; `pass_through` the
//! catalog's transparent variants;
//! `bounds` infers where-clauses for generic types and `text` is the one
//! place code is written as text or as raw token trees.
//!
//! # Span policy
//!
//! A span decides two things: which names a token sees (its resolution) and
//! where an error about it points (its location). The expansion keeps them
//! apart:
//!
//! - **Every name the expansion creates resolves at the call site**: the
//!   locals (`__field_*`, `__f`, `__e`, `__v`, `__source`, `__message`,
//!   `__code`), each method's `self`, `__formatter`, `__serializer` and the
//!   type parameters `__S`, `__V`. They are made once, in [`Locals`] (field
//!   bindings in `ast`), with `Span::call_site()` or with [`located`](crate::span::located)
//!   (call-site resolution at a user's token, where an error should point),
//!   and interpolated; no `quote_spanned!` block spells one out. Inside
//!   `macro_rules!` the user's tokens carry the macro's hygiene and the
//!   derive's carry another: a local made with one and used with the other
//!   would not resolve.
//! - **Errors about a user's type stay on the user's tokens**: the paths to
//!   runtime helpers and the method names of a source or data field's
//!   dispatch take that field's type span (`quote_spanned!`), and user
//!   types, expressions and format strings are interpolated as written, so
//!   "`X` does not implement `Serialize`" points at `X`.
//! - **The user's names the code mentions are re-resolved at the call
//!   site** ([`call_site_ident`](crate::span::call_site_ident)): the type, its variants, field names in
//!   patterns. They keep their location; the derive's uses of a
//!   `#[deprecated]` type, variant or field are then not the user's uses,
//!   and `#![deny(deprecated)]` passes.
//! - **Generated names cannot collide with a user's**: fields are bound as
//!   `member: __field_member`, never by their own name; width arguments are
//!   `__count_member`; and the prefix grows past any `#[msg]` named argument
//!   that starts with it (`ast::local_prefix`).

mod bounds;
mod catalog;
mod cause;
mod display;
mod empty;
mod errno_const;
mod from;
mod locale;
mod pass_through;
mod serialize;
pub mod text;
mod uni_error;

use crate::set::SortedMap;
use std::fmt::Write as _;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ast::Field;
use crate::model::{Message, Model, Source, VariantModel};
use crate::span::{call_site_ident, located};

use self::bounds::Bounds;

/// Every impl of a validated model.
pub fn expand(model: &Model) -> TokenStream {
    let cx = Cx::new(model);
    if model.is_enum && model.variants.is_empty() {
        return empty::expand(&cx);
    }
    let mut out = uni_error::expand(&cx);
    if model.has_msg {
        out.extend(display::expand(&cx));
        out.extend(from::expand(&cx));
    } else if !model.thiserror {
        // No #[msg] and no thiserror: the user writes Display, the derive
        // still writes Error (with source()) and From. When thiserror's
        // #[error] is present, it writes all three from the same #[source]
        // and #[from], and ours would conflict.
        out.extend(cause::error_impl(&cx));
        out.extend(from::expand(&cx));
    }
    out.extend(catalog::expand(&cx));
    out.extend(serialize::expand(&cx));
    if model.thiserror && model.generics.params.is_empty() {
        // thiserror's #[error] without thiserror's derive: say so (the
        // derive cannot see every other derive of the type).
        let (private, ident) = (&cx.private, &cx.ident);
        out.extend(quote! {
            const _: () = <#ident as #private::ThiserrorDisplay>::CHECK;
        });
    }
    if model.has_const_errno() {
        // The consts of #[errno(PATH)], visible only to the impls.
        let consts = errno_const::expand(&cx);
        out = quote!(const _: () = { #consts #out };);
    }
    out
}

/// What every part of the expansion shares: the model, the paths it names
/// things by, the generated locals and the inferred bounds.
pub struct Cx<'m, 'a> {
    /// The validated input.
    pub model: &'m Model<'a>,
    /// The type's name, resolved at the call site.
    pub ident: Ident,
    /// `::uni_error` (or `#[uni(crate)]`).
    pub krate: TokenStream,
    /// `#krate::__private`.
    pub private: TokenStream,
    /// `#private::core`.
    pub core: TokenStream,
    /// `#core::option::Option`.
    pub option: TokenStream,
    /// The generated locals.
    pub locals: Locals,
    /// Where-clauses per impl.
    pub bounds: Bounds,
    /// Per variant, its source or transparent field bound as `__f`.
    pub bound: Vec<Option<Bound>>,
}

/// A variant's source (or transparent) field as every cause dispatch binds
/// it, computed once.
pub struct Bound {
    /// `__f`, located at the field's type.
    pub f: Ident,
    /// `Self::V { member: __f, .. }`.
    pub pat: TokenStream,
    /// What decides the arm's body besides the method (see [`arm_key`]).
    pub key: String,
}

impl<'m, 'a> Cx<'m, 'a> {
    /// The context of `model`, with its bounds inferred.
    fn new(model: &'m Model<'a>) -> Self {
        let krate = model.krate.clone();
        let private = quote!(#krate::__private);
        let core = quote!(#private::core);
        let option = quote!(#core::option::Option);
        let mut cx = Cx {
            model,
            ident: call_site_ident(model.ident),
            krate,
            private,
            core,
            option,
            locals: Locals::new(),
            bounds: Bounds::default(),
            bound: Vec::new(),
        };
        cx.bounds = Bounds::infer(&cx);
        cx.bound = model
            .variants
            .iter()
            .map(|v| {
                let (field, source) = match (&v.message, &v.source) {
                    (Message::Transparent(field), _) => (*field, None),
                    (_, Some(source)) => (source.field, Some(source)),
                    _ => return None,
                };
                let (f, pat) = cx.bind_as_f(v, field);
                let key = arm_key(field, source);
                Some(Bound { f, pat, key })
            })
            .collect();
        cx
    }

    /// `impl<..> #trait_ for Type<..> #where_ { #body }`, marked as derived.
    pub fn impl_block(
        &self,
        trait_: &TokenStream,
        where_: &TokenStream,
        body: &TokenStream,
    ) -> TokenStream {
        let ident = &self.ident;
        let (impl_generics, ty_generics, _) = self.model.generics.split_for_impl();
        quote! {
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics #trait_ for #ident #ty_generics #where_ {
                #body
            }
        }
    }

    /// `Self::V { a: __field_a, .. }` binding only `fields`.
    pub fn pattern<'f, 'x: 'f>(
        &self,
        variant: &VariantModel,
        fields: impl IntoIterator<Item = &'f Field<'x>>,
    ) -> TokenStream {
        let bindings = fields
            .into_iter()
            .map(|f| (&f.member, &f.binding as &dyn std::fmt::Display));
        text::pattern(self.model.is_enum, variant.ident, bindings)
    }

    /// `Self::V { member: __f, .. }` binding the source `field` as `__f`,
    /// the same name in every variant so that arms can share an or-pattern;
    /// the `__f` to use in the arm, located at the field's type.
    fn bind_as_f(&self, variant: &VariantModel, field: &Field) -> (Ident, TokenStream) {
        let f = Ident::new("__f", located(field.ty_span));
        let pat = text::pattern(
            self.model.is_enum,
            variant.ident,
            [(&field.member, &"__f" as &dyn std::fmt::Display)],
        );
        (f, pat)
    }
}

/// The names the expansion creates, each made once with the call-site span
/// (see the span policy) and interpolated wherever it is used.
pub struct Locals {
    /// `self`.
    pub this: Ident,
    /// An element of an `Option` or list source: `__e`.
    pub e: Ident,
    /// The visitor of `StreamSource::__cause`: `__v`.
    pub v: Ident,
    /// Its type parameter: `__V`.
    pub v_ty: Ident,
    /// `Display::fmt`'s formatter: `__formatter`.
    pub formatter: Ident,
    /// `Serialize::serialize`'s serializer: `__serializer`.
    pub serializer: Ident,
    /// Its type parameter: `__S`.
    pub s_ty: Ident,
    /// The value `From::from` wraps: `__source`.
    pub source: Ident,
    /// The errMsg `into_error` hands an aggregate cause: `__message`.
    pub message: Ident,
    /// A `#[source(code = f)]` read before the source moves: `__code`.
    pub code: Ident,
}

impl Locals {
    /// Every generated name, at the call site.
    fn new() -> Self {
        let name = |s: &str| Ident::new(s, Span::call_site());
        Locals {
            this: name("self"),
            e: name("__e"),
            v: name("__v"),
            v_ty: name("__V"),
            formatter: name("__formatter"),
            serializer: name("__serializer"),
            s_ty: name("__S"),
            source: name("__source"),
            message: name("__message"),
            code: name("__code"),
        }
    }
}

/// Match arms grouped by (field type, body): variants whose sources have
/// the same type and labels share one or-pattern arm, so the dispatch is
/// type-checked once per distinct source (a 500-variant enum with fifty
/// `io::Error` sources gets one arm, not fifty).
#[derive(Default)]
pub struct GroupedArms {
    /// The position in `arms` of each key seen.
    index: SortedMap<String, usize>,
    /// The patterns of each arm, and its body.
    arms: Vec<(Vec<TokenStream>, TokenStream)>,
}

impl GroupedArms {
    /// Adds the pattern of `bound` to the arm of its key if there is one,
    /// else a new arm with the body `body` builds (only then).
    pub fn push(&mut self, bound: &Bound, body: impl FnOnce(&Ident) -> TokenStream) {
        match self.index.get(&bound.key) {
            Some(&i) => self.arms[i].0.push(bound.pat.clone()),
            None => {
                self.index.insert(bound.key.clone(), self.arms.len());
                self.arms.push((vec![bound.pat.clone()], body(&bound.f)));
            }
        }
    }

    /// `pat | pat.. => body,` per arm, in first-seen order.
    pub fn arms(&self) -> Vec<TokenStream> {
        self.arms
            .iter()
            .map(|(pats, body)| quote!(#(#pats)|* => #body,))
            .collect()
    }
}

/// What decides a source arm's body besides which method it is in: the
/// field's type, whether it is transparent, and its labels. Arms with the
/// same key have the same body and can share an or-pattern. (Cheaper than
/// comparing the bodies' text.)
pub fn arm_key(field: &Field, source: Option<&Source>) -> String {
    let ty = field.ty;
    let mut key = quote!(#ty).to_string();
    let _ = write!(key, " | {}", source.is_none());
    if let Some(subject) = source.and_then(|s| s.subject) {
        let _ = write!(key, " | subject {:?}", subject.value);
    }
    if let Some(path) = source.and_then(|s| s.code) {
        let _ = write!(key, " | code {}", quote!(#path));
    }
    key
}

/// `match scrutinee { arms.. _ => rest }`, the wildcard only when some
/// variant has no arm of its own (else it would be unreachable), and just
/// `rest` when no variant has one.
pub fn match_with_rest(
    scrutinee: &Ident,
    arms: &[TokenStream],
    any_rest: bool,
    rest: &TokenStream,
) -> TokenStream {
    if arms.is_empty() {
        return rest.clone();
    }
    let wildcard = any_rest.then(|| quote!(_ => #rest,));
    quote!(match #scrutinee { #(#arms)* #wildcard })
}
