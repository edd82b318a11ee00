//! Deserialize: lossless, strict types, clear messages with the JSON path.

use core::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::shape::{CAUSE, CODE, DATA, ERRORS, ERR_CODE, ERR_MSG, ERR_SUBJECT, MESSAGE, SUBJECT};
use super::*;

// ---------------------------------------------------------------------------
// Deserialize: lossless, strict types, clear messages with the JSON path.
// ---------------------------------------------------------------------------

/// Where a value sits in the input, as `cause.errors[3].code`. Borrowed
/// links, formatted only when an error is reported.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Depth is bounded by the reader's recursion limit.
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

impl Path<'_> {
    /// ` at `path`` for a message, or nothing at the root.
    fn at(&self) -> impl fmt::Display + '_ {
        struct At<'b>(&'b Path<'b>);
        impl fmt::Display for At<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0 {
                    Path::Root => Ok(()),
                    path => write!(f, " at `{path}`"),
                }
            }
        }
        At(self)
    }
}

/// Reads `null` as `None`, anything else with the inner seed.
struct Nullable<S>(S);

impl<'de, S: de::DeserializeSeed<'de>> de::DeserializeSeed<'de> for Nullable<S> {
    type Value = Option<S::Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        struct V<S>(S);
        impl<'de, S: de::DeserializeSeed<'de>> Visitor<'de> for V<S> {
            type Value = Option<S::Value>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                self.0.deserialize(d).map(Some)
            }
        }
        d.deserialize_option(V(self.0))
    }
}

/// A string field.
struct Text<'a>(Path<'a>);

impl<'de> de::DeserializeSeed<'de> for Text<'_> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_string(self)
    }
}

impl Visitor<'_> for Text<'_> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a string{}", self.0.at())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

/// An integer code: any `i64`, nothing else.
struct Code<'a>(Path<'a>);

impl<'de> de::DeserializeSeed<'de> for Code<'_> {
    type Value = i64;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<i64, D::Error> {
        d.deserialize_i64(self)
    }
}

impl Visitor<'_> for Code<'_> {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an integer code in the i64 range{}", self.0.at())
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<i64, E> {
        Ok(n)
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<i64, E> {
        i64::try_from(n).map_err(|_| {
            E::custom(format_args!(
                "code {n} is out of range: expected an integer in the i64 range{}",
                self.0.at()
            ))
        })
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<i64, E> {
        Err(E::custom(format_args!(
            "code {n} is not an integer: expected an integer in the i64 range{}",
            self.0.at()
        )))
    }
}

/// Reads one field into `slot`, refusing a second occurrence of the key.
fn read_once<'de, A, S>(
    map: &mut A,
    slot: &mut Option<Option<S::Value>>,
    seed: S,
    key: &'static str,
    path: &Path<'_>,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    S: de::DeserializeSeed<'de>,
{
    if slot.is_some() {
        return Err(de::Error::custom(format_args!(
            "duplicate field `{key}`{}",
            path.at()
        )));
    }
    *slot = Some(map.next_value_seed(Nullable(seed))?);
    Ok(())
}

/// A required field's value: present and not `null`.
fn required<T, E: de::Error>(
    slot: Option<Option<T>>,
    key: &'static str,
    path: &Path<'_>,
) -> Result<T, E> {
    slot.flatten()
        .ok_or_else(|| E::custom(format_args!("missing field `{key}`{}", path.at())))
}

/// A key of an object: one of its known fields, or an unknown key, owned
/// (it is kept). Known keys are matched as borrowed text: nothing is
/// allocated for them.
enum Key<F> {
    Known(F),
    Unknown(String),
}

/// The known fields of one kind of object, by their names in `shape.rs`.
trait Fields: Sized {
    fn of(key: &str) -> Option<Self>;
}

enum ErrorField {
    Subject,
    Code,
    Message,
    Data,
    Cause,
}

impl Fields for ErrorField {
    #[inline]
    fn of(key: &str) -> Option<Self> {
        Some(match key {
            ERR_SUBJECT => ErrorField::Subject,
            ERR_CODE => ErrorField::Code,
            ERR_MSG => ErrorField::Message,
            DATA => ErrorField::Data,
            CAUSE => ErrorField::Cause,
            _ => return None,
        })
    }
}

enum SourceField {
    Message,
    Subject,
    Code,
    Cause,
    Errors,
}

impl Fields for SourceField {
    #[inline]
    fn of(key: &str) -> Option<Self> {
        Some(match key {
            MESSAGE => SourceField::Message,
            SUBJECT => SourceField::Subject,
            CODE => SourceField::Code,
            CAUSE => SourceField::Cause,
            ERRORS => SourceField::Errors,
            _ => return None,
        })
    }
}

impl<'de, F: Fields> Deserialize<'de> for Key<F> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<F>(core::marker::PhantomData<F>);
        impl<F: Fields> Visitor<'_> for V<F> {
            type Value = Key<F>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            #[inline]
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<F>, E> {
                Ok(match F::of(v) {
                    Some(field) => Key::Known(field),
                    None => Key::Unknown(v.to_owned()),
                })
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Key<F>, E> {
                match core::str::from_utf8(v) {
                    Ok(s) => self.visit_str(s),
                    Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(v), &self)),
                }
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<F>, E> {
                Ok(match F::of(&v) {
                    Some(field) => Key::Known(field),
                    None => Key::Unknown(v),
                })
            }
        }
        d.deserialize_str(V(core::marker::PhantomData))
    }
}

/// Refuses an unknown key given twice, in O(n log n) for n unknown keys.
fn check_unique_keys<E: de::Error>(extra: &[(String, Json)], path: &Path<'_>) -> Result<(), E> {
    if extra.len() < 2 {
        return Ok(());
    }
    let mut keys: Vec<&str> = extra.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    match keys.windows(2).find(|w| w[0] == w[1]) {
        Some(w) => Err(E::custom(format_args!(
            "duplicate field `{}`{}",
            w[0],
            path.at()
        ))),
        None => Ok(()),
    }
}

impl<'de> Deserialize<'de> for Error {
    /// Reads a uni error. A wrong type, a missing or duplicate field, or a
    /// code outside `i64` is an error that names the field's JSON path
    /// (`cause.errors[1].code`); unknown keys are kept. A key given twice
    /// inside `data` or an unknown key's value is an error too.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ErrorVisitor)
    }
}

struct ErrorVisitor;

impl<'de> Visitor<'de> for ErrorVisitor {
    type Value = Error;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a uni error object {errSubject, errCode, errMsg, data?, cause?}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Error, A::Error> {
        let root = Path::Root;
        let (mut subject, mut code, mut message) = (None, None, None);
        let (mut data, mut cause, mut extra) = (None, None, Vec::new());
        while let Some(key) = map.next_key::<Key<ErrorField>>()? {
            match key {
                Key::Known(ErrorField::Subject) => {
                    let path = Path::Key(&root, ERR_SUBJECT);
                    read_once(&mut map, &mut subject, Text(path), ERR_SUBJECT, &root)?;
                }
                Key::Known(ErrorField::Code) => {
                    let path = Path::Key(&root, ERR_CODE);
                    read_once(&mut map, &mut code, Code(path), ERR_CODE, &root)?;
                }
                Key::Known(ErrorField::Message) => {
                    let path = Path::Key(&root, ERR_MSG);
                    read_once(&mut map, &mut message, Text(path), ERR_MSG, &root)?;
                }
                Key::Known(ErrorField::Data) => read_once(
                    &mut map,
                    &mut data,
                    core::marker::PhantomData::<Json>,
                    DATA,
                    &root,
                )?,
                Key::Known(ErrorField::Cause) => {
                    let path = Path::Key(&root, CAUSE);
                    read_once(&mut map, &mut cause, CauseSeed(path), CAUSE, &root)?;
                }
                Key::Unknown(key) => extra.push((key, map.next_value::<Json>()?)),
            }
        }
        check_unique_keys(&extra, &root)?;
        Ok(Error {
            inner: Box::new(ErrorInner {
                subject: required(subject, ERR_SUBJECT, &root)?,
                code: required(code, ERR_CODE, &root)?,
                message: required(message, ERR_MSG, &root)?,
                data: data.flatten(),
                cause: cause.flatten().map(Box::new),
                extra,
                status: OffWire(None),
            }),
        })
    }
}

impl<'de> Deserialize<'de> for Cause {
    /// Reads a source error, or an aggregate when the object has `errors`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de::DeserializeSeed::deserialize(CauseSeed(Path::Root), d)
    }
}

/// A cause at a JSON path.
struct CauseSeed<'a>(Path<'a>);

impl<'de> de::DeserializeSeed<'de> for CauseSeed<'_> {
    type Value = Cause;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cause, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CauseSeed<'_> {
    type Value = Cause;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a source error object {{message, subject?, code?, cause?, errors?}}{}",
            self.0.at()
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cause, A::Error> {
        let here = &self.0;
        let (mut message, mut subject, mut code) = (None, None, None);
        let (mut cause, mut errors, mut extra) = (None, None, Vec::new());
        while let Some(key) = map.next_key::<Key<SourceField>>()? {
            match key {
                Key::Known(SourceField::Message) => {
                    let seed = Text(Path::Key(here, MESSAGE));
                    read_once(&mut map, &mut message, seed, MESSAGE, here)?;
                }
                Key::Known(SourceField::Subject) => {
                    let seed = Text(Path::Key(here, SUBJECT));
                    read_once(&mut map, &mut subject, seed, SUBJECT, here)?;
                }
                Key::Known(SourceField::Code) => {
                    let seed = Code(Path::Key(here, CODE));
                    read_once(&mut map, &mut code, seed, CODE, here)?;
                }
                Key::Known(SourceField::Cause) => {
                    let seed = CauseSeed(Path::Key(here, CAUSE));
                    read_once(&mut map, &mut cause, seed, CAUSE, here)?;
                }
                Key::Known(SourceField::Errors) => {
                    let seed = Members(Path::Key(here, ERRORS));
                    read_once(&mut map, &mut errors, seed, ERRORS, here)?;
                }
                Key::Unknown(key) => extra.push((key, map.next_value::<Json>()?)),
            }
        }
        check_unique_keys(&extra, here)?;
        let head = SourceError {
            message: required(message, MESSAGE, here)?,
            subject: subject.flatten(),
            code: code.flatten(),
            cause: cause.flatten().map(Box::new),
            extra,
        };
        Ok(match errors.flatten() {
            Some(errors) => Cause::Aggregate(AggregateError { head, errors }),
            None => Cause::Source(head),
        })
    }
}

/// An aggregate's `errors` array at a JSON path.
struct Members<'a>(Path<'a>);

impl<'de> de::DeserializeSeed<'de> for Members<'_> {
    type Value = Vec<Cause>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Cause>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Members<'_> {
    type Value = Vec<Cause>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of source errors{}", self.0.at())
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Cause>, A::Error> {
        // Trust no size hint from the input: grow as elements arrive.
        let mut members = Vec::new();
        while let Some(c) = seq.next_element_seed(CauseSeed(Path::Index(&self.0, members.len())))? {
            members.push(c);
        }
        Ok(members)
    }
}

impl<'de> Deserialize<'de> for SourceError {
    /// Reads a source error; an object with `errors` is refused (read a
    /// [`Cause`] to accept both).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Cause::deserialize(d)? {
            Cause::Source(s) => Ok(s),
            Cause::Aggregate(_) => Err(de::Error::custom(
                "found an aggregate error (it has `errors`): expected a source error",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for AggregateError {
    /// Reads an aggregate error; an object without `errors` is refused.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Cause::deserialize(d)? {
            Cause::Aggregate(a) => Ok(a),
            Cause::Source(_) => Err(de::Error::custom(
                "missing field `errors`: expected an aggregate error",
            )),
        }
    }
}
