//! Prints a plugin's error-code table, generated from its error types.
//!
//! Run with `cargo run --example catalog` (add `-- --json` for JSON).

use uni_error::catalog::CatalogSet;
use uni_error::UniError;

/// Errors of a `uni-nfc` plugin.
#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
pub enum NfcError {
    /// The device has no NFC hardware.
    #[errno(code = 0)]
    #[msg("NFC is not supported")]
    Unsupported,
    /// NFC is switched off in the system settings.
    #[errno(code = 601, platform = "cross")]
    #[msg("NFC is off: {reason}")]
    Off { reason: String },
    /// Android refused the reader mode the plugin asked for.
    #[errno(code = 701, platform = "android")]
    #[msg("reader mode rejected: {0}")]
    ReaderMode(String),
    /// Reading a tag took too long (WeChat's own "time out").
    #[errno(category = 0, sub = 0, code = 5)]
    #[msg("read timed out after {0} ms")]
    Timeout(u64),
}

/// Errors of writing tags, a separate type of the same plugin.
#[derive(Debug, UniError)]
#[subject("uni-nfc::write")]
#[errno(category = 15, sub = 4)]
pub enum NfcWriteError {
    /// The tag is read-only.
    #[errno(code = 801, platform = "ios")]
    #[msg("tag is locked")]
    Locked,
}

fn main() {
    let set = CatalogSet::new().with::<NfcError>().with::<NfcWriteError>();
    if let Err(clashes) = set.check() {
        eprintln!("{clashes}");
        std::process::exit(1);
    }
    if std::env::args().any(|a| a == "--json") {
        println!("{}", set.to_json());
    } else {
        print!("{}", set.to_markdown());
    }
    for reuse in set.wechat_reuses() {
        eprintln!("note: {reuse}");
    }
}
