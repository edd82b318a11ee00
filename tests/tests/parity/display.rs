//! thiserror's `test_display.rs`: what a message can say. Fields by name,
//! by index and not at all; constants and `self` captured by the format
//! string; extra arguments reading fields; escapes; raw names; macro
//! bodies; pointers.

use std::fmt;

use uni_error::UniError;

use super::check;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 1)]
#[msg("bad header: {name}")]
struct Named {
    name: String,
}

#[test]
fn a_named_field_in_the_message() {
    check(
        &Named {
            name: "x-id".into(),
        },
        "bad header: x-id",
        r#"{"errSubject":"uni-parity","errCode":910001,"errMsg":"bad header: x-id"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 2)]
#[msg("nothing to say")]
struct Unread {
    #[allow(dead_code)]
    retries: u8,
}

#[test]
fn fields_the_message_does_not_read() {
    check(
        &Unread { retries: 3 },
        "nothing to say",
        r#"{"errSubject":"uni-parity","errCode":910002,"errMsg":"nothing to say"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 3)]
#[msg("slot {0} is taken")]
struct Indexed(u16);

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 4)]
#[msg("unit says hi")]
struct Unit;

#[test]
fn tuple_and_unit_structs() {
    check(
        &Indexed(12),
        "slot 12 is taken",
        r#"{"errSubject":"uni-parity","errCode":910003,"errMsg":"slot 12 is taken"}"#,
    );
    check(
        &Unit,
        "unit says hi",
        r#"{"errSubject":"uni-parity","errCode":910004,"errMsg":"unit says hi"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 11)]
enum Shapes {
    #[errno(code = 1)]
    #[msg("braced {at}")]
    Braced { at: u8 },
    #[errno(code = 2)]
    #[msg("tuple {0}")]
    Tuple(u8),
    #[errno(code = 3)]
    #[msg("unit")]
    Unit,
}

#[test]
fn every_variant_shape_of_an_enum() {
    check(
        &Shapes::Braced { at: 1 },
        "braced 1",
        r#"{"errSubject":"uni-parity","errCode":911001,"errMsg":"braced 1"}"#,
    );
    check(
        &Shapes::Tuple(2),
        "tuple 2",
        r#"{"errSubject":"uni-parity","errCode":911002,"errMsg":"tuple 2"}"#,
    );
    check(
        &Shapes::Unit,
        "unit",
        r#"{"errSubject":"uni-parity","errCode":911003,"errMsg":"unit"}"#,
    );
}

const PREFIX: &str = "could not bind";
const PORT: u16 = 8080;

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 5)]
#[msg("{PREFIX} {host:?} (port {PORT:>5})")]
struct Constants {
    host: &'static str,
}

#[test]
fn constants_are_captured_by_the_format_string() {
    check(
        &Constants { host: "::1" },
        r#"could not bind "::1" (port  8080)"#,
        r#"{"errSubject":"uni-parity","errCode":910005,"errMsg":"could not bind \"::1\" (port  8080)"}"#,
    );
}

#[test]
fn a_lowercase_name_that_is_no_field_is_captured_too() {
    #[allow(non_upper_case_globals)]
    static retry_hint: &str = "try again";
    #[derive(Debug, UniError)]
    #[subject("uni-parity")]
    #[errno(category = 9, sub = 10, code = 6)]
    #[msg("{what} failed, {retry_hint}")]
    struct Local {
        what: &'static str,
    }
    check(
        &Local { what: "upload" },
        "upload failed, try again",
        r#"{"errSubject":"uni-parity","errCode":910006,"errMsg":"upload failed, try again"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 7)]
#[msg("set {{a, b}} and fn() {{}}")]
struct Braces;

#[test]
fn doubled_braces_are_literal() {
    check(
        &Braces,
        "set {a, b} and fn() {}",
        r#"{"errSubject":"uni-parity","errCode":910007,"errMsg":"set {a, b} and fn() {}"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 12)]
enum Exprs {
    #[errno(code = 1)]
    #[msg("two squared is {}", 2 * 2)]
    Constant,
    #[errno(code = 2)]
    #[msg("flipped: {}", flip(.0))]
    Call(bool),
    #[errno(code = 3)]
    #[msg("{lead}: {0}", lead = match .1 {
        Some(line) => format!("at line {line}"),
        None => "somewhere".to_owned(),
    })]
    Match(String, Option<u32>),
    #[errno(code = 4)]
    #[msg("{}", {
        struct Both<'a>(&'a str, &'a Option<u32>);
        impl fmt::Display for Both<'_> {
            fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                match self.1 {
                    Some(n) => write!(f, "{} (x{n})", self.0),
                    None => f.write_str(self.0),
                }
            }
        }
        Both(.0, .1)
    })]
    Block(&'static str, Option<u32>),
}

fn flip(b: &bool) -> bool {
    !*b
}

#[test]
fn extra_arguments_are_expressions_over_fields() {
    check(
        &Exprs::Constant,
        "two squared is 4",
        r#"{"errSubject":"uni-parity","errCode":912001,"errMsg":"two squared is 4"}"#,
    );
    check(
        &Exprs::Call(true),
        "flipped: false",
        r#"{"errSubject":"uni-parity","errCode":912002,"errMsg":"flipped: false"}"#,
    );
    check(
        &Exprs::Match("eof".into(), Some(4)),
        "at line 4: eof",
        r#"{"errSubject":"uni-parity","errCode":912003,"errMsg":"at line 4: eof"}"#,
    );
    check(
        &Exprs::Match("eof".into(), None),
        "somewhere: eof",
        r#"{"errSubject":"uni-parity","errCode":912003,"errMsg":"somewhere: eof"}"#,
    );
    check(
        &Exprs::Block("retry", Some(3)),
        "retry (x3)",
        r#"{"errSubject":"uni-parity","errCode":912004,"errMsg":"retry (x3)"}"#,
    );
    check(
        &Exprs::Block("retry", None),
        "retry",
        r#"{"errSubject":"uni-parity","errCode":912004,"errMsg":"retry"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 8)]
#[msg("a={a} b={} c={c} d={d}", "one", c = 'c', d = 4)]
struct Mixed {
    a: u8,
    #[allow(dead_code)]
    d: u8,
}

#[test]
fn fields_positional_and_named_arguments_mix() {
    // A named argument wins over a field of the same name.
    check(
        &Mixed { a: 1, d: 9 },
        "a=1 b=one c=c d=4",
        r#"{"errSubject":"uni-parity","errCode":910008,"errMsg":"a=1 b=one c=c d=4"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 13)]
enum Indices {
    #[errno(code = 1)]
    #[msg("first of two: {0}")]
    Pair(u8, #[allow(dead_code)] u8),
    #[errno(code = 2)]
    #[msg("positional {0}", '#')]
    Braced {
        #[allow(dead_code)]
        v: u8,
    },
}

#[test]
fn an_index_reads_a_tuple_field_or_else_a_positional_argument() {
    check(
        &Indices::Pair(7, 8),
        "first of two: 7",
        r#"{"errSubject":"uni-parity","errCode":913001,"errMsg":"first of two: 7"}"#,
    );
    check(
        &Indices::Braced { v: 0 },
        "positional #",
        r##"{"errSubject":"uni-parity","errCode":913002,"errMsg":"positional #"}"##,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 9)]
#[msg(
    "trailing {0}",
)]
#[rustfmt::skip]
struct Trailing(char);

#[test]
fn a_trailing_comma_after_the_string() {
    check(
        &Trailing('!'),
        "trailing !",
        r#"{"errSubject":"uni-parity","errCode":910009,"errMsg":"trailing !"}"#,
    );
}

#[derive(Debug)]
struct Position {
    line: u32,
}

#[derive(Debug)]
struct Span(u32, u32);

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 14)]
enum Nested {
    #[errno(code = 1)]
    #[msg("line {}", .0.line)]
    Field(Position),
    #[errno(code = 2)]
    #[msg("from {} to {}", .0.0, .0.1)]
    TupleField(Span),
}

#[test]
fn nested_fields_through_dots() {
    check(
        &Nested::Field(Position { line: 40 }),
        "line 40",
        r#"{"errSubject":"uni-parity","errCode":914001,"errMsg":"line 40"}"#,
    );
    check(
        &Nested::TupleField(Span(3, 9)),
        "from 3 to 9",
        r#"{"errSubject":"uni-parity","errCode":914002,"errMsg":"from 3 to 9"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 10)]
#[msg("{target:p}", target = .at)]
struct Pointers {
    at: &'static u8,
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 11)]
#[msg("{heap:p}|{raw:p}|{tuple:p}")]
struct FieldPointers {
    heap: Box<i64>,
    raw: *const u8,
    tuple: &'static str,
}

#[test]
fn a_pointer_field_prints_its_own_address() {
    static BYTE: u8 = 7;
    let heap = Box::new(-1_i64);
    let heap_at = format!("{heap:p}");
    let raw = 0x1234 as *const u8;
    let e = FieldPointers {
        heap,
        raw,
        tuple: "s",
    };
    let expected = format!("{heap_at}|0x1234|{:p}", e.tuple);
    assert_eq!(format!("{:p}", e.raw), "0x1234");
    check(
        &e,
        &expected,
        &format!(r#"{{"errSubject":"uni-parity","errCode":910011,"errMsg":"{expected}"}}"#),
    );
    // Through a named argument, the expression's own value (a reference to
    // the field, as in thiserror) is what `{:p}` prints.
    let e = Pointers { at: &BYTE };
    assert_eq!(e.to_string(), format!("{:p}", &e.at));
}

macro_rules! variant_from_a_macro {
    ($variant:ident($ty:ident)) => {
        #[derive(Debug, UniError)]
        #[subject("uni-parity")]
        #[errno(category = 9, sub = 15)]
        enum FromMacro {
            #[errno(code = 1)]
            #[msg("got {0:?}")]
            $variant($ty),
        }
    };
}

variant_from_a_macro!(Got(u8));

macro_rules! variants_from_a_macro {
    ($($variants:tt)*) => {
        #[derive(Debug, UniError)]
        #[subject("uni-parity")]
        #[errno(category = 9, sub = 16)]
        enum MessagesFromMacro {
            $($variants)*
        }
    };
}

variants_from_a_macro! {
    #[errno(code = 1)]
    #[msg("index {0}")]
    Index(u8),
    #[errno(code = 2)]
    #[msg("name {x}")]
    Name { x: u8 },
}

#[test]
fn variants_and_messages_written_by_macro_rules() {
    check(
        &FromMacro::Got(5),
        "got 5",
        r#"{"errSubject":"uni-parity","errCode":915001,"errMsg":"got 5"}"#,
    );
    check(
        &MessagesFromMacro::Index(1),
        "index 1",
        r#"{"errSubject":"uni-parity","errCode":916001,"errMsg":"index 1"}"#,
    );
    check(
        &MessagesFromMacro::Name { x: 2 },
        "name 2",
        r#"{"errSubject":"uni-parity","errCode":916002,"errMsg":"name 2"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 17)]
enum Raw {
    #[errno(code = 1)]
    #[msg("raw {type} and {r#match}")]
    Braced { r#type: &'static str, r#match: u8 },
    #[errno(code = 2)]
    #[msg("keyword argument {fn}", fn = 1)]
    Keyword,
}

#[test]
fn raw_identifiers_as_fields_and_arguments() {
    check(
        &Raw::Braced {
            r#type: "T",
            r#match: 2,
        },
        "raw T and 2",
        r#"{"errSubject":"uni-parity","errCode":917001,"errMsg":"raw T and 2"}"#,
    );
    check(
        &Raw::Keyword,
        "keyword argument 1",
        r#"{"errSubject":"uni-parity","errCode":917002,"errMsg":"keyword argument 1"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 10, code = 12)]
#[msg("state: {self:?}")]
struct SelfDebug {
    #[allow(dead_code)]
    step: u8,
}

#[test]
fn self_in_the_format_string() {
    check(
        &SelfDebug { step: 2 },
        "state: SelfDebug { step: 2 }",
        r#"{"errSubject":"uni-parity","errCode":910012,"errMsg":"state: SelfDebug { step: 2 }"}"#,
    );
}

#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 18)]
enum Escapes {
    #[errno(code = 1)]
    #[msg("hex {{ \x7B\x7B and }} \x7D\x7D")]
    Hex,
    #[errno(code = 2)]
    #[msg("unicode \u{7B}\u{7B} \u{7D}\u{7D} \u{78}")]
    Unicode,
    #[errno(code = 3)]
    #[msg(
        "joined_\
         line"
    )]
    Continued,
    #[errno(code = 4)]
    #[msg(r#"raw {{ \x7B "quoted" }}"#)]
    RawString,
}

#[test]
fn escapes_in_the_string_are_read_before_braces() {
    check(
        &Escapes::Hex,
        "hex { { and } }",
        r#"{"errSubject":"uni-parity","errCode":918001,"errMsg":"hex { { and } }"}"#,
    );
    check(
        &Escapes::Unicode,
        "unicode { } x",
        r#"{"errSubject":"uni-parity","errCode":918002,"errMsg":"unicode { } x"}"#,
    );
    check(
        &Escapes::Continued,
        "joined_line",
        r#"{"errSubject":"uni-parity","errCode":918003,"errMsg":"joined_line"}"#,
    );
    check(
        &Escapes::RawString,
        r#"raw { \x7B "quoted" }"#,
        r#"{"errSubject":"uni-parity","errCode":918004,"errMsg":"raw { \\x7B \"quoted\" }"}"#,
    );
}

/// `enum Never {}`: a type of error that cannot happen.
#[derive(Debug, UniError)]
#[subject("uni-parity")]
#[errno(category = 9, sub = 19)]
#[allow(dead_code)]
enum Never {}

#[test]
fn an_empty_enum_derives() {
    use uni_error::catalog::Catalog;
    // Every impl the derive promises, on a type with no value...
    fn derived<T: UniError + serde::Serialize + Catalog + fmt::Display>() {}
    derived::<Never>();
    // ...and a catalog with no row: there is no errno to list.
    assert!(<Never as Catalog>::CATALOG.is_empty());
    // `?` still converts it into the owned error.
    fn erased(r: Result<u8, Never>) -> Result<u8, uni_error::Error> {
        Ok(r?)
    }
    assert_eq!(erased(Ok(1)).unwrap(), 1);
}
