//! Whether a derived message can fail on its own. A `#[msg]` is written
//! by `format_args!` from its fields, so its `Display` returns
//! `fmt::Error` without the writer failing only where a field's own
//! formatting does. The serializer must tell the two apart (serde_json's
//! `collect_str` panics on a failure that is not the writer's), which
//! costs a second formatter a message (`value::json::DisplayStr`); the
//! derive skips it where every field a type's messages format is a type
//! listed here, whose formatting never fails on its own. [`MsgStr`] is
//! the message the wire writer is handed, guarded or not by that proof.
//!
//! Generated code calls `(&FmtProbe::<Ty>::NEW).__sure()` with both traits
//! imported: method lookup tries [`SureFmt`] on `FmtProbe<Ty>` first (one
//! impl per listed type, so every other type is rejected at a glance) and
//! falls back to [`UnsureFmt`] on `&FmtProbe<Ty>` (autoref), which has no
//! bound: `false`. A type parameter is never listed, so a generic field is
//! guarded.

use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;
use std::num::NonZero;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use super::walk::StreamSource;
use crate::value::json::DisplayStr;

/// A field's type, before dispatch.
pub struct FmtProbe<T: ?Sized>(PhantomData<fn(&T)>);

impl<T: ?Sized> FmtProbe<T> {
    /// The probe of `T`.
    pub const NEW: Self = FmtProbe(PhantomData);
}

/// First choice: a type whose `Display`, `Debug` and other formatting
/// traits fail only when the writer does.
pub trait SureFmt {
    #[inline]
    fn __sure(&self) -> bool {
        true
    }
}

/// Fallback: any other type, whose formatting may fail on its own.
pub trait UnsureFmt {
    #[inline]
    fn __sure(&self) -> bool {
        false
    }
}

impl<T: ?Sized> UnsureFmt for &FmtProbe<T> {}

macro_rules! sure {
    ($($ty:ty),* $(,)?) => {$(
        impl SureFmt for FmtProbe<$ty> {}
        impl SureFmt for FmtProbe<&$ty> {}
        impl SureFmt for FmtProbe<&mut $ty> {}
    )*};
}

sure!(
    str,
    String,
    Box<str>,
    Rc<str>,
    Arc<str>,
    Cow<'_, str>,
    bool,
    char,
    f32,
    f64
);
sure!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
sure!(
    NonZero<i8>,
    NonZero<i16>,
    NonZero<i32>,
    NonZero<i64>,
    NonZero<i128>,
    NonZero<isize>
);
sure!(
    NonZero<u8>,
    NonZero<u16>,
    NonZero<u32>,
    NonZero<u64>,
    NonZero<u128>,
    NonZero<usize>
);
sure!(Path, PathBuf, Box<Path>, Rc<Path>, Arc<Path>, Cow<'_, Path>);

/// The message of a derived error, to the serializer: its `Display`, as
/// it is where the derive proved it fails only when the writer does
/// ([`StreamSource::__msg_sure`], from this module's probe), else through [`DisplayStr`]'s guard.
pub struct MsgStr<'a, T: ?Sized>(pub(super) &'a T);

impl<T: fmt::Display + ?Sized> fmt::Display for MsgStr<'_, T> {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: StreamSource + fmt::Display + ?Sized> Serialize for MsgStr<'_, T> {
    /// Asked here, where it is used: `write_json` shows the message
    /// through a `Vec`, which never fails, and never asks.
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.__msg_sure() {
            serializer.collect_str(self.0)
        } else {
            DisplayStr(self.0).serialize(serializer)
        }
    }
}

#[cfg(test)]
// The borrow is the dispatch: without it an unlisted type finds no method.
#[allow(clippy::needless_borrow)]
mod tests {
    use super::{FmtProbe, SureFmt as _, UnsureFmt as _};
    use std::fmt;

    struct Mine;
    impl fmt::Display for Mine {
        fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
            Err(fmt::Error)
        }
    }

    fn generic<T: fmt::Display>() -> bool {
        (&FmtProbe::<T>::NEW).__sure()
    }

    #[test]
    fn listed_types_are_sure_and_the_rest_not() {
        assert!((&FmtProbe::<String>::NEW).__sure());
        assert!((&FmtProbe::<&'static str>::NEW).__sure());
        assert!((&FmtProbe::<u64>::NEW).__sure());
        assert!((&FmtProbe::<std::path::PathBuf>::NEW).__sure());
        assert!(!(&FmtProbe::<Mine>::NEW).__sure());
        assert!(!(&FmtProbe::<&Mine>::NEW).__sure());
        assert!(!(&FmtProbe::<std::io::Error>::NEW).__sure());
        assert!(!(&FmtProbe::<Option<u8>>::NEW).__sure());
        // A type parameter is not proved, even where it is a listed type.
        assert!(!generic::<String>());
    }
}
