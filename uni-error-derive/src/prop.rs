//! Derived facts about a validated [`Input`]: which field is the source,
//! the data, the `From` field; the resolved subject and errno of a variant;
//! and the shape of a source type (one error, `Option`, a list).

use syn::{GenericArgument, Member, PathArguments, Type};

use crate::ast::{Field, Input, Variant};
use crate::attr::{StatusAttr, Str};
use crate::ctxt::Ctxt;
use crate::errno;

/// The source field: `#[source]`/`#[from]`, else a field named `source`.
/// A `#[msg(transparent)]` variant has none: its field is the error itself.
pub fn source_field<'v, 'a>(variant: &'v Variant<'a>) -> Option<&'v Field<'a>> {
    if variant.attrs.transparent.is_some() {
        return None;
    }
    variant
        .fields
        .iter()
        .find(|f| f.attrs.source.is_some() || f.attrs.from.is_some())
        .or_else(|| {
            variant.fields.iter().find(|f| {
                f.attrs.data.is_none() && matches!(&f.member, Member::Named(i) if i == "source")
            })
        })
}

/// The field of a `#[msg(transparent)]` variant (validated to be its only one).
pub fn transparent_field<'v, 'a>(variant: &'v Variant<'a>) -> Option<&'v Field<'a>> {
    match variant.fields.as_slice() {
        [field] if variant.attrs.transparent.is_some() => Some(field),
        _ => None,
    }
}

/// True if the variant's errSubject is its transparent field's: it is
/// transparent and has no `#[subject]` of its own (the enum's is a default
/// for the other variants, not an override of the inner error's).
pub fn forwards_subject(variant: &Variant) -> bool {
    variant.attrs.transparent.is_some() && !variant.attrs.has(crate::attr::SUBJECT)
}

/// True if the variant's errno is its transparent field's: it is
/// transparent and has no `#[errno]` of its own.
pub fn forwards_errno(variant: &Variant) -> bool {
    variant.attrs.transparent.is_some() && !variant.attrs.has(crate::attr::ERRNO)
}

/// True if the variant's status override is its transparent field's: it is
/// transparent and has no `#[status]` of its own.
pub fn forwards_status(variant: &Variant) -> bool {
    variant.attrs.transparent.is_some() && !variant.attrs.has(crate::attr::STATUS)
}

/// The variant's `#[status]`: its own, else the type's (not for a variant
/// that forwards its field's).
pub fn status<'v>(input: &'v Input, variant: &'v Variant) -> Option<&'v StatusAttr> {
    if forwards_status(variant) {
        return None;
    }
    variant
        .attrs
        .status
        .as_ref()
        .or(input.attrs.status.as_ref())
}

/// The `#[from]` field.
pub fn from_field<'v, 'a>(variant: &'v Variant<'a>) -> Option<&'v Field<'a>> {
    variant.fields.iter().find(|f| f.attrs.from.is_some())
}

/// The `#[data]` field.
pub fn data_field<'v, 'a>(variant: &'v Variant<'a>) -> Option<&'v Field<'a>> {
    variant.fields.iter().find(|f| f.attrs.data.is_some())
}

/// The variant's errSubject: its own, else the type's.
pub fn subject<'v>(input: &'v Input, variant: &'v Variant) -> Option<&'v Str> {
    variant
        .attrs
        .subject
        .as_ref()
        .or(input.attrs.subject.as_ref())
}

/// The variant's errno, completed from the defaults (0 if invalid, which
/// validation has already reported).
pub fn errno(input: &Input, variant: &Variant) -> u32 {
    let scratch = Ctxt::new();
    let n = variant.attrs.errno.as_ref().and_then(|own| {
        errno::resolve(
            &scratch,
            own,
            input.attrs.errno.as_ref(),
            variant.ident,
            input.is_enum,
        )
    });
    let _ = scratch.check();
    n.unwrap_or(0)
}

/// A field's name as the user wrote it, for messages.
pub fn member_name(member: &Member) -> String {
    match member {
        Member::Named(i) => syn::ext::IdentExt::unraw(i).to_string(),
        Member::Unnamed(i) => i.index.to_string(),
    }
}

/// The shape of a source field's type, detected syntactically.
pub enum Shape<'a> {
    /// One error.
    One(&'a Type),
    /// `Option<E>`.
    Option(&'a Type),
    /// `Vec<E>`, `Box<[E]>`, `[E; N]`: an aggregate.
    List(&'a Type),
}

impl<'a> Shape<'a> {
    /// The shape of `ty`.
    pub fn of(ty: &'a Type) -> Shape<'a> {
        if let Some(inner) = generic_arg(ty, "Option") {
            return Shape::Option(inner);
        }
        if let Some(inner) = generic_arg(ty, "Vec") {
            return Shape::List(inner);
        }
        if let Some(Type::Slice(slice)) = generic_arg(ty, "Box") {
            return Shape::List(&slice.elem);
        }
        if let Type::Array(array) = ty {
            return Shape::List(&array.elem);
        }
        Shape::One(ty)
    }

    /// The error type inside.
    pub fn error_type(&self) -> &'a Type {
        match self {
            Shape::One(t) | Shape::Option(t) | Shape::List(t) => t,
        }
    }
}

/// `T` if `ty` is `Name<T>` (any path prefix), else `None`.
pub fn generic_arg<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let mut types = args.args.iter().filter_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    });
    let first = types.next()?;
    types.next().is_none().then_some(first)
}
