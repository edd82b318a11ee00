//! Prints a plugin's error-code table, generated from its error types, and
//! writes the plugin's TypeScript and UTS declarations and code snapshot.
//!
//! - `cargo run --features declarations --example catalog`: the Markdown table (`-- --json`: JSON);
//! - `cargo run --features declarations --example catalog -- --write`: writes `examples/plugin/`'s
//!   `nfc.d.ts`, `utssdk/interface.uts`, `utssdk/unierror.uts` and
//!   `errcodes.snapshot.json`; `-- --check` fails if any is stale.

#[path = "plugin/errors.rs"]
mod errors;

use std::path::Path;

use uni_error::catalog::{CatalogSet, GenerateError, Mode};

use errors::{NfcError, NfcSessionError, NfcWriteError};

/// Writes (or checks) every generated file of the plugin in `dir`.
fn generate(set: &CatalogSet, dir: &Path, mode: Mode) -> Result<(), GenerateError> {
    let decls = set.declarations();
    decls.write_typescript(dir.join("nfc.d.ts"), mode)?;
    decls.write_uts(dir.join("utssdk"), mode)?;
    set.snapshot()
        .write(dir.join("errcodes.snapshot.json"), mode)
}

fn main() {
    let set = plugin();
    if let Err(clashes) = set.check() {
        eprintln!("{clashes}");
        std::process::exit(1);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = if args.iter().any(|a| a == "--write") {
        Some(Mode::Write)
    } else if args.iter().any(|a| a == "--check") {
        Some(Mode::Check)
    } else {
        None
    };
    if let Some(mode) = mode {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/plugin");
        if let Err(e) = generate(&set, &dir, mode) {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
        return;
    }
    let json = args.iter().any(|a| a == "--json");
    if let Err(e) = print(&set, json, &mut std::io::stdout().lock()) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    for reuse in set.wechat_reuses() {
        eprintln!("note: {reuse}");
    }
}

/// The plugin's table (the JSON with `json`), as `main` prints it
/// (tests/tests/readme.rs compares it with the README).
pub fn print(set: &CatalogSet, json: bool, out: &mut impl std::io::Write) -> std::io::Result<()> {
    if json {
        writeln!(out, "{}", set.to_json())
    } else {
        write!(out, "{}", set.to_markdown())
    }
}

/// The set of the example plugin's error types.
pub fn plugin() -> CatalogSet {
    CatalogSet::new()
        .with::<NfcError>()
        .with::<NfcWriteError>()
        .with::<NfcSessionError>()
}
