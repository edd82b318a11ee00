//! The format string of a `#[msg]` rewritten for one match arm: each field
//! it names becomes an argument of its own (see [`Pass`]), and names it
//! does not resolve are left to `format_args!`'s implicit capture.

use crate::set::SortedSet;

use proc_macro2::{Ident, Punct, Spacing, TokenTree};
use syn::ext::IdentExt;
use syn::Member;

use super::args::rewrite_expr;
use super::diag::{closest_field, describe_fields, is_index, is_named};
use super::{Expanded, FieldNames, FmtTrait, Msg, Pass};
use crate::span::name_span;

/// Rewrites `msg` against the fields of `variant_name`, collecting errors.
pub fn expand(
    msg: &Msg,
    fields: &[impl FieldNames],
    variant_name: &Ident,
) -> Result<Expanded, Vec<syn::Error>> {
    let mut rw = Rewrite {
        msg,
        fields,
        variant_name,
        positional: msg.args.iter().filter(|a| a.name.is_none()).count(),
        named_args: msg
            .args
            .iter()
            .filter_map(|a| a.name.as_ref().map(|n| n.unraw().to_string()))
            .collect(),
        out: String::with_capacity(msg.lit.value.len() + 16),
        used: SortedSet::new(),
        bounds: SortedSet::new(),
        passes: SortedSet::new(),
        errors: Vec::new(),
    };
    let any_brace = rw.template();
    let args = rw.args();
    if !rw.errors.is_empty() {
        return Err(rw.errors);
    }
    let lit = if rw.out == msg.lit.value {
        // Nothing renamed: the user's token as written.
        msg.lit.token.clone()
    } else {
        let mut lit = proc_macro2::Literal::string(&rw.out);
        lit.set_span(msg.lit.span());
        lit
    };
    Ok(Expanded {
        lit,
        args,
        passes: rw.passes,
        used: rw.used,
        bounds: rw.bounds,
        plain: !any_brace && msg.args.is_empty(),
    })
}

/// The state of one rewrite: the message and fields read, the string and
/// sets written.
struct Rewrite<'m, F> {
    /// The message.
    msg: &'m Msg,
    /// The variant's fields.
    fields: &'m [F],
    /// The variant's name, for messages.
    variant_name: &'m Ident,
    /// How many positional arguments follow the string.
    positional: usize,
    /// The names of the named arguments (without `r#`).
    named_args: Vec<String>,
    /// The rewritten string so far.
    out: String,
    /// See [`Expanded::used`].
    used: SortedSet<usize>,
    /// See [`Expanded::bounds`].
    bounds: SortedSet<(usize, FmtTrait)>,
    /// See [`Expanded::passes`].
    passes: SortedSet<(usize, Pass)>,
    /// The errors so far.
    errors: Vec<syn::Error>,
}

impl<F: FieldNames> Rewrite<'_, F> {
    /// Rewrites the string into `out`; true if it has any brace.
    fn template(&mut self) -> bool {
        let template = self.msg.lit.value.as_str();
        let mut rest = template;
        let mut any_brace = false;
        while let Some(i) = find_byte(rest, |b| b == b'{' || b == b'}') {
            any_brace = true;
            self.out.push_str(&rest[..i]);
            let tail = &rest[i..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                self.out.push_str(&tail[..2]);
                rest = &tail[2..];
                continue;
            }
            // An unmatched `}` or `{`: left for rustc to report on the
            // string.
            let end = find_byte(tail, |b| b == b'}').filter(|_| tail.starts_with('{'));
            let Some(end) = end else {
                self.out.push_str(tail);
                return true;
            };
            self.placeholder(&tail[1..end], template.len() - tail.len() + 1);
            rest = &tail[end + 1..];
        }
        self.out.push_str(rest);
        any_brace
    }

    /// Rewrites one placeholder `{inner}`, which starts at byte `at` of the
    /// string.
    fn placeholder(&mut self, inner: &str, at: usize) {
        let (arg, spec) = match find_byte(inner, |b| b == b':') {
            Some(c) => (&inner[..c], Some(&inner[c + 1..])),
            None => (inner, None),
        };
        let trimmed = arg.trim();
        let at = at + (arg.len() - arg.trim_start().len());
        let field = if trimmed.is_empty() {
            None
        } else if let Ok(n) = trimmed.parse::<usize>() {
            self.index_field(n)
        } else {
            self.named_field(trimmed.strip_prefix("r#").unwrap_or(trimmed), trimmed, at)
        };
        self.out.push('{');
        match field {
            Some(i) => {
                let fmt_trait = FmtTrait::of_spec(spec.unwrap_or(""));
                let pass = match fmt_trait {
                    FmtTrait::Display => Pass::Display,
                    FmtTrait::Pointer => Pass::Pointer,
                    _ => Pass::Binding,
                };
                self.out
                    .push_str(&pass.name(self.fields[i].binding()).to_string());
                self.used.insert(i);
                self.passes.insert((i, pass));
                self.bounds.insert((i, fmt_trait));
            }
            None => self.out.push_str(trimmed),
        }
        if let Some(spec) = spec {
            self.out.push(':');
            let counts = rewrite_counts(
                spec,
                self.fields,
                &self.named_args,
                &mut self.used,
                &mut self.passes,
            );
            self.out.push_str(&counts);
        }
        self.out.push('}');
    }

    /// The field `{n}` names; `None` (reported unless it is a positional
    /// argument) for none.
    fn index_field(&mut self, n: usize) -> Option<usize> {
        let fields = self.fields;
        if let Some(i) = fields.iter().position(|f| is_index(f.member(), n)) {
            return Some(i);
        }
        let tuple = fields
            .iter()
            .any(|f| matches!(f.member(), Member::Unnamed(_)));
        if n < self.positional && !tuple {
            return None;
        }
        self.errors.push(syn::Error::new(
            self.msg.lit.span(),
            format_args!(
                "`{{{n}}}` in #[msg] is not a field: {}",
                describe_fields(fields, self.variant_name)
            ),
        ));
        None
    }

    /// The field `{name}` names (`written` as in the string, at byte `at`);
    /// `None` for a named argument or a name captured from the user's scope.
    fn named_field(&mut self, name: &str, written: &str, at: usize) -> Option<usize> {
        if self.named_args.iter().any(|a| a == name) {
            return None;
        }
        let fields = self.fields;
        if let Some(i) = fields.iter().position(|f| is_named(f.member(), name)) {
            return Some(i);
        }
        // A lowercase name close to a field is a typo; any other name is
        // captured from the user's scope by `format_args!` (a constant, a
        // static, `self`), which reports one that is not there in its own
        // words.
        let lowercase = name.starts_with(|c: char| c.is_lowercase() || c == '_');
        let near = (lowercase && name != "self")
            .then(|| closest_field(fields, name))
            .flatten();
        if let Some(near) = near {
            self.errors.push(syn::Error::new(
                name_span(&self.msg.lit, at, written.len()),
                format_args!(
                    "`{{{name}}}` in #[msg] is not a field: did you mean `{near}`? ({})",
                    describe_fields(fields, self.variant_name)
                ),
            ));
        }
        None
    }

    /// The extra arguments as token trees (not a `TokenStream`: the Display
    /// arm puts them in its group without another round trip to the
    /// compiler), `, extra, n = ..`, their field references rewritten.
    fn args(&mut self) -> Vec<TokenTree> {
        let mut args: Vec<TokenTree> = Vec::new();
        let comma = || TokenTree::Punct(Punct::new(',', Spacing::Alone));
        let eq = || TokenTree::Punct(Punct::new('=', Spacing::Alone));
        for arg in &self.msg.args {
            let expr = rewrite_expr(
                arg.expr.clone(),
                self.fields,
                self.variant_name,
                &mut self.used,
                &mut self.errors,
            );
            args.push(comma());
            if let Some(name) = &arg.name {
                args.extend([TokenTree::Ident(name.clone()), eq()]);
            }
            args.extend(expr);
        }
        args
    }
}

/// The first byte of `s` that `pred` accepts. `str::find` with a pattern is
/// generic code, slow in the unoptimized build cargo gives proc macros.
fn find_byte(s: &str, pred: impl Fn(u8) -> bool) -> Option<usize> {
    s.bytes().position(pred)
}

/// Rewrites `name$` width/precision references to fields in a format spec
/// (`>width$`, `.prec$`) to a `usize` argument copied from the field.
fn rewrite_counts(
    spec: &str,
    fields: &[impl FieldNames],
    named_args: &[String],
    used: &mut SortedSet<usize>,
    passes: &mut SortedSet<(usize, Pass)>,
) -> String {
    let mut out = String::with_capacity(spec.len());
    let mut rest = spec;
    while let Some(dollar) = rest.find('$') {
        let before = &rest[..dollar];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        let name = &before[start..];
        let field = (!name.is_empty()
            && !name.starts_with(|c: char| c.is_ascii_digit())
            && !named_args.iter().any(|a| a == name))
        .then(|| fields.iter().position(|f| is_named(f.member(), name)))
        .flatten();
        out.push_str(&before[..start]);
        match field {
            Some(i) => {
                used.insert(i);
                passes.insert((i, Pass::Count));
                out.push_str(&Pass::Count.name(fields[i].binding()).to_string());
            }
            None => out.push_str(name),
        }
        out.push('$');
        rest = &rest[dollar + 1..];
    }
    out.push_str(rest);
    out
}
