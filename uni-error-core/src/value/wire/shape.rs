//! The wire shape, in one place: the key names and their order, the writer
//! of a uni error's head ([`write_error`]), the writer of a source node
//! ([`write_node`]) and the depth cut. Every path that writes a uni error
//! writes through these: the direct JSON writer ([`write_error_json`],
//! which copies the head's keys as pre-escaped bytes and hands `data` and
//! the cause to the same `Serialize`s and node writer), the owned types' `Serialize`, the derive's streamed
//! `Serialize` (`__private::walk`), [`Public`](crate::Public), and so the JS
//! bridge and the google/tonic details, which start from that JSON. The
//! readers (`de.rs`, the JS bridge's `from_js`) take their key lists from
//! here too.
//!
//! | object | keys, in output order |
//! |---|---|
//! | uni error | `errSubject`, `errCode`, `errMsg`, `data`?, `cause`?, unknown keys |
//! | source node | `message`, `subject`?, `code`?, `cause`?, `errors`? (an aggregate), `data`? (a uni error's, as an unknown key), unknown keys |

use core::fmt;

use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::escape::{escape_into, int_into, Escaped};
use super::MAX_JSON_DEPTH;
use crate::value::json::{into_vec, Json, DISPLAY_FAILED};

/// errSubject of a uni error.
pub(crate) const ERR_SUBJECT: &str = "errSubject";
/// errCode of a uni error.
pub(crate) const ERR_CODE: &str = "errCode";
/// errMsg of a uni error.
pub(crate) const ERR_MSG: &str = "errMsg";
/// `data` of a uni error; on a source node, the unknown key a uni error's
/// data is kept under when it becomes a cause.
pub(crate) const DATA: &str = "data";
/// `cause` of a uni error or a source node.
pub(crate) const CAUSE: &str = "cause";
/// `message` of a source node.
pub(crate) const MESSAGE: &str = "message";
/// `subject` of a source node.
pub(crate) const SUBJECT: &str = "subject";
/// `code` of a source node.
pub(crate) const CODE: &str = "code";
/// `errors` of an aggregate node.
pub(crate) const ERRORS: &str = "errors";

/// The keys of a uni error that are not unknown keys, in output order.
pub(crate) const ERROR_KEYS: &[&str] = &[ERR_SUBJECT, ERR_CODE, ERR_MSG, DATA, CAUSE];
/// The keys of a source node that are not unknown keys, in output order.
pub(crate) const SOURCE_KEYS: &[&str] = &[MESSAGE, SUBJECT, CODE, CAUSE, ERRORS];

/// The head of a uni error, as [`write_error`] writes it. (`pub` in a
/// private module, as [`WireError`], whose interface it is.)
pub struct Head<'a, M, D> {
    pub subject: &'a str,
    pub code: i64,
    /// errMsg: a `&str`, or a `Display` written with `collect_str`.
    pub message: M,
    pub data: Option<D>,
    pub has_cause: bool,
    pub extra: &'a [(String, Json)],
    /// `{"errSubject":"…","errCode":` already escaped, where the derive
    /// knows it when the crate compiles (the direct writer,
    /// [`write_error_json`], copies it instead of escaping `subject`). It
    /// must say what `subject` says.
    pub prefix: Option<&'static str>,
}

/// A uni error, to [`write_error`]: its head, and its cause written as the
/// node at `level`.
///
/// `pub` in a private module (so unreachable from outside the crate): the
/// derive's plumbing in `__private` implements it for public types.
pub trait WireError {
    /// errMsg.
    type Message<'a>: Serialize + fmt::Display
    where
        Self: 'a;
    /// `data`.
    type Data<'a>: Serialize
    where
        Self: 'a;
    /// The head, read once.
    fn head(&self) -> Head<'_, Self::Message<'_>, Self::Data<'_>>;
    /// Writes the cause (there is one: `head().has_cause`) as the node at
    /// `level`.
    fn serialize_cause<S: Serializer>(
        &self,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error>;
}

/// Writes a uni error: errSubject, errCode, errMsg, data?, cause? (the node
/// at level 2), then its unknown keys.
#[inline]
pub(crate) fn write_error<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
where
    E: WireError + ?Sized,
    S: Serializer,
{
    let head = error.head();
    let len = 3 + usize::from(head.data.is_some()) + usize::from(head.has_cause) + head.extra.len();
    let mut map = serializer.serialize_map(Some(len))?;
    map.serialize_entry(ERR_SUBJECT, head.subject)?;
    map.serialize_entry(ERR_CODE, &head.code)?;
    map.serialize_entry(ERR_MSG, &head.message)?;
    if let Some(data) = &head.data {
        map.serialize_entry(DATA, data)?;
    }
    if head.has_cause {
        map.serialize_entry(CAUSE, &ErrorCause(error, 2))?;
    }
    for (k, v) in head.extra {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

/// Writes a uni error as JSON text at the end of `out`, the same bytes as
/// [`write_error`] through `serde_json` writes, without serde's map: the
/// keys are copied as escaped bytes (the head as one piece where the
/// derive knows it, [`Head::prefix`]), errMsg streams from its `Display`
/// through an escaping `fmt::Write`, and `data`, the cause and unknown keys
/// go through their `Serialize` (the cause through [`write_node`]). On an
/// error (a `Display` or a `Serialize` that fails) `out` is cut back to
/// where it was.
#[inline]
pub(crate) fn write_error_json<E>(error: &E, out: &mut Vec<u8>) -> Result<(), serde_json::Error>
where
    E: WireError + ?Sized,
{
    let start = out.len();
    let result = write_error_json_at(error, out);
    if result.is_err() {
        out.truncate(start);
    }
    result
}

#[inline]
fn write_error_json_at<E>(error: &E, out: &mut Vec<u8>) -> Result<(), serde_json::Error>
where
    E: WireError + ?Sized,
{
    let head = error.head();
    match head.prefix {
        Some(prefix) => out.extend_from_slice(prefix.as_bytes()),
        None => {
            out.extend_from_slice(br#"{"errSubject":""#);
            escape_into(out, head.subject);
            out.extend_from_slice(br#"","errCode":"#);
        }
    }
    int_into(out, head.code);
    out.extend_from_slice(br#","errMsg":""#);
    fmt::write(&mut Escaped(out), format_args!("{}", head.message))
        .map_err(|_| serde_json::Error::custom(DISPLAY_FAILED))?;
    out.push(b'"');
    if let Some(data) = &head.data {
        out.extend_from_slice(br#","data":"#);
        data.serialize(&mut serde_json::Serializer::new(&mut *out))?;
    }
    if head.has_cause {
        out.extend_from_slice(br#","cause":"#);
        // Into a `Vec`: the messages' `Display`s need no writer guard.
        into_vec(|| error.serialize_cause(&mut serde_json::Serializer::new(&mut *out), 2))?;
    }
    for (k, v) in head.extra {
        out.extend_from_slice(b",\"");
        escape_into(out, k);
        out.extend_from_slice(b"\":");
        v.serialize(&mut serde_json::Serializer::new(&mut *out))?;
    }
    out.push(b'}');
    Ok(())
}

/// A source node, as [`write_node`] writes it. (`pub` in a private
/// module, as [`WireNode`].)
pub struct Parts<'a, M, B> {
    /// `message`: a `&str`, or a `Display` written with `collect_str`.
    pub message: M,
    pub subject: Option<&'a str>,
    pub code: Option<i64>,
    /// The cause, if any, as the handle the node writes it from
    /// ([`WireNode::serialize_cause`]): read once, with the rest.
    pub cause: Option<B>,
    /// `Some(len)` for an aggregate (even with no members).
    pub members: Option<usize>,
    /// The data of a uni error that became this cause, written as the
    /// first unknown key, `data`. (An owned node holds it in `extra`.)
    pub data: Option<Json>,
    pub extra: &'a [(String, Json)],
}

/// A source node, to [`write_node`]: the owned form (`Cause`) and the
/// derive's streamed nodes (`__private::walk`) alike.
///
/// `pub` in a private module, as [`WireError`].
pub trait WireNode {
    /// `message`.
    type Message<'a>: Serialize
    where
        Self: 'a;
    /// What the node writes its cause from (the owned cause, a plain
    /// error's `source()`, or nothing for a derived error, which walks).
    type Below<'a>: Copy
    where
        Self: 'a;
    /// The node's own keys, read once.
    fn parts(&self) -> Parts<'_, Self::Message<'_>, Self::Below<'_>>;
    /// How many causes this subtree holds, itself included: what the depth
    /// cut says it left out.
    fn count(&self) -> usize;
    /// Writes the cause (`below`, from `parts().cause`) as the node at
    /// `level`.
    fn serialize_cause<S: Serializer>(
        &self,
        below: Self::Below<'_>,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        let _ = (below, serializer, level);
        Err(S::Error::custom("this node has no cause"))
    }
    /// Writes the members (an aggregate: `parts().members`), each the node
    /// at `level`.
    fn serialize_members<S: Serializer>(
        &self,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        let _ = (serializer, level);
        Err(S::Error::custom("this node has no members"))
    }
}

/// Writes a source node as the JSON object at nesting `level` (the uni
/// error is level 1): message, subject?, code?, cause?, errors?, data?,
/// then its unknown keys; or, where a child would nest deeper than
/// serde_json reads back, what stands in for the subtree.
#[inline]
pub(crate) fn write_node<N, S>(node: &N, serializer: S, level: usize) -> Result<S::Ok, S::Error>
where
    N: WireNode + ?Sized,
    S: Serializer,
{
    let p = node.parts();
    let has_members = p.members.is_some_and(|n| n > 0);
    if too_deep(level, p.cause.is_some(), has_members) {
        return omitted(serializer, node.count());
    }
    // A uni error's unknown keys that a node has as its own keys are not
    // written (as `SourceError::of_uni` drops them); an owned node never has
    // one, so this counts what is there.
    let extra = || {
        p.extra
            .iter()
            .filter(|(k, _)| !SOURCE_KEYS.contains(&k.as_str()))
    };
    let len = 1
        + usize::from(p.subject.is_some())
        + usize::from(p.code.is_some())
        + usize::from(p.cause.is_some())
        + usize::from(p.members.is_some())
        + usize::from(p.data.is_some())
        + if p.extra.is_empty() {
            0
        } else {
            extra().count()
        };
    let mut map = serializer.serialize_map(Some(len))?;
    map.serialize_entry(MESSAGE, &p.message)?;
    if let Some(subject) = p.subject {
        map.serialize_entry(SUBJECT, subject)?;
    }
    if let Some(code) = p.code {
        map.serialize_entry(CODE, &code)?;
    }
    if let Some(below) = p.cause {
        map.serialize_entry(CAUSE, &NodeCause(node, below, level + 1))?;
    }
    if p.members.is_some() {
        map.serialize_entry(ERRORS, &MembersOf(node, level + 2))?;
    }
    if let Some(data) = &p.data {
        map.serialize_entry(DATA, data)?;
    }
    if !p.extra.is_empty() {
        for (k, v) in extra() {
            map.serialize_entry(k, v)?;
        }
    }
    map.end()
}

/// Writes `items` as the members of an aggregate, each the node at `level`.
#[inline]
pub(crate) fn write_members<S, I>(serializer: S, items: I, level: usize) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    I: ExactSizeIterator,
    I::Item: WireNode,
{
    let mut seq = serializer.serialize_seq(Some(items.len()))?;
    for node in items {
        seq.serialize_element(&NodeAt(&node, level))?;
    }
    seq.end()
}

/// A node serialized at its level.
pub(crate) struct NodeAt<'n, N: ?Sized>(pub(crate) &'n N, pub(crate) usize);

impl<N: WireNode + ?Sized> Serialize for NodeAt<'_, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_node(self.0, serializer, self.1)
    }
}

/// The cause of a uni error, serialized at its level.
struct ErrorCause<'e, E: ?Sized>(&'e E, usize);

impl<E: WireError + ?Sized> Serialize for ErrorCause<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_cause(serializer, self.1)
    }
}

/// The cause of a node, serialized at its level.
struct NodeCause<'n, N: WireNode + ?Sized>(&'n N, N::Below<'n>, usize);

impl<N: WireNode + ?Sized> Serialize for NodeCause<'_, N> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_cause(self.1, serializer, self.2)
    }
}

/// The members of a node, serialized at their level.
struct MembersOf<'n, N: ?Sized>(&'n N, usize);

impl<N: WireNode + ?Sized> Serialize for MembersOf<'_, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_members(serializer, self.1)
    }
}

/// True if a node at `level` must be cut: a `cause` would sit one level
/// below it, an aggregate's members two (array, object), past the limit.
fn too_deep(level: usize, has_cause: bool, has_members: bool) -> bool {
    (has_cause && level + 1 > MAX_JSON_DEPTH) || (has_members && level + 2 > MAX_JSON_DEPTH)
}

/// What stands in for a subtree of `n` causes cut at the depth limit.
fn omitted<S: Serializer>(serializer: S, n: usize) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(MESSAGE, &Omitted(n))?;
    map.end()
}

struct Omitted(usize);

impl Serialize for Omitted {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Omitted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        write!(
            f,
            "{n} more cause{} omitted: the chain nests deeper than {MAX_JSON_DEPTH} JSON levels",
            if n == 1 { "" } else { "s" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pre-escaped pieces of the direct writer say the key names above.
    #[test]
    fn direct_pieces_name_the_keys() {
        let head = format!("{{\"{ERR_SUBJECT}\":\"s\",\"{ERR_CODE}\":1,\"{ERR_MSG}\":\"");
        assert_eq!(head, r#"{"errSubject":"s","errCode":1,"errMsg":""#);
        assert_eq!(format!(",\"{DATA}\":"), r#","data":"#);
        assert_eq!(format!(",\"{CAUSE}\":"), r#","cause":"#);
    }
}
