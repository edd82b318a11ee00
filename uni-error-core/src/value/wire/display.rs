//! Display (`{}` the message, `{:#}` the whole chain) and std::error::Error.

use core::fmt;

use super::*;

// ---------------------------------------------------------------------------
// Display and std::error::Error
// ---------------------------------------------------------------------------

/// Writes `subject code: message` with the parts that exist.
fn write_line(
    f: &mut fmt::Formatter<'_>,
    subject: Option<&str>,
    code: Option<i64>,
    message: &str,
) -> fmt::Result {
    match (subject, code) {
        (Some(s), Some(c)) => write!(f, "{s} {c}: ")?,
        (Some(s), None) => write!(f, "{s}: ")?,
        (None, Some(c)) => write!(f, "{c}: ")?,
        (None, None) => {}
    }
    f.write_str(message)
}

/// Writes a node and the tree below it, one cause per line, iteratively.
///
/// The node's own line comes first (`subject code: message`). Below it, each
/// member of an aggregate is written as `[i] <line>`, indented two more
/// spaces than its aggregate, and each `cause` link as `caused by: <line>` at
/// the indentation of the node it belongs to. Members come before the
/// aggregate's own cause.
pub(crate) fn write_tree(
    f: &mut fmt::Formatter<'_>,
    head: (Option<&str>, Option<i64>, &str),
    members: &[Cause],
    cause: Option<&Cause>,
) -> fmt::Result {
    enum Label {
        CausedBy,
        Member(usize),
    }
    type Stack<'a> = Vec<(&'a Cause, usize, Label)>;
    fn push_children<'a>(
        stack: &mut Stack<'a>,
        members: &'a [Cause],
        cause: Option<&'a Cause>,
        indent: usize,
    ) {
        stack.extend(cause.map(|c| (c, indent, Label::CausedBy)));
        for (i, m) in members.iter().enumerate().rev() {
            stack.push((m, indent + 2, Label::Member(i)));
        }
    }
    write_line(f, head.0, head.1, head.2)?;
    let mut stack: Stack<'_> = Vec::new();
    push_children(&mut stack, members, cause, 0);
    while let Some((c, indent, label)) = stack.pop() {
        write!(f, "\n{:indent$}", "")?;
        match label {
            Label::CausedBy => f.write_str("caused by: ")?,
            Label::Member(i) => write!(f, "[{i}] ")?,
        }
        write_line(f, c.subject(), c.code(), c.message())?;
        push_children(&mut stack, c.errors(), c.cause(), indent);
    }
    Ok(())
}

impl fmt::Display for Error {
    /// `{}` prints errMsg. `{:#}` prints the whole chain, one cause per line:
    ///
    /// ```text
    /// uni-login 1504009: every provider failed
    /// caused by: every provider failed
    ///   [0] uni-login::weixin 1416601: weixin login failed
    ///   caused by: weixin-sdk -2: user cancelled
    ///   [1] csj -404012: no fill
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            let head = (
                Some(&*self.inner.subject),
                Some(self.inner.code),
                &*self.inner.message,
            );
            write_tree(f, head, &[], self.cause())
        } else {
            f.write_str(&self.inner.message)
        }
    }
}

impl fmt::Display for SourceError {
    /// `{}` prints the message; `{:#}` the chain from this source down.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write_tree(
                f,
                (self.subject(), self.code, &self.message),
                &[],
                self.cause(),
            )
        } else {
            f.write_str(&self.message)
        }
    }
}

impl fmt::Display for AggregateError {
    /// `{}` prints the message; `{:#}` the members and chain below it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            let head = &self.head;
            let line = (head.subject(), head.code, &*head.message);
            write_tree(f, line, &self.errors, head.cause())
        } else {
            f.write_str(self.message())
        }
    }
}

impl fmt::Display for Cause {
    /// `{}` prints the message; `{:#}` the tree from this cause down.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cause::Source(s) => fmt::Display::fmt(s, f),
            Cause::Aggregate(a) => fmt::Display::fmt(a, f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause().map(|c| c as _)
    }
}

impl std::error::Error for Cause {
    /// The `cause` link. An aggregate's members are reached through
    /// [`Cause::errors`], not `source()`.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause().map(|c| c as _)
    }
}

impl std::error::Error for SourceError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause().map(|c| c as _)
    }
}

impl std::error::Error for AggregateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.head.cause().map(|c| c as _)
    }
}
