//! `#[data]` fields: one check that the field's type is `Serialize`, and a
//! kind that lets every other use of the field compile without an error of
//! its own, as [`kinds`](super::kinds) does for sources.
//!
//! `(&&DataType::<T>::NEW).__data_kind()` is [`Ser`] when `T: Serialize`
//! (the `&DataType` impl, tried first) and [`NotSerialize`] otherwise.
//! [`IsData`] accepts only `Ser`: a field that is not `Serialize` gets that
//! one error, in the user's words and at the field's type, instead of one
//! per use naming the runtime's functions. `NotSerialize`'s methods never
//! run (the crate does not compile).

use core::marker::PhantomData;

use ::serde::{Serialize, Serializer};

use super::walk::{self, StreamSource};
use crate::{Json, UniError};

/// The type of a `#[data]` field, to dispatch on.
pub struct DataType<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> DataType<T> {
    pub const NEW: Self = DataType(PhantomData);
}

/// The kind of a `#[data]` field whose type is `Serialize`.
#[derive(Clone, Copy, Debug)]
pub struct Ser;

/// The kind of a `#[data]` field whose type is not; [`IsData`] rejects it.
#[derive(Clone, Copy, Debug)]
pub struct NotSerialize;

pub trait SerLevel {
    #[inline(always)]
    fn __data_kind(&self) -> Ser {
        Ser
    }
}

pub trait NotSerializeLevel {
    #[inline(always)]
    fn __data_kind(&self) -> NotSerialize {
        NotSerialize
    }
}

impl<T: Serialize + ?Sized> SerLevel for &DataType<T> {}
impl<T: ?Sized> NotSerializeLevel for DataType<T> {}

/// The check that a `#[data]` field can be written as JSON, made once per
/// field with the kind the dispatch picked.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be #[data]: it does not implement `serde::Serialize`",
    label = "`{Self}` does not implement `serde::Serialize`",
    note = "#[data] is written as the error's JSON `data` member with serde: derive `serde::Serialize` for a type of yours, turn on the `serde` feature of the crate a type comes from, or store the value as `uni_error::Json` or `serde_json::Value`"
)]
pub trait IsData<K> {
    #[inline(always)]
    fn __checked(kind: K) -> K {
        kind
    }
}

/// The kinds [`IsData`] accepts: [`Ser`] only. (A blanket impl over this
/// rather than `IsData<Ser>` alone, so that rustc does not infer the kind
/// from the one impl and report a type mismatch instead.)
pub trait SerValid {}

impl SerValid for Ser {}

#[diagnostic::do_not_recommend]
impl<T: ?Sized, K: SerValid> IsData<K> for T {}

impl Ser {
    /// The field as the `data` member of an owned error.
    #[inline]
    pub fn to_data<D: Serialize + ?Sized>(self, data: &D) -> Option<Json> {
        to_data(data)
    }

    /// The error in the uni shape, with the field as `data`.
    #[inline]
    pub fn serialize<T, D, S>(self, this: &T, data: Option<&D>, s: S) -> Result<S::Ok, S::Error>
    where
        T: StreamSource + UniError + ?Sized,
        D: Serialize + ?Sized,
        S: Serializer,
    {
        walk::serialize(this, data, s)
    }
}

impl NotSerialize {
    /// Never runs: [`IsData`] has failed the build.
    pub fn to_data<D: ?Sized>(self, _: &D) -> Option<Json> {
        None
    }

    /// Never runs: [`IsData`] has failed the build.
    pub fn serialize<T, D, S>(self, this: &T, _: Option<&D>, s: S) -> Result<S::Ok, S::Error>
    where
        T: StreamSource + UniError + ?Sized,
        D: ?Sized,
        S: Serializer,
    {
        walk::serialize(this, None::<&()>, s)
    }
}

/// `data` as a JSON value. A value serde_json cannot represent (a map with
/// non-string keys; a non-finite float is `null` already) becomes a string
/// that says why, rather than vanishing.
pub(crate) fn to_data<D: Serialize + ?Sized>(d: &D) -> Option<Json> {
    Some(Json::from_serialize(d).unwrap_or_else(|e| Json::string(&DataProblem(e).to_string())))
}

/// Why a `#[data]` value cannot be JSON: the text both paths write instead.
pub(crate) struct DataProblem(serde_json::Error);

impl core::fmt::Display for DataProblem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "data could not be represented as JSON: {}", self.0)
    }
}

/// The `data` the streamed writer writes: the field, or, when serde_json
/// refuses it (one dry run into a sink first, rather than failing halfway
/// through), the same explanatory string `to_data` keeps.
pub(crate) enum DataOut<'a, D: ?Sized> {
    Value(&'a D),
    Problem(DataProblem),
}

impl<'a, D: Serialize + ?Sized> DataOut<'a, D> {
    pub(crate) fn of(d: &'a D) -> Self {
        match serde_json::to_writer(std::io::sink(), d) {
            Ok(()) => DataOut::Value(d),
            Err(e) => DataOut::Problem(DataProblem(e)),
        }
    }
}

impl<D: Serialize + ?Sized> Serialize for DataOut<'_, D> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DataOut::Value(d) => d.serialize(s),
            DataOut::Problem(p) => s.collect_str(p),
        }
    }
}
