//! The google.rpc [`Code`] and the per-error [`StatusOverride`]: a leaf of
//! the value layer (it imports only [`Errno`]), so that the wire types and
//! the `UniError` trait can hold a status without importing the status
//! functions, which take a `UniError`. Public as `uni_error::status`.

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Errno;

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $n:literal, $s:literal, $http:literal;)*) => {
        /// A canonical `google.rpc.Code` (0–16).
        ///
        /// ```
        /// use uni_error::status::Code;
        /// assert_eq!(Code::NotFound.value(), 5);
        /// assert_eq!(Code::NotFound.as_str(), "NOT_FOUND");
        /// assert_eq!("NOT_FOUND".parse::<Code>(), Ok(Code::NotFound));
        /// assert_eq!(Code::try_from(5), Ok(Code::NotFound));
        /// assert_eq!(Code::NotFound.http_status(), 404);
        /// assert_eq!(
        ///     Code::try_from(17).unwrap_err().to_string(),
        ///     "google.rpc.Code 17 is out of range: expected 0..=16"
        /// );
        /// ```
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(i32)]
        pub enum Code {
            $($(#[$doc])* $name = $n,)*
        }

        impl Code {
            /// Every code, in numeric order.
            ///
            /// ```
            /// use uni_error::status::Code;
            /// assert_eq!(Code::ALL[16], Code::Unauthenticated);
            /// ```
            pub const ALL: [Code; 17] = [$(Code::$name),*];

            /// The name as google.rpc spells it (`DEADLINE_EXCEEDED`).
            ///
            /// ```
            /// assert_eq!(uni_error::status::Code::DeadlineExceeded.as_str(), "DEADLINE_EXCEEDED");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $s,)*
                }
            }

            /// The HTTP status of the code, as grpc-gateway maps it.
            ///
            /// ```
            /// use uni_error::status::Code;
            /// assert_eq!(Code::Ok.http_status(), 200);
            /// assert_eq!(Code::Cancelled.http_status(), 499);
            /// assert_eq!(Code::Unauthenticated.http_status(), 401);
            /// ```
            pub const fn http_status(self) -> u16 {
                match self {
                    $(Code::$name => $http,)*
                }
            }
        }
    };
}

codes! {
    /// `0 OK`: not an error.
    Ok = 0, "OK", 200;
    /// `1 CANCELLED`: the caller cancelled.
    Cancelled = 1, "CANCELLED", 499;
    /// `2 UNKNOWN`.
    Unknown = 2, "UNKNOWN", 500;
    /// `3 INVALID_ARGUMENT`.
    InvalidArgument = 3, "INVALID_ARGUMENT", 400;
    /// `4 DEADLINE_EXCEEDED`.
    DeadlineExceeded = 4, "DEADLINE_EXCEEDED", 504;
    /// `5 NOT_FOUND`.
    NotFound = 5, "NOT_FOUND", 404;
    /// `6 ALREADY_EXISTS`.
    AlreadyExists = 6, "ALREADY_EXISTS", 409;
    /// `7 PERMISSION_DENIED`.
    PermissionDenied = 7, "PERMISSION_DENIED", 403;
    /// `8 RESOURCE_EXHAUSTED`.
    ResourceExhausted = 8, "RESOURCE_EXHAUSTED", 429;
    /// `9 FAILED_PRECONDITION`.
    FailedPrecondition = 9, "FAILED_PRECONDITION", 400;
    /// `10 ABORTED`.
    Aborted = 10, "ABORTED", 409;
    /// `11 OUT_OF_RANGE`.
    OutOfRange = 11, "OUT_OF_RANGE", 400;
    /// `12 UNIMPLEMENTED`.
    Unimplemented = 12, "UNIMPLEMENTED", 501;
    /// `13 INTERNAL`.
    Internal = 13, "INTERNAL", 500;
    /// `14 UNAVAILABLE`.
    Unavailable = 14, "UNAVAILABLE", 503;
    /// `15 DATA_LOSS`.
    DataLoss = 15, "DATA_LOSS", 500;
    /// `16 UNAUTHENTICATED`.
    Unauthenticated = 16, "UNAUTHENTICATED", 401;
}

impl Code {
    /// The numeric value (`DEADLINE_EXCEEDED` = 4).
    ///
    /// ```
    /// assert_eq!(uni_error::status::Code::DeadlineExceeded.value(), 4);
    /// ```
    pub const fn value(self) -> i32 {
        self as i32
    }

    /// The code of a number, if it is one of 0–16.
    ///
    /// ```
    /// use uni_error::status::Code;
    /// assert_eq!(Code::from_i64(14), Ok(Code::Unavailable));
    /// assert!(Code::from_i64(17).is_err());
    /// ```
    pub const fn from_i64(n: i64) -> Result<Code, CodeError> {
        if n >= 0 && n < Code::ALL.len() as i64 {
            Ok(Code::ALL[n as usize])
        } else {
            Err(CodeError::Number(n))
        }
    }

    /// The default code of an errno, for the general WeChat errnos:
    ///
    /// | errno | code |
    /// |---|---|
    /// | 0 ok | `OK` |
    /// | 1 cancel | `CANCELLED` |
    /// | 4 internal error | `INTERNAL` |
    /// | 5 time out | `DEADLINE_EXCEEDED` |
    /// | 100 jsapi not supported | `UNIMPLEMENTED` |
    /// | 101 jsapi invalid request data | `INVALID_ARGUMENT` |
    /// | 102–104 no permission, authorize denied / canceled | `PERMISSION_DENIED` |
    /// | 108–109 cgi failed for network issues / response null | `UNAVAILABLE` |
    /// | 111 oom occurs | `RESOURCE_EXHAUSTED` |
    /// | any other | `UNKNOWN` |
    ///
    /// A per-error [`StatusOverride`] chooses otherwise.
    ///
    /// ```
    /// use uni_error::{status::Code, Errno};
    /// assert_eq!(Code::from_errno(Errno::TIMEOUT), Code::DeadlineExceeded);
    /// assert_eq!(Code::from_errno(Errno::from_u32(1_500_102)?), Code::Unknown);
    /// # Ok::<(), uni_error::ErrnoError>(())
    /// ```
    pub const fn from_errno(errno: Errno) -> Code {
        match errno.get() {
            0 => Code::Ok,
            1 => Code::Cancelled,
            4 => Code::Internal,
            5 => Code::DeadlineExceeded,
            100 => Code::Unimplemented,
            101 => Code::InvalidArgument,
            102..=104 => Code::PermissionDenied,
            108 | 109 => Code::Unavailable,
            111 => Code::ResourceExhausted,
            _ => Code::Unknown,
        }
    }

    /// The general errno a code stands for, the inverse of
    /// [`from_errno`](Self::from_errno) where one exists (the first errno
    /// of a range: `PERMISSION_DENIED` → 102, `UNAVAILABLE` → 108).
    ///
    /// ```
    /// use uni_error::{status::Code, Errno};
    /// assert_eq!(Code::DeadlineExceeded.to_errno(), Some(Errno::TIMEOUT));
    /// assert_eq!(Code::NotFound.to_errno(), None);
    /// ```
    pub const fn to_errno(self) -> Option<Errno> {
        Some(match self {
            Code::Ok => Errno::OK,
            Code::Cancelled => Errno::CANCEL,
            Code::Internal => Errno::INTERNAL_ERROR,
            Code::DeadlineExceeded => Errno::TIMEOUT,
            Code::Unimplemented => Errno::JSAPI_NOT_SUPPORTED,
            Code::InvalidArgument => Errno::JSAPI_INVALID_REQUEST_DATA,
            Code::PermissionDenied => Errno::JSAPI_HAS_NO_PERMISSION,
            Code::Unavailable => Errno::CGI_FAILED_FOR_NETWORK_ISSUES,
            Code::ResourceExhausted => Errno::OOM_OCCURS,
            _ => return None,
        })
    }
}

impl fmt::Display for Code {
    /// The name (`NOT_FOUND`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<i32> for Code {
    type Error = CodeError;
    fn try_from(n: i32) -> Result<Code, CodeError> {
        Code::from_i64(n.into())
    }
}

impl From<Code> for i32 {
    fn from(c: Code) -> i32 {
        c.value()
    }
}

impl FromStr for Code {
    type Err = CodeError;
    /// Parses the exact name (`"NOT_FOUND"`).
    fn from_str(s: &str) -> Result<Code, CodeError> {
        Code::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| CodeError::Name(s.chars().take(40).collect()))
    }
}

impl Serialize for Code {
    /// The number, as `google.rpc.Status.code` is an `int32`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(self.value())
    }
}

impl<'de> Deserialize<'de> for Code {
    /// A number in 0..=16.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Code::from_i64(i64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// Why a number or name is not a [`Code`].
///
/// ```
/// let err = "NOPE".parse::<uni_error::status::Code>().unwrap_err();
/// assert!(err.to_string().starts_with(r#""NOPE" is not a google.rpc.Code name: expected one of OK, CANCELLED,"#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// A number outside 0..=16.
    Number(i64),
    /// A string that is not a code's name (its first 40 characters).
    Name(String),
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Number(n) => {
                write!(f, "google.rpc.Code {n} is out of range: expected 0..=16")
            }
            CodeError::Name(s) => {
                write!(f, "{s:?} is not a google.rpc.Code name: expected one of ")?;
                for (i, c) in Code::ALL.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(c.as_str())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CodeError {}

/// A per-error choice of google.rpc code and HTTP status, returned by
/// [`UniError::status_override`](crate::UniError::status_override). A
/// `None` part keeps the default; an HTTP status left `None` follows the
/// (possibly overridden) code.
///
/// ```
/// use uni_error::status::{Code, StatusOverride};
/// let o = StatusOverride { grpc: Some(Code::NotFound), http: Some(410) };
/// assert_eq!(o.http, Some(410));
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct StatusOverride {
    /// The google.rpc code to use instead of [`Code::from_errno`].
    pub grpc: Option<Code>,
    /// The HTTP status to use instead of [`Code::http_status`].
    pub http: Option<u16>,
}

/// [`grpc_code`](crate::status::grpc_code) from its parts, so a caller that already has the wire form
/// does not build it twice.
pub(crate) fn code_of(over: Option<StatusOverride>, errno: impl FnOnce() -> Option<Errno>) -> Code {
    over.and_then(|o| o.grpc)
        .unwrap_or_else(|| errno().map_or(Code::Unknown, Code::from_errno))
}
