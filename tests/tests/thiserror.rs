//! Composing with thiserror: without any `#[msg]`, thiserror writes
//! `Display`, `Error` and `From` (reading the same `#[source]` and
//! `#[from]`), and the derive adds only the uni side.

use std::error::Error as _;

use uni_error::UniError;

#[derive(Debug, thiserror::Error, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
pub enum PayError {
    #[error("payment cancelled by the user")]
    #[errno(1)] // WeChat's cancel errno is fine as a whole number too
    Cancelled,

    #[error("order {order} was declined: {reason}")]
    #[errno(code = 2)]
    Declined { order: u64, reason: String },

    #[error("gateway unreachable")]
    #[errno(code = 3)]
    Gateway(#[from] std::io::Error),
}

#[derive(Debug, thiserror::Error, UniError)]
#[error("sdk {code}")]
#[subject("pay-sdk")]
#[errno(category = 7, sub = 2, code = 1)]
pub struct SdkError {
    code: i32,
}

#[derive(Debug, thiserror::Error, UniError)]
#[subject("uni-pay")]
#[errno(category = 7, sub = 1)]
pub enum Wrapped {
    #[error("sdk failed")]
    #[errno(code = 10)]
    Sdk {
        #[source]
        sdk: SdkError,
        #[data]
        attempt: u8,
    },
}

#[test]
fn thiserror_writes_display_error_and_from() {
    fn pay() -> Result<(), PayError> {
        Err(std::io::Error::other("connection reset"))?; // thiserror's From
        Ok(())
    }
    let e = pay().unwrap_err();
    assert_eq!(e.to_string(), "gateway unreachable");
    assert_eq!(e.source().unwrap().to_string(), "connection reset");
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"errSubject":"uni-pay","errCode":701003,"errMsg":"gateway unreachable","cause":{"message":"connection reset"}}"#
    );
    let declined = PayError::Declined {
        order: 42,
        reason: "no funds".into(),
    };
    assert_eq!(
        serde_json::to_string(&declined).unwrap(),
        r#"{"errSubject":"uni-pay","errCode":701002,"errMsg":"order 42 was declined: no funds"}"#
    );
    assert_eq!(PayError::Cancelled.errno(), uni_error::Errno::CANCEL);
}

#[test]
fn a_uni_source_under_thiserror_keeps_subject_and_code() {
    let e = Wrapped::Sdk {
        sdk: SdkError { code: -1 },
        attempt: 2,
    };
    assert_eq!(e.source().unwrap().to_string(), "sdk -1");
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        concat!(
            r#"{"errSubject":"uni-pay","errCode":701010,"errMsg":"sdk failed","data":2,"#,
            r#""cause":{"message":"sdk -1","subject":"pay-sdk","code":702001}}"#
        )
    );
}
