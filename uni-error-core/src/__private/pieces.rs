//! The messages of a `#[locales]` type as data, written by one function.
//!
//! A message whose placeholders are plain `{field}` / `{field:?}` (most
//! are) is a *text* (see [`write_text`]) in one table per type, every
//! language of it: the variant's `Display` arm only hands over its fields,
//! once, so a second language costs a string literal per message rather
//! than a second `format_args!` (issue 24's compile-cost target). A
//! variant with a message that has width, precision or extra arguments
//! keeps its `write!` per language; a plain translation of such a variant
//! is a [`Piece`] array written by [`write_pieces`].

use core::fmt;

/// One piece of a translation.
#[derive(Clone, Copy, Debug)]
pub enum Piece {
    /// Text as it is.
    Lit(&'static str),
    /// The argument at this index.
    Arg(usize),
}

/// Writes `pieces`, each `Arg(i)` as `args[i]` with default flags.
pub fn write_pieces(
    f: &mut fmt::Formatter<'_>,
    pieces: &[Piece],
    args: &[&dyn fmt::Display],
) -> fmt::Result {
    for piece in pieces {
        match *piece {
            Piece::Lit(text) => f.write_str(text)?,
            Piece::Arg(i) => {
                if let Some(arg) = args.get(i) {
                    write!(f, "{arg}")?;
                }
            }
        }
    }
    Ok(())
}

/// In a text, a byte below this starts literal text of that many bytes;
/// from it up, the byte is an argument: `ARG + index`. The derive's
/// `locale::encode` writes texts with the same constant.
pub const ARG: u8 = 0x40;

/// Writes the message `k` of the language `locale` in `table` (one text
/// per message, per language; the first language's when `locale` is out
/// of range), each argument `args[i]` with default flags, as `write!`
/// with `{}` gives it.
///
/// A text is a run of segments: a byte `n < ARG` and `n` bytes of text
/// (cut at a character boundary, so each is a `str`), or a byte
/// `ARG + i` for the argument `i`. `"\u{5}step \u{40}"` is `step {0}`.
pub fn write_text(
    f: &mut fmt::Formatter<'_>,
    table: &[&[&str]],
    locale: usize,
    k: usize,
    args: &[&dyn fmt::Display],
) -> fmt::Result {
    let text = match table.get(locale).and_then(|t| t.get(k)) {
        Some(text) => text,
        None => table.first().and_then(|t| t.get(k)).unwrap_or(&""),
    };
    // An argument gets default flags: it is handed this formatter as it is
    // when the caller gave none (`{}`, the usual case), else it goes
    // through `write!`. (A `#[locales]` type may have a transparent
    // variant, whose field keeps the caller's flags, so its `Display`
    // cannot swap the formatter once at the top as `restyle` does.)
    let direct = plain_flags(f);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&head) = bytes.get(i) {
        i += 1;
        if head < ARG {
            let end = i + usize::from(head);
            f.write_str(text.get(i..end).unwrap_or_default())?;
            i = end;
        } else if let Some(arg) = args.get(usize::from(head - ARG)) {
            if direct {
                arg.fmt(f)?;
            } else {
                write!(f, "{arg}")?;
            }
        }
    }
    Ok(())
}

/// True when `f` carries no flags (`{}`): a derived `Display` may then
/// hand it to its fields as `write!` would hand them a fresh one.
#[inline]
pub fn plain_flags(f: &fmt::Formatter<'_>) -> bool {
    f.width().is_none()
        && f.precision().is_none()
        && f.align().is_none()
        && !f.alternate()
        && !f.sign_plus()
        && !f.sign_minus()
        && !f.sign_aware_zero_pad()
}

/// `this` written to `f` through a fresh formatter with no flags, which
/// its `Display` gets instead of `f`'s: the flags of `{:>20}` pad no field.
#[cold]
pub fn restyle<T: fmt::Display + ?Sized>(this: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{this}")
}

/// A derived `Display` arm of one field between two literal runs (either
/// may be empty), written to a formatter without flags
/// ([`plain_flags`]), as `write!` would write `"{before}{arg}{after}"`.
/// Compiled once here rather than as a `format_args!` per variant.
#[inline]
pub fn write_one(
    f: &mut fmt::Formatter<'_>,
    before: &str,
    arg: &dyn fmt::Display,
    after: &str,
) -> fmt::Result {
    if !before.is_empty() {
        f.write_str(before)?;
    }
    arg.fmt(f)?;
    if after.is_empty() {
        Ok(())
    } else {
        f.write_str(after)
    }
}

/// A derived `Display` arm of any number of fields: `lits[0]`, `args[0]`,
/// `lits[1]`, .., `lits[args.len()]`, to a formatter without flags
/// ([`plain_flags`]). A missing literal is empty.
#[inline]
pub fn write_many(
    f: &mut fmt::Formatter<'_>,
    lits: &[&str],
    args: &[&dyn fmt::Display],
) -> fmt::Result {
    for (i, arg) in args.iter().enumerate() {
        if let Some(lit) = lits.get(i).filter(|l| !l.is_empty()) {
            f.write_str(lit)?;
        }
        arg.fmt(f)?;
    }
    match lits.get(args.len()) {
        Some(lit) if !lit.is_empty() => f.write_str(lit),
        _ => Ok(()),
    }
}

/// A `{field:?}` argument among the `Display` ones.
pub struct DebugAsDisplay<'a, T: ?Sized>(pub &'a T);

impl<T: fmt::Debug + ?Sized> fmt::Display for DebugAsDisplay<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct T;
    impl fmt::Display for T {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_pieces(
                f,
                &[
                    Piece::Lit("标签 "),
                    Piece::Arg(0),
                    Piece::Lit("："),
                    Piece::Arg(1),
                    Piece::Arg(9),
                ],
                &[&42, &DebugAsDisplay(&"x")],
            )
        }
    }

    struct Texts(usize);
    impl fmt::Display for Texts {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            const TABLE: &[&[&str]] = &[
                &["\u{5}step \u{40}\u{9} failed: \u{41}", "\u{3}end"],
                &["\u{4}第 \u{40}\u{d} 步失败：\u{41}\u{40}\u{48}"],
            ];
            let args: [&dyn fmt::Display; 2] = [&7, &DebugAsDisplay(&"x")];
            write_text(f, TABLE, self.0, 0, &args)?;
            write_text(f, TABLE, self.0, 1, &args)
        }
    }

    #[test]
    fn texts_in_their_language_else_the_first_with_default_flags() {
        assert_eq!(Texts(0).to_string(), "step 7 failed: \"x\"end");
        // The second language has no message 1 (and an argument 8 that
        // is not there): the first language's, and nothing.
        assert_eq!(Texts(1).to_string(), "第 7 步失败：\"x\"7end");
        assert_eq!(Texts(9).to_string(), "step 7 failed: \"x\"end");
        assert_eq!(format!("{:>40}", Texts(0)), "step 7 failed: \"x\"end");
        assert_eq!(format!("{:#}", Texts(0)), "step 7 failed: \"x\"end");
        assert_eq!(format!("{:+}", Texts(0)), "step 7 failed: \"x\"end");
    }

    #[test]
    fn pieces_and_arguments_in_order_with_default_flags() {
        assert_eq!(T.to_string(), "标签 42：\"x\"");
        assert_eq!(format!("{:>30}", T), "标签 42：\"x\"");
    }
}
