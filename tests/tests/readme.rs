//! The README shows what its examples print; these tests run each example
//! (its `run` function, which `main` calls with stdout) and compare the
//! output with the block the README shows after "`<command>` prints:", so
//! the README cannot drift from what the code does.

use std::path::Path;
use std::sync::{Arc, Mutex};

#[allow(dead_code)]
#[path = "../../uni-error/examples/login.rs"]
mod login;

#[allow(dead_code)]
#[path = "../../uni-error/examples/catalog.rs"]
mod catalog;

#[allow(dead_code)]
#[path = "../examples/axum_server.rs"]
mod axum_server;

#[allow(dead_code)]
#[path = "../examples/tonic_status.rs"]
mod tonic_status;

#[allow(dead_code)]
#[path = "../examples/tracing_fields.rs"]
mod tracing_fields;

/// The fenced block after the paragraph that starts "`command` prints" in
/// README.md, each line ending in a newline.
fn readme_block(command: &str) -> String {
    block_after(&format!("`{command}` prints"))
}

/// The fenced block right after the paragraph that starts with `marker`.
fn block_after(marker: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let mut lines = readme.lines();
    assert!(
        lines.by_ref().any(|l| l.starts_with(marker)),
        "README.md has no line starting {marker:?}"
    );
    // The rest of that paragraph, a blank line, then the fence.
    let mut lines = lines.skip_while(|l| !l.is_empty()).skip(1);
    assert!(
        lines.next().is_some_and(|l| l.starts_with("```")),
        "README.md: no fenced block right after the paragraph {marker:?}"
    );
    let mut block = String::new();
    for line in lines {
        if line == "```" {
            return block;
        }
        block.push_str(line);
        block.push('\n');
    }
    panic!("README.md: the block after {marker:?} is not closed")
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn login_prints_what_the_readme_shows() {
    let mut out = Vec::new();
    login::run(&mut out).unwrap();
    assert_eq!(text(out), readme_block("cargo run --example login"));
}

#[test]
fn catalog_prints_what_the_readme_shows() {
    let mut out = Vec::new();
    catalog::print(&catalog::plugin(), false, &mut out).unwrap();
    assert_eq!(
        text(out),
        readme_block("cargo run --features declarations --example catalog")
    );
}

#[test]
fn axum_server_prints_what_the_readme_shows() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut out = Vec::new();
    runtime.block_on(axum_server::run(&mut out)).unwrap();
    assert_eq!(
        text(out),
        readme_block("cargo run -p uni-error-tests --example axum_server")
    );
}

#[test]
fn tonic_status_prints_what_the_readme_shows() {
    let mut out = Vec::new();
    tonic_status::run(&mut out).unwrap();
    assert_eq!(
        text(out),
        readme_block("cargo run -p uni-error-tests --example tonic_status")
    );
}

/// A `MakeWriter` into a shared buffer.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'w> tracing_subscriber::fmt::MakeWriter<'w> for Buffer {
    type Writer = Buffer;
    fn make_writer(&'w self) -> Buffer {
        self.clone()
    }
}

#[test]
fn tracing_fields_prints_what_the_readme_shows() {
    let buffer = Buffer::default();
    let subscriber = tracing_fields::subscriber(buffer.clone());
    tracing::subscriber::with_default(subscriber, tracing_fields::run);
    let printed = text(buffer.0.lock().unwrap().clone());
    // Included here, the example's module path (the target of its
    // `#[instrument]` event) is `readme::tracing_fields`; as its own binary
    // it is `tracing_fields`.
    let printed = printed.replace("readme::tracing_fields", "tracing_fields");
    assert_eq!(
        printed,
        readme_block("cargo run -p uni-error-tests --example tracing_fields")
    );
}

#[test]
fn the_compile_error_the_readme_shows_is_the_one_trybuild_checks() {
    // The README shows the error as in a user's crate (`src/lib.rs`);
    // tests/ui/errno/code_over_999.stderr is the same error, blessed.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/errno/code_over_999.stderr");
    let stderr = std::fs::read_to_string(path).unwrap();
    let shown = block_after("A bad errno never compiles.").replace(
        " --> src/lib.rs:7:20",
        " --> tests/ui/errno/code_over_999.rs:7:20",
    );
    assert_eq!(shown, stderr);
}
