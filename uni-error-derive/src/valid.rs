//! Semantic checks on a parsed [`Input`]: errnos (ranges, completeness,
//! uniqueness), subjects, messages and field roles. Every problem is
//! reported to the context; nothing stops at the first. What the checks
//! resolve (each variant's errno, each rewritten message) travels with its
//! variant in a [`Checked`], which `model` turns into the variant's model.

use crate::set::SortedMap;

use crate::ast::{Input, Variant};
use crate::attr::ErrnoAttr;
use crate::ctxt::Ctxt;
use crate::fmt::Expanded;
use crate::{attr, errno, fmt, rules};

/// One variant and what the checks resolved for it.
pub struct Checked<'a> {
    /// The variant.
    pub variant: &'a Variant<'a>,
    /// The errno completed from the defaults; `None` when it forwards its
    /// field's, is a const path, or is wrong (then reported).
    pub errno: Option<u32>,
    /// `#[msg("..")]` rewritten for the `Display` arm; `None` without one
    /// or when it is wrong (then reported).
    pub message: Option<Expanded>,
    /// The message's `#[locale]` translations, in the order of
    /// `#[locales]` after the first (empty without `#[locales]`).
    pub translations: Vec<crate::locale::Translation<'a>>,
    /// Every message of the variant as data, when all are plain (with
    /// `#[locales]` only).
    pub text: Option<crate::locale::Text>,
    /// google.rpc `ErrorInfo.reason` (see `crate::reason`).
    pub reason: String,
}

/// Runs every check on `input`: each variant with its resolved facts, in
/// declaration order. (The checks run kind by kind, so that errors come
/// out in the same order for every input.)
pub fn check<'a>(cx: &Ctxt, input: &'a Input<'a>) -> Vec<Checked<'a>> {
    let mut checked: Vec<Checked> = input
        .variants
        .iter()
        .map(|variant| Checked {
            variant,
            errno: None,
            message: None,
            translations: Vec::new(),
            text: None,
            reason: String::new(),
        })
        .collect();
    check_subjects(cx, input);
    check_errnos(cx, input, &mut checked);
    check_messages(cx, input, &mut checked);
    crate::locale::check(cx, input, &mut checked);
    crate::reason::check(cx, input, &mut checked);
    for variant in &input.variants {
        check_fields(cx, variant);
    }
    check_from_types(cx, input);
    checked
}

/// Two `#[from]` fields of one type would generate conflicting `From` impls.
fn check_from_types(cx: &Ctxt, input: &Input) {
    let mut seen: SortedMap<String, &syn::Ident> = SortedMap::new();
    for variant in &input.variants {
        let Some(field) = variant.field_with_from() else {
            continue;
        };
        let ty = field.ty;
        let key = quote::quote!(#ty).to_string();
        if let Some(first) = seen.get(&key) {
            cx.error_spanned_by(
                ty,
                format_args!(
                    "`From<{}>` is already generated for variant `{first}`: only one #[from] field per type",
                    key.replace(" :: ", "::").replace(" < ", "<").replace(" >", ">")
                ),
            );
        } else {
            seen.insert(key, variant.ident);
        }
    }
}

/// Subjects are well-formed and every variant has one.
fn check_subjects(cx: &Ctxt, input: &Input) {
    let all = input
        .attrs
        .subject
        .iter()
        .chain(
            input
                .variants
                .iter()
                .filter_map(|v| v.attrs.subject.as_ref()),
        )
        .chain(
            input
                .variants
                .iter()
                .flat_map(|v| &v.fields)
                .filter_map(|f| f.attrs.source_subject.as_ref()),
        );
    for lit in all {
        if let Err(problem) = rules::check_subject(&lit.value) {
            cx.error_spanned_by(lit, problem);
        }
    }
    if input.attrs.has(attr::SUBJECT) {
        return;
    }
    for variant in &input.variants {
        if !variant.attrs.has(attr::SUBJECT) && !variant.forwards_subject() {
            cx.error_at(
                variant.span,
                format_args!(
                    "missing errSubject for `{}`: add #[subject(\"uni-<module>\")] {}",
                    variant.ident,
                    input.item.subject_goes()
                ),
            );
        }
    }
}

/// Errnos are in range, complete and unique; each variant's, resolved.
fn check_errnos(cx: &Ctxt, input: &Input, checked: &mut [Checked]) {
    let defaults = input.attrs.errno.as_ref();
    if let Some(defaults) = defaults {
        errno::check_defaults(cx, defaults);
    }
    // A malformed enum-level #[errno] was reported already: checking the
    // variants against missing defaults would only repeat it.
    let malformed = defaults.is_none_or(|d| d.path.is_some() || d.whole.is_some());
    if input.item.has_defaults() && input.attrs.has(attr::ERRNO) && malformed {
        return;
    }
    // Unique per (errSubject, errno), as the spec has it: errSubject is
    // there "to distinguish different modules with the same errCode". A
    // variant that forwards its subject is keyed by the type's.
    let mut seen: SortedMap<(&str, u32), &syn::Ident> = SortedMap::new();
    for checked in checked {
        let variant = checked.variant;
        let Some(own) = &variant.attrs.errno else {
            // A malformed #[errno] was reported; a transparent variant
            // without one forwards its field's and has no static errno.
            if variant.attrs.has(attr::ERRNO) || variant.forwards_errno() {
                continue;
            }
            cx.error_at(
                variant.span,
                format_args!(
                    "missing errno for {} `{}`: add #[errno(category = .., sub = .., code = ..)] or #[errno(1504003)]",
                    input.item.noun(),
                    variant.ident
                ),
            );
            continue;
        };
        if own.path.is_some() {
            check_const_errno(cx, input, own);
            continue;
        }
        let Some(n) = errno::resolve(cx, own, defaults, variant.ident, input.item) else {
            continue;
        };
        checked.errno = Some(n);
        let subject = input.subject_of(variant).map_or("", |s| s.value.as_str());
        if let Some(first) = seen.get(&(subject, n)) {
            cx.error_spanned_by(
                own.original,
                format_args!(
                    "errno {n} of `{}` is already used by variant `{first}` under errSubject \"{subject}\": each (errSubject, errno) pair names one error, so give it its own errno or its own #[subject]",
                    variant.ident
                ),
            );
        } else {
            seen.insert((subject, n), variant.ident);
        }
    }
}

/// A const errno, `#[errno(path)]`: its value, range and uniqueness are
/// checked by a const assertion in the generated code, a free `const` where
/// `Self::X` is written as the type's name: which a type with type or const
/// parameters cannot have without them. Only its platform's name is
/// checked here.
fn check_const_errno(cx: &Ctxt, input: &Input, own: &ErrnoAttr) {
    let Some(path) = &own.path else {
        return;
    };
    let generic = input
        .generics
        .params
        .iter()
        .any(|p| !matches!(p, syn::GenericParam::Lifetime(_)));
    if generic && path.segments.first().is_some_and(|s| s.ident == "Self") {
        cx.error_spanned_by(
            path,
            format_args!(
                "#[errno(Self::..)] cannot be read on a generic type: the errno is checked in a `const` outside the impls of `{}`, which has no parameters to name; move the constant out of the impl (a `const` in a module) and name that",
                input.ident
            ),
        );
    }
    if let Some(platform) = &own.platform {
        errno::platform_range(cx, platform);
    }
}

/// `#[msg]` on all variants or none (the enum's counting for every variant
/// without its own), and references only to fields; each variant's
/// message, rewritten. Under thiserror, its `#[error]` is the message and
/// a `#[msg]` would be a second `Display`.
fn check_messages(cx: &Ctxt, input: &Input, checked: &mut [Checked]) {
    if input.thiserror {
        check_no_msg_beside_error(cx, input);
        return;
    }
    if let Some(token) = &input.attrs.transparent {
        cx.error_spanned_by(
            token,
            "#[msg(transparent)] goes on a one-field variant: an enum's #[msg(\"..\")] is the default message of its variants",
        );
    }
    let has_msg = |v: &&Variant| v.attrs.msg.is_some() || v.attrs.transparent.is_some();
    let with = input.variants.iter().filter(has_msg).count();
    if input.attrs.msg.is_none() && with != 0 && with != input.variants.len() {
        // A deprecated variant may go without: its code stays declared
        // (old callers compile), it has no message (errMsg is empty).
        let missing = |v: &&Variant| !has_msg(v) && v.deprecated.is_none();
        for variant in input.variants.iter().filter(missing) {
            cx.error_at(
                variant.span,
                format_args!(
                    "variant `{}` has no #[msg] but others do: give every variant a #[msg] (or the enum a default one), or none and implement Display yourself (only a #[deprecated] variant may go without, keeping its code declared with an empty errMsg)",
                    variant.ident
                ),
            );
        }
    }
    for checked in checked {
        let variant = checked.variant;
        let Some(msg) = input.msg_of(variant) else {
            continue;
        };
        checked.message = fmt::expand(msg, &variant.fields, variant.ident)
            .map_err(|errors| {
                for e in errors {
                    if variant.inherits_msg {
                        // Said at the enum's #[msg], for the variant that
                        // inherits it.
                        cx.error_at(
                            e.span(),
                            format_args!(
                                "{e} (in the enum's default #[msg], which `{}` inherits: give it its own #[msg])",
                                variant.ident
                            ),
                        );
                    } else {
                        cx.syn_error(e);
                    }
                }
            })
            .ok();
    }
}

/// Under thiserror, a `#[msg]` anywhere is a second `Display`.
fn check_no_msg_beside_error(cx: &Ctxt, input: &Input) {
    let ours = std::iter::once(&input.attrs)
        .chain(input.variants.iter().map(|v| &v.attrs))
        .filter(|a| a.has(attr::MSG));
    for attrs in ours {
        let span = match (&attrs.msg, &attrs.transparent) {
            (Some(msg), _) => msg.lit.span(),
            (None, Some(token)) => token.span(),
            (None, None) => continue,
        };
        cx.error_at(
            span,
            "#[msg] and thiserror's #[error] would both write Display: keep one (with #[error], thiserror writes Display and the derive reads its templates for the catalog)",
        );
    }
}

/// A `#[msg(transparent)]` variant has exactly one field, which is the
/// error itself: not a `#[source]` (nor labelled as one), not `#[data]`.
fn check_transparent(cx: &Ctxt, variant: &Variant, token: &syn::Ident) {
    let n = variant.fields.len();
    if n != 1 {
        let has = match n {
            0 => "none".to_owned(),
            n => n.to_string(),
        };
        cx.error_spanned_by(
            token,
            format_args!(
                "#[msg(transparent)] needs exactly one field, the error to forward to: `{}` has {has}",
                variant.ident
            ),
        );
        return;
    }
    let field = &variant.fields[0];
    if let Some(platforms) = variant
        .attrs
        .platforms
        .as_ref()
        .filter(|_| variant.forwards_errno())
    {
        cx.error_at(
            platforms.span,
            format_args!(
                "#[platforms] on a #[msg(transparent)] variant without its own #[errno]: its codes are the field's, so list their platforms on the field's type (or give `{}` an #[errno])",
                variant.ident
            ),
        );
    }
    if boxed_dyn_error(field.ty) && (variant.forwards_errno() || variant.forwards_subject()) {
        cx.error_spanned_by(
            field.ty,
            format_args!(
                "#[msg(transparent)] over a boxed `dyn` error cannot forward an errno or errSubject: it has none. Give `{}` its own #[errno(..)] and #[subject(..)]",
                variant.ident
            ),
        );
    }
    if let Some(attr) = field.attrs.source {
        cx.error_spanned_by(
            attr,
            "the field of a #[msg(transparent)] variant is the error itself, not its source: drop #[source] (its source() and cause are forwarded)",
        );
    }
    if let Some(attr) = field.attrs.data {
        cx.error_spanned_by(
            attr,
            "the field of a #[msg(transparent)] variant is the error itself: drop #[data] (its data is forwarded)",
        );
    }
    if field.attrs.from.is_some() {
        let labelled = field
            .attrs
            .source_subject
            .as_ref()
            .map(|lit| lit.span())
            .or_else(|| {
                field
                    .attrs
                    .source_code
                    .as_ref()
                    .map(syn::spanned::Spanned::span)
            });
        if let Some(span) = labelled {
            cx.error_at(
                span,
                "#[from(subject/code)] labels a source, but a #[msg(transparent)] field is the error itself: write #[from]",
            );
        }
    }
}

/// True for a boxed `dyn Error`, which never implements UniError: a
/// transparent variant over one is told so by `check_transparent`, rather
/// than by rustc's trait and `Sized` errors about the generated call. A
/// boxed `dyn UniError` does, and forwards.
fn boxed_dyn_error(ty: &syn::Type) -> bool {
    matches!(
        crate::ast::generic_arg(ty, "Box"),
        Some(syn::Type::TraitObject(object)) if !object.bounds.iter().any(|b| matches!(
            b,
            syn::TypeParamBound::Trait(t) if t.path.segments.last().is_some_and(|s| s.ident == "UniError")
        ))
    )
}

/// At most one source and one data field; `#[from]` alone.
fn check_fields(cx: &Ctxt, variant: &Variant) {
    if let Some(token) = &variant.attrs.transparent {
        check_transparent(cx, variant, token);
        return;
    }
    let mut source: Option<&crate::ast::Field> = None;
    let mut data: Option<&crate::ast::Field> = None;
    for field in &variant.fields {
        let explicit = field.attrs.source.or(field.attrs.from);
        if let Some(attr) = explicit {
            if let Some(first) = source {
                cx.error_spanned_by(
                    attr,
                    format_args!(
                        "`{}` already has a source, `{}`: an error has at most one #[source] or #[from]",
                        variant.ident,
                        first.name()
                    ),
                );
            } else {
                source = Some(field);
            }
        }
        if let Some(attr) = field.attrs.data {
            if let Some(first) = data {
                cx.error_spanned_by(
                    attr,
                    format_args!(
                        "`{}` already has a #[data] field, `{}`: an error carries one data value (group several in a struct)",
                        variant.ident,
                        first.name()
                    ),
                );
            } else {
                data = Some(field);
            }
            if explicit.is_some() {
                cx.error_spanned_by(
                    attr,
                    "a field cannot be both the source and the #[data] of an error",
                );
            }
        }
        if let Some(from) = field.attrs.from {
            if variant.fields.len() > 1 {
                cx.error_spanned_by(
                    from,
                    format_args!(
                        "#[from] must be the only field of `{}`: the generated `From` could not fill the others",
                        variant.ident
                    ),
                );
            }
        }
    }
}
