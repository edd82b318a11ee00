//! The UTS glue around a uniffi call (`Declarations::uts_native`,
//! `native_kotlin`, `native_swift`): the example plugin's committed files
//! are the golden files. `UNI_ERROR_BLESS=1` on this test rewrites them.

#![deny(warnings)]
// The types exist for their catalogs; no value is ever built.
#![allow(dead_code)]

#[path = "../../uni-error/examples/plugin/errors.rs"]
mod errors;

use std::path::Path;

use uni_error::catalog::{CatalogSet, Declarations};

/// Compares `text` with the committed file, or writes it when blessing.
fn golden(path: &Path, text: &str) {
    if std::env::var_os("UNI_ERROR_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (UNI_ERROR_BLESS=1 writes it)", path.display()));
    assert!(
        committed == text,
        "{} is stale (UNI_ERROR_BLESS=1 rewrites it); generated:\n{text}",
        path.display()
    );
}

#[test]
fn example_plugin_native_glue_is_fresh() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../uni-error/examples/plugin/utssdk");
    let set = CatalogSet::new()
        .with::<errors::NfcError>()
        .with::<errors::NfcWriteError>()
        .with::<errors::NfcSessionError>();
    golden(
        &dir.join("native.uts"),
        &set.declarations().uts_native().unwrap(),
    );
    golden(
        &dir.join("app-android/UniFfiErrorFields.kt"),
        &Declarations::native_kotlin("uts.sdk.modules.uniNfc"),
    );
    golden(
        &dir.join("app-ios/UniFfiErrorFields.swift"),
        &Declarations::native_swift(),
    );
}

#[test]
fn the_glue_builds_each_types_fail_impl_from_the_fields() {
    let set = CatalogSet::new().with::<errors::NfcError>();
    let glue = set.declarations().uts_native().unwrap();
    assert!(glue.contains("import { NfcErrorCode } from \"./interface.uts\"\n"));
    assert!(glue.contains("import { NfcFailImpl } from \"./unierror.uts\"\n"));
    assert!(glue.contains(
        "export function toNfcFail(error: any | null): NfcFailImpl | null {\n  \
         const fields = UniFfiErrorFields.of(error)\n  if (fields == null) {\n    return null\n  }\n  \
         const fail = new NfcFailImpl(fields.errCode as NfcErrorCode)\n  \
         fail.errSubject = fields.errSubject\n  fail.errMsg = fields.errMsg\n"
    ));
    assert!(glue.contains("  fail.cause = uniFfiCause(fields.causeJson)\n  return fail\n}\n"));
    // One cause reader for every type.
    assert_eq!(glue.matches("function uniFfiCause(").count(), 1);
}
