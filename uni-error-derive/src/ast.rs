//! Borrowing views of the syn tree: [`Input`], [`Variant`], [`Field`], each
//! with its parsed attributes and the `original` node for spans. A struct is
//! one [`Variant`] whose path is `Self`, so later stages treat both alike.

use proc_macro2::{Span, TokenStream};
use quote::{quote, ToTokens};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{
    Data, DeriveInput, Fields, GenericArgument, Generics, Ident, Index, Member, PathArguments, Type,
};

use crate::attr::{self, Attrs, ErrorAttr, PlatformsAttr, Position, StatusAttr};
use crate::ctxt::Ctxt;
use crate::fmt::{FieldNames, Msg};
use crate::lit::Str;
use crate::span::located;

/// The type being derived.
pub struct Input<'a> {
    /// The type's attributes (for an enum: defaults for every variant).
    pub attrs: Attrs<'a>,
    /// The type's name.
    pub ident: &'a Ident,
    /// The type's generics.
    pub generics: &'a Generics,
    /// An enum or a struct.
    pub item: Item,
    /// The variants; a struct has exactly one, sharing the type's attributes.
    pub variants: Vec<Variant<'a>>,
    /// True when thiserror's `#[error(..)]` is on the type or a variant:
    /// thiserror then writes `Display` and `Error` (and `From`).
    pub thiserror: bool,
}

/// What is derived: an enum, or a struct (one variant). Decides where a
/// variant-level attribute is said to go, here only.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Item {
    /// An enum: attributes on the type are defaults of its variants.
    Enum,
    /// A struct: its attributes are its one variant's.
    Struct,
}

impl Item {
    /// What takes a variant's `#[errno]` or `#[subject]`, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Item::Enum => "variant",
            Item::Struct => "struct",
        }
    }

    /// Where a missing `#[subject]` goes, for messages.
    pub fn subject_goes(self) -> &'static str {
        match self {
            Item::Enum => "to the enum (for every variant) or to this variant",
            Item::Struct => "to the struct",
        }
    }

    /// True if the type's `#[errno(category, sub)]` gives defaults to
    /// variants (an enum's does; a struct's is its own errno).
    pub fn has_defaults(self) -> bool {
        self == Item::Enum
    }
}

/// An enum variant, or the body of a struct.
pub struct Variant<'a> {
    /// The variant's name (the type's name for a struct).
    pub ident: &'a Ident,
    /// The variant's own attributes (for a struct: its subject, errno, msg).
    pub attrs: Attrs<'a>,
    /// True when the variant shows the enum's default `#[msg]`: it has
    /// neither a `#[msg]` nor `#[msg(transparent)]` of its own and the
    /// enum has one. Decided once, here; read through [`Input::msg_of`].
    pub inherits_msg: bool,
    /// The fields in declaration order.
    pub fields: Vec<Field<'a>>,
    /// The tokens to point at for errors about the whole variant.
    pub span: Span,
    /// The first paragraph of the doc comment, lines joined by spaces.
    pub doc: String,
    /// `#[deprecated]`'s note (empty without one), `None` when not deprecated.
    pub deprecated: Option<String>,
}

/// One field.
pub struct Field<'a> {
    /// The syn field.
    pub original: &'a syn::Field,
    /// `#[source]`, `#[from]`, `#[data]`.
    pub attrs: Attrs<'a>,
    /// `name` or `0`.
    pub member: Member,
    /// The field's type.
    pub ty: &'a Type,
    /// The span of the field's type (computed once: it walks the tokens).
    pub ty_span: Span,
    /// The local a `match` binds this field to: `__field_name`, `__field_0`.
    pub binding: Ident,
}

/// The path of the `uni_error` crate: `input`'s `#[uni(crate = "..")]`,
/// else `::uni_error` (also for no input: the fallback stubs of a union).
/// The one place the default is written.
pub fn crate_path(input: Option<&Input>) -> TokenStream {
    input
        .and_then(|i| i.attrs.krate.as_ref())
        .map_or_else(|| quote!(::uni_error), ToTokens::to_token_stream)
}

/// True when `#[error(..)]`, thiserror's, is on the type or a variant.
fn thiserror(node: &DeriveInput) -> bool {
    let on = |attrs: &[syn::Attribute]| attrs.iter().any(|a| a.path().is_ident("error"));
    on(&node.attrs)
        || match &node.data {
            Data::Enum(data) => data.variants.iter().any(|v| on(&v.attrs)),
            _ => false,
        }
}

impl<'a> Input<'a> {
    /// Builds the view, reporting unions and attribute errors.
    /// `None` only when the shape itself cannot be derived.
    pub fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Option<Self> {
        let (attrs, item, variants) = match &node.data {
            Data::Struct(data) => {
                let mut attrs = attr::get(cx, &node.attrs, Position::Struct);
                let variant = struct_body(cx, node, &data.fields, &mut attrs);
                (attrs, Item::Struct, vec![variant])
            }
            Data::Enum(data) => {
                let attrs = attr::get(cx, &node.attrs, Position::Enum);
                let variants = data
                    .variants
                    .iter()
                    .map(|v| enum_variant(cx, node, v, &attrs))
                    .collect();
                (attrs, Item::Enum, variants)
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[derive(UniError)] does not support unions: use a struct or an enum",
                );
                return None;
            }
        };
        Some(Input {
            attrs,
            ident: &node.ident,
            generics: &node.generics,
            item,
            variants,
            thiserror: thiserror(node),
        })
    }
}

/// The body of a struct as its one variant. The struct's subject, errno,
/// msg and status are its only variant's (taken from `attrs`); the
/// container keeps `#[uni]`.
fn struct_body<'a>(
    cx: &Ctxt,
    node: &'a DeriveInput,
    fields: &'a Fields,
    attrs: &mut Attrs<'a>,
) -> Variant<'a> {
    let own = error_transparent(Attrs {
        subject: attrs.subject.take(),
        errno: attrs.errno.take(),
        msg: attrs.msg.take(),
        transparent: attrs.transparent.take(),
        status: attrs.status.take(),
        locale: attrs.locale.take(),
        error: attrs.error.take(),
        seen: attrs.seen.clone(),
        ..Attrs::none()
    });
    Variant {
        ident: &node.ident,
        fields: self::fields(cx, fields, own.msg.as_ref()),
        attrs: own,
        inherits_msg: false,
        span: node.ident.span(),
        doc: first_paragraph(&node.attrs),
        deprecated: deprecation(&node.attrs),
    }
}

/// One variant of an enum whose attributes are `enum_attrs`.
fn enum_variant<'a>(
    cx: &Ctxt,
    node: &'a DeriveInput,
    v: &'a syn::Variant,
    enum_attrs: &Attrs,
) -> Variant<'a> {
    let attrs = error_transparent(attr::get(cx, &v.attrs, Position::Variant));
    // A variant without a message of its own shows the enum's.
    let inherits_msg =
        attrs.msg.is_none() && attrs.transparent.is_none() && enum_attrs.msg.is_some();
    let msg = if inherits_msg {
        enum_attrs.msg.as_ref()
    } else {
        attrs.msg.as_ref()
    };
    Variant {
        ident: &v.ident,
        fields: fields(cx, &v.fields, msg),
        attrs,
        inherits_msg,
        span: v.ident.span(),
        doc: first_paragraph(&v.attrs),
        // A deprecated enum deprecates every code it has.
        deprecated: deprecation(&v.attrs).or_else(|| deprecation(&node.attrs)),
    }
}

impl<'a> Input<'a> {
    /// The path of the `uni_error` crate: `#[uni(crate = "..")]`, else
    /// `::uni_error` (see [`crate_path`]).
    pub fn crate_path(&self) -> TokenStream {
        crate_path(Some(self))
    }

    /// The `#[msg]` a variant shows: its own, else the enum's default
    /// (see [`Variant::inherits_msg`]). `None` for `#[msg(transparent)]`.
    pub fn msg_of<'s>(&'s self, variant: &'s Variant) -> Option<&'s Msg> {
        if variant.inherits_msg {
            self.attrs.msg.as_ref()
        } else {
            variant.attrs.msg.as_ref()
        }
    }

    /// A variant's errSubject as written: its own `#[subject]`, else the
    /// type's (`None` for neither: it forwards its field's, or is missing).
    pub fn subject_of<'s>(&'s self, variant: &'s Variant) -> Option<&'s Str> {
        variant
            .attrs
            .subject
            .as_ref()
            .or(self.attrs.subject.as_ref())
    }

    /// A variant's `#[platforms]`: its own, else the type's.
    pub fn platforms_of<'s>(&'s self, variant: &'s Variant) -> Option<&'s PlatformsAttr> {
        variant
            .attrs
            .platforms
            .as_ref()
            .or(self.attrs.platforms.as_ref())
    }

    /// A variant's `#[status]`: its own, else the type's.
    pub fn status_of<'s>(&'s self, variant: &'s Variant) -> Option<&'s StatusAttr> {
        variant.attrs.status.as_ref().or(self.attrs.status.as_ref())
    }
}

impl<'a> Variant<'a> {
    /// The source field: `#[source]`/`#[from]`, else a field named
    /// `source`. A `#[msg(transparent)]` variant has none: its field is the
    /// error itself.
    pub fn source_field(&self) -> Option<&Field<'a>> {
        if self.attrs.transparent.is_some() {
            return None;
        }
        self.fields
            .iter()
            .find(|f| f.attrs.source.is_some() || f.attrs.from.is_some())
            .or_else(|| {
                self.fields.iter().find(|f| {
                    f.attrs.data.is_none() && matches!(&f.member, Member::Named(i) if i == "source")
                })
            })
    }

    /// The field of a `#[msg(transparent)]` variant (validated to be its
    /// only one).
    pub fn transparent_field(&self) -> Option<&Field<'a>> {
        match self.fields.as_slice() {
            [field] if self.attrs.transparent.is_some() => Some(field),
            _ => None,
        }
    }

    /// The `#[from]` field.
    pub fn field_with_from(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.attrs.from.is_some())
    }

    /// The `#[data]` field.
    pub fn data_field(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.attrs.data.is_some())
    }

    /// True if the variant's errSubject is its transparent field's: it is
    /// transparent and has no `#[subject]` of its own (the enum's is a
    /// default for the other variants, not an override of the inner
    /// error's).
    pub fn forwards_subject(&self) -> bool {
        self.attrs.transparent.is_some() && !self.attrs.has(attr::SUBJECT)
    }

    /// True if the variant's errno is its transparent field's.
    pub fn forwards_errno(&self) -> bool {
        self.attrs.transparent.is_some() && !self.attrs.has(attr::ERRNO)
    }

    /// True if the variant's status override is its transparent field's.
    pub fn forwards_status(&self) -> bool {
        self.attrs.transparent.is_some() && !self.attrs.has(attr::STATUS)
    }
}

impl Field<'_> {
    /// The field's name as the user wrote it, for messages.
    pub fn name(&self) -> String {
        match &self.member {
            Member::Named(i) => i.unraw().to_string(),
            Member::Unnamed(i) => i.index.to_string(),
        }
    }
}

impl FieldNames for Field<'_> {
    fn member(&self) -> &Member {
        &self.member
    }
    fn binding(&self) -> &Ident {
        &self.binding
    }
}

/// `T` if `ty` is `Name<T>` (any path prefix), else `None`: how `Option`,
/// `Vec` and `Box` fields are told apart, syntactically.
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

/// The prefix of the locals a variant's `match` arms bind its fields to
/// (`__field_name`, and `__count_name` for a width): two underscores, one
/// more for as long as some named argument of the variant's `#[msg]`
/// starts with it, so that no generated name equals a user's argument.
/// (Field names never become locals: patterns bind `name: __field_name`.)
fn local_prefix(msg: Option<&Msg>) -> String {
    let mut prefix = String::from("__");
    let names: Vec<String> = msg
        .iter()
        .flat_map(|m| &m.args)
        .filter_map(|a| a.name.as_ref().map(|n| n.unraw().to_string()))
        .collect();
    while names.iter().any(|n| n.starts_with(&prefix)) {
        prefix.push('_');
    }
    prefix
}

/// `attrs` with thiserror's `#[error(transparent)]` read as
/// `#[msg(transparent)]` (which it means to this derive too), when the
/// variant has no message of ours.
fn error_transparent(mut attrs: Attrs) -> Attrs {
    if let Some(ErrorAttr::Transparent(token)) = &attrs.error {
        if attrs.msg.is_none() && attrs.transparent.is_none() {
            attrs.transparent = Some(token.clone());
        }
    }
    attrs
}

/// The fields of one variant, each with its attributes and binding.
fn fields<'a>(cx: &Ctxt, fields: &'a Fields, msg: Option<&Msg>) -> Vec<Field<'a>> {
    let prefix = local_prefix(msg);
    fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            // Errors about the field's use in generated code point at it;
            // the local itself resolves at the call site like every other
            // generated name (see the span policy in `expand`).
            // (`Spanned::span` of a type walks its tokens: once per field.)
            let span = field.ty.span();
            let local = located(span);
            let (member, binding) = match &field.ident {
                Some(ident) => (
                    Member::Named(ident.clone()),
                    Ident::new(&format!("{prefix}field_{}", ident.unraw()), local),
                ),
                None => (
                    Member::Unnamed(Index {
                        index: i as u32,
                        span: local,
                    }),
                    Ident::new(&format!("{prefix}field_{i}"), local),
                ),
            };
            Field {
                original: field,
                attrs: attr::get(cx, &field.attrs, Position::Field),
                member,
                ty: &field.ty,
                ty_span: span,
                binding,
            }
        })
        .collect()
}

/// The first paragraph of the `///` comment in `attrs`: its lines trimmed
/// and joined by spaces, up to the first blank line.
fn first_paragraph(attrs: &[syn::Attribute]) -> String {
    let mut out = String::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        let syn::Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        }) = &nv.value
        else {
            continue;
        };
        let value = Str::from_literal(&lit.token()).map_or_else(|| lit.value(), |s| s.value);
        // A blank `///` line is an empty attribute, which has no lines.
        if value.trim().is_empty() && !out.is_empty() {
            return out;
        }
        for line in value.lines() {
            let line = line.trim();
            if line.is_empty() {
                if out.is_empty() {
                    continue;
                }
                return out;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line);
        }
    }
    out
}

/// The note of `#[deprecated]`, `#[deprecated = ".."]` or
/// `#[deprecated(note = "..")]` (empty when there is none), for the catalog.
/// rustc checks the attribute's syntax itself, so a malformed one is not
/// reported twice: it counts as deprecated without a note.
fn deprecation(attrs: &[syn::Attribute]) -> Option<String> {
    let attr = attrs.iter().find(|a| a.path().is_ident("deprecated"))?;
    let mut note = String::new();
    match &attr.meta {
        syn::Meta::NameValue(nv) => {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            }) = &nv.value
            {
                note = lit.value();
            }
        }
        syn::Meta::List(_) => {
            let _ = attr.parse_nested_meta(|meta| {
                let value = meta.value()?.parse::<syn::LitStr>()?;
                if meta.path.is_ident("note") {
                    note = value.value();
                }
                Ok(())
            });
        }
        syn::Meta::Path(_) => {}
    }
    Some(note)
}
