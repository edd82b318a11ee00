//! The message mini-language of `#[msg("text {field} {0:?}", extra, n = ..)]`:
//! parsing the attribute (`parse`), rewriting the string's field references
//! to the locals a `match` arm binds (`rewrite`: `{reason}` ->
//! `{__field_reason}`), rewriting the extra arguments' expressions (`args`:
//! `.0`, `.reason` and a bare `reason` -> `__field_reason`), and the
//! diagnostics they share (`diag`).
//!
//! Names the string does not resolve (a constant `{MSG}`, `{self:?}`) are
//! left to `format_args!`, whose implicit capture reads them from the
//! user's scope, as Rust's format strings do; a lowercase name close to a
//! field is reported here with a suggestion instead.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use syn::Member;

use crate::lit::Str;

mod args;
mod diag;
mod parse;
mod rewrite;

pub use self::parse::parse_msg;
pub use self::rewrite::expand;

/// What the message language needs of a field: its name, and the local a
/// `match` arm binds it to. (`ast::Field` implements it; this module knows
/// nothing else of the syntax tree.)
pub trait FieldNames {
    /// `name` or `0`.
    fn member(&self) -> &Member;
    /// The local the field is bound to.
    fn binding(&self) -> &Ident;
}

/// A parsed `#[msg(..)]`.
pub struct Msg {
    /// The format string.
    pub lit: Str,
    /// Extra arguments after the string, in order.
    pub args: Vec<Arg>,
}

/// One extra argument: `expr` or `name = expr`, as raw tokens (no `full`
/// syn: the expression is scanned, not parsed).
#[derive(Clone)]
pub struct Arg {
    /// `name` of `name = expr`.
    pub name: Option<Ident>,
    /// The expression's tokens.
    pub expr: TokenStream,
}

/// Which formatting trait a placeholder uses, for inferred bounds.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FmtTrait {
    /// `{}`.
    Display,
    /// `{:?}`.
    Debug,
    /// `{:x}`.
    LowerHex,
    /// `{:X}`.
    UpperHex,
    /// `{:o}`.
    Octal,
    /// `{:b}`.
    Binary,
    /// `{:e}`.
    LowerExp,
    /// `{:E}`.
    UpperExp,
    /// `{:p}`.
    Pointer,
}

impl FmtTrait {
    /// The trait a format spec (the part after `:`) selects.
    fn of_spec(spec: &str) -> FmtTrait {
        if spec.ends_with('?') {
            return FmtTrait::Debug;
        }
        // The type is the last character when it is a letter; a fill char
        // is always followed by an alignment, so `{:x<5}` ends in a digit.
        match spec.chars().last() {
            Some('x') => FmtTrait::LowerHex,
            Some('X') => FmtTrait::UpperHex,
            Some('o') => FmtTrait::Octal,
            Some('b') => FmtTrait::Binary,
            Some('e') => FmtTrait::LowerExp,
            Some('E') => FmtTrait::UpperExp,
            Some('p') => FmtTrait::Pointer,
            _ => FmtTrait::Display,
        }
    }

    /// The trait's path under `core::fmt`.
    pub fn ident(self) -> Ident {
        let name = match self {
            FmtTrait::Display => "Display",
            FmtTrait::Debug => "Debug",
            FmtTrait::LowerHex => "LowerHex",
            FmtTrait::UpperHex => "UpperHex",
            FmtTrait::Octal => "Octal",
            FmtTrait::Binary => "Binary",
            FmtTrait::LowerExp => "LowerExp",
            FmtTrait::UpperExp => "UpperExp",
            FmtTrait::Pointer => "Pointer",
        };
        Ident::new(name, Span::call_site())
    }
}

/// How a field the string names is passed to `format_args!`, each under
/// its own name so one field can be read several ways.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pass {
    /// `__field_x = __field_x`: the binding (`&T`) as it is, for `{x:?}`,
    /// `{x:x}` and the other traits a reference forwards.
    Binding,
    /// `__display_x = (&DisplayOf(__field_x)).__display()`: `{x}` shows a
    /// `Path` as `.display()` does and anything else by its `Display`.
    Display,
    /// `__pointer_x = *__field_x`: `{x:p}` formats the field's own pointer
    /// value, not the address of the binding.
    Pointer,
    /// `__count_x = *__field_x`: a `usize` width or precision (`{:>x$}`).
    Count,
}

impl Pass {
    /// The argument's name beside the binding `__field_x`: the prefix is
    /// underscores only (see `ast::local_prefix`), so that no name can be
    /// another field's binding or a user's named argument.
    pub fn name(self, binding: &Ident) -> Ident {
        let word = match self {
            Pass::Binding => return binding.clone(),
            Pass::Display => "display_",
            Pass::Pointer => "pointer_",
            Pass::Count => "count_",
        };
        let name = binding.to_string().replacen("field_", word, 1);
        Ident::new(&name, binding.span())
    }
}

/// A `#[msg]` rewritten for one match arm.
pub struct Expanded {
    /// The format string with field references renamed to their arguments.
    pub lit: proc_macro2::Literal,
    /// `, extra, n = ..` to follow the string: the user's arguments.
    pub args: Vec<TokenTree>,
    /// The field arguments the string names: (field index, how), each
    /// passed once as `, name = value` after `args`.
    pub passes: crate::set::SortedSet<(usize, Pass)>,
    /// Indices of the fields the arm must bind.
    pub used: crate::set::SortedSet<usize>,
    /// (field index, trait) for each field the string formats.
    pub bounds: crate::set::SortedSet<(usize, FmtTrait)>,
    /// True when the string has no brace at all (`write_str` will do).
    pub plain: bool,
}

/// True if a field of type `ty` is certainly no path, so that `{field}`
/// can skip the `Display` probe (a compile-time saving only: the probe
/// would pick the value's own `Display` anyway): a primitive, `str`,
/// `String`, `io::Error` or `fmt::Error`, behind any references. Whether a
/// type is a path is decided by the probe's impls, never by this list; a
/// crate that named a path type `String` would get "`PathBuf` doesn't
/// implement `Display`", not a wrong message.
pub fn never_a_path(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => never_a_path(&r.elem),
        syn::Type::Paren(p) => never_a_path(&p.elem),
        syn::Type::Group(g) => never_a_path(&g.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let mut rev = p.path.segments.iter().rev();
            let Some(last) = rev.next() else {
                return false;
            };
            if !last.arguments.is_none() {
                return false;
            }
            let name = last.ident.to_string();
            match name.as_str() {
                "bool" | "char" | "str" | "String" | "u8" | "u16" | "u32" | "u64" | "u128"
                | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "f32" | "f64" => true,
                "Error" => rev
                    .next()
                    .is_some_and(|m| m.ident == "io" || m.ident == "fmt"),
                _ => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::never_a_path;

    #[test]
    fn only_types_that_are_certainly_no_path_skip_the_probe() {
        let no_path = [
            "String",
            "&'a str",
            "&&u8",
            "std::string::String",
            "io::Error",
            "(f64)",
        ];
        for src in no_path {
            assert!(never_a_path(&syn::parse_str(src).unwrap()), "{src}");
        }
        let maybe = [
            "PathBuf",
            "&Path",
            "Box<Path>",
            "Error",
            "MyString",
            "T",
            "<T as Tr>::Assoc",
            "Vec<String>",
        ];
        for src in maybe {
            assert!(!never_a_path(&syn::parse_str(src).unwrap()), "{src}");
        }
    }
}
