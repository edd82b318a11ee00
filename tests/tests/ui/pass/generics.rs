use std::fmt::Debug;
use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-generic")]
#[errno(category = 1, sub = 2)]
pub enum Generic<'a, E, D, M, P>
where
    P: Debug,
{
    #[errno(code = 1)]
    #[msg("source: {0}")]
    Source(#[source] E),
    #[errno(code = 2)]
    #[msg("data {label} {extra:?}")]
    Data {
        #[data]
        value: Option<D>,
        label: M,
        extra: P,
    },
    #[errno(code = 3)]
    #[msg("list")]
    List(#[source] Vec<E>),
    #[errno(code = 4)]
    #[msg("borrowed {0}")]
    Borrowed(&'a str),
}

#[derive(Debug, UniError)]
#[subject("uni-bounded")]
#[errno(1)]
#[msg("bounded")]
pub struct Bounded<E: UniError + 'static>(#[from] E);

#[derive(Debug, UniError)]
#[subject("uni-leaf")]
#[errno(2)]
#[msg("leaf")]
pub struct Leaf;

fn assert_uni<T: UniError + serde::Serialize>() {}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

type Concrete = Generic<'static, std::io::Error, u8, String, ()>;

fn main() {
    assert_uni::<Concrete>();
    assert_uni::<Bounded<Leaf>>();

    // A generic `E: Error` source takes the plain path: message only.
    let source: Concrete = Generic::Source(std::io::Error::other("io"));
    assert_eq!(
        json(&source),
        r#"{"errSubject":"uni-generic","errCode":102001,"errMsg":"source: io","cause":{"message":"io"}}"#
    );
    let data: Concrete = Generic::Data {
        value: Some(3),
        label: "l".into(),
        extra: (),
    };
    assert_eq!(
        json(&data),
        r#"{"errSubject":"uni-generic","errCode":102002,"errMsg":"data l ()","data":3}"#
    );
    let none: Concrete = Generic::Data {
        value: None,
        label: "l".into(),
        extra: (),
    };
    assert_eq!(
        json(&none),
        r#"{"errSubject":"uni-generic","errCode":102002,"errMsg":"data l ()"}"#
    );
    let list: Concrete = Generic::List(vec![std::io::Error::other("a"), std::io::Error::other("b")]);
    assert_eq!(
        json(&list),
        r#"{"errSubject":"uni-generic","errCode":102003,"errMsg":"list","cause":{"message":"list","errors":[{"message":"a"},{"message":"b"}]}}"#
    );
    let borrowed: Concrete = Generic::Borrowed("s");
    assert_eq!(borrowed.to_string(), "borrowed s");
    // Bounded `E: UniError`: the cause keeps the inner subject and errno.
    assert_eq!(
        json(&Bounded::from(Leaf)),
        r#"{"errSubject":"uni-bounded","errCode":1,"errMsg":"bounded","cause":{"message":"leaf","subject":"uni-leaf","code":2}}"#
    );
}
