//! The validated input: what every variant resolves to, computed once by
//! [`build`] (which runs `valid`'s checks), then read by every part of the
//! expansion. Each fallback (a variant's message, subject and status, else
//! the type's; the crate path) is decided in `ast` by one method and
//! read here, once. Nothing here is resolved again
//! later, and the expansion reads nothing else (the syntax nodes it needs
//! for spans and patterns are reached through the model).

use proc_macro2::TokenStream;
use syn::{Generics, Ident, Path, Type};

use crate::ast::{generic_arg, Field, Input, Item, Variant};
use crate::attr::{ErrnoAttr, ErrorAttr, StatusAttr};
use crate::ctxt::Ctxt;
use crate::fmt::{Expanded, Msg};
use crate::lit::Str;
use crate::locale::Translation;
use crate::valid::{self, Checked};

/// The type being derived, validated.
pub struct Model<'a> {
    /// The type's name as written.
    pub ident: &'a Ident,
    /// The type's generics.
    pub generics: &'a Generics,
    /// True for an enum, false for a struct (one variant, path `Self`).
    pub is_enum: bool,
    /// The path of the `uni_error` crate: `::uni_error` or `#[uni(crate)]`.
    pub krate: TokenStream,
    /// The variants in declaration order.
    pub variants: Vec<VariantModel<'a>>,
    /// True when the type has messages: then `Display`, `Error` and `From`
    /// are generated (else the user's own, or thiserror's, are used).
    pub has_msg: bool,
    /// True when thiserror's `#[error]` is present: thiserror writes
    /// `Display`, `Error` and `From`. Without it and without messages, the
    /// user writes `Display` and the derive still writes `Error` and `From`.
    pub thiserror: bool,
    /// `#[locales(..)]`: the languages, the one of `#[msg]` first (empty
    /// without).
    pub locales: Vec<&'a str>,
    /// `#[status(domain = "..")]` of the type: google.rpc
    /// `ErrorInfo.domain` instead of errSubject.
    #[cfg_attr(not(feature = "google"), allow(dead_code))]
    pub domain: Option<&'a str>,
}

/// One variant (or the struct), resolved.
pub struct VariantModel<'a> {
    /// The variant's name as written (the type's for a struct).
    pub ident: &'a Ident,
    /// The fields, for patterns.
    pub fields: &'a [Field<'a>],
    /// errSubject.
    pub subject: Subject<'a>,
    /// errCode.
    pub errno: Errno<'a>,
    /// The google.rpc code / HTTP status override.
    pub status: Status<'a>,
    /// errMsg and `Display`.
    pub message: Message<'a>,
    /// The cause (not for a transparent variant, whose field forwards it).
    pub source: Option<Source<'a>>,
    /// The `#[data]` field.
    pub data: Option<Data<'a>>,
    /// The `#[from]` field.
    pub from: Option<&'a Field<'a>>,
    /// The catalog row's subject: the variant's own, else the type's (`""`
    /// for neither, when the variant forwards its field's).
    pub catalog_subject: &'a str,
    /// The catalog row's `#[msg]` template as written (`""` for none).
    pub template: &'a str,
    /// The catalog row's description: the doc comment's first paragraph.
    pub doc: &'a str,
    /// `#[deprecated]`'s note (empty without one) on the variant or the
    /// type, `None` when not deprecated.
    pub deprecated: Option<&'a str>,
    /// `#[platforms(..)]` of the variant, else of the type: the bits of
    /// the catalog's `Platforms`.
    pub platforms: Option<u8>,
    /// A deprecated variant without a message in a type with messages:
    /// its code is declared, its errMsg is empty, the UTS map leaves it out.
    pub union_only: bool,
    /// The message's translations in the order of `Model::locales[1..]`
    /// (empty without `#[locales]`, and for a transparent variant).
    pub translations: Vec<Translation<'a>>,
    /// Every message of the variant as data, when all are plain (with
    /// `#[locales]` only): its `Display` arm hands its fields to the
    /// runtime's `write_text`.
    pub text: Option<crate::locale::Text>,
    /// google.rpc `ErrorInfo.reason`: `#[status(reason = "..")]`, else the
    /// variant's name (the type's for a struct) in UPPER_SNAKE_CASE
    /// (resolved under the derive's `google` feature only).
    #[cfg_attr(not(feature = "google"), allow(dead_code))]
    pub reason: String,
}

/// Where a variant's errSubject comes from.
pub enum Subject<'a> {
    /// Its own `#[subject]`, else the type's.
    Given(&'a Str),
    /// Its transparent field's.
    Forwarded(&'a Field<'a>),
}

/// Where a variant's errno comes from.
pub enum Errno<'a> {
    /// A validated number.
    Given(u32),
    /// `#[errno(path::TO_CONST)]` (its `path` is set): checked by a const
    /// assertion in the generated code.
    Const(&'a ErrnoAttr<'a>),
    /// Its transparent field's (no static errno: not in the catalog).
    Forwarded(&'a Field<'a>),
}

/// A variant's status override.
pub enum Status<'a> {
    /// None given.
    None,
    /// Its own `#[status]`, else the type's.
    Given(&'a StatusAttr),
    /// Its transparent field's.
    Forwarded(&'a Field<'a>),
}

/// A variant's message.
pub enum Message<'a> {
    /// No `#[msg]` (and then no variant has one).
    None,
    /// `#[msg("..")]`, rewritten to the arm's locals.
    Format(Expanded),
    /// `#[msg(transparent)]`: the field's `Display`, `source()`, data and
    /// cause.
    Transparent(&'a Field<'a>),
}

/// A source field and what the cause is built from.
pub struct Source<'a> {
    /// The field.
    pub field: &'a Field<'a>,
    /// One error, `Option<E>` or a list.
    pub shape: Shape<'a>,
    /// `#[source(subject = "..")]`: the subject of a cause that has none.
    pub subject: Option<&'a Str>,
    /// `#[source(code = f)]`: reads a code off a cause that has none.
    pub code: Option<&'a Path>,
}

/// The `#[data]` field.
pub struct Data<'a> {
    /// The field.
    pub field: &'a Field<'a>,
    /// The serialized type: `T` of `Option<T>` (omitted when `None`), else
    /// the field's.
    pub value_ty: &'a Type,
    /// True for `Option<T>`.
    pub optional: bool,
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

/// Runs every check on `input` and builds its model: `None` when a check
/// reported an error (the errors are in `cx`).
pub fn build<'a>(cx: &Ctxt, input: &'a Input<'a>) -> Option<Model<'a>> {
    // Every check runs (and reports) before any variant's model is built.
    let checked = valid::check(cx, input);
    let variants = checked
        .into_iter()
        .map(|checked| variant(input, checked))
        .collect::<Option<Vec<_>>>()?;
    // Under thiserror, it writes Display (a transparent variant is
    // `#[error(transparent)]`).
    let has_msg = !input.thiserror && variants.iter().any(|v| !matches!(v.message, Message::None));
    let mut variants = variants;
    for v in &mut variants {
        v.union_only &= has_msg;
    }
    Some(Model {
        ident: input.ident,
        generics: input.generics,
        is_enum: input.item == Item::Enum,
        krate: input.crate_path(),
        variants,
        has_msg,
        thiserror: input.thiserror,
        locales: input
            .attrs
            .locales
            .as_ref()
            .map(|l| l.tags.iter().map(|(t, _)| t.as_str()).collect())
            .unwrap_or_default(),
        // A struct's #[status] is its one variant's.
        domain: std::iter::once(&input.attrs)
            .chain(
                input
                    .variants
                    .first()
                    .filter(|_| input.item == Item::Struct)
                    .map(|v| &v.attrs),
            )
            .find_map(|a| a.status.as_ref().and_then(|s| s.domain.as_ref()))
            .map(|d| d.value.as_str()),
    })
}

/// One variant's model, from the facts its checks resolved; `None` for a
/// variant whose checks failed.
fn variant<'a>(input: &'a Input<'a>, checked: Checked<'a>) -> Option<VariantModel<'a>> {
    let v = checked.variant;
    let transparent = v.transparent_field();
    let own_subject = input.subject_of(v);
    let subject = match transparent {
        Some(field) if v.forwards_subject() => Subject::Forwarded(field),
        _ => Subject::Given(own_subject?),
    };
    let errno = match (transparent, &v.attrs.errno) {
        (Some(field), _) if v.forwards_errno() => Errno::Forwarded(field),
        (_, Some(attr)) if attr.path.is_some() => Errno::Const(attr),
        _ => Errno::Given(checked.errno?),
    };
    let status = match transparent {
        Some(field) if v.forwards_status() => Status::Forwarded(field),
        _ => input.status_of(v).map_or(Status::None, Status::Given),
    };
    let msg = input.msg_of(v);
    let message = match (transparent, checked.message, msg) {
        (Some(field), _, _) => Message::Transparent(field),
        (None, Some(expanded), _) => Message::Format(expanded),
        (None, None, None) => Message::None,
        // Under thiserror, its #[error] is the message.
        (None, None, Some(_)) if input.thiserror => Message::None,
        // A message that did not check.
        (None, None, Some(_)) => return None,
    };
    // Settled in `build`, once it is known whether the type has messages.
    let union_only = matches!(message, Message::None) && v.deprecated.is_some();
    Some(VariantModel {
        ident: v.ident,
        fields: &v.fields,
        subject,
        errno,
        status,
        message,
        source: v.source_field().map(Source::of),
        data: v.data_field().map(Data::of),
        from: v.field_with_from(),
        catalog_subject: own_subject.map_or("", |s| s.value.as_str()),
        template: template(input, v, msg),
        doc: &v.doc,
        deprecated: v.deprecated.as_deref(),
        platforms: input.platforms_of(v).map(|p| p.bits),
        union_only,
        translations: checked.translations,
        text: checked.text,
        reason: checked.reason,
    })
}

/// The catalog row's template: the variant's `#[msg]` (`msg`) as written,
/// or under thiserror its `#[error("..")]`'s (`""` for none).
fn template<'a>(input: &'a Input<'a>, v: &'a Variant<'a>, msg: Option<&'a Msg>) -> &'a str {
    if input.thiserror {
        match v.attrs.error.as_ref().or(input.attrs.error.as_ref()) {
            Some(ErrorAttr::Template(lit)) => lit.value.as_str(),
            _ => "",
        }
    } else {
        msg.map_or("", |m| m.lit.value.as_str())
    }
}

impl<'a> Source<'a> {
    /// The source `field`, its shape and labels.
    fn of(field: &'a Field<'a>) -> Self {
        Source {
            field,
            shape: Shape::of(field.ty),
            subject: field.attrs.source_subject.as_ref(),
            code: field.attrs.source_code.as_ref(),
        }
    }
}

impl<'a> Data<'a> {
    /// The `#[data]` `field`: `Option<T>` is omitted when `None`.
    fn of(field: &'a Field<'a>) -> Self {
        match generic_arg(field.ty, "Option") {
            Some(inner) => Data {
                field,
                value_ty: inner,
                optional: true,
            },
            None => Data {
                field,
                value_ty: field.ty,
                optional: false,
            },
        }
    }
}

impl Model<'_> {
    /// True if some variant's errno is a const path.
    pub fn has_const_errno(&self) -> bool {
        self.variants
            .iter()
            .any(|v| matches!(v.errno, Errno::Const(_)))
    }

    /// True if some variant has a cause: a source field or a transparent one.
    pub fn has_source(&self) -> bool {
        self.variants
            .iter()
            .any(|v| v.source.is_some() || matches!(v.message, Message::Transparent(_)))
    }
}
