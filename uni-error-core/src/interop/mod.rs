//! The interop layer: other error models a uni error maps to and from
//! (WeChat, google.rpc, Taobao, the monitoring record), each behind its
//! feature, and the reader of their JSON objects they share (`fields`).
//!
//! It imports the value layer only: see ARCHITECTURE.md at the repository
//! root.

#[cfg(any(
    feature = "wechat",
    feature = "google",
    feature = "taobao",
    feature = "monitor"
))]
pub(crate) mod fields;
#[cfg(feature = "google")]
pub mod google;
#[cfg(feature = "monitor")]
pub mod monitor;
#[cfg(feature = "taobao")]
pub mod taobao;
#[cfg(feature = "wechat")]
pub mod wechat;
