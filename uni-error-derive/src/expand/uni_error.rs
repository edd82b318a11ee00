//! `impl UniError` (errSubject, errno, data, the cause, the status override,
//! erasure by value) and `impl StreamSource` (the streamed cause).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};

use crate::ast::Field;
use crate::model::{Errno, Message, Status, Subject, VariantModel};

use super::{cause, errno_const, match_with_rest, text, Cx};
use crate::span::respan;

/// Both impls.
pub fn expand(cx: &Cx) -> TokenStream {
    let (krate, private, core) = (&cx.krate, &cx.private, &cx.core);
    let err_subject = err_subject(cx);
    let errno = errno(cx);
    let data_fn = data_fn(cx);
    let extra_fn = extra_fn(cx);
    let cause_fn = cause::err_cause_fn(cx);
    let status_fn = status_fn(cx);
    let into_error_fn = cause::into_error_fn(cx);
    let err_code_fn = err_code_fn(cx);
    let write_json_fn = super::serialize::write_json_fn(cx);
    let locale_fns = super::locale::uni_fns(cx);
    let uni = quote! {
        fn err_subject(&self) -> &#core::primitive::str {
            #err_subject
        }
        fn errno(&self) -> #krate::Errno {
            #errno
        }
        #err_code_fn
        #data_fn
        #extra_fn
        #cause_fn
        #status_fn
        #into_error_fn
        #write_json_fn
        #locale_fns
    };
    let mut out = cx.impl_block(&quote!(#krate::UniError), &cx.bounds.uni, &uni);
    let stream_fn = cause::stream_fn(cx);
    let take_fn = cause::take_fn(cx);
    let prefix_fn = json_prefix_fn(cx);
    let sure_fn = msg_sure_fn(cx);
    out.extend(cx.impl_block(
        &quote!(#private::StreamSource),
        &cx.bounds.uni,
        &quote!(#stream_fn #take_fn #prefix_fn #sure_fn),
    ));
    out
}

/// `pattern => <Field as Transparent>::method(field),` for a variant that
/// forwards to its field: "not a uni error" points at the field's type.
/// The arm names the field's type, so it allows `deprecated`: a type the
/// user allowed on the field is not their use here (as thiserror's `From`).
fn forward(cx: &Cx, v: &VariantModel, field: &Field, method: &str) -> TokenStream {
    let pat = cx.pattern(v, [field]);
    let (binding, ty) = (&field.binding, field.ty);
    let span = field.ty_span;
    let private = respan(&cx.private, span);
    let method = proc_macro2::Ident::new(method, span);
    quote_spanned!(span=> #[allow(deprecated)] #pat => <#ty as #private::Transparent>::#method(#binding),)
}

/// The body of `err_subject`: a constant when every variant shares it.
fn err_subject(cx: &Cx) -> TokenStream {
    let variants = &cx.model.variants;
    let this = &cx.locals.this;
    fn given<'a>(v: &VariantModel<'a>) -> Option<&'a crate::lit::Str> {
        match v.subject {
            Subject::Given(lit) => Some(lit),
            Subject::Forwarded(_) => None,
        }
    }
    let any_forwards = variants.iter().any(|v| given(v).is_none());
    let first = variants.first().and_then(given).map(|s| &s.value);
    if !any_forwards && variants.iter().all(|v| given(v).map(|s| &s.value) == first) {
        let lit = variants.first().and_then(given);
        return quote!(#lit);
    }
    let arms = variants.iter().map(|v| match v.subject {
        Subject::Forwarded(field) => forward(cx, v, field, "__subject"),
        Subject::Given(lit) => {
            let pat = cx.pattern(v, []);
            quote!(#pat => #lit,)
        }
    });
    quote!(match #this { #(#arms)* })
}

/// The body of `errno`: constants validated when the macro ran. The arms
/// give bare numbers and the constructor is written once (fewer tokens to
/// expand and type-check in big enums), unless a transparent variant
/// forwards its field's `Errno`: then every arm gives an `Errno`.
fn errno(cx: &Cx) -> TokenStream {
    let variants = &cx.model.variants;
    let krate = &cx.krate;
    let this = &cx.locals.this;
    let numbers: Option<Vec<_>> = variants
        .iter()
        .map(|v| match v.errno {
            Errno::Given(n) => Some((v.ident, n)),
            Errno::Forwarded(_) | Errno::Const(_) => None,
        })
        .collect();
    if let Some(numbers) = numbers {
        return text::errno_match(krate, cx.model.is_enum, numbers);
    }
    let arms = variants.iter().enumerate().map(|(i, v)| match v.errno {
        Errno::Forwarded(field) => forward(cx, v, field, "__errno"),
        Errno::Given(n) => {
            let pat = cx.pattern(v, []);
            quote!(#pat => #krate::__private::errno(#n),)
        }
        Errno::Const(_) => {
            let pat = cx.pattern(v, []);
            let name = errno_const::name(i);
            quote!(#pat => #krate::__private::errno(#name),)
        }
    });
    quote!(match #this { #(#arms)* })
}

/// `__err_code()`, only when a transparent variant forwards its field's
/// errno: a `uni_error::Error` field then passes its code through as it is
/// (any `i64`), where `errno()` can only give a valid `Errno`.
fn err_code_fn(cx: &Cx) -> Option<TokenStream> {
    let variants = &cx.model.variants;
    if !variants
        .iter()
        .any(|v| matches!(v.errno, Errno::Forwarded(_)))
    {
        return None;
    }
    let (this, core) = (&cx.locals.this, &cx.core);
    let arms = variants.iter().enumerate().map(|(i, v)| match v.errno {
        Errno::Forwarded(field) => forward(cx, v, field, "__code"),
        Errno::Given(n) => {
            let pat = cx.pattern(v, []);
            let n = i64::from(n);
            quote!(#pat => #n,)
        }
        Errno::Const(_) => {
            let pat = cx.pattern(v, []);
            let name = errno_const::name(i);
            quote!(#pat => #core::primitive::i64::from(#name),)
        }
    });
    Some(quote! {
        #[inline]
        fn __err_code(&self) -> #core::primitive::i64 {
            match #this { #(#arms)* }
        }
    })
}

/// `data()`, when some variant has data or forwards its field's.
fn data_fn(cx: &Cx) -> Option<TokenStream> {
    let (private, option) = (&cx.private, &cx.option);
    let mut arms = Vec::new();
    let mut rest = false;
    for v in &cx.model.variants {
        if let Message::Transparent(field) = v.message {
            let pat = cx.pattern(v, [field]);
            let binding = &field.binding;
            let data = cause::transparent_data(cx, field.ty_span, binding);
            arms.push(quote!(#pat => #data,));
            continue;
        }
        let Some(data) = &v.data else {
            rest = true;
            continue;
        };
        let pat = cx.pattern(v, [data.field]);
        let binding = &data.field.binding;
        // At the field, so "`X` does not implement Serialize" points there.
        let span = data.field.ty_span;
        let private = respan(private, span);
        // The type named, so that the one check (`IsData`: is it
        // `Serialize`?) is made at the user's type rather than at the
        // (call-site) binding; the kind it passes on compiles either way.
        let ty = data.value_ty;
        let kind = cause::data_kind(cx, span, ty);
        let kind = quote_spanned!(span=> <#ty as #private::IsData<_>>::__checked(#kind));
        let value = if data.optional {
            quote_spanned!(span=> #binding.as_ref().and_then(|#binding| #kind.to_data(#binding)))
        } else {
            quote_spanned!(span=> #kind.to_data(#binding))
        };
        // It names the field's type: see `forward`.
        arms.push(quote!(#[allow(deprecated)] #pat => #value,));
    }
    if arms.is_empty() {
        return None;
    }
    let body = match_with_rest(&cx.locals.this, &arms, rest, &quote!(#option::None));
    let kinds = cause::dispatch(cx);
    let krate = &cx.krate;
    let json = quote!(#krate::Json);
    Some(quote! {
        fn data(&self) -> #option<#json> {
            #kinds
            #body
        }
    })
}

/// `__extra()`, when some variant forwards to its field: that field's
/// top-level unknown keys (an owned `Error`'s), which the streamed writers
/// and erasure keep as the field's own JSON has them.
fn extra_fn(cx: &Cx) -> Option<TokenStream> {
    let (private, krate) = (&cx.private, &cx.krate);
    let mut arms = Vec::new();
    let mut rest = false;
    for v in &cx.model.variants {
        let Message::Transparent(field) = v.message else {
            rest = true;
            continue;
        };
        let pat = cx.pattern(v, [field]);
        let extra = cause::transparent_extra(cx, field.ty_span, &field.binding);
        arms.push(quote!(#[allow(deprecated)] #pat => #extra,));
    }
    if arms.is_empty() {
        return None;
    }
    let body = match_with_rest(&cx.locals.this, &arms, rest, &quote!(&[]));
    let kinds = cause::dispatch(cx);
    Some(quote! {
        fn __extra(&self) -> &[(#private::std::string::String, #krate::Json)] {
            #kinds
            #body
        }
    })
}

/// `status_override()`, when some `#[status]` is given or a transparent
/// variant may forward its field's: the variant's own, else the type's,
/// else (transparent) the field's, else `None`.
fn status_fn(cx: &Cx) -> Option<TokenStream> {
    let variants = &cx.model.variants;
    let none = |v: &VariantModel| match v.status {
        Status::None => true,
        Status::Given(s) => !s.overrides_code(),
        Status::Forwarded(_) => false,
    };
    if variants.iter().all(none) {
        return None;
    }
    let option = &cx.option;
    let krate = &cx.krate;
    let status_mod = quote!(#krate::status);
    let mut arms = Vec::new();
    let mut rest = false;
    let mut any_forwards = false;
    for v in variants {
        let status = match v.status {
            Status::None => {
                rest = true;
                continue;
            }
            Status::Forwarded(field) => {
                any_forwards = true;
                let pat = cx.pattern(v, [field]);
                let binding = &field.binding;
                let status = cause::transparent_status(cx, field.ty_span, binding);
                arms.push(quote!(#pat => #status,));
                continue;
            }
            Status::Given(status) if status.overrides_code() => status,
            Status::Given(_) => {
                rest = true;
                continue;
            }
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
        let pat = cx.pattern(v, []);
        arms.push(quote! {
            #pat => #option::Some(#status_mod::StatusOverride { grpc: #grpc, http: #http }),
        });
    }
    let body = match_with_rest(&cx.locals.this, &arms, rest, &quote!(#option::None));
    let kinds = any_forwards.then(|| cause::dispatch(cx));
    Some(quote! {
        fn status_override(&self) -> #option<#status_mod::StatusOverride> {
            #kinds
            #body
        }
    })
}

/// `StreamSource::__json_prefix`: where every variant names the same
/// subject (none forwards it), `{"errSubject":"…","errCode":` as one
/// escaped string, which the direct writer copies before the code. One
/// literal per type, no `match`: a match of one string per variant (with
/// the errno in it) saved ~25 instructions per write but cost ~6% more
/// rustc instructions for a 50-variant enum (BENCHMARKS.md, issue 26).
fn json_prefix_fn(cx: &Cx) -> TokenStream {
    let (core, option) = (&cx.core, &cx.option);
    let mut subjects = cx.model.variants.iter().map(|v| match v.subject {
        Subject::Given(lit) => Some(&lit.value),
        Subject::Forwarded(_) => None,
    });
    let Some(Some(first)) = subjects.next() else {
        return TokenStream::new();
    };
    if !subjects.all(|s| s == Some(first)) {
        return TokenStream::new();
    }
    let mut prefix = String::from("{\"errSubject\":\"");
    json_escape(&mut prefix, first);
    prefix.push_str("\",\"errCode\":");
    quote! {
        #[inline]
        fn __json_prefix(&self) -> #option<&'static #core::primitive::str> {
            #option::Some(#prefix)
        }
    }
}

/// `StreamSource::__msg_sure`: true where the message of the variant at
/// hand cannot fail on its own, which the runtime's autoref probe
/// (`__private::sure`) decides from the type of each field the message
/// formats. Variants are grouped by the types they format (each group's
/// probes written once, the largest group the `_` arm), so a type of many
/// `String` messages and one `io::Error` message probes two types. A
/// message with extra arguments (which may call anything) is never sure;
/// with no `#[msg]` at all, nothing is generated (the default, false).
fn msg_sure_fn<'a>(cx: &'a Cx) -> TokenStream {
    let (private, core, this) = (&cx.private, &cx.core, &cx.locals.this);
    let mut types: Vec<(String, &syn::Type)> = Vec::new();
    let mut index = |ty: &'a syn::Type| {
        let key = ty.to_token_stream().to_string();
        match types.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                types.push((key, ty));
                types.len() - 1
            }
        }
    };
    // Per variant: the sorted indices of the types it formats, or `None`
    // where it cannot be proved.
    let mut sets: Vec<Option<Vec<usize>>> = Vec::new();
    for v in &cx.model.variants {
        let mut set = Vec::new();
        let mut sure = true;
        match &v.message {
            Message::None if v.union_only => {}
            Message::None => return TokenStream::new(),
            Message::Transparent(field) => set.push(index(field.ty)),
            Message::Format(expanded) => {
                let translations = v.translations.iter().map(|t| &t.expanded);
                for e in std::iter::once(expanded).chain(translations) {
                    sure &= e.args.is_empty();
                    set.extend(e.bounds.iter().map(|(i, _)| index(v.fields[*i].ty)));
                }
            }
        }
        set.sort_unstable();
        set.dedup();
        sets.push(sure.then_some(set));
    }
    let mut groups: Vec<(&Option<Vec<usize>>, Vec<usize>)> = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        match groups.iter_mut().find(|(s, _)| *s == set) {
            Some((_, members)) => members.push(i),
            None => groups.push((set, vec![i])),
        }
    }
    let expr = |set: &Option<Vec<usize>>| match set {
        None => quote!(false),
        Some(set) => {
            let probes = set.iter().map(|i| {
                let ty = types[*i].1;
                quote!(&& (&#private::FmtProbe::<#ty>::NEW).__sure())
            });
            quote!(true #(#probes)*)
        }
    };
    let Some(largest) = (0..groups.len()).max_by_key(|g| groups[*g].1.len()) else {
        return TokenStream::new();
    };
    let body = if groups.len() == 1 {
        expr(groups[largest].0)
    } else {
        let arms = groups
            .iter()
            .enumerate()
            .filter(|(g, _)| *g != largest)
            .map(|(_, (set, members))| {
                let pats = members
                    .iter()
                    .map(|i| cx.pattern(&cx.model.variants[*i], []));
                let value = expr(set);
                quote!(#(#pats)|* => #value,)
            });
        let rest = expr(groups[largest].0);
        quote!(match #this { #(#arms)* _ => #rest })
    };
    quote! {
        #[inline]
        #[allow(deprecated)]
        fn __msg_sure(&self) -> #core::primitive::bool {
            #[allow(unused_imports)]
            use #private::{SureFmt as _, UnsureFmt as _};
            #body
        }
    }
}

/// `s` as the inside of a JSON string, as serde_json writes it.
fn json_escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
}
