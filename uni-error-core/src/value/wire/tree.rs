//! Walking a cause tree without recursion: drop (and, below, clone,
//! comparison and Debug), so any depth is safe.

use super::*;

// ---------------------------------------------------------------------------
// Iterative drop: a chain of any depth drops without recursion.
// ---------------------------------------------------------------------------

fn drop_iteratively(mut first: Option<Box<Cause>>, mut errors: Vec<Cause>) {
    // A plain chain (the usual case) needs no stack: unlink one source at a
    // time until an aggregate, if any, turns up.
    if errors.is_empty() {
        while let Some(mut b) = first {
            match &mut *b {
                Cause::Source(s) => first = s.cause.take(),
                Cause::Aggregate(_) => {
                    first = Some(b);
                    break;
                }
            }
        }
        if first.is_none() {
            return;
        }
    }
    let mut stack = core::mem::take(&mut errors);
    stack.extend(first.map(|b| *b));
    while let Some(mut c) = stack.pop() {
        c.take_children(&mut stack);
        // `c` is now shallow; its own Drop finds nothing to walk.
    }
}

impl Drop for ErrorInner {
    fn drop(&mut self) {
        drop_iteratively(self.cause.take(), Vec::new());
    }
}

impl Drop for SourceError {
    fn drop(&mut self) {
        drop_iteratively(self.cause.take(), Vec::new());
    }
}

impl Drop for AggregateError {
    fn drop(&mut self) {
        drop_iteratively(None, core::mem::take(&mut self.errors));
    }
}

// ---------------------------------------------------------------------------
// Iterative clone: children first (post-order), each node built shallow.
// ---------------------------------------------------------------------------

impl SourceError {
    /// This node without its cause.
    fn clone_shallow(&self) -> SourceError {
        SourceError {
            message: self.message.clone(),
            subject: self.subject.clone(),
            code: self.code,
            cause: None,
            extra: self.extra.clone(),
        }
    }
}

fn clone_tree(root: &Cause) -> Cause {
    enum Step<'a> {
        Enter(&'a Cause),
        Build(&'a Cause),
    }
    let mut steps = vec![Step::Enter(root)];
    // Finished subtrees, in the order they were entered.
    let mut built: Vec<Cause> = Vec::new();
    while let Some(step) = steps.pop() {
        match step {
            Step::Enter(c) => {
                steps.push(Step::Build(c));
                // Popped (so built) in this order: errors, then cause.
                steps.extend(c.cause().map(Step::Enter));
                steps.extend(c.errors().iter().rev().map(Step::Enter));
            }
            Step::Build(c) => {
                let mut head = c.head().clone_shallow();
                if c.cause().is_some() {
                    head.cause = built.pop().map(Box::new);
                }
                let node = match c {
                    Cause::Source(_) => Cause::Source(head),
                    Cause::Aggregate(a) => {
                        let errors = built.split_off(built.len() - a.errors.len());
                        Cause::Aggregate(AggregateError { head, errors })
                    }
                };
                built.push(node);
            }
        }
    }
    built
        .pop()
        .unwrap_or_else(|| Cause::Source(SourceError::new(String::new())))
}

impl Clone for Cause {
    fn clone(&self) -> Cause {
        clone_tree(self)
    }
}

impl Clone for SourceError {
    fn clone(&self) -> SourceError {
        let mut s = self.clone_shallow();
        s.cause = self.cause.as_deref().map(|c| Box::new(clone_tree(c)));
        s
    }
}

impl Clone for AggregateError {
    fn clone(&self) -> AggregateError {
        AggregateError {
            head: self.head.clone(),
            errors: self.errors.iter().map(clone_tree).collect(),
        }
    }
}

impl Clone for ErrorInner {
    fn clone(&self) -> ErrorInner {
        ErrorInner {
            subject: self.subject.clone(),
            code: self.code,
            message: self.message.clone(),
            data: self.data.clone(),
            cause: self.cause.as_deref().map(|c| Box::new(clone_tree(c))),
            extra: self.extra.clone(),
            status: self.status,
        }
    }
}

// ---------------------------------------------------------------------------
// Iterative comparison: pairs of nodes on a stack.
// ---------------------------------------------------------------------------

fn shallow_eq(a: &SourceError, b: &SourceError) -> bool {
    a.message == b.message
        && a.subject == b.subject
        && a.code == b.code
        && a.cause.is_some() == b.cause.is_some()
        && a.extra == b.extra
}

fn trees_eq(a: Option<&Cause>, b: Option<&Cause>) -> bool {
    let mut pairs = vec![(a, b)];
    while let Some(pair) = pairs.pop() {
        let (a, b) = match pair {
            (None, None) => continue,
            (Some(a), Some(b)) => (a, b),
            _ => return false,
        };
        let same_kind = matches!(
            (a, b),
            (Cause::Source(_), Cause::Source(_)) | (Cause::Aggregate(_), Cause::Aggregate(_))
        );
        if !same_kind || !shallow_eq(a.head(), b.head()) || a.errors().len() != b.errors().len() {
            return false;
        }
        pairs.push((a.cause(), b.cause()));
        pairs.extend(
            a.errors()
                .iter()
                .zip(b.errors())
                .map(|(x, y)| (Some(x), Some(y))),
        );
    }
    true
}

impl PartialEq for Cause {
    fn eq(&self, other: &Cause) -> bool {
        trees_eq(Some(self), Some(other))
    }
}

impl PartialEq for SourceError {
    fn eq(&self, other: &SourceError) -> bool {
        shallow_eq(self, other) && trees_eq(self.cause.as_deref(), other.cause.as_deref())
    }
}

impl PartialEq for AggregateError {
    fn eq(&self, other: &AggregateError) -> bool {
        self.head == other.head
            && self.errors.len() == other.errors.len()
            && self
                .errors
                .iter()
                .zip(&other.errors)
                .all(|(a, b)| trees_eq(Some(a), Some(b)))
    }
}

impl PartialEq for ErrorInner {
    /// Two errors are equal when their JSON is: the status override, which
    /// is not part of it, is not compared.
    fn eq(&self, other: &ErrorInner) -> bool {
        self.subject == other.subject
            && self.code == other.code
            && self.message == other.message
            && self.data == other.data
            && self.extra == other.extra
            && trees_eq(self.cause.as_deref(), other.cause.as_deref())
    }
}

// ---------------------------------------------------------------------------
// Iterative Debug: the text `#[derive(Debug)]` would write for `{:?}`
// (`Source(SourceError { message: "m", subject: None, .. })`), produced from
// a stack of pieces instead of nested calls. `{:#?}` writes the same single
// line: indenting a chain thousands deep would cost more than it shows.
// ---------------------------------------------------------------------------

enum Piece<'a> {
    Text(&'static str),
    Node(&'a Cause),
    Head(&'a SourceError),
    Extra(&'a [(String, Json)]),
}

fn debug_tree(f: &mut fmt::Formatter<'_>, root: Piece<'_>) -> fmt::Result {
    let mut pieces = vec![root];
    while let Some(piece) = pieces.pop() {
        match piece {
            Piece::Text(t) => f.write_str(t)?,
            Piece::Extra(extra) => write!(f, "{extra:?}")?,
            Piece::Node(Cause::Source(s)) => {
                f.write_str("Source(")?;
                pieces.push(Piece::Text(")"));
                pieces.push(Piece::Head(s));
            }
            Piece::Node(Cause::Aggregate(a)) => {
                f.write_str("Aggregate(AggregateError { head: ")?;
                pieces.push(Piece::Text("] })"));
                for (i, e) in a.errors.iter().enumerate().rev() {
                    pieces.push(Piece::Node(e));
                    if i > 0 {
                        pieces.push(Piece::Text(", "));
                    }
                }
                pieces.push(Piece::Text(", errors: ["));
                pieces.push(Piece::Head(&a.head));
            }
            Piece::Head(s) => {
                write!(
                    f,
                    "SourceError {{ message: {:?}, subject: {:?}, code: {:?}, cause: ",
                    s.message, s.subject, s.code
                )?;
                pieces.push(Piece::Text(" }"));
                pieces.push(Piece::Extra(&s.extra));
                pieces.push(Piece::Text(", extra: "));
                match s.cause.as_deref() {
                    None => f.write_str("None")?,
                    Some(c) => {
                        f.write_str("Some(")?;
                        pieces.push(Piece::Text(")"));
                        pieces.push(Piece::Node(c));
                    }
                }
            }
        }
    }
    Ok(())
}

impl fmt::Debug for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_tree(f, Piece::Node(self))
    }
}

impl fmt::Debug for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_tree(f, Piece::Head(self))
    }
}

impl fmt::Debug for AggregateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The same text as the aggregate inside a Cause, without `Aggregate(..)`.
        f.write_str("AggregateError { head: ")?;
        debug_tree(f, Piece::Head(&self.head))?;
        f.write_str(", errors: [")?;
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            debug_tree(f, Piece::Node(e))?;
        }
        f.write_str("] }")
    }
}
