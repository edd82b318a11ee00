use uni_error::UniError;

#[derive(Debug, UniError)]
#[subject("uni-a")]
#[errno(1)]
#[msg("unit")]
pub struct Unit;

#[derive(Debug, UniError)]
#[subject("uni-b")]
#[errno(category = 15, sub = 9, code = 801, platform = "ios")]
#[msg("tuple {0} {1:?}")]
pub struct Tuple(pub u8, #[data] pub Vec<String>);

#[derive(Debug, UniError)]
#[subject("uni-c::d")]
#[errno(9999999)]
#[msg("named {a}")]
pub struct Named {
    pub a: String,
    #[source]
    pub io: std::io::Error,
}

#[derive(Debug, UniError)]
#[subject("uni-e")]
#[errno(category = 0, sub = 0, code = 1)]
#[msg("from io")]
pub struct FromIo(#[from] std::io::Error);

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

fn main() {
    // Each struct shape writes its own wire object.
    assert_eq!(
        json(&Unit),
        r#"{"errSubject":"uni-a","errCode":1,"errMsg":"unit"}"#
    );
    assert_eq!(
        json(&Tuple(7, vec!["x".into()])),
        r#"{"errSubject":"uni-b","errCode":1509801,"errMsg":"tuple 7 [\"x\"]","data":["x"]}"#
    );
    let named = Named {
        a: "n".into(),
        io: std::io::Error::other("disk"),
    };
    assert_eq!(
        json(&named),
        r#"{"errSubject":"uni-c::d","errCode":9999999,"errMsg":"named n","cause":{"message":"disk"}}"#
    );
    assert_eq!(
        std::error::Error::source(&named).map(ToString::to_string),
        Some("disk".to_owned())
    );
    let from: FromIo = std::io::Error::other("x").into();
    assert_eq!(
        json(&from),
        r#"{"errSubject":"uni-e","errCode":1,"errMsg":"from io","cause":{"message":"x"}}"#
    );
    assert_eq!(from.errno(), uni_error::Errno::CANCEL);
    assert_eq!(Tuple(0, vec![]).errno().platform(), uni_error::Platform::Ios);
}
