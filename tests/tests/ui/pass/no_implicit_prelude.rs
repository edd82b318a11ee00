// Generated code names everything by absolute path: it compiles where the
// prelude is not in scope.
#![no_implicit_prelude]

extern crate std;
extern crate uni_error;

#[derive(Debug, uni_error::UniError)]
#[subject("uni-noprelude")]
#[errno(category = 4, sub = 4)]
pub enum NoPrelude {
    #[errno(code = 1)]
    #[msg("list of {}", .0.len())]
    List(#[source] std::vec::Vec<std::io::Error>),
    #[errno(code = 2)]
    #[msg("maybe {name:?}")]
    Maybe {
        #[source]
        source: std::option::Option<std::io::Error>,
        #[data]
        name: std::option::Option<std::string::String>,
    },
    #[errno(code = 3)]
    #[msg("from")]
    From(#[from] std::fmt::Error),
    #[errno(code = 4)]
    #[status(grpc = "NOT_FOUND", http = 410)]
    #[msg("coded")]
    Coded(#[source(code = code_of)] std::vec::Vec<std::io::Error>),
    #[msg(transparent)]
    Inner(Unit),
    #[errno(code = 5)]
    #[subject("uni-noprelude::io")]
    #[msg(transparent)]
    Io(std::boxed::Box<dyn std::error::Error + std::marker::Send + std::marker::Sync>),
    // Per-code platforms and a deprecated code without a message.
    #[errno(code = 6)]
    #[platforms(android, harmony)]
    #[msg("six")]
    Six,
    #[deprecated]
    #[errno(code = 7)]
    Seven,
}

#[derive(Debug, uni_error::UniError)]
#[subject("uni-noprelude")]
#[errno(1)]
#[status(grpc = "ABORTED")]
#[msg("unit")]
pub struct Unit;

fn code_of(e: &std::io::Error) -> std::option::Option<i64> {
    e.raw_os_error().map(::std::convert::From::from)
}

fn json<T: ::serde::Serialize>(value: &T) -> ::std::string::String {
    ::serde_json::to_string(value).unwrap()
}

fn main() {
    use ::std::borrow::ToOwned;
    use ::std::string::ToString;
    use uni_error::UniError as _;

    let list = NoPrelude::List(::std::vec![::std::io::Error::other("a")]);
    ::std::assert_eq!(
        json(&list),
        r#"{"errSubject":"uni-noprelude","errCode":404001,"errMsg":"list of 1","cause":{"message":"list of 1","errors":[{"message":"a"}]}}"#
    );
    let maybe = NoPrelude::Maybe {
        source: ::std::option::Option::None,
        name: ::std::option::Option::Some("n".to_owned()),
    };
    ::std::assert_eq!(
        json(&maybe),
        r#"{"errSubject":"uni-noprelude","errCode":404002,"errMsg":"maybe Some(\"n\")","data":"n"}"#
    );
    let from: NoPrelude = ::std::convert::From::from(::std::fmt::Error);
    ::std::assert_eq!(from.to_string(), "from");
    let inner = NoPrelude::Inner(Unit);
    ::std::assert_eq!(
        (inner.err_subject(), inner.errno().get(), inner.to_string()),
        ("uni-noprelude", 1, "unit".to_owned())
    );
    ::std::assert_eq!(
        json(&Unit),
        r#"{"errSubject":"uni-noprelude","errCode":1,"errMsg":"unit"}"#
    );
    let io = NoPrelude::Io(::std::boxed::Box::new(::std::io::Error::other("disk")));
    ::std::assert_eq!(
        json(&io),
        r#"{"errSubject":"uni-noprelude::io","errCode":404005,"errMsg":"disk"}"#
    );
}
