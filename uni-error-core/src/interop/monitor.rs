//! Monitoring fingerprints (`errorMsgMd5`, `errorStackMd5`) and the WeChat
//! JS error detail record (SPEC §3).
//!
//! WeChat's error monitoring groups errors by the MD5 of their message and
//! of their stack text. For a uni error:
//!
//! - `errorMsg` is errMsg, and `errorMsgMd5` its MD5;
//! - `errorStack` is the chain as the owned [`Error`]'s `{:#}` renders it,
//!   and `errorStackMd5` its MD5.
//!
//! The stack text is one line per error, joined by `\n` (no trailing
//! newline): first `<errSubject> <errCode>: <errMsg>`, then for each cause
//! `caused by: <subject> <code>: <message>` (subject and code only where the
//! cause has them), an aggregate's members as `[i] <line>` indented two
//! spaces deeper than the aggregate, members before the aggregate's own
//! cause. Each MD5 is taken over the UTF-8 bytes and written as 32 lowercase
//! hex digits, so a fingerprint is the same on every run and platform and
//! equals `printf '%s' "$text" | md5sum`.
//!
//! ```
//! use uni_error::{monitor, Error, SourceError};
//!
//! let err = Error::new("uni-ad", 1_416_601, "no ad could be shown")
//!     .with_cause(SourceError::new("no fill").with_subject("csj").with_code(-404012));
//! assert_eq!(
//!     monitor::error_stack(&err),
//!     "uni-ad 1416601: no ad could be shown\ncaused by: csj -404012: no fill"
//! );
//! // printf '%s' 'no ad could be shown' | md5sum
//! assert_eq!(monitor::error_msg_md5(&err), "01e28ab768df080b21cce6d6644b3f6f");
//! ```

use md5::{Digest, Md5};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::interop::fields::{write_extra, Fields};
use crate::Json;
use crate::{AnyUniError, Error};

/// The MD5 of `text`'s UTF-8 bytes as 32 lowercase hex digits.
///
/// ```
/// // printf '%s' '' | md5sum
/// assert_eq!(uni_error::monitor::md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
/// ```
pub fn md5_hex(text: &str) -> String {
    let digest = Md5::digest(text.as_bytes());
    let mut hex = String::with_capacity(32);
    for byte in digest.iter() {
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 0xf)]));
    }
    hex
}

/// The stack text of an error: the owned [`Error`]'s `{:#}` (see the
/// [module docs](self)).
///
/// ```
/// use uni_error::{monitor, Error};
/// assert_eq!(monitor::error_stack(&Error::new("uni-request", 5, "time out")), "uni-request 5: time out");
/// ```
pub fn error_stack(error: &(impl AnyUniError + ?Sized)) -> String {
    format!("{:#}", &*error.to_wire())
}

/// `errorMsgMd5`: the MD5 of errMsg.
///
/// ```
/// use uni_error::{monitor, Error};
/// // printf '%s' 'time out' | md5sum
/// assert_eq!(monitor::error_msg_md5(&Error::new("uni-request", 5, "time out")), "e1b134b2fd829633f855d90657b15879");
/// ```
pub fn error_msg_md5(error: &(impl AnyUniError + ?Sized)) -> String {
    md5_hex(error.to_wire().message())
}

/// `errorStackMd5`: the MD5 of [`error_stack`].
///
/// ```
/// use uni_error::{monitor, Error};
/// // printf '%s' 'uni-request 5: time out' | md5sum
/// assert_eq!(monitor::error_stack_md5(&Error::new("uni-request", 5, "time out")), "6183e103d0495db12936e1a7a6eec67f");
/// ```
pub fn error_stack_md5(error: &(impl AnyUniError + ?Sized)) -> String {
    md5_hex(&error_stack(error))
}

macro_rules! record {
    ($($(#[$doc:meta])* $field:ident = $key:literal;)*) => {
        /// One row of WeChat's JS error detail (`getJsErrDetail`'s `data`),
        /// with the seed's key names and casing, every value a string (as
        /// the API sends them, `Count` included).
        ///
        /// Build one from a uni error with [`from_uni`](Self::from_uni) and
        /// add what only the caller knows with struct update syntax:
        ///
        /// ```
        /// use uni_error::{monitor::JsErrDetail, Error};
        ///
        /// let err = Error::new("uni-request", 5, "time out");
        /// let row = JsErrDetail {
        ///     app_id: "wxcff7381e631cf54e".into(),
        ///     app_version: "2.6.16".into(),
        ///     os_name: "1".into(),
        ///     ..JsErrDetail::from_uni(&err)
        /// };
        /// let json = serde_json::to_string(&row)?;
        /// assert!(json.starts_with(r#"{"Count":"1","sdkVersion":"","ClientVersion":"","errorStackMd5":""#));
        /// assert!(json.contains(r#""errorMsg":"time out","errorStack":"uni-request 5: time out","#));
        /// let back: JsErrDetail = serde_json::from_str(&json)?;
        /// assert_eq!(back, row);
        /// # Ok::<(), serde_json::Error>(())
        /// ```
        ///
        /// Keys are written in the seed's order, all of them, then unknown
        /// keys in input order; a key missing on input reads as `""`, a
        /// `null` too.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct JsErrDetail {
            $($(#[$doc])* pub $field: String,)*
            /// Keys this crate does not know, in input order.
            pub extra: Vec<(String, Json)>,
        }

        impl Serialize for JsErrDetail {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let len = [$($key),*].len() + self.extra.len();
                let mut map = serializer.serialize_map(Some(len))?;
                $(map.serialize_entry($key, &self.$field)?;)*
                write_extra(&mut map, &self.extra)?;
                map.end()
            }
        }

        impl<'de> Deserialize<'de> for JsErrDetail {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let mut f = Fields::read(d, "a JS error detail record {errorMsg, errorStack, errorMsgMd5, ...}")?;
                $(let $field = f.string($key)?.unwrap_or_default();)*
                Ok(JsErrDetail { $($field,)* extra: f.rest() })
            }
        }
    };
}

record! {
    /// `Count`: how many times the error occurred.
    count = "Count";
    /// `sdkVersion`: the base library version.
    sdk_version = "sdkVersion";
    /// `ClientVersion`: the WeChat client version.
    client_version = "ClientVersion";
    /// `errorStackMd5`.
    error_stack_md5 = "errorStackMd5";
    /// `TimeStamp`: `2021-01-25 16:36:39`.
    time_stamp = "TimeStamp";
    /// `appVersion`: the mini program's version.
    app_version = "appVersion";
    /// `errorMsgMd5`.
    error_msg_md5 = "errorMsgMd5";
    /// `errorMsg`.
    error_msg = "errorMsg";
    /// `errorStack`.
    error_stack = "errorStack";
    /// `Ds`: the day, `2021-01-25`.
    ds = "Ds";
    /// `OsName`: `"1"` Android, `"2"` iOS, `"3"` other.
    os_name = "OsName";
    /// `openId`: the user's openId.
    open_id = "openId";
    /// `pluginversion`.
    plugin_version = "pluginversion";
    /// `appId`.
    app_id = "appId";
    /// `DeviceModel`.
    device_model = "DeviceModel";
    /// `source`.
    source = "source";
    /// `route`: the page.
    route = "route";
    /// `Uin`.
    uin = "Uin";
    /// `nickname`.
    nickname = "nickname";
}

impl JsErrDetail {
    /// The record of one occurrence of a uni error: `Count` `"1"`,
    /// `errorMsg`, `errorStack` and both MD5s filled in, every other field
    /// empty for the caller to set.
    ///
    /// ```
    /// use uni_error::{monitor::{self, JsErrDetail}, Error};
    /// let err = Error::new("uni-request", 5, "time out");
    /// let row = JsErrDetail::from_uni(&err);
    /// assert_eq!(row.count, "1");
    /// assert_eq!(row.error_msg_md5, monitor::error_msg_md5(&err));
    /// assert_eq!(row.error_stack_md5, monitor::md5_hex(&row.error_stack));
    /// ```
    pub fn from_uni(error: &(impl AnyUniError + ?Sized)) -> Self {
        let wire = error.to_wire();
        let stack = format!("{:#}", &*wire);
        JsErrDetail {
            count: "1".to_owned(),
            error_msg_md5: md5_hex(wire.message()),
            error_stack_md5: md5_hex(&stack),
            error_msg: wire.message().to_owned(),
            error_stack: stack,
            ..JsErrDetail::default()
        }
    }
}

impl From<&Error> for JsErrDetail {
    fn from(e: &Error) -> JsErrDetail {
        JsErrDetail::from_uni(e)
    }
}
