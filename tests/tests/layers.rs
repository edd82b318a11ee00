//! The layers of the runtime core (ARCHITECTURE.md) hold: no module imports
//! from a layer above its own. Read from the sources: every `crate::` path
//! outside comments, in every file of uni-error-core/src, is classified by
//! its first segment (a layer folder, or a name lib.rs re-exports from one).

use std::path::{Path, PathBuf};

/// Lowest first; a layer may import the ones listed with it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Layer {
    Value,
    Catalog,
    Interop,
    Runtime,
    Private,
}

impl Layer {
    fn may_import(self, other: Layer) -> bool {
        use Layer::*;
        match self {
            Value => other == Value,
            Catalog => matches!(other, Value | Catalog),
            Interop => matches!(other, Value | Interop),
            Runtime => matches!(other, Value | Interop | Runtime),
            Private => true,
        }
    }
}

/// The layer of a file, by its path under src/.
fn layer_of_file(rel: &str) -> Option<Layer> {
    let first = rel.split('/').next()?;
    Some(match first {
        "rules.rs" | "errno.rs" | "subject.rs" | "value" => Layer::Value,
        "catalog" => Layer::Catalog,
        "interop" => Layer::Interop,
        "runtime" => Layer::Runtime,
        "__private" => Layer::Private,
        _ => return None, // lib.rs: declarations and re-exports only
    })
}

/// The layer a `crate::<segment>` path reaches.
fn layer_of_segment(segment: &str) -> Option<Layer> {
    Some(match segment {
        "value" | "rules" | "errno" | "subject" | "status" | "well_known" | "locale" | "Errno"
        | "ErrnoError" | "Platform" | "UniError" | "AnyUniError" | "Json" | "Public" | "Error"
        | "Cause" | "Chain" | "SourceError" | "AggregateError" | "ReservedKeyError" => Layer::Value,
        "catalog" => Layer::Catalog,
        "interop" | "google" | "monitor" | "taobao" | "wechat" => Layer::Interop,
        "runtime" | "axum" | "tonic" | "tracing" | "wasm" => Layer::Runtime,
        "__private" | "IsSource" | "NotASource" | "IsData" | "NotSerialize"
        | "ThiserrorDisplay" | "ErrnoConstType" | "Transparent" => Layer::Private,
        _ => return None,
    })
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::<segment>` of `text` outside comments, with its line; a
/// group (`crate::{a, b::c}`, over several lines too) gives each name.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let code: Vec<&str> = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect();
    let code = code.join("\n");
    let line_at = |at: usize| code[..at].matches('\n').count() + 1;
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find("crate::") {
        let at = from + i;
        from = at + "crate::".len();
        let before = code[..at].chars().next_back();
        // `$crate::`, `uni_error_core::crate::` are not ours.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or("");
            for name in group.split(',') {
                let name = name.trim().split("::").next().unwrap_or("").trim();
                if !name.is_empty() {
                    found.push((line_at(at), name.to_owned()));
                }
            }
            continue;
        }
        let segment: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        found.push((line_at(at), segment));
    }
    found
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../uni-error-core/src");
    let mut all = Vec::new();
    files(&src, &mut all);
    assert!(
        all.len() > 40,
        "found {} files under {}",
        all.len(),
        src.display()
    );
    let mut wrong = Vec::new();
    for path in &all {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Some(layer) = layer_of_file(&rel) else {
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap();
        for (line, segment) in crate_paths(&text) {
            match layer_of_segment(&segment) {
                Some(target) if layer.may_import(target) => {}
                Some(target) => wrong.push(format!(
                    "{rel}:{line}: crate::{segment} ({target:?}) from the {layer:?} layer"
                )),
                None => wrong.push(format!(
                    "{rel}:{line}: crate::{segment}: add it to this test's table of layers"
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

/// `value/code.rs` is the leaf the cycle wire -> status -> error_trait ->
/// wire was broken with: it imports only the errno.
#[test]
fn the_status_code_is_a_leaf() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../uni-error-core/src/value/code.rs");
    let text = std::fs::read_to_string(path).unwrap();
    let paths: Vec<String> = crate_paths(&text).into_iter().map(|(_, s)| s).collect();
    assert!(
        paths.iter().all(|s| s == "Errno"),
        "value/code.rs imports {paths:?}"
    );
}

/// The checker itself finds what it must.
#[test]
fn the_checker_reads_paths_and_groups() {
    let text = "use crate::{Errno, interop::fields::Fields};\n// crate::runtime in a comment\nlet x = crate::wasm::JsUniError; $crate::tonic\nuse crate::{\n    Json,\n    google::Status,\n};";
    let found: Vec<(usize, String)> = crate_paths(text);
    let found: Vec<(usize, &str)> = found.iter().map(|(l, s)| (*l, s.as_str())).collect();
    assert_eq!(
        found,
        [
            (1, "Errno"),
            (1, "interop"),
            (3, "wasm"),
            (4, "Json"),
            (4, "google")
        ]
    );
    assert!(!Layer::Value.may_import(Layer::Interop));
    assert!(Layer::Runtime.may_import(Layer::Interop));
    assert!(!Layer::Interop.may_import(Layer::Catalog));
}
