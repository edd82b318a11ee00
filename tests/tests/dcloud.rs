//! Five modules of DCloud's `dcloudio/uni-api` ported to the derive and
//! regenerated into files kept as DCloud keeps them (tests/fixtures/dcloud):
//! the regions are fresh, everything outside the markers survives byte for
//! byte, and the generated part matches DCloud's error part construct by
//! construct. `scripts/test-ts.sh` compiles the `.d.ts` files with a
//! consumer and DCloud-shaped Impl classes.
//!
//! The differences from DCloud's text that the comparison normalizes, and
//! nothing else: whitespace and indentation, `;` at line ends, `'` for
//! `"` in string literals, `map.get(code)` for `map[code]` (DCloud writes
//! both), the order of union members and map entries (DCloud's union and
//! map of one module are not in the same order; ours follow the variants),
//! and the doc comments (ours carry the Chinese description as DCloud's do,
//! and add the message and platforms). Named exceptions, per module, are in
//! the facts below (`uni-location`'s 1505023: DCloud leaves it out of the
//! map without deprecating it; only a deprecated variant may go without a
//! message here, so our port marks it deprecated).

#![deny(warnings)]

#[path = "dcloud/errors.rs"]
mod errors;
#[path = "dcloud/modules.rs"]
mod modules;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use uni_error::catalog::{Mode, REGION_BEGIN, REGION_END};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dcloud")
}

/// The three generated files of a module.
fn files(m: &modules::Module) -> [PathBuf; 3] {
    let dir = fixtures().join(m.dir);
    [
        dir.join("utssdk/interface.uts"),
        dir.join("utssdk/unierror.uts"),
        dir.join(m.dts),
    ]
}

/// Writes (or checks) the regions of every module's files.
fn generate(m: &modules::Module, dir: &Path, dts: &Path, mode: Mode) {
    let result = m
        .decls
        .write_uts_regions(dir, mode)
        .and_then(|()| m.decls.write_typescript_region(dts, mode));
    if let Err(e) = result {
        panic!("{}: {e}", m.dir);
    }
}

/// The committed files are what the types generate today
/// (`UNI_ERROR_BLESS=1` on this test rewrites their regions).
#[test]
fn fixture_regions_are_fresh() {
    for m in modules::all() {
        let [interface, _, dts] = files(&m);
        generate(&m, interface.parent().unwrap(), &dts, Mode::from_env());
    }
}

/// (before, region with its markers, after) of a file.
fn split(text: &str) -> (&str, &str, &str) {
    let begin = text.find(REGION_BEGIN).expect("a begin marker");
    let end_at = text.find(REGION_END).expect("an end marker");
    let end = end_at
        + text[end_at..]
            .find('\n')
            .map_or(text.len() - end_at, |i| i + 1);
    (&text[..begin], &text[begin..end], &text[end..])
}

/// A stale region is regenerated, and the hand-written text around it is
/// kept byte for byte; a file without markers gets them at its end, its
/// text untouched before them.
#[test]
fn outside_the_markers_is_kept_byte_for_byte() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dcloud-regions");
    for m in modules::all() {
        let _ = std::fs::remove_dir_all(&scratch);
        let utssdk = scratch.join("utssdk");
        std::fs::create_dir_all(&utssdk).unwrap();
        let [interface, unierror, dts] = files(&m);
        let committed: Vec<String> = [&interface, &unierror, &dts]
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let copies = [
            utssdk.join("interface.uts"),
            utssdk.join("unierror.uts"),
            scratch.join(m.dts),
        ];
        // A stale region: an old code, a hand edit.
        for (text, copy) in committed.iter().zip(&copies) {
            let (before, _, after) = split(text);
            let stale =
                format!("{before}{REGION_BEGIN}\nexport type Old = 1 | 2\n{REGION_END}\n{after}");
            std::fs::write(copy, stale).unwrap();
        }
        generate(&m, &utssdk, &copies[2], Mode::Write);
        for (text, copy) in committed.iter().zip(&copies) {
            assert_eq!(
                &std::fs::read_to_string(copy).unwrap(),
                text,
                "{}",
                copy.display()
            );
        }
        // No markers yet: the hand-written text, then the region.
        for (text, copy) in committed.iter().zip(&copies) {
            let (before, _, after) = split(text);
            std::fs::write(copy, format!("{before}{after}")).unwrap();
        }
        generate(&m, &utssdk, &copies[2], Mode::Write);
        for (text, copy) in committed.iter().zip(&copies) {
            let (before, region, after) = split(text);
            let hand = format!("{before}{after}");
            let written = std::fs::read_to_string(copy).unwrap();
            assert!(written.starts_with(&hand), "{}", copy.display());
            assert!(written.ends_with(region), "{}", copy.display());
            let sep = &written[hand.len()..written.len() - region.len()];
            let want = match hand.as_str() {
                "" => "",
                h if h.ends_with('\n') => "\n",
                _ => "\n\n",
            };
            assert_eq!(sep, want, "{}", copy.display());
        }
        generate(&m, &utssdk, &copies[2], Mode::Check);
    }
}

/// DCloud's error part of one module, as facts.
struct Facts {
    dir: &'static str,
    /// Every name the error part exports (interface.uts and unierror.uts).
    exported: &'static [&'static str],
    /// The code union, as a set.
    union: &'static [u32],
    /// The codes marked `@deprecated`.
    deprecated: &'static [u32],
    /// The map: code → message.
    map: &'static [(u32, &'static str)],
    /// `interface X extends IUniError { errCode: Y }` per class: (X, Y).
    interfaces: &'static [(&'static str, &'static str)],
    /// Per class: `export class X extends UniError implements Y`.
    classes: &'static [(&'static str, &'static str)],
    /// Each class's constructor parameters.
    constructor: &'static str,
    /// The lines of the constructor bodies, as a set (normalized).
    body: &'static [&'static str],
    /// `override errCode`'s condition line (`""`: no `#ifdef`), `None`
    /// when DCloud writes none.
    err_code_override: Option<&'static str>,
    /// (codes, where `@uniPlatform` marks them available); empty when
    /// DCloud gives the union no `@uniPlatform` blocks.
    platforms: &'static [(&'static [u32], &'static str)],
}

const LOCATION_ALL: &[u32] = &[
    1_505_005, 1_505_021, 1_505_022, 1_505_023, 1_505_024, 1_505_025, 1_505_026,
];

/// From dcloudio/uni-api@8968d28e, `uni_modules/<dir>/utssdk/*.uts`.
const FACTS: &[Facts] = &[
    Facts {
        dir: "uni-location",
        exported: &[
            "LocationErrorCode",
            "IGetLocationFail",
            "GetLocationFail",
            "LocationUniErrorSubject",
            "LocationUniErrors",
            "GetLocationFailImpl",
        ],
        union: &[
            1_505_005, 1_505_021, 1_505_022, 1_505_023, 1_505_024, 1_505_025, 1_505_026,
            1_505_003, 1_505_004, 1_505_600, 1_505_601, 1_505_602, 1_505_603, 1_505_604,
            1_505_700, 1_505_701, 1_505_800, 1_505_605, 1_505_607,
        ],
        // Named exception: 1505023 is deprecated in our port only.
        deprecated: &[1_505_005, 1_505_021, 1_505_022, 1_505_023, 1_505_024, 1_505_025, 1_505_026],
        map: &[
            (1_505_003, "maybe not turn on the system location permission."),
            (1_505_004, "maybe not obtain GPS Permission."),
            (1_505_600, "location fail: timeout"),
            (1_505_601, "system location support wgs84 only."),
            (1_505_602, "location fail: request error"),
            (1_505_603, "The system failed to retrieve geocode for the location."),
            (1_505_604, "Failed to get provider."),
            (1_505_700, "system location not support geocode."),
            (
                1_505_701,
                "Provider is not find,Please ensure that the device location function is turned on",
            ),
            (1_505_800, "Unauthorized access to high-accuracy location services."),
            (1_505_605, "The Tencent api key is misconfigured."),
            (1_505_607, "GCJ-02 support only."),
        ],
        interfaces: &[("IGetLocationFail", "LocationErrorCode")],
        classes: &[("GetLocationFailImpl", "IGetLocationFail")],
        constructor: "errCode: LocationErrorCode",
        body: &[
            "super()",
            "this.errSubject = LocationUniErrorSubject",
            "this.errCode = errCode",
            "this.errMsg = LocationUniErrors.get(errCode) ?? ''",
        ],
        err_code_override: None,
        platforms: &[
            (LOCATION_ALL, "android, ios, harmony, web"),
            (
                &[
                    1_505_003, 1_505_004, 1_505_600, 1_505_601, 1_505_602, 1_505_603, 1_505_604,
                    1_505_700, 1_505_701, 1_505_800, 1_505_605, 1_505_607,
                ],
                "android, ios",
            ),
        ],
    },
    Facts {
        dir: "uni-shareWithSystem",
        exported: &[
            "ShareWithSystemErrorCode",
            "IShareWithSystemFail",
            "ShareWithSystemFail",
            "ShareWithSystemUniErrorSubject",
            "ShareWithSystemUniErrors",
            "ShareWithSystemFailImpl",
        ],
        union: &[1_310_600, 1_310_601, 1_310_602, 1_310_603, 1_310_604, 1_310_605, 1_310_606, 1_310_607],
        deprecated: &[],
        map: &[
            (1_310_600, "Cancel share"),
            (1_310_601, "Shared content can not be empty"),
            (1_310_602, "Failed to share"),
            (1_310_603, "Failed to load image paths"),
            (1_310_604, "Invalid herf"),
            (1_310_605, "Invalid video paths"),
            (1_310_606, "Invalid file paths"),
            (1_310_607, "Invalid audio paths"),
        ],
        interfaces: &[("IShareWithSystemFail", "ShareWithSystemErrorCode")],
        classes: &[("ShareWithSystemFailImpl", "IShareWithSystemFail")],
        constructor: "errCode: ShareWithSystemErrorCode, errMsg: string | null",
        // DCloud names the local `error` and writes the two `#ifdef`
        // branches for iOS and Android; ours are iOS and everything else.
        body: &[
            "super()",
            "this.errSubject = ShareWithSystemUniErrorSubject",
            "this.errCode = errCode",
            "const message = ShareWithSystemUniErrors.get(errCode) ?? ''",
            "if (errMsg != null) {",
            "// #ifdef APP-IOS",
            "this.errMsg = message + ', the reason: ' + errMsg!",
            "// #endif",
            "// #ifndef APP-IOS",
            "this.errMsg = message + ', the reason: ' + errMsg",
            "} else {",
            "this.errMsg = message",
            "}",
        ],
        err_code_override: None,
        platforms: &[(
            &[1_310_600, 1_310_601, 1_310_602, 1_310_603, 1_310_604, 1_310_605, 1_310_606, 1_310_607],
            "android, ios",
        )],
    },
    Facts {
        dir: "uni-payment",
        exported: &[
            "RequestPaymentErrorCode",
            "IRequestPaymentFail",
            "RequestPaymentFail",
            "RequestPaymentUniErrorSubject",
            "RequestPaymentUniErrors",
            "RequestPaymentFailImpl",
        ],
        union: &[
            700_600, 701_100, 701_110, 700_601, 700_602, 700_603, 700_000, 700_604, 700_605,
            700_607, 700_608, 700_800, 700_801,
        ],
        deprecated: &[],
        map: &[
            (700_600, "The payment result is unknown (it may have been successfully paid). Please check the payment status of the order in the merchant order list."),
            (701_100, "Order payment failure."),
            (701_110, "Repeat the request."),
            (700_601, "The user canceled midway."),
            (700_602, "Network connection error."),
            (700_603, "Payment result unknown (may have been successfully paid), please check the payment status of the order in the merchant order list."),
            (700_607, "Payment not completed."),
            (700_608, "Parameter error."),
            (700_000, "Other payment errors."),
            (700_604, "Wechat is not installed."),
            (700_605, "Failed to get provider."),
            (700_800, "URL Scheme is not configured."),
            (700_801, "Universal Link is not configured."),
        ],
        interfaces: &[("IRequestPaymentFail", "RequestPaymentErrorCode")],
        classes: &[("RequestPaymentFailImpl", "IRequestPaymentFail")],
        constructor: "errCode: RequestPaymentErrorCode",
        body: &[
            "super()",
            "this.errSubject = RequestPaymentUniErrorSubject",
            "this.errCode = errCode",
            "this.errMsg = RequestPaymentUniErrors.get(errCode) ?? ''",
        ],
        err_code_override: None,
        platforms: &[
            (
                &[700_600, 701_100, 701_110, 700_601, 700_602, 700_603, 700_000, 700_604, 700_605, 700_607, 700_608],
                "android, ios, harmony",
            ),
            (&[700_800, 700_801], "android, ios"),
        ],
    },
    Facts {
        dir: "uni-websocket",
        exported: &[
            "ConnectSocketErrorCode",
            "ConnectSocketFail",
            "SendSocketMessageErrorCode",
            "SendSocketMessageFail",
            "UniWebsocketErrorSubject",
            "ConnectUniErrors",
            "SendMessageUniErrors",
            "ConnectSocketFailImpl",
            "SendSocketMessageFailImpl",
        ],
        union: &[600_009, 10_001, 10_002, 602_001],
        deprecated: &[],
        map: &[
            (600_009, "invalid URL"),
            (10_001, "The queue memory exceeds 16 MiB and the connection will be closed"),
            (10_002, "webSocket is not connected"),
            (602_001, "websocket system error"),
        ],
        interfaces: &[
            ("ConnectSocketFail", "ConnectSocketErrorCode"),
            ("SendSocketMessageFail", "SendSocketMessageErrorCode"),
        ],
        classes: &[
            ("ConnectSocketFailImpl", "ConnectSocketFail"),
            ("SendSocketMessageFailImpl", "SendSocketMessageFail"),
        ],
        constructor: "errCode: ConnectSocketErrorCode",
        body: &[
            "super()",
            "this.errSubject = UniWebsocketErrorSubject",
            "this.errCode = errCode",
            "this.errMsg = ConnectUniErrors.get(errCode) ?? ''",
            "this.errMsg = SendMessageUniErrors.get(errCode) ?? ''",
        ],
        err_code_override: Some("// #ifdef APP-ANDROID"),
        platforms: &[],
    },
    Facts {
        dir: "uni-getbatteryinfo",
        exported: &[
            "GetBatteryInfoErrorCode",
            "GetBatteryInfoFail",
            "UniErrorSubject",
            "UniErrors",
            "GetBatteryInfoFailImpl",
        ],
        union: &[1_001, 1_002],
        deprecated: &[],
        map: &[
            (1_001, "getBatteryInfo:fail getAppContext is null"),
            (1_002, "getBatteryInfo:fail not support"),
        ],
        interfaces: &[("GetBatteryInfoFail", "GetBatteryInfoErrorCode")],
        classes: &[("GetBatteryInfoFailImpl", "GetBatteryInfoFail")],
        constructor: "errCode: GetBatteryInfoErrorCode",
        body: &[
            "super()",
            "this.errSubject = UniErrorSubject",
            "this.errCode = errCode",
            "this.errMsg = UniErrors.get(errCode) ?? ''",
        ],
        err_code_override: Some(""),
        platforms: &[],
    },
];

/// The generated region of a committed file, its lines trimmed.
fn region_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let (_, region, _) = split(&text);
    region.lines().map(|l| l.trim().to_owned()).collect()
}

/// `'text'` (a UTS literal as the generator writes it) as its value.
fn unquote(lit: &str) -> String {
    let inner = &lit[1..lit.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn generated_part_matches_dclouds_construct_by_construct() {
    let modules = modules::all();
    assert_eq!(modules.len(), FACTS.len());
    for (m, facts) in modules.iter().zip(FACTS) {
        assert_eq!(m.dir, facts.dir);
        let [interface, unierror, _] = files(m);
        let lines: Vec<String> = region_lines(&interface)
            .into_iter()
            .chain(region_lines(&unierror))
            .collect();
        let ctx = facts.dir;

        // Exported names.
        let exported: BTreeSet<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("export "))
            .filter_map(|l| l.split_whitespace().nth(1))
            .map(|n| n.trim_end_matches(':'))
            .collect();
        let want: BTreeSet<&str> = facts.exported.iter().copied().collect();
        assert_eq!(exported, want, "{ctx}: exported names");

        // Union members: the bare numbers of the union lines, and which of
        // them carry @deprecated in their doc comment.
        let mut union = BTreeSet::new();
        let mut deprecated = BTreeSet::new();
        let mut platforms: Vec<(u32, Vec<String>)> = Vec::new();
        let mut doc_deprecated = false;
        let mut doc_platforms: Vec<String> = Vec::new();
        let mut key = String::new();
        for l in &lines {
            let code = l.trim_end_matches(" |").trim_end_matches(';');
            if let Ok(n) = code.parse::<u32>() {
                union.insert(n);
                if doc_deprecated {
                    deprecated.insert(n);
                }
                platforms.push((n, std::mem::take(&mut doc_platforms)));
                doc_deprecated = false;
            } else if l.starts_with("* @deprecated") {
                doc_deprecated = true;
            } else if let Some(d) = l.strip_prefix('*').map(str::trim) {
                if let Some(k) = d.strip_prefix('"').and_then(|r| r.strip_suffix("\": {")) {
                    key = k.to_owned();
                } else if d == "\"uniVer\": \"√\"," {
                    doc_platforms.push(key.clone());
                }
            }
        }
        let want: BTreeSet<u32> = facts.union.iter().copied().collect();
        assert_eq!(union, want, "{ctx}: union members");
        let want: BTreeSet<u32> = facts.deprecated.iter().copied().collect();
        assert_eq!(deprecated, want, "{ctx}: deprecated members");
        for (codes, names) in facts.platforms {
            for code in *codes {
                let (_, got) = platforms.iter().find(|(n, _)| n == code).unwrap();
                assert_eq!(&got.join(", "), names, "{ctx}: @uniPlatform of {code}");
            }
        }
        if facts.platforms.is_empty() {
            assert!(!lines.iter().any(|l| l.contains("@uniPlatform")), "{ctx}");
        }

        // Map entries.
        let map: BTreeSet<(u32, String)> = lines
            .iter()
            .filter_map(|l| l.strip_prefix('['))
            .filter_map(|l| {
                let l = l.trim_end_matches(',').strip_suffix(']')?;
                let (code, msg) = l.split_once(", ")?;
                Some((code.parse().ok()?, unquote(msg)))
            })
            .collect();
        let want: BTreeSet<(u32, String)> = facts
            .map
            .iter()
            .map(|(c, m)| (*c, (*m).to_owned()))
            .collect();
        assert_eq!(map, want, "{ctx}: map entries");

        // Interfaces and classes.
        for (name, code) in facts.interfaces {
            let at = lines
                .iter()
                .position(|l| *l == format!("export interface {name} extends IUniError {{"))
                .unwrap_or_else(|| panic!("{ctx}: interface {name}"));
            assert_eq!(lines[at + 1], format!("errCode: {code}"), "{ctx}");
            assert_eq!(lines[at + 2], "}", "{ctx}");
        }
        for (class, iface) in facts.classes {
            let at = lines
                .iter()
                .position(|l| {
                    *l == format!("export class {class} extends UniError implements {iface} {{")
                })
                .unwrap_or_else(|| panic!("{ctx}: class {class}"));
            let next = &lines[at + 1];
            match facts.err_code_override {
                None => assert!(next.starts_with("constructor("), "{ctx}: {next}"),
                Some("") => assert!(next.starts_with("override errCode: "), "{ctx}: {next}"),
                Some(cond) => {
                    assert_eq!(next, cond, "{ctx}");
                    assert!(lines[at + 2].starts_with("override errCode: "), "{ctx}");
                    assert_eq!(lines[at + 3], "// #endif", "{ctx}");
                }
            }
        }
        let constructor = format!("constructor({}) {{", facts.constructor);
        assert!(lines.contains(&constructor), "{ctx}: {constructor}");
        // The body lines of every class: from a constructor to its end.
        let mut body = BTreeSet::new();
        let mut inside = 0;
        for l in &lines {
            if l.starts_with("constructor(") {
                inside = 1;
                continue;
            }
            if inside > 0 {
                if l.ends_with('{') {
                    inside += 1;
                }
                if l == "}" {
                    inside -= 1;
                    if inside == 0 {
                        continue;
                    }
                }
                body.insert(l.as_str());
            }
        }
        let want: BTreeSet<&str> = facts.body.iter().copied().collect();
        assert_eq!(body, want, "{ctx}: constructor bodies");
    }
}

/// The ported types send what DCloud's modules send: subject, code and
/// message on the wire, and the detail after DCloud's joining text.
#[test]
fn the_ported_errors_are_dclouds_on_the_wire() {
    use errors::*;
    let json = |e: &dyn erased::Ser| e.json();
    assert_eq!(
        json(&LocationError::Timeout),
        r#"{"errSubject":"uni-location","errCode":1505600,"errMsg":"location fail: timeout"}"#
    );
    // A deprecated code without a message: kept, errMsg empty, as
    // DCloud's `LocationUniErrors.get(1505021) ?? ""` gives.
    #[allow(deprecated)]
    let old = LocationError::OldTimeout;
    assert_eq!(
        json(&old),
        r#"{"errSubject":"uni-location","errCode":1505021,"errMsg":""}"#
    );
    assert_eq!(
        json(&ShareWithSystemError::Failed {
            reason: "no app".into()
        }),
        r#"{"errSubject":"uni-shareWithSystem","errCode":1310602,"errMsg":"Failed to share, the reason: no app"}"#
    );
    assert_eq!(
        json(&SendSocketMessageError::NotConnected),
        r#"{"errSubject":"uni-websocket","errCode":10002,"errMsg":"webSocket is not connected"}"#
    );
}

/// A tiny object-safe view so one helper serializes every type.
mod erased {
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

/// The catalog's JSON carries the listed platforms and the union-only
/// rows, for tools that read it instead of the declarations.
#[test]
fn catalog_json_lists_platforms_and_union_only_rows() {
    let set = uni_error::catalog::CatalogSet::new().with::<errors::LocationError>();
    let rows: serde_json::Value = serde_json::from_str(&set.to_json()).unwrap();
    let row = |errno: u64| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["errno"] == errno)
            .unwrap()
            .clone()
    };
    let old = row(1_505_021);
    assert_eq!(
        old["platforms"],
        serde_json::json!(["android", "ios", "harmony", "web"])
    );
    assert_eq!(old["unionOnly"], true);
    assert_eq!(old["errMsg"], "");
    let timeout = row(1_505_600);
    assert_eq!(timeout["platforms"], serde_json::json!(["android", "ios"]));
    assert_eq!(timeout["unionOnly"], false);
    assert_eq!(timeout["platform"], "cross");
}
