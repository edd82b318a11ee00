//! `uni_error::tonic` on arbitrary statuses and errors. The first byte
//! picks the mode:
//!
//! - even: a `tonic::Status` with an arbitrary code, message and binary
//!   details, read with `from_status`, `error_info` and `details`: never
//!   panics; the three agree on whether the details are well formed; what
//!   is read keeps the message, takes errSubject from the ErrorInfo, and
//!   goes back through `to_status` to an equal error.
//! - odd: an error with an arbitrary errSubject, errCode, errMsg and a cause
//!   text repeated up to 64 times (past `MAX_TRAILER_LEN`, so the cut
//!   runs), written with `to_status`: the details fit, decode, give the
//!   error back, and carry the chain whole or cut at a character boundary
//!   with the note.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use uni_error::tonic::{details, error_info, from_status, to_status, MAX_TRAILER_LEN};
use uni_error::{google::STATUS_SUBJECT, Error, SourceError};

/// Splits off a length-prefixed (one byte) piece.
fn piece(data: &mut &[u8]) -> Vec<u8> {
    let Some((&n, rest)) = data.split_first() else {
        return Vec::new();
    };
    let n = usize::from(n).min(rest.len());
    let (head, tail) = rest.split_at(n);
    *data = tail;
    head.to_vec()
}

fn text(data: &mut &[u8]) -> String {
    String::from_utf8_lossy(&piece(data)).into_owned()
}

fn int<const N: usize>(data: &mut &[u8]) -> [u8; N] {
    let mut out = [0; N];
    let n = N.min(data.len());
    out[..n].copy_from_slice(&data[..n]);
    *data = &data[n..];
    out
}

fn read(mut data: &[u8]) {
    let code = i32::from_le_bytes(int::<4>(&mut data));
    let message = text(&mut data);
    let status = tonic::Status::with_details(
        tonic::Code::from_i32(code),
        message.clone(),
        Bytes::copy_from_slice(data),
    );
    let read = from_status(&status);
    let info = error_info(&status);
    let all = details(&status);
    assert_eq!(read.is_ok(), info.is_ok());
    assert_eq!(read.is_ok(), all.is_ok());
    let err = match read {
        Ok(err) => err,
        Err(why) => {
            assert_eq!(info.unwrap_err(), why);
            assert!(why
                .to_string()
                .starts_with("malformed google.rpc.Status details: "));
            return;
        }
    };
    assert_eq!(err.message(), status.message());
    match info.unwrap() {
        Some(info) => assert_eq!(err.err_subject(), info.domain),
        None => assert_eq!(err.err_subject(), STATUS_SUBJECT),
    }
    // What was read goes back to an equal error, with the same gRPC code.
    let back = to_status(&err);
    assert_eq!(back.code(), status.code(), "{err:?}");
    assert_eq!(from_status(&back).as_ref(), Ok(&err));
}

fn write(mut data: &[u8]) {
    let subject = text(&mut data);
    let code = i64::from_le_bytes(int::<8>(&mut data));
    let message = text(&mut data);
    let [times] = int::<1>(&mut data);
    let cause = String::from_utf8_lossy(data).repeat(1 + usize::from(times % 64));
    let plain = Error::new(subject, code, message);
    let err = plain.clone().with_cause(SourceError::new(cause.clone()));
    let status = to_status(&err);
    // errSubject and errMsg are at most 255 bytes here: cutting the chain
    // always brings the details (base64 in the trailer) under the budget,
    // and errMsg, the shorter text, is never cut.
    let base64 = status.details().len().div_ceil(3) * 4;
    assert!(base64 <= MAX_TRAILER_LEN, "{base64}");
    assert_eq!(from_status(&status), Ok(plain.clone()));
    let info = error_info(&status).unwrap().expect("an ErrorInfo");
    let chain = format!("{err:#}");
    let whole = chain.split_once('\n').map(|(_, below)| below.to_owned());
    match (info.metadata_get("cause"), whole) {
        (None, None) => {}
        (Some(sent), Some(whole)) if sent == whole => {}
        (Some(sent), Some(whole)) => {
            let (kept, note) = sent.rsplit_once("\n[").expect("a cut chain says so");
            assert!(whole.starts_with(kept));
            let cut = whole.len() - kept.len();
            assert_eq!(note, format!("{cut} bytes were cut to fit a gRPC trailer]"));
        }
        (sent, whole) => panic!("cause {sent:?}, chain {whole:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        read(rest)
    } else {
        write(rest)
    }
});
