//! Code generation: `UniError`, `Display` and `std::error::Error` (when the
//! type has `#[msg]`s), `From` for `#[from]` fields, and `serde::Serialize`
//! through the runtime's streaming helper.
//!
//! # Span policy
//!
//! A span decides two things: where an error points (its location) and
//! which names a token sees (its resolution). The expansion keeps them apart:
//!
//! - **Every name it creates resolves at the call site**: the locals
//!   (`__field_*`, `__f`, `__e`, `__v`, `__source`), each method's `self`,
//!   `__formatter`, `__serializer` and the type parameters `__S`, `__V`.
//!   They are built with `Span::call_site()`, or with [`located`]`(token)`
//!   (call-site resolution, the location of a user's token) where an error
//!   should point at that token: a source or data field's type for a
//!   missing trait, the `#[source(code = f)]` path for a wrong signature.
//!   Never with a user token's own span: inside `macro_rules!` the user's
//!   tokens carry the macro's hygiene and the derive's carry another, so a
//!   local made with one and used with the other would not resolve.
//! - **The user's names the code mentions are re-resolved at the call
//!   site** ([`call_site_ident`]): the type, its variants and field names in
//!   patterns. Their location stays, and the derive's uses of a
//!   `#[deprecated]` type, variant or field are not the user's uses, so
//!   `#![deny(deprecated)]` passes.
//! - **User types, expressions and format strings are interpolated as
//!   written**, so errors about them point where the user wrote them.
//! - **Generated names cannot collide with a user's**: fields are bound as
//!   `member: __field_member`, never by their own name, and the prefix
//!   grows past any `#[msg]` named argument that starts with it
//!   (`ast::local_prefix`).

use std::collections::HashMap;
use std::fmt::Write as _;

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::DeriveInput;

use crate::ast::{Field, Input, Variant};
use crate::ctxt::Ctxt;
use crate::generics::{InferredBounds, ParamsInScope};
use crate::prop::{self, Shape};
use crate::text::{self, trees};
use crate::{fallback, valid};

/// The whole derive: parse, validate, then generate code or, on errors,
/// every error plus stub impls.
pub fn derive(node: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let input = Input::from_syn(&cx, node);
    if let Some(input) = &input {
        valid::check(&cx, input);
    }
    let krate = input
        .as_ref()
        .and_then(|i| i.attrs.krate.as_ref())
        .map_or_else(|| quote!(::uni_error), ToTokens::to_token_stream);
    match (cx.check(), input) {
        (Ok(()), Some(input)) => impl_input(&input, &krate),
        (Ok(()), None) => TokenStream::new(),
        (Err(err), _) => {
            let mut out = err.into_compile_error();
            out.extend(fallback::expand(node, &krate));
            out
        }
    }
}

/// `Self::V { a: __field_a, .. }` binding only `fields`.
fn pattern<'f, 'a: 'f>(
    input: &Input,
    variant: &Variant,
    fields: impl IntoIterator<Item = &'f Field<'a>>,
) -> TokenStream {
    let mut src = String::new();
    text::pattern(&mut src, input, variant, fields);
    text::tokens(&src)
}

/// `Self::V { member: __f, .. }` binding the source `field` as `__f`, the
/// same name in every variant so that arms can share an or-pattern.
fn stream_pattern(input: &Input, variant: &Variant, field: &Field) -> (Ident, TokenStream) {
    let f = Ident::new("__f", located(field.ty.span()));
    let mut src = String::new();
    text::pattern_with(
        &mut src,
        input,
        variant,
        [(&field.member, &"__f" as &dyn std::fmt::Display)],
    );
    (f, text::tokens(&src))
}

/// Match arms grouped by (field type, body): variants whose sources have
/// the same type and labels share one or-pattern arm, so the dispatch is
/// type-checked once per distinct source (a 500-variant enum with fifty
/// `io::Error` sources gets one arm, not fifty).
#[derive(Default)]
struct GroupedArms {
    /// The position in `arms` of each (type, body) seen.
    index: HashMap<String, usize>,
    /// The patterns of each arm, and its body.
    arms: Vec<(Vec<TokenStream>, TokenStream)>,
}

impl GroupedArms {
    /// Adds `pat => body` to the arm of `key` (see [`arm_key`]) if there is
    /// one, else as a new arm.
    fn push(&mut self, key: &str, pat: TokenStream, body: TokenStream) {
        match self.index.get(key) {
            Some(&i) => self.arms[i].0.push(pat),
            None => {
                self.index.insert(key.to_owned(), self.arms.len());
                self.arms.push((vec![pat], body));
            }
        }
    }

    /// `pat | pat.. => body,` per arm, in first-seen order.
    fn arms(&self) -> Vec<TokenStream> {
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
fn arm_key(field: &Field, transparent: bool) -> String {
    let ty = field.ty;
    let mut key = quote!(#ty).to_string();
    let _ = write!(key, " | {transparent}");
    if let Some(subject) = &field.attrs.source_subject {
        let _ = write!(key, " | subject {:?}", subject.value);
    }
    if let Some(path) = &field.attrs.source_code {
        let _ = write!(key, " | code {}", quote!(#path));
    }
    key
}

/// `match self { arms.. _ => rest }`, the wildcard only when some variant
/// has no arm of its own (else it would be unreachable), and just `rest`
/// when no variant has one.
fn match_with_rest(arms: &[TokenStream], any_rest: bool, rest: &TokenStream) -> TokenStream {
    if arms.is_empty() {
        return rest.clone();
    }
    let wildcard = any_rest.then(|| quote!(_ => #rest,));
    quote!(match self { #(#arms)* #wildcard })
}

/// Every impl for a validated input, with the crate at `krate`.
fn impl_input(input: &Input, krate: &TokenStream) -> TokenStream {
    let ident = &call_site_ident(input.ident);
    let generics = input.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let params = ParamsInScope::new(generics);
    let private = quote!(#krate::__private);
    let core = quote!(#private::core);
    let option = quote!(#core::option::Option);

    let mut uni_bounds = InferredBounds::default();
    let mut error_bounds = InferredBounds::default();
    let mut display_bounds = InferredBounds::default();
    let mut serialize_bounds = InferredBounds::default();
    if params.any() {
        uni_bounds.insert(quote!(Self), quote!(#private::std::error::Error));
        error_bounds.insert(
            quote!(Self),
            quote!(#core::fmt::Debug + #core::fmt::Display),
        );
        serialize_bounds.insert(quote!(Self), quote!(#private::StreamSource));
    }

    let wrap = quote!(#private::Wrap);
    // A #[msg(transparent)] field forwards what its variant does not say.
    for v in &input.variants {
        let Some(field) = prop::transparent_field(v) else {
            continue;
        };
        if params.intersects(field.ty) {
            let ty = field.ty;
            let error = quote!(#private::std::error::Error + 'static);
            uni_bounds.insert(ty, &error);
            error_bounds.insert(ty, &error);
            display_bounds.insert(ty, quote!(#core::fmt::Display));
            if prop::forwards_subject(v) || prop::forwards_errno(v) {
                uni_bounds.insert(ty, quote!(#krate::UniError));
            }
        }
    }
    let forward = |v: &Variant, method: TokenStream| {
        let field = prop::transparent_field(v)?;
        let pat = pattern(input, v, [field]);
        let binding = &field.binding;
        let span = located(field.ty.span());
        let private = respan(&private, span);
        Some(quote_spanned!(span=> #pat => #private::Transparent::#method(#binding),))
    };

    // err_subject: a constant when every variant shares the subject.
    let subjects: Vec<_> = input
        .variants
        .iter()
        .map(|v| (v, prop::subject(input, v)))
        .collect();
    let first = subjects.first().and_then(|(_, s)| s.map(|s| &s.value));
    let any_forwards_subject = input.variants.iter().any(|v| prop::forwards_subject(v));
    let err_subject = if any_forwards_subject {
        let arms = subjects.iter().map(|(v, s)| {
            prop::forwards_subject(v)
                .then(|| forward(v, quote!(__subject)))
                .flatten()
                .unwrap_or_else(|| {
                    let pat = pattern(input, v, []);
                    quote!(#pat => #s,)
                })
        });
        quote!(match self { #(#arms)* })
    } else if subjects.iter().all(|(_, s)| s.map(|s| &s.value) == first) {
        let lit = subjects.first().and_then(|(_, s)| *s);
        quote!(#lit)
    } else {
        let arms = subjects.iter().map(|(v, s)| {
            let pat = pattern(input, v, []);
            quote!(#pat => #s,)
        });
        quote!(match self { #(#arms)* })
    };

    // errno: constants, validated when the macro ran. The arms give bare
    // numbers and the constructor is written once: fewer tokens to expand
    // and type-check in big enums.
    // A transparent variant forwards its field's errno (an `Errno`); then
    // every arm must give an `Errno`.
    let any_forwards = input.variants.iter().any(|v| prop::forwards_errno(v));
    let errno_arms = input.variants.iter().map(|v| {
        if prop::forwards_errno(v) {
            if let Some(arm) = forward(v, quote!(__errno)) {
                return arm;
            }
        }
        let pat = pattern(input, v, []);
        let n = prop::errno(input, v);
        if any_forwards {
            quote!(#pat => #krate::Errno::__from_validated(#n),)
        } else {
            quote!(#pat => #n,)
        }
    });
    let errno = if any_forwards {
        quote!(match self { #(#errno_arms)* })
    } else if input.is_enum {
        // Only numbers: the whole match as text.
        let mut src = format!("{krate}::Errno::__from_validated(match self {{ ");
        for v in &input.variants {
            text::pattern(&mut src, input, v, []);
            let _ = write!(src, " => {}u32, ", prop::errno(input, v));
        }
        src.push_str("})");
        text::tokens(&src)
    } else {
        let n = prop::errno(input, &input.variants[0]);
        quote!(#krate::Errno::__from_validated(#n))
    };

    // data(), and the data passed to serialize.
    let has_transparent = input.variants.iter().any(|v| v.attrs.transparent.is_some());
    let has_data = has_transparent || input.variants.iter().any(|v| prop::data_field(v).is_some());
    let mut data_arms = Vec::new();
    let mut serialize_arms = Vec::new();
    let mut data_rest = false;
    for v in &input.variants {
        if let Some(field) = prop::transparent_field(v) {
            let pat = pattern(input, v, [field]);
            let binding = &field.binding;
            data_arms.push(quote!(#pat => (&#wrap(#binding)).__transparent_data(),));
            // Through data(), whose impl has the bounds the dispatch needs.
            serialize_arms.push(quote! {
                #pat => #private::serialize(
                    self,
                    #krate::UniError::data(self).as_ref(),
                    __serializer,
                ),
            });
            continue;
        }
        let Some(field) = prop::data_field(v) else {
            data_rest = true;
            continue;
        };
        let pat = pattern(input, v, [field]);
        let binding = &field.binding;
        let span = located(field.ty.span());
        // Spanned at the field, so "`X` does not implement Serialize"
        // points there and not at the derive.
        let private = respan(&private, span);
        let (value_ty, data, serialize_data) = match prop::generic_arg(field.ty, "Option") {
            Some(inner) => (
                inner,
                quote_spanned!(span=> #binding.as_ref().and_then(#private::to_data)),
                quote_spanned!(span=> #binding.as_ref()),
            ),
            None => (
                field.ty,
                quote_spanned!(span=> #private::to_data(#binding)),
                respan(&quote!(#option::Some(#binding)), span),
            ),
        };
        if params.intersects(value_ty) {
            uni_bounds.insert(value_ty, quote!(#private::serde::Serialize));
            serialize_bounds.insert(value_ty, quote!(#private::serde::Serialize));
        }
        data_arms.push(quote!(#pat => #data,));
        serialize_arms.push(quote_spanned! {span=>
            #pat => #private::serialize(self, #serialize_data, __serializer),
        });
    }
    let data_body = match_with_rest(&data_arms, data_rest, &quote!(#option::None));
    let kinds = quote! {
        #[allow(unused_imports)]
        use #private::{BoxedKind as _, StdKind as _, UniKind as _};
    };
    let data_kinds = has_transparent.then_some(&kinds);
    let data_fn = has_data.then(|| {
        quote! {
            fn data(&self) -> #option<#private::serde_json::Value> {
                #data_kinds
                #data_body
            }
        }
    });
    let serialize_body = if has_data {
        match_with_rest(
            &serialize_arms,
            data_rest,
            &quote!(#private::serialize(self, #option::<&()>::None, __serializer)),
        )
    } else {
        quote!(#private::serialize(self, #option::<&()>::None, __serializer))
    };

    // err_cause() and source().
    let has_source = has_transparent
        || input
            .variants
            .iter()
            .any(|v| prop::source_field(v).is_some());
    // Arms are grouped: variants whose sources share a type (and labels)
    // share an arm.
    let mut cause_arms = GroupedArms::default();
    let mut stream_arms = GroupedArms::default();
    let mut source_arms = GroupedArms::default();
    let mut cause_rest = false;
    let mut source_rest = false;
    for v in &input.variants {
        if let Some(field) = prop::transparent_field(v) {
            let span = located(field.ty.span());
            let (f, pat) = stream_pattern(input, v, field);
            let key = arm_key(field, true);
            cause_arms.push(
                &key,
                pat.clone(),
                quote!((&#wrap(#f)).__transparent_cause()),
            );
            stream_arms.push(&key, pat.clone(), quote!((&&&#wrap(#f)).__forward(__v)));
            let source = quote_spanned! {span=>
                #private::std::error::Error::source(#f.as_dyn_error())
            };
            source_arms.push(&key, pat, source);
            continue;
        }
        let Some(field) = prop::source_field(v) else {
            cause_rest = true;
            source_rest = true;
            continue;
        };
        let shape = Shape::of(field.ty);
        let error_ty = shape.error_type();
        if params.intersects(error_ty) {
            let bound = quote!(#private::std::error::Error + 'static);
            uni_bounds.insert(error_ty, &bound);
            error_bounds.insert(error_ty, &bound);
        }
        let span = located(field.ty.span());
        // `#[source(subject = "csj", code = f)]` labels a cause that has no
        // subject or code; `f` reads the code off each error, and errors
        // about its signature point at the user's path.
        let label = |elem: TokenStream| {
            let subject = field
                .attrs
                .source_subject
                .as_ref()
                .map(|lit| quote!(.with_default_subject(#lit)));
            let code = field.attrs.source_code.as_ref().map(|path| {
                let span = located(path.span());
                let private = respan(&private, span);
                quote_spanned!(span=> .with_default_code(#private::SourceCode(#elem).read(#path)))
            });
            quote!(#subject #code)
        };
        // The streamed cause: one call per source, the node dispatched by
        // autoref like the owned one.
        let (f, pat) = stream_pattern(input, v, field);
        let stream = match &shape {
            Shape::One(_) => {
                let label = label(f.to_token_stream());
                quote_spanned!(span=> __v.node((&&&#wrap(#f)).__node() #label))
            }
            Shape::Option(_) => {
                let label = label(quote!(__e));
                quote_spanned!(span=> #private::opt(__v, #f.as_ref(), |__e| (&&&#wrap(__e)).__node() #label))
            }
            Shape::List(_) => {
                let label = label(quote!(__e));
                quote_spanned!(span=> __v.node(#private::list(self, #f.iter(), |__e| (&&&#wrap(__e)).__node() #label)))
            }
        };
        let key = arm_key(field, false);
        stream_arms.push(&key, pat.clone(), stream);
        let (cause, source) = match &shape {
            Shape::One(_) => (
                {
                    let label = label(f.to_token_stream());
                    quote_spanned!(span=> #option::Some((&#wrap(#f)).__uni_cause() #label))
                },
                quote_spanned!(span=> #option::Some(#f.as_dyn_error())),
            ),
            Shape::Option(_) => (
                {
                    let label = label(quote!(__e));
                    quote_spanned!(span=> #f.as_ref().map(|__e| (&#wrap(__e)).__uni_cause() #label))
                },
                // Call-site spans: a closure clippy would flag as redundant in
                // user code, but `Box<dyn Error>` needs the autoderef.
                quote!(#f.as_ref().map(|__e| __e.as_dyn_error())),
            ),
            Shape::List(_) => (
                {
                    let label = label(quote!(__e));
                    quote_spanned!(span=> #option::Some(#private::aggregate(
                        self,
                        #core::iter::Iterator::collect(#core::iter::Iterator::map(
                            #f.iter(),
                            |__e| (&#wrap(__e)).__uni_cause() #label,
                        )),
                    )))
                },
                // A list has no single std source.
                TokenStream::new(),
            ),
        };
        if source.is_empty() {
            source_rest = true;
        } else {
            source_arms.push(&key, pat.clone(), source);
        }
        cause_arms.push(&key, pat, cause);
    }
    let cause_body = match_with_rest(&cause_arms.arms(), cause_rest, &quote!(#option::None));
    let source_body = match_with_rest(&source_arms.arms(), source_rest, &quote!(#option::None));
    let stream_body = match_with_rest(&stream_arms.arms(), cause_rest, &quote!(__v.none()));
    let stream_kinds = has_source.then(|| {
        quote! {
            #[allow(unused_imports)]
            use #private::{BoxedNodeKind as _, DerivedKind as _, OwnedKind as _, StdNodeKind as _};
        }
    });
    let cause_fn = has_source.then(|| {
        quote! {
            fn err_cause(&self) -> #option<#krate::Cause> {
                #kinds
                #cause_body
            }
        }
    });

    let status_fn = status_fn(input, krate, &kinds);
    let into_error_fn = into_error_fn(input, krate);

    let uni_where = uni_bounds.where_clause(generics);
    let mut out = quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::UniError for #ident #ty_generics #uni_where {
            fn err_subject(&self) -> &#core::primitive::str {
                #err_subject
            }
            fn errno(&self) -> #krate::Errno {
                #errno
            }
            #data_fn
            #cause_fn
            #status_fn
            #into_error_fn
        }
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #private::StreamSource for #ident #ty_generics #uni_where {
            fn __cause<__V: #private::Visit>(&self, __v: __V) -> <__V as #private::Visit>::Out {
                #stream_kinds
                #stream_body
            }
        }
    };

    // Display, Error and From only when the type has messages. Without any
    // #[msg] the user's own impls (or thiserror's, which reads the same
    // #[source] and #[from]) are used, and generating From would conflict.
    let has_msg = input
        .variants
        .iter()
        .any(|v| v.attrs.msg.is_some() || v.attrs.transparent.is_some());
    if has_msg {
        // The arms as one list of token trees (see `text::trees`).
        let mut arms: Vec<TokenTree> = Vec::new();
        let write_path: Vec<TokenTree> = quote!(#core::write).into_iter().collect();
        for v in &input.variants {
            if let Some(field) = prop::transparent_field(v) {
                let pat = pattern(input, v, [field]);
                let binding = &field.binding;
                let span = located(field.ty.span());
                let core = respan(&core, span);
                arms.extend(quote_spanned! {span=>
                    #pat => #core::fmt::Display::fmt(#binding, __formatter),
                });
                continue;
            }
            // Validation rewrote every #[msg] already (and any error
            // stopped the derive before this point).
            let Some(expanded) = v.display.get() else {
                continue;
            };
            for (i, fmt_trait) in &expanded.bounds {
                let ty = v.fields[*i].ty;
                if params.intersects(ty) {
                    let t = fmt_trait.ident();
                    display_bounds.insert(ty, quote!(#core::fmt::#t));
                }
            }
            let used = expanded.used.iter().map(|i| &v.fields[*i]);
            trees::pattern(&mut arms, input, v, used);
            trees::op(&mut arms, "=>");
            let lit = TokenTree::Literal(expanded.lit.clone());
            if expanded.plain {
                // __formatter.write_str("..")
                arms.push(trees::ident("__formatter"));
                trees::op(&mut arms, ".");
                arms.push(trees::ident("write_str"));
                arms.push(trees::group(Delimiter::Parenthesis, vec![lit]));
            } else {
                // core::write!(__formatter, "..", args..)
                arms.extend(write_path.iter().cloned());
                trees::op(&mut arms, "!");
                let mut inner = vec![trees::ident("__formatter")];
                trees::op(&mut inner, ",");
                inner.push(lit);
                inner.extend(expanded.args.iter().cloned());
                arms.push(trees::group(Delimiter::Parenthesis, inner));
            }
            trees::op(&mut arms, ",");
        }
        let arms: TokenStream = arms.into_iter().collect();
        let display_where = display_bounds.where_clause(generics);
        let error_where = error_bounds.where_clause(generics);
        let source_fn = has_source.then(|| {
            quote! {
                fn source(&self) -> #option<&(dyn #private::std::error::Error + 'static)> {
                    #[allow(unused_imports)]
                    use #private::AsDynError as _;
                    #source_body
                }
            }
        });
        out.extend(quote! {
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics #core::fmt::Display for #ident #ty_generics #display_where {
                fn fmt(&self, __formatter: &mut #core::fmt::Formatter<'_>) -> #core::fmt::Result {
                    match self { #arms }
                }
            }
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics #private::std::error::Error for #ident #ty_generics #error_where {
                #source_fn
            }
        });
    }

    // From for #[from] fields.
    let from_where = InferredBounds::default().where_clause(generics);
    for v in input.variants.iter().filter(|_| has_msg) {
        let Some(field) = prop::from_field(v) else {
            continue;
        };
        let path = v.path(input);
        let member = &field.member;
        let ty = field.ty;
        out.extend(quote_spanned! {located(field.original.span())=>
            #[automatically_derived]
            #[allow(unused_qualifications)]
            impl #impl_generics #core::convert::From<#ty> for #ident #ty_generics #from_where {
                fn from(__source: #ty) -> Self {
                    #path { #member: __source }
                }
            }
        });
    }

    out.extend(impl_catalog(input, krate));

    let serialize_where = serialize_bounds.where_clause(generics);
    out.extend(quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #private::serde::Serialize for #ident #ty_generics #serialize_where {
            fn serialize<__S>(&self, __serializer: __S) -> #core::result::Result<__S::Ok, __S::Error>
            where
                __S: #private::serde::Serializer,
            {
                #serialize_body
            }
        }
    });
    out
}

/// `impl Catalog`: a `const` table of every variant, as written.
fn impl_catalog(input: &Input, krate: &TokenStream) -> TokenStream {
    let ident = &call_site_ident(input.ident);
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let type_name = syn::ext::IdentExt::unraw(ident).to_string();
    // One local constructor; each entry is then a call with literals only
    // (about a third of the tokens of spelling out every path per entry).
    let variant_name = if input.is_enum {
        quote!(#krate::__private::core::option::Option::Some(__variant))
    } else {
        quote!(#krate::__private::core::option::Option::None)
    };
    // A transparent variant without its own errno has none known at compile
    // time (it is the inner error's): it is left out of the table.
    // The table as text: literals only, nothing an error points at.
    let mut entries = String::from("[");
    for v in input.variants.iter().filter(|v| !prop::forwards_errno(v)) {
        entries.push_str("__entry(");
        text::string(
            &mut entries,
            &syn::ext::IdentExt::unraw(v.ident).to_string(),
        );
        entries.push_str(", ");
        text::string(
            &mut entries,
            prop::subject(input, v).map_or("", |s| s.value.as_str()),
        );
        let _ = write!(entries, ", {}u32, ", prop::errno(input, v));
        text::string(
            &mut entries,
            v.attrs.msg.as_ref().map_or("", |m| m.lit.value.as_str()),
        );
        entries.push_str(", ");
        text::string(&mut entries, &v.doc);
        entries.push_str("), ");
    }
    entries.push(']');
    let entries = text::tokens(&entries);
    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::catalog::Catalog for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#krate::catalog::CatalogEntry] = {
                #[allow(unused_variables)]
                const fn __entry(
                    __variant: &'static str,
                    __subject: &'static str,
                    __errno: u32,
                    __msg: &'static str,
                    __doc: &'static str,
                ) -> #krate::catalog::CatalogEntry {
                    #krate::catalog::CatalogEntry::__new(
                        #type_name,
                        #variant_name,
                        __subject,
                        #krate::Errno::__from_validated(__errno),
                        __msg,
                        __doc,
                    )
                }
                &#entries
            };
        }
    }
}

/// `into_error(self)`, when some variant has a source: the owned error
/// built by moving each source into the cause (`__private::erase`). A
/// `#[msg(transparent)]` variant forwards by reference, as `to_error` does.
fn into_error_fn(input: &Input, krate: &TokenStream) -> Option<TokenStream> {
    let private = quote!(#krate::__private);
    let option = quote!(#private::core::option::Option);
    let mut transparent = Vec::new();
    let mut arms = GroupedArms::default();
    let mut rest = false;
    let mut any_list = false;
    for v in &input.variants {
        if v.attrs.transparent.is_some() {
            transparent.push(pattern(input, v, []));
            rest = true;
            continue;
        }
        let Some(field) = prop::source_field(v) else {
            rest = true;
            continue;
        };
        let span = located(field.ty.span());
        // One element by value: `e` names it.
        let convert = |e: TokenStream| {
            let code = field.attrs.source_code.as_ref().map(|path| {
                let span = located(path.span());
                let private = respan(&private, span);
                quote_spanned!(span=> let __code = #private::SourceCode(&#e).read(#path);)
            });
            let subject = field
                .attrs
                .source_subject
                .as_ref()
                .map(|lit| quote!(.with_default_subject(#lit)));
            let with_code = code.as_ref().map(|_| quote!(.with_default_code(__code)));
            let call = quote_spanned!(span=> (&&&&#private::by_value(&#e)).__into_cause()(#e));
            if code.is_none() && subject.is_none() {
                call
            } else {
                quote!({ #code #call #subject #with_code })
            }
        };
        let (f, pat) = stream_pattern(input, v, field);
        let body = match Shape::of(field.ty) {
            Shape::One(_) => {
                let cause = convert(f.to_token_stream());
                quote!(#option::Some(#cause))
            }
            Shape::Option(_) => {
                let cause = convert(quote!(__e));
                quote!(#option::map(#f, |__e| #cause))
            }
            Shape::List(_) => {
                any_list = true;
                let cause = convert(quote!(__e));
                quote!(#option::Some(#private::aggregate_of(
                    __message,
                    #private::core::iter::Iterator::map(
                        #private::core::iter::IntoIterator::into_iter(#f),
                        |__e| #cause,
                    ),
                )))
            }
        };
        arms.push(&arm_key(field, false), pat, body);
    }
    let arms = arms.arms();
    // Every variant transparent, or none with a source: the default
    // (`to_error`) is what this would do.
    if arms.is_empty() {
        return None;
    }
    let wildcard = rest.then(|| quote!(_ => #option::None,));
    let message = if any_list {
        quote!(__message)
    } else {
        quote!(_)
    };
    let erase = quote! {
        #private::into_error(__this, |__this, #message| {
            #[allow(unused_imports)]
            use #private::{
                BoxedIntoKind as _, FallbackIntoKind as _, OwnedErrorKind as _, StdIntoKind as _,
                UniIntoKind as _,
            };
            match __this { #(#arms)* #wildcard }
        })
    };
    let body = if transparent.is_empty() {
        quote!(let __this = self; #erase)
    } else {
        quote! {
            match self {
                #(#transparent)|* => #krate::UniError::to_error(&self),
                __this => #erase,
            }
        }
    };
    Some(quote! {
        fn into_error(self) -> #krate::Error {
            #body
        }
    })
}

/// `status_override()`, when some `#[status]` is given or a transparent
/// variant may forward its field's: the variant's own, else the type's,
/// else (transparent) the field's, else `None`.
fn status_fn(input: &Input, krate: &TokenStream, kinds: &TokenStream) -> Option<TokenStream> {
    let any_status =
        input.attrs.status.is_some() || input.variants.iter().any(|v| v.attrs.status.is_some());
    let any_forwards = input.variants.iter().any(|v| prop::forwards_status(v));
    if !any_status && !any_forwards {
        return None;
    }
    let private = quote!(#krate::__private);
    let option = quote!(#private::core::option::Option);
    let status_mod = quote!(#krate::status);
    let mut arms = Vec::new();
    let mut rest = false;
    for v in &input.variants {
        if prop::forwards_status(v) {
            if let Some(field) = prop::transparent_field(v) {
                let pat = pattern(input, v, [field]);
                let binding = &field.binding;
                arms.push(quote!(#pat => (&#private::Wrap(#binding)).__transparent_status(),));
                continue;
            }
        }
        let Some(status) = prop::status(input, v) else {
            rest = true;
            continue;
        };
        let grpc = match &status.grpc {
            Some(code) => quote!(#option::Some(#status_mod::Code::#code)),
            None => quote!(#option::None),
        };
        let http = match &status.http {
            Some(n) => {
                let n = u16::try_from(n.value).unwrap_or(500);
                quote!(#option::Some(#n))
            }
            None => quote!(#option::None),
        };
        let pat = pattern(input, v, []);
        arms.push(quote! {
            #pat => #option::Some(#status_mod::StatusOverride { grpc: #grpc, http: #http }),
        });
    }
    let body = match_with_rest(&arms, rest, &quote!(#option::None));
    let kinds = any_forwards.then_some(kinds);
    Some(quote! {
        fn status_override(&self) -> #option<#status_mod::StatusOverride> {
            #kinds
            #body
        }
    })
}

/// A span that resolves at the call site, located at `span` (see the span
/// policy above).
pub fn located(span: Span) -> Span {
    Span::call_site().located_at(span)
}

/// `ident` resolved at the call site, where the user wrote it.
pub fn call_site_ident(ident: &Ident) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(located(ident.span()));
    ident
}

/// `tokens` with every span set to `span`.
fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(g) = &tt {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(&g.stream(), span));
                group.set_span(span);
                tt = TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}
