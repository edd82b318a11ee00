//! Messages in several languages with real text: a plugin in `en`,
//! `zh-Hans` and `zh-Hant` (Chinese punctuation included), its exact JSON
//! per language, the fallbacks of tag matching, a localized cause chain,
//! format specs in translations, an enum-level default message, a
//! transparent variant, and the catalog, Markdown, JSON and snapshot.

use uni_error::catalog::{Catalog, CatalogSet, Snapshot};
use uni_error::{Error, UniError};

#[derive(Debug, UniError)]
#[subject("uni-nfc")]
#[errno(category = 15, sub = 4)]
#[locales("en", "zh-Hans", "zh-Hant")]
pub enum NfcError {
    /// The device has no NFC hardware.
    #[errno(code = 0)]
    #[msg("NFC is not supported on this device")]
    #[locale(zh_Hans = "此设备不支持 NFC。", zh_Hant = "此裝置不支援 NFC。")]
    Unsupported,

    /// NFC is switched off.
    #[errno(code = 1)]
    #[msg("NFC is off: {reason}")]
    #[locale(zh_Hans = "NFC 已关闭：{reason}", zh_Hant = "NFC 已關閉：{reason}")]
    Off { reason: String },

    /// A tag answered too late.
    #[errno(code = 2)]
    #[msg("tag {id:#06x} timed out after {ms} ms")]
    #[uni(locale(
        zh_Hans = "标签 {id:#06x} 在 {ms} 毫秒后超时",
        zh_Hant = "標籤 {id:#06x} 在 {ms} 毫秒後逾時"
    ))]
    Timeout { id: u16, ms: u64 },

    /// Writing failed; the cause says why.
    #[errno(code = 3)]
    #[msg("could not write the tag")]
    #[locale(zh_Hans = "无法写入标签", zh_Hant = "無法寫入標籤")]
    Write {
        #[source]
        source: StorageError,
    },
}

#[derive(Debug, UniError)]
#[subject("uni-storage")]
#[errno(category = 15, sub = 5)]
#[uni(locales("en", "zh-Hans"))]
#[msg("storage failed: {0}")]
#[locale(zh_Hans = "存储失败：{0}")]
pub enum StorageError {
    #[errno(code = 1)]
    Full(String),
    #[errno(code = 2)]
    Locked(String),
}

#[derive(Debug, UniError)]
#[subject("uni-app")]
#[errno(category = 15, sub = 6)]
#[locales("en", "zh-Hans")]
pub enum AppError {
    #[msg(transparent)]
    Nfc(NfcError),
    #[errno(code = 1)]
    #[msg("app failed")]
    #[locale(zh_Hans = "应用失败")]
    Failed,
}

fn off() -> NfcError {
    NfcError::Off {
        reason: "closed in settings".into(),
    }
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap()
}

#[test]
fn display_errmsg_and_serialize_stay_in_the_default_language() {
    assert_eq!(off().to_string(), "NFC is off: closed in settings");
    assert_eq!(
        json(&off()),
        r#"{"errSubject":"uni-nfc","errCode":1504001,"errMsg":"NFC is off: closed in settings"}"#
    );
    assert_eq!(off().to_error().message(), "NFC is off: closed in settings");
}

#[test]
fn exact_json_per_language() {
    let e = NfcError::Unsupported;
    assert_eq!(
        json(&e.localized("en")),
        r#"{"errSubject":"uni-nfc","errCode":1504000,"errMsg":"NFC is not supported on this device"}"#
    );
    assert_eq!(
        json(&e.localized("zh-Hans")),
        r#"{"errSubject":"uni-nfc","errCode":1504000,"errMsg":"此设备不支持 NFC。"}"#
    );
    assert_eq!(
        json(&e.localized("zh-Hant")),
        r#"{"errSubject":"uni-nfc","errCode":1504000,"errMsg":"此裝置不支援 NFC。"}"#
    );
    assert_eq!(
        json(&off().localized("zh-Hant")),
        r#"{"errSubject":"uni-nfc","errCode":1504001,"errMsg":"NFC 已關閉：closed in settings"}"#
    );
}

#[test]
fn tags_fall_back_from_the_most_specific() {
    let e = off();
    let msg = |tag: &str| e.localized(tag).to_string();
    assert_eq!(msg("zh-Hans-CN"), "NFC 已关闭：closed in settings");
    assert_eq!(msg("ZH-HANS"), "NFC 已关闭：closed in settings");
    assert_eq!(msg("zh-CN"), "NFC 已关闭：closed in settings");
    assert_eq!(msg("zh"), "NFC 已关闭：closed in settings");
    assert_eq!(msg("zh-TW"), "NFC 已關閉：closed in settings");
    assert_eq!(msg("zh-Hant-HK"), "NFC 已關閉：closed in settings");
    assert_eq!(msg("en-GB"), "NFC is off: closed in settings");
    assert_eq!(msg("fr"), "NFC is off: closed in settings");
    assert_eq!(msg(""), "NFC is off: closed in settings");
    // The view ends with the write: the error is in English again.
    assert_eq!(e.to_string(), "NFC is off: closed in settings");
}

#[test]
fn format_specs_work_in_translations() {
    let e = NfcError::Timeout { id: 0x2a, ms: 1500 };
    assert_eq!(e.to_string(), "tag 0x002a timed out after 1500 ms");
    assert_eq!(
        e.localized("zh-Hans").to_string(),
        "标签 0x002a 在 1500 毫秒后超时"
    );
    assert_eq!(
        e.localized("zh-Hant").to_string(),
        "標籤 0x002a 在 1500 毫秒後逾時"
    );
}

#[test]
fn each_typed_cause_picks_its_own_best_match() {
    let e = NfcError::Write {
        source: StorageError::Full("disk 90%".into()),
    };
    // StorageError has no zh-Hant: its message falls back to English.
    assert_eq!(
        json(&e.localized("zh-Hant")),
        concat!(
            r#"{"errSubject":"uni-nfc","errCode":1504003,"errMsg":"無法寫入標籤","#,
            r#""cause":{"message":"storage failed: disk 90%","subject":"uni-storage","code":1505001}}"#
        )
    );
    assert_eq!(
        json(&e.localized("zh-Hans")),
        concat!(
            r#"{"errSubject":"uni-nfc","errCode":1504003,"errMsg":"无法写入标签","#,
            r#""cause":{"message":"存储失败：disk 90%","subject":"uni-storage","code":1505001}}"#
        )
    );
    let owned: Error = e.to_error_in("zh-CN");
    assert_eq!(
        json(&owned),
        concat!(
            r#"{"errSubject":"uni-nfc","errCode":1504003,"errMsg":"无法写入标签","#,
            r#""cause":{"message":"存储失败：disk 90%","subject":"uni-storage","code":1505001}}"#
        )
    );
    assert_eq!(
        format!("{:#}", e.localized("zh-Hans")),
        "uni-nfc 1504003: 无法写入标签\ncaused by: uni-storage 1505001: 存储失败：disk 90%"
    );
}

/// The direct writer of a view: the same bytes as its `Serialize`, in
/// every language, causes included.
#[test]
fn a_view_writes_the_same_json_directly() {
    let errors = [
        NfcError::Unsupported,
        off(),
        NfcError::Write {
            source: StorageError::Full("disk 90%".into()),
        },
    ];
    for e in &errors {
        for tag in ["en", "zh-Hans", "zh-Hant-TW", "fr"] {
            let view = e.localized(tag);
            assert_eq!(view.to_json().unwrap(), json(&view), "{tag}");
            let mut out = b"x".to_vec();
            view.write_json(&mut out).unwrap();
            assert_eq!(&out[1..], json(&view).as_bytes(), "{tag}");
        }
        // And without a view: the default language.
        assert_eq!(e.to_json().unwrap(), json(e));
    }
    assert_eq!(
        NfcError::Unsupported
            .localized("zh-Hans")
            .to_json()
            .unwrap(),
        r#"{"errSubject":"uni-nfc","errCode":1504000,"errMsg":"此设备不支持 NFC。"}"#
    );
}

#[test]
fn enum_default_messages_and_transparent_variants() {
    let locked = StorageError::Locked("db".into());
    assert_eq!(locked.localized("zh-Hans").to_string(), "存储失败：db");
    let app = AppError::Nfc(NfcError::Unsupported);
    assert_eq!(app.localized("zh-Hant").to_string(), "此裝置不支援 NFC。");
    assert_eq!(
        AppError::Failed.localized("zh-Hant").to_string(),
        "app failed"
    );
    assert_eq!(
        AppError::Failed.localized("zh-Hans").to_string(),
        "应用失败"
    );
}

#[test]
fn the_languages_are_readable() {
    assert_eq!(off().locales(), ["en", "zh-Hans", "zh-Hant"]);
    assert_eq!(
        StorageError::Locked(String::new()).locales(),
        ["en", "zh-Hans"]
    );
    let dynamic: &dyn UniError = &NfcError::Unsupported;
    assert_eq!(dynamic.locales().len(), 3);
    assert_eq!(
        dynamic.to_error_in("zh-Hans").message(),
        "此设备不支持 NFC。"
    );
    assert_eq!(
        NfcError::Unsupported.localized("zh-TW").locale(),
        Some("zh-Hant")
    );
    assert_eq!(NfcError::Unsupported.localized("fr").locale(), Some("en"));
}

#[test]
fn the_catalog_lists_every_language() {
    let rows = NfcError::CATALOG;
    let messages: Vec<_> = rows[1].messages().collect();
    assert_eq!(
        messages,
        [
            ("en", "NFC is off: {reason}"),
            ("zh-Hans", "NFC 已关闭：{reason}"),
            ("zh-Hant", "NFC 已關閉：{reason}")
        ]
    );
    let set = CatalogSet::new().with::<StorageError>();
    assert_eq!(
        set.to_markdown(),
        "| errno | errMsg | errMsg (zh-Hans) | subject | description |\n\
         |---|---|---|---|---|\n\
         | 1505001 | storage failed: {0} | 存储失败：{0} | uni-storage |  |\n\
         | 1505002 | storage failed: {0} | 存储失败：{0} | uni-storage |  |\n"
    );
    let json = set.to_json();
    assert!(
        json.contains(
            "\"messages\": {\n      \"en\": \"storage failed: {0}\",\n      \"zh-Hans\": \"存储失败：{0}\"\n    }"
        ),
        "{json}"
    );
}

#[test]
fn the_snapshot_treats_a_changed_translation_as_a_changed_message() {
    let set = CatalogSet::new().with::<StorageError>();
    let snapshot = set.snapshot();
    let text = snapshot.to_json();
    assert!(
        text.contains(
            r#"{"subject": "uni-storage", "errno": 1505001, "template": "storage failed: {0}", "deprecated": null, "platform": "shared", "translations": {"zh-Hans": "存储失败：{0}"}}"#
        ),
        "{text}"
    );
    assert_eq!(Snapshot::from_json(&text).unwrap(), snapshot);
    let published = Snapshot::from_json(&text.replace("存储失败", "储存失败")).unwrap();
    let drift = snapshot.drift_from(&published);
    assert!(drift.is_breaking());
    assert_eq!(
        drift.changes()[0].to_string(),
        r#"uni-storage 1505001 changed its meaning: translation zh-Hans "储存失败：{0}" -> "存储失败：{0}""#
    );
}

/// Messages written as data (`write_text`): literal runs longer than a
/// length byte holds, cut inside Chinese text; escaped braces; a field
/// twice, by `Display` and `Debug`; a path through the `Display` probe;
/// and the outer formatter's flags, which a message ignores.
#[derive(Debug, UniError)]
#[subject("uni-file")]
#[errno(category = 15, sub = 5)]
#[locales("en", "zh-Hans")]
pub enum FileError {
    #[errno(code = 1)]
    #[msg("the file {path} could not be opened because the storage of this device is full; {{free}} some space: {n} = {n:?}")]
    #[locale(
        zh_Hans = "无法打开文件 {path}，因为此设备的存储空间已满，请释放一些空间后再试一次：{{free}} {n:?} 与 {n}"
    )]
    Full { path: std::path::PathBuf, n: String },
}

#[test]
fn messages_as_data_read_back_exactly() -> Result<(), serde_json::Error> {
    let e = FileError::Full {
        path: "/tmp/a.txt".into(),
        n: "x\"y".into(),
    };
    let en = "the file /tmp/a.txt could not be opened because the storage of this device is full; {free} some space: x\"y = \"x\\\"y\"";
    let zh = "无法打开文件 /tmp/a.txt，因为此设备的存储空间已满，请释放一些空间后再试一次：{free} \"x\\\"y\" 与 x\"y";
    assert_eq!(e.to_string(), en);
    assert_eq!(e.localized("zh-CN").to_string(), zh);
    assert_eq!(format!("{:>200}", e), en);
    // `{:#}`: the chain, headed by subject and code; the message unchanged.
    assert_eq!(
        format!("{:#}", e.localized("zh")),
        format!("uni-file 1505001: {zh}")
    );
    assert_eq!(
        serde_json::to_string(&e.localized("zh-Hans"))?,
        format!(
            r#"{{"errSubject":"uni-file","errCode":1505001,"errMsg":{}}}"#,
            serde_json::to_string(zh)?
        )
    );
    Ok(())
}
