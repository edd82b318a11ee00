//! The one cause pipeline. Every cause a derived error has, in every form,
//! comes from one walk:
//!
//! 1. **Dispatch, once per source type.** The derive binds the variant's
//!    source field and asks `kinds` for its kind,
//!    `(&&&&Wrap(field)).__kind()`: derived, another uni error, a pointer to
//!    `dyn Error`, a plain error, or not an error (one compile error at the
//!    field's type). The kind's [`SourceKind`](super::kinds::SourceKind) methods are
//!    every use of the field: its [`Node`], the cause a transparent wrapper
//!    forwards, `source()`, and the owned cause by value.
//! 2. **Walk.** [`StreamSource::__cause`] (generated) matches the variant and
//!    hands its source's node, or none, to a [`Visit`]or. A node is a
//!    `wire::shape::WireNode` (its message, subject, code, cause, members and
//!    data, for the value layer's one node writer, with its depth cut) and
//!    becomes an owned [`Cause`]: [`UniNode`] (a derived error: its message,
//!    subject, code, data, then its own `__cause`), [`StdNode`] (a plain
//!    error: its message, then its `source()` chain), [`OwnedNode`] (what is
//!    only reachable as a `Cause`: hand-written uni errors,
//!    `uni_error::Error`) and [`ListNode`] (a list source: one aggregate,
//!    one node per element).
//! 3. **Visitors** decide the form: `HasCause` and `Count` ask;
//!    `SerializeAt` hands the node to the writer (serialization streams,
//!    building nothing; [`serialize`] is the top level, through the one head
//!    writer, `wire::shape::write_error`); [`OwnedCause`] builds the tree,
//!    which is `err_cause()` ([`owned_cause`]) and what `{:#}` prints.
//! 4. **Owned causes** (an [`OwnedNode`], and the wire types' own
//!    `Serialize`) are written by the same node writer (`wire::node`), so
//!    the streamed and the owned JSON are the same bytes. A uni error
//!    becomes an owned node in one place, `SourceError::of_uni` (its
//!    errCode as written, its data as the unknown key `data`).
//!
//! By value, `StreamSource::__take` (generated) uses the same dispatch's
//! `into_cause` per source field, and `take_forward` for a transparent
//! variant's field, moving what it owns (`erase`).
//!
//! A new shape of source is one new kind in `kinds` (or one more impl of a
//! level there); the walk, the owned cause, `source()` and erasure follow.

use core::fmt;
use std::error::Error as StdError;

use serde::ser::Error as _;
use serde::Serializer;

use crate::value::error_trait::source_of;
use crate::value::json::{display_text, DisplayStr};
use crate::value::wire::node::CauseRef;
use crate::value::wire::shape::{
    write_error, write_error_json, write_members, write_node, Head, Parts, WireError, WireNode,
};
use serde::Serialize;

use super::data::DataOut;
use super::sure::MsgStr;
use crate::{AggregateError, Cause, SourceError, UniError};

/// Implemented by `#[derive(UniError)]`: hands the cause of the variant at
/// hand to `v` as a [`Node`], or says there is none.
///
/// Not a subtrait of `UniError` (the functions that need both ask for
/// both): a supertrait would be checked at the derived impl too, so a type
/// that misses `Debug` would get one more error, naming this trait.
pub trait StreamSource {
    fn __cause<V: Visit>(&self, v: V) -> V::Out;
    /// The cause, taken by value (`message` is the errMsg, which an
    /// aggregate cause repeats); the derive moves each source it owns.
    fn __take(self, message: &str) -> Option<Cause>
    where
        Self: Sized,
    {
        let _ = message;
        self.__cause(OwnedCause)
    }
    /// `{"errSubject":"…","errCode":`, escaped, where the derive knows it
    /// when the crate compiles (one literal subject for every variant):
    /// the direct writer copies it.
    #[inline]
    fn __json_prefix(&self) -> Option<&'static str> {
        None
    }
    /// True where the derive proved that this error's message fails only
    /// when its writer does (`__private::sure`): serialization then
    /// writes it without a guard.
    #[inline]
    fn __msg_sure(&self) -> bool {
        false
    }
}

impl<T: StreamSource + ?Sized> StreamSource for &T {
    fn __cause<V: Visit>(&self, v: V) -> V::Out {
        (**self).__cause(v)
    }
    #[inline]
    fn __json_prefix(&self) -> Option<&'static str> {
        (**self).__json_prefix()
    }
    #[inline]
    fn __msg_sure(&self) -> bool {
        (**self).__msg_sure()
    }
}

impl<T: StreamSource> StreamSource for Box<T> {
    fn __cause<V: Visit>(&self, v: V) -> V::Out {
        (**self).__cause(v)
    }
    #[inline]
    fn __json_prefix(&self) -> Option<&'static str> {
        (**self).__json_prefix()
    }
    #[inline]
    fn __msg_sure(&self) -> bool {
        (**self).__msg_sure()
    }
    fn __take(self, message: &str) -> Option<Cause> {
        (*self).__take(message)
    }
}

/// What is done with a cause: ask whether there is one, count it, write it.
pub trait Visit {
    type Out;
    fn node<N: Node>(self, node: N) -> Self::Out;
    fn none(self) -> Self::Out;
}

/// One cause, not yet written: the one node writer (`wire::shape`) writes
/// it (`WireNode`), or it becomes an owned [`Cause`].
pub trait Node: WireNode {
    /// The cause in its owned form: what `err_cause()` gives.
    fn into_cause(self) -> Cause
    where
        Self: Sized;
}

/// Builds the owned cause: `err_cause()` of a derived error is
/// `self.__cause(OwnedCause)`, the same walk that serialization streams.
pub struct OwnedCause;

impl Visit for OwnedCause {
    type Out = Option<Cause>;
    fn node<N: Node>(self, node: N) -> Option<Cause> {
        Some(node.into_cause())
    }
    fn none(self) -> Option<Cause> {
        None
    }
}

/// Serializes a derived uni error in the uni shape, streaming: errMsg is
/// written with `collect_str` from `Display`, `data` straight from the
/// field, and the cause chain through [`StreamSource`] without building a
/// [`Cause`].
pub fn serialize<T, D, S>(this: &T, data: Option<&D>, serializer: S) -> Result<S::Ok, S::Error>
where
    T: StreamSource + UniError + ?Sized,
    D: Serialize + ?Sized,
    S: Serializer,
{
    write_error(&Top { this, data }, serializer)
}

/// Writes a derived uni error as JSON text at the end of `out`: the direct
/// writer (`wire::shape::write_error_json`), the same bytes as
/// [`serialize`] through serde_json.
#[inline]
pub fn write_json<T, D>(
    this: &T,
    data: Option<&D>,
    out: &mut Vec<u8>,
) -> Result<(), serde_json::Error>
where
    T: StreamSource + UniError + ?Sized,
    D: Serialize + ?Sized,
{
    write_error_json(&Top { this, data }, out)
}

/// A derived error at the top level, with its `#[data]` field.
struct Top<'a, T: ?Sized, D: ?Sized> {
    this: &'a T,
    data: Option<&'a D>,
}

impl<T, D> WireError for Top<'_, T, D>
where
    T: StreamSource + UniError + ?Sized,
    D: Serialize + ?Sized,
{
    type Message<'m>
        = MsgStr<'m, T>
    where
        Self: 'm;
    type Data<'m>
        = DataOut<'m, D>
    where
        Self: 'm;
    #[inline]
    fn head(&self) -> Head<'_, MsgStr<'_, T>, DataOut<'_, D>> {
        let this = self.this;
        Head {
            subject: this.err_subject(),
            code: this.__err_code(),
            message: MsgStr(this),
            data: self.data.map(DataOut::of),
            has_cause: this.__cause(HasCause),
            extra: this.__extra(),
            prefix: this.__json_prefix(),
        }
    }
    #[inline]
    fn serialize_cause<S: Serializer>(
        &self,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        self.this.__cause(SerializeAt { serializer, level })
    }
}

/// `err_cause()` of a derived error, from the streamed walk.
pub fn owned_cause<T: StreamSource + ?Sized>(this: &T) -> Option<Cause> {
    this.__cause(OwnedCause)
}

struct HasCause;

impl Visit for HasCause {
    type Out = bool;
    fn node<N: Node>(self, _: N) -> bool {
        true
    }
    fn none(self) -> bool {
        false
    }
}

struct Count;

impl Visit for Count {
    type Out = usize;
    fn node<N: Node>(self, node: N) -> usize {
        node.count()
    }
    fn none(self) -> usize {
        0
    }
}

/// Writes the cause as the node at `level`: how a derived error hands its
/// cause to the writer (`WireError`/`WireNode::serialize_cause`).
struct SerializeAt<S> {
    serializer: S,
    level: usize,
}

impl<S: Serializer> Visit for SerializeAt<S> {
    type Out = Result<S::Ok, S::Error>;
    fn node<N: Node>(self, node: N) -> Self::Out {
        write_node(&node, self.serializer, self.level)
    }
    fn none(self) -> Self::Out {
        Err(S::Error::custom("this error has no cause"))
    }
}

/// A derived error as a cause: its message, subject, code and own cause.
/// Labels are no-ops: it always has a subject and a code.
pub struct UniNode<'a, T: ?Sized>(&'a T);

impl<'a, T: ?Sized> UniNode<'a, T> {
    #[inline]
    pub(super) fn new(error: &'a T) -> Self {
        UniNode(error)
    }
    #[inline]
    #[must_use]
    pub fn with_default_subject(self, _: &str) -> Self {
        self
    }
    #[inline]
    #[must_use]
    pub fn with_default_code(self, _: Option<i64>) -> Self {
        self
    }
}

impl<T: StreamSource + UniError + ?Sized> WireNode for UniNode<'_, T> {
    type Message<'m>
        = MsgStr<'m, T>
    where
        Self: 'm;
    type Below<'m>
        = ()
    where
        Self: 'm;
    #[inline]
    fn parts(&self) -> Parts<'_, MsgStr<'_, T>, ()> {
        let e = self.0;
        Parts {
            message: MsgStr(e),
            subject: Some(e.err_subject()),
            code: Some(e.__err_code()),
            cause: e.__cause(HasCause).then_some(()),
            members: None,
            data: e.data(),
            extra: e.__extra(),
        }
    }
    fn count(&self) -> usize {
        1 + self.0.__cause(Count)
    }
    #[inline]
    fn serialize_cause<S: Serializer>(
        &self,
        _: (),
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        self.0.__cause(SerializeAt { serializer, level })
    }
}

impl<T: StreamSource + UniError + ?Sized> Node for UniNode<'_, T> {
    fn into_cause(self) -> Cause {
        Cause::Source(source_of(self.0))
    }
}

/// A plain error as a cause: its message, then its `source()` chain.
pub struct StdNode<'a> {
    error: &'a (dyn StdError + 'a),
    subject: Option<&'a str>,
    code: Option<i64>,
}

impl<'a> StdNode<'a> {
    #[inline]
    pub(super) fn new(error: &'a (dyn StdError + 'a)) -> Self {
        StdNode {
            error,
            subject: None,
            code: None,
        }
    }
    #[inline]
    #[must_use]
    pub fn with_default_subject(mut self, subject: &'a str) -> Self {
        self.subject = self.subject.or(Some(subject));
        self
    }
    #[inline]
    #[must_use]
    pub fn with_default_code(mut self, code: Option<i64>) -> Self {
        self.code = self.code.or(code);
        self
    }
}

impl<'e> WireNode for StdNode<'e> {
    type Message<'m>
        = DisplayStr<'m, dyn StdError + 'e>
    where
        Self: 'm;
    type Below<'m>
        = &'m (dyn StdError + 'static)
    where
        Self: 'm;
    #[inline]
    fn parts(&self) -> Parts<'_, DisplayStr<'_, dyn StdError + 'e>, &(dyn StdError + 'static)> {
        Parts {
            message: DisplayStr(self.error),
            subject: self.subject,
            code: self.code,
            cause: self.error.source(),
            members: None,
            data: None,
            extra: &[],
        }
    }
    fn count(&self) -> usize {
        let mut n = 0;
        let mut next: Option<&(dyn StdError + '_)> = Some(self.error);
        while let Some(e) = next {
            n += 1;
            next = e.source();
        }
        n
    }
    #[inline]
    fn serialize_cause<S: Serializer>(
        &self,
        below: &(dyn StdError + 'static),
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        write_node(&StdNode::new(below), serializer, level)
    }
}

impl Node for StdNode<'_> {
    fn into_cause(self) -> Cause {
        let cause = Cause::Source(SourceError::from_std(self.error));
        let cause = match self.subject {
            Some(subject) => cause.with_default_subject(subject),
            None => cause,
        };
        cause.with_default_code(self.code)
    }
}

/// A cause built the owned way: hand-written uni errors and the owned
/// [`Error`](crate::Error), whose causes are only reachable as a [`Cause`].
pub struct OwnedNode(Cause);

impl OwnedNode {
    #[inline]
    pub(super) fn new(cause: Cause) -> Self {
        OwnedNode(cause)
    }
    #[inline]
    #[must_use]
    pub fn with_default_subject(self, subject: &str) -> Self {
        OwnedNode(self.0.with_default_subject(subject))
    }
    #[inline]
    #[must_use]
    pub fn with_default_code(self, code: Option<i64>) -> Self {
        OwnedNode(self.0.with_default_code(code))
    }
}

impl WireNode for OwnedNode {
    type Message<'m> = &'m str;
    type Below<'m> = &'m Cause;
    #[inline]
    fn parts(&self) -> Parts<'_, &str, &Cause> {
        CauseRef::new(&self.0).into_parts()
    }
    fn count(&self) -> usize {
        self.0.count()
    }
    #[inline]
    fn serialize_cause<S: Serializer>(
        &self,
        below: &Cause,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        CauseRef::new(&self.0).serialize_cause(below, serializer, level)
    }
    fn serialize_members<S: Serializer>(
        &self,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        CauseRef::new(&self.0).serialize_members(serializer, level)
    }
}

impl Node for OwnedNode {
    fn into_cause(self) -> Cause {
        self.0
    }
}

/// A list source as an aggregate cause: the error's errMsg, then one node
/// per element.
pub struct ListNode<'a, D: ?Sized, I, F> {
    message: &'a D,
    items: I,
    each: F,
}

/// `#[source] Vec<E>` (or `Box<[E]>`, `[E; N]`) for the error `message`.
#[inline]
pub fn list<D, I, F, N>(message: &D, items: I, each: F) -> ListNode<'_, D, I, F>
where
    D: fmt::Display + ?Sized,
    I: ExactSizeIterator + Clone,
    F: Fn(I::Item) -> N,
    N: Node,
{
    ListNode {
        message,
        items,
        each,
    }
}

impl<D, I, F, N> WireNode for ListNode<'_, D, I, F>
where
    D: fmt::Display + ?Sized,
    I: ExactSizeIterator + Clone,
    F: Fn(I::Item) -> N,
    N: Node,
{
    type Message<'m>
        = DisplayStr<'m, D>
    where
        Self: 'm;
    type Below<'m>
        = ()
    where
        Self: 'm;
    #[inline]
    fn parts(&self) -> Parts<'_, DisplayStr<'_, D>, ()> {
        Parts {
            message: DisplayStr(self.message),
            subject: None,
            code: None,
            cause: None,
            members: Some(self.items.len()),
            data: None,
            extra: &[],
        }
    }
    fn count(&self) -> usize {
        1 + self
            .items
            .clone()
            .map(|e| (self.each)(e).count())
            .sum::<usize>()
    }
    fn serialize_members<S: Serializer>(
        &self,
        serializer: S,
        level: usize,
    ) -> Result<S::Ok, S::Error> {
        write_members(serializer, self.items.clone().map(&self.each), level)
    }
}

impl<D, I, F, N> Node for ListNode<'_, D, I, F>
where
    D: fmt::Display + ?Sized,
    I: ExactSizeIterator + Clone,
    F: Fn(I::Item) -> N,
    N: Node,
{
    fn into_cause(self) -> Cause {
        let errors = self.items.map(|e| (self.each)(e).into_cause()).collect();
        Cause::Aggregate(AggregateError::with_message(
            display_text(self.message),
            errors,
        ))
    }
}

/// `#[source] Option<E>`: no cause when `None`.
#[inline]
pub fn opt<'a, V, T, N>(v: V, e: Option<&'a T>, node: impl FnOnce(&'a T) -> N) -> V::Out
where
    V: Visit,
    T: ?Sized,
    N: Node,
{
    match e {
        Some(e) => v.node(node(e)),
        None => v.none(),
    }
}

/// A plain error's own `source()` chain, which is what a transparent
/// wrapper over it forwards as its cause.
#[inline]
pub(super) fn std_forward<V: Visit>(error: &(dyn StdError + '_), v: V) -> V::Out {
    match error.source() {
        Some(s) => v.node(StdNode::new(s)),
        None => v.none(),
    }
}
