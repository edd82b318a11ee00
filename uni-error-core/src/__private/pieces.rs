//! A translation of a `#[locale]` as data: literal pieces and the fields
//! between them, written by one function. The derive emits this form for
//! every translation whose placeholders are plain `{field}` / `{field:?}`
//! (most are), so that a second language costs a constant array per
//! message rather than a second `format_args!`; one with width, precision
//! or extra arguments keeps its own `write!`.

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

    #[test]
    fn pieces_and_arguments_in_order_with_default_flags() {
        assert_eq!(T.to_string(), "标签 42：\"x\"");
        assert_eq!(format!("{:>30}", T), "标签 42：\"x\"");
    }
}
