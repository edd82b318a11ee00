//! The sources plugin authors have: catch-all `anyhow::Error` and
//! `eyre::Report`, boxed and shared `dyn Error` / `dyn UniError`,
//! `#[from] Option<E>`, `{:#}` on a typed error, and `#[source(code = f)]`
//! on a box. Each shape is checked on the wire (exact JSON), through
//! `err_cause()`/`to_error()` and through `into_error()` (`?`), which walk
//! the source three different ways.

use std::error::Error as StdError;
use std::sync::Arc;

use uni_error::{Error, UniError};

/// The three ways a derived error is written: streamed, borrowed into the
/// owned form, and moved into it. They must agree.
fn all_paths<E: UniError + serde::Serialize>(e: E) -> String {
    let streamed = serde_json::to_string(&e).unwrap();
    let borrowed = serde_json::to_string(&e.to_error()).unwrap();
    let moved = serde_json::to_string(&e.into_error()).unwrap();
    assert_eq!(streamed, borrowed, "to_error() differs from the stream");
    assert_eq!(streamed, moved, "into_error() differs from the stream");
    streamed
}

#[derive(Debug, UniError)]
#[subject("uni-sync")]
#[errno(category = 15, sub = 7)]
enum SyncError {
    #[errno(code = 1)]
    #[msg("upload failed")]
    Upload(#[source] anyhow::Error),
    #[errno(code = 2)]
    #[msg("report: {0}")]
    Report(#[source] eyre::Report),
    #[errno(code = 3)]
    #[msg("boxed")]
    Boxed(#[source] Box<dyn StdError + Send + Sync>),
    #[errno(code = 4)]
    #[msg("shared")]
    Shared(#[source] Arc<dyn StdError + Send + Sync>),
    #[errno(code = 9)]
    #[msg("unexpected: {0}")]
    Other(#[from] anyhow::Error),
}

#[test]
fn anyhow_writes_its_whole_context_chain() {
    let io = std::io::Error::other("disk full");
    let e = anyhow::Error::new(io)
        .context("writing chunk 3")
        .context("uploading photo.jpg");
    let e = SyncError::Upload(e);
    assert_eq!(
        e.source().map(ToString::to_string).as_deref(),
        Some("uploading photo.jpg")
    );
    assert_eq!(
        all_paths(e),
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1507001,"errMsg":"upload failed","#,
            r#""cause":{"message":"uploading photo.jpg","cause":{"message":"writing chunk 3","#,
            r#""cause":{"message":"disk full"}}}}"#
        )
    );
}

#[test]
fn from_anyhow_is_a_catch_all_variant() {
    fn sync() -> Result<(), SyncError> {
        Err(anyhow::anyhow!("quota exceeded")).map_err(|e| e.context("syncing"))?;
        Ok(())
    }
    assert_eq!(
        all_paths(sync().unwrap_err()),
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1507009,"errMsg":"unexpected: syncing","#,
            r#""cause":{"message":"syncing","cause":{"message":"quota exceeded"}}}"#
        )
    );
}

#[test]
fn eyre_report_takes_the_plain_path() {
    let e = SyncError::Report(eyre::eyre!("timed out").wrap_err("fetching"));
    assert_eq!(
        all_paths(e),
        concat!(
            r#"{"errSubject":"uni-sync","errCode":1507002,"errMsg":"report: fetching","#,
            r#""cause":{"message":"fetching","cause":{"message":"timed out"}}}"#
        )
    );
}

#[test]
fn boxed_and_shared_dyn_errors_take_the_plain_path() {
    let e = SyncError::Boxed("no route".into());
    assert_eq!(
        all_paths(e),
        r#"{"errSubject":"uni-sync","errCode":1507003,"errMsg":"boxed","cause":{"message":"no route"}}"#
    );
    let e = SyncError::Shared(Arc::new(std::io::Error::other("shared io")));
    assert_eq!(
        all_paths(e),
        r#"{"errSubject":"uni-sync","errCode":1507004,"errMsg":"shared","cause":{"message":"shared io"}}"#
    );
}

/// Another plugin's error, reached only as `dyn UniError`.
#[derive(Debug, UniError)]
#[subject("uni-pay::alipay")]
#[errno(category = 14, sub = 2, code = 601)]
#[msg("alipay declined: {0}")]
struct Declined(String);

#[derive(Debug, UniError)]
#[subject("uni-pay")]
#[errno(category = 15, sub = 8)]
enum PayError {
    #[errno(code = 1)]
    #[msg("payment failed")]
    Boxed(#[source] Box<dyn UniError + Send + Sync>),
    #[errno(code = 2)]
    #[msg("payment failed")]
    Shared(#[source] Arc<dyn UniError + Send + Sync>),
    #[msg(transparent)]
    Forwarded(Box<dyn UniError + Send + Sync>),
}

const DECLINED_CAUSE: &str =
    r#""cause":{"message":"alipay declined: card","subject":"uni-pay::alipay","code":1402601}}"#;

#[test]
fn boxed_and_shared_dyn_uni_errors_keep_subject_and_code() {
    let e = PayError::Boxed(Box::new(Declined("card".into())));
    assert_eq!(
        e.source().map(ToString::to_string).as_deref(),
        Some("alipay declined: card")
    );
    assert_eq!(
        all_paths(e),
        format!(
            r#"{{"errSubject":"uni-pay","errCode":1508001,"errMsg":"payment failed",{DECLINED_CAUSE}"#
        )
    );
    let e = PayError::Shared(Arc::new(Declined("card".into())));
    assert_eq!(
        all_paths(e),
        format!(
            r#"{{"errSubject":"uni-pay","errCode":1508002,"errMsg":"payment failed",{DECLINED_CAUSE}"#
        )
    );
}

#[test]
fn a_transparent_boxed_dyn_uni_error_forwards_subject_and_code() {
    let e = PayError::Forwarded(Box::new(Declined("card".into())));
    assert_eq!(
        (e.err_subject(), e.errno().get()),
        ("uni-pay::alipay", 1_402_601)
    );
    assert_eq!(
        all_paths(e),
        r#"{"errSubject":"uni-pay::alipay","errCode":1402601,"errMsg":"alipay declined: card"}"#
    );
}

#[test]
fn a_boxed_dyn_uni_error_erases_with_question_mark() {
    fn pay() -> Result<(), Error> {
        let e: Box<dyn UniError + Send + Sync> = Box::new(Declined("limit".into()));
        Err(e)?;
        Ok(())
    }
    assert_eq!(
        serde_json::to_string(&pay().unwrap_err()).unwrap(),
        r#"{"errSubject":"uni-pay::alipay","errCode":1402601,"errMsg":"alipay declined: limit"}"#
    );
}

#[derive(Debug, UniError)]
#[subject("uni-scan")]
#[errno(category = 15, sub = 9)]
enum ScanError {
    #[errno(code = 1)]
    #[msg("camera failed")]
    Camera {
        #[from]
        source: Option<std::io::Error>,
    },
}

#[test]
fn from_on_an_option_wraps_in_some() {
    fn scan() -> Result<(), ScanError> {
        Err(std::io::Error::other("busy"))?;
        Ok(())
    }
    assert_eq!(
        all_paths(scan().unwrap_err()),
        r#"{"errSubject":"uni-scan","errCode":1509001,"errMsg":"camera failed","cause":{"message":"busy"}}"#
    );
    assert_eq!(
        all_paths(ScanError::Camera { source: None }),
        r#"{"errSubject":"uni-scan","errCode":1509001,"errMsg":"camera failed"}"#
    );
}

#[test]
fn alternate_display_prints_the_whole_chain() {
    let io = std::io::Error::other("disk full");
    let e = SyncError::Upload(anyhow::Error::new(io).context("writing chunk 3"));
    assert_eq!(e.to_string(), "upload failed");
    assert_eq!(
        format!("{e:#}"),
        "uni-sync 1507001: upload failed\n\
         caused by: writing chunk 3\n\
         caused by: disk full"
    );
    // The same text as the erased error's.
    assert_eq!(format!("{e:#}"), format!("{:#}", e.to_error()));
    let e = PayError::Boxed(Box::new(Declined("card".into())));
    assert_eq!(
        format!("{e:#}"),
        "uni-pay 1508001: payment failed\n\
         caused by: uni-pay::alipay 1402601: alipay declined: card"
    );
    // A transparent variant prints the chain under its forwarded head.
    let e = PayError::Forwarded(Box::new(Declined("card".into())));
    assert_eq!(
        format!("{e:#}"),
        "uni-pay::alipay 1402601: alipay declined: card"
    );
    // Without a cause, the one line; width and fill still apply to `{}`.
    assert_eq!(
        format!("{:#}", Declined("x".into())),
        "uni-pay::alipay 1402601: alipay declined: x"
    );
}

/// A generic type whose `Display` impl cannot see its `UniError` impl
/// prints the message alone under `{:#}`, rather than failing to compile.
#[derive(Debug, UniError)]
#[subject("uni-generic")]
#[errno(category = 15, sub = 10, code = 1)]
#[msg("wrapped")]
struct Generic<E> {
    #[source]
    inner: E,
}

#[test]
fn alternate_display_of_a_generic_type() {
    let e = Generic {
        inner: std::io::Error::other("inner"),
    };
    assert_eq!(format!("{e:#}"), "wrapped");
    assert_eq!(
        format!("{:#}", e.to_error()),
        "uni-generic 1510001: wrapped\ncaused by: inner"
    );
}

#[derive(Debug)]
struct SdkError {
    code: i64,
}
impl std::fmt::Display for SdkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sdk error {}", self.code)
    }
}
impl StdError for SdkError {}

fn sdk_code(e: &SdkError) -> Option<i64> {
    Some(e.code)
}

// A list of boxes is what is tested here.
#[allow(clippy::vec_box)]
#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 16)]
enum AdError {
    #[errno(code = 601)]
    #[msg("no fill")]
    Boxed(#[source(subject = "csj", code = sdk_code)] Box<SdkError>),
    #[errno(code = 602)]
    #[msg("no fill")]
    Maybe(#[source(code = sdk_code)] Option<Box<SdkError>>),
    #[errno(code = 603)]
    #[msg("no fill")]
    Many(#[source(code = sdk_code)] Vec<Box<SdkError>>),
}

#[test]
fn a_code_reader_on_a_box_takes_the_boxed_error() {
    assert_eq!(
        all_paths(AdError::Boxed(Box::new(SdkError { code: -404012 }))),
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1416601,"errMsg":"no fill","#,
            r#""cause":{"message":"sdk error -404012","subject":"csj","code":-404012}}"#
        )
    );
    assert_eq!(
        all_paths(AdError::Maybe(Some(Box::new(SdkError { code: 7 })))),
        r#"{"errSubject":"uni-ad","errCode":1416602,"errMsg":"no fill","cause":{"message":"sdk error 7","code":7}}"#
    );
    assert_eq!(
        all_paths(AdError::Many(vec![Box::new(SdkError { code: 1 })])),
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1416603,"errMsg":"no fill","#,
            r#""cause":{"message":"no fill","errors":[{"message":"sdk error 1","code":1}]}}"#
        )
    );
}

/// A reader of the box itself, as 0.1 took on a `Box<E>` field.
#[allow(clippy::borrowed_box)]
fn sdk_code_of_box(e: &Box<SdkError>) -> Option<i64> {
    Some(e.code * 10)
}

#[allow(clippy::vec_box)]
#[derive(Debug, UniError)]
#[subject("uni-ad")]
#[errno(category = 14, sub = 17)]
enum AdErrorOfBox {
    #[errno(code = 601)]
    #[msg("no fill")]
    Boxed(#[source(subject = "csj", code = sdk_code_of_box)] Box<SdkError>),
    #[errno(code = 602)]
    #[msg("no fill")]
    Maybe(#[source(code = sdk_code_of_box)] Option<Box<SdkError>>),
    #[errno(code = 603)]
    #[msg("no fill")]
    Many(#[source(code = sdk_code_of_box)] Vec<Box<SdkError>>),
    #[errno(code = 604)]
    #[msg("no fill")]
    ReadsError(#[source(code = sdk_code)] Box<SdkError>),
}

#[test]
fn a_code_reader_on_a_box_may_take_the_box() {
    assert_eq!(
        all_paths(AdErrorOfBox::Boxed(Box::new(SdkError { code: -4 }))),
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1417601,"errMsg":"no fill","#,
            r#""cause":{"message":"sdk error -4","subject":"csj","code":-40}}"#
        )
    );
    assert_eq!(
        all_paths(AdErrorOfBox::Maybe(Some(Box::new(SdkError { code: 7 })))),
        r#"{"errSubject":"uni-ad","errCode":1417602,"errMsg":"no fill","cause":{"message":"sdk error 7","code":70}}"#
    );
    assert_eq!(
        all_paths(AdErrorOfBox::Many(vec![Box::new(SdkError { code: 1 })])),
        concat!(
            r#"{"errSubject":"uni-ad","errCode":1417603,"errMsg":"no fill","#,
            r#""cause":{"message":"no fill","errors":[{"message":"sdk error 1","code":10}]}}"#
        )
    );
    // In one enum, a reader of the error beside readers of the box.
    assert_eq!(
        all_paths(AdErrorOfBox::ReadsError(Box::new(SdkError { code: 2 }))),
        r#"{"errSubject":"uni-ad","errCode":1417604,"errMsg":"no fill","cause":{"message":"sdk error 2","code":2}}"#
    );
}

/// "Cannot fail", for generic code that wants a uni error type.
#[derive(Debug, UniError)]
enum Void {}

/// Generic code over any uni error: the JSON of the failure, if any.
fn failure_json<T, E: UniError + serde::Serialize>(r: Result<T, E>) -> Option<String> {
    r.err().map(|e| all_paths(e))
}

#[test]
fn an_empty_enum_is_a_uni_error_that_never_occurs() {
    assert_eq!(failure_json(Ok::<u8, Void>(1)), None);
    assert!(<Void as uni_error::catalog::Catalog>::CATALOG.is_empty());
    let set = uni_error::catalog::CatalogSet::new().with::<Void>();
    assert_eq!(set.to_json(), "[]");
    // And the same generic code with a real error.
    assert_eq!(
        failure_json(Err::<u8, _>(Declined("x".into()))).as_deref(),
        Some(r#"{"errSubject":"uni-pay::alipay","errCode":1402601,"errMsg":"alipay declined: x"}"#)
    );
}

/// No `#[msg]` and no thiserror: the user's `Display`, the derive's
/// `Error` (so `source()` agrees with the `cause`) and `From`.
#[derive(Debug, UniError)]
#[subject("uni-verify")]
#[errno(category = 1, sub = 3)]
enum OwnDisplay {
    #[errno(code = 2)]
    Io(#[from] std::io::Error),
}

impl std::fmt::Display for OwnDisplay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("my own message")
    }
}

#[test]
fn a_hand_written_display_gets_the_derived_error_and_from() {
    fn verify() -> Result<(), OwnDisplay> {
        Err(std::io::Error::other("io"))?;
        Ok(())
    }
    let e = verify().unwrap_err();
    assert_eq!(e.source().map(ToString::to_string).as_deref(), Some("io"));
    assert_eq!(
        all_paths(e),
        r#"{"errSubject":"uni-verify","errCode":103002,"errMsg":"my own message","cause":{"message":"io"}}"#
    );
}

// --- the catalog follows transparent variants ---------------------------------

#[allow(dead_code)] // Only its catalog is read.
#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 0, sub = 0)]
enum LoginError {
    /// WeChat's "time out", reused on purpose.
    #[errno(code = 5)]
    #[msg("login timed out")]
    Timeout,
}

#[allow(dead_code)] // Only its catalog is read.
#[derive(Debug, UniError)]
#[subject("uni-account")]
#[errno(category = 15, sub = 11)]
enum AccountError {
    #[errno(code = 1)]
    #[msg("account locked")]
    Locked,
    #[msg(transparent)]
    Login(#[from] LoginError),
}

#[allow(dead_code)] // Only its catalog is read.
#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 12)]
enum AppError {
    #[errno(code = 1)]
    #[msg("storage full")]
    Full,
    #[msg(transparent)]
    Account(AccountError),
    /// Reached twice: its rows are listed once, through the first variant.
    #[msg(transparent)]
    Login(Box<LoginError>),
    /// Only known at run time: no rows.
    #[msg(transparent)]
    Plugin(Box<dyn UniError + Send + Sync>),
    /// Its own errno: a row of its own, nothing passed through.
    #[errno(code = 2)]
    #[subject("uni-app::storage")]
    #[msg(transparent)]
    Io(std::io::Error),
}

#[test]
fn the_catalog_follows_transparent_variants() {
    use uni_error::catalog::{Catalog, CatalogSet};
    let names: Vec<String> = AppError::PASS_THROUGH
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        names,
        ["AppError::Account", "AppError::Login", "AppError::Plugin"]
    );
    assert!(AppError::PASS_THROUGH[2].inner().is_none());

    let set = CatalogSet::new().with::<AppError>();
    set.check().unwrap();
    let rows: Vec<(String, Vec<String>)> = set
        .entries()
        .iter()
        .map(|e| {
            let via = set.via(e).iter().map(ToString::to_string).collect();
            (e.to_string(), via)
        })
        .collect();
    let row = |e: &str, via: &[&str]| (e.to_owned(), via.iter().map(|s| s.to_string()).collect());
    assert_eq!(
        rows,
        [
            row("AppError::Full", &[]),
            row("AppError::Io", &[]),
            row("AccountError::Locked", &["AppError::Account"]),
            row(
                "LoginError::Timeout",
                &["AppError::Account", "AccountError::Login"]
            ),
        ]
    );
    assert_eq!(
        set.to_markdown(),
        "| errno | errMsg | subject | description |\n\
         |---|---|---|---|\n\
         | 5 | login timed out | uni-login | WeChat's \"time out\", reused on purpose. (through AppError::Account) |\n\
         | 1511001 | account locked | uni-account | (through AppError::Account) |\n\
         | 1512001 | storage full | uni-app |  |\n\
         | 1512002 |  | uni-app::storage | Its own errno: a row of its own, nothing passed through. |\n"
    );
    // `via` is the last key of a row reached through a transparent
    // variant, and absent from the others.
    assert_eq!(
        set.to_json(),
        r#"[
  {
    "errno": 5,
    "errMsg": "login timed out",
    "subject": "uni-login",
    "description": "WeChat's \"time out\", reused on purpose.",
    "variant": "LoginError::Timeout",
    "platform": "shared",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null,
    "via": "AppError::Account"
  },
  {
    "errno": 1511001,
    "errMsg": "account locked",
    "subject": "uni-account",
    "description": "",
    "variant": "AccountError::Locked",
    "platform": "shared",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null,
    "via": "AppError::Account"
  },
  {
    "errno": 1512001,
    "errMsg": "storage full",
    "subject": "uni-app",
    "description": "",
    "variant": "AppError::Full",
    "platform": "shared",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null
  },
  {
    "errno": 1512002,
    "errMsg": "",
    "subject": "uni-app::storage",
    "description": "Its own errno: a row of its own, nothing passed through.",
    "variant": "AppError::Io",
    "platform": "shared",
    "deprecated": null,
    "platforms": null,
    "unionOnly": false,
    "messages": null
  }
]"#
    );
    // The reused WeChat code is found through the pass-through too.
    let reuses: Vec<String> = set
        .wechat_reuses()
        .iter()
        .map(|r| r.entry.to_string())
        .collect();
    assert_eq!(reuses, ["LoginError::Timeout"]);
}

#[test]
fn an_inner_type_added_on_its_own_is_no_clash() {
    use uni_error::catalog::CatalogSet;
    for set in [
        CatalogSet::new()
            .with::<LoginError>()
            .with::<AccountError>(),
        CatalogSet::new()
            .with::<AccountError>()
            .with::<LoginError>(),
    ] {
        set.check().unwrap();
        let timeout = set.entries().iter().find(|e| e.errno().get() == 5).unwrap();
        assert!(set.via(timeout).is_empty(), "its own row once added itself");
        assert_eq!(set.entries().len(), 2);
    }
    let twice = CatalogSet::new().with::<LoginError>().with::<LoginError>();
    assert_eq!(twice.check().unwrap_err().clashes().len(), 1);
}

#[derive(Debug, UniError)]
#[subject("uni-stat")]
#[errno(1_504_020)]
#[msg("partial counts")]
struct NotJsonData {
    // serde_json writes only string (or number) map keys: a tuple key is
    // refused, whatever the path.
    #[data]
    counts: std::collections::BTreeMap<(u8, u8), u32>,
}

#[test]
fn data_that_cannot_be_json_reads_the_same_on_every_path() {
    let e = NotJsonData {
        counts: [((1, 2), 3)].into_iter().collect(),
    };
    // Streaming does not fail halfway: it writes the string to_error() keeps.
    assert_eq!(
        all_paths(e),
        r#"{"errSubject":"uni-stat","errCode":1504020,"errMsg":"partial counts","data":"data could not be represented as JSON: key must be a string"}"#
    );
    // Representable data is untouched by the check.
    let ok = NotJsonData {
        counts: std::collections::BTreeMap::new(),
    };
    assert_eq!(
        all_paths(ok),
        r#"{"errSubject":"uni-stat","errCode":1504020,"errMsg":"partial counts","data":{}}"#
    );
}

/// Another plugin's error, passed through as it came.
#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 4)]
enum PassError {
    #[msg(transparent)]
    Plugin(Error),
    #[errno(code = 1)]
    #[msg("own")]
    Own,
}

#[test]
fn transparent_over_an_owned_error_forwards_everything() {
    let inner = Error::new("uni-pay::alipay", 700_601, "pay failed")
        .with_data(serde_json::json!({"orderId": "o-1"}))
        .with_cause(uni_error::SourceError::new("sdk said no").with_code(-3));
    let json = all_paths(PassError::Plugin(inner.clone()));
    assert_eq!(json, serde_json::to_string(&inner).unwrap());
    assert_eq!(
        json,
        concat!(
            r#"{"errSubject":"uni-pay::alipay","errCode":700601,"errMsg":"pay failed","#,
            r#""data":{"orderId":"o-1"},"cause":{"message":"sdk said no","code":-3}}"#
        )
    );
    let e = PassError::Plugin(inner);
    assert_eq!(e.errno().get(), 700_601);
    assert_eq!(e.err_subject(), "uni-pay::alipay");
    assert_eq!(e.to_string(), "pay failed");
    // A code that is no errno passes through the wire unchanged; the typed
    // errno() (always valid) reports "internal error" for it.
    let legacy = PassError::Plugin(Error::new("csj", -404_012, "no fill"));
    assert_eq!(legacy.errno(), uni_error::Errno::INTERNAL_ERROR);
    assert_eq!(
        all_paths(legacy),
        r#"{"errSubject":"csj","errCode":-404012,"errMsg":"no fill"}"#
    );
    assert_eq!(
        serde_json::to_string(&uni_error::Public(&PassError::Plugin(Error::new(
            "csj", -1, "m"
        ))))
        .unwrap(),
        r#"{"errSubject":"csj","errCode":-1,"errMsg":"m"}"#
    );
    assert_eq!(
        all_paths(PassError::Own),
        r#"{"errSubject":"uni-app","errCode":1504001,"errMsg":"own"}"#
    );
    // The catalog lists the variant as a pass-through, with no errno of its own.
    use uni_error::catalog::Catalog;
    let [through] = PassError::PASS_THROUGH else {
        panic!("one pass-through expected")
    };
    assert_eq!(through.to_string(), "PassError::Plugin");
    let rows: Vec<_> = PassError::CATALOG
        .iter()
        .filter_map(|e| e.variant())
        .collect();
    assert_eq!(rows, ["Own"]);
}
