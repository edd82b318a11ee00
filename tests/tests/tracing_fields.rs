//! `uni_error::tracing` under a capturing subscriber: the exact fields of
//! an event, of a span, and of `#[instrument(err)]` with `Traced`.

use std::sync::{Arc, Mutex};

use tracing::field::{Empty, Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::subscriber::Interest;
use tracing::{Event, Level, Metadata, Subscriber};
use uni_error::tracing::{event, record, Traced};
use uni_error::{AggregateError, Error, SourceError, UniError};

/// What one event or span recorded: name, level, target and fields as
/// `(name, value)` text, in the order they came.
#[derive(Clone, Debug, Default, PartialEq)]
struct Captured {
    name: String,
    level: String,
    target: String,
    fields: Vec<(String, String)>,
}

impl Visit for Captured {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.fields
            .push((field.name().to_owned(), value.to_owned()));
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.fields
            .push((field.name().to_owned(), format!("{value}i64")));
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.fields
            .push((field.name().to_owned(), format!("{value:?}")));
    }
}

/// Captures what is enabled: levels up to `max` (all by default).
#[derive(Clone)]
struct Capture {
    max: Level,
    events: Arc<Mutex<Vec<Captured>>>,
    spans: Arc<Mutex<Vec<Captured>>>,
}

impl Default for Capture {
    fn default() -> Self {
        Capture::up_to(Level::TRACE)
    }
}

impl Capture {
    fn up_to(max: Level) -> Self {
        Capture {
            max,
            events: Arc::default(),
            spans: Arc::default(),
        }
    }
}

impl Subscriber for Capture {
    // Asked every time rather than cached per call site: the tests of this
    // binary run on several threads, each with its own subscriber.
    fn register_callsite(&self, _: &'static Metadata<'static>) -> Interest {
        Interest::sometimes()
    }
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        *metadata.level() <= self.max
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut c = Captured {
            name: span.metadata().name().to_owned(),
            level: span.metadata().level().to_string(),
            target: span.metadata().target().to_owned(),
            fields: Vec::new(),
        };
        span.record(&mut c);
        let mut spans = self.spans.lock().unwrap();
        spans.push(c);
        Id::from_u64(spans.len() as u64)
    }
    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().unwrap();
        let i = usize::try_from(span.into_u64()).unwrap() - 1;
        values.record(&mut spans[i]);
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, e: &Event<'_>) {
        let mut c = Captured {
            name: String::new(),
            level: e.metadata().level().to_string(),
            target: e.metadata().target().to_owned(),
            fields: Vec::new(),
        };
        e.record(&mut c);
        self.events.lock().unwrap().push(c);
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[derive(Debug, UniError)]
#[subject("uni-login")]
#[errno(category = 15, sub = 4)]
enum LoginError {
    #[errno(code = 3)]
    #[msg("NFC is not available: {0}")]
    NfcUnavailable(&'static str),
}

#[test]
fn an_event_carries_the_fields() {
    let capture = Capture::default();
    let err = Error::new("uni-ad", 1_416_601, "no ad could be shown").with_cause(
        AggregateError::new(vec![
            SourceError::new("no fill")
                .with_subject("csj")
                .with_code(-404012)
                .into(),
            SourceError::new("timeout").with_subject("gdt").into(),
        ]),
    );
    tracing::subscriber::with_default(capture.clone(), || {
        event(Level::ERROR, &err);
        event(Level::WARN, &LoginError::NfcUnavailable("off"));
        event(Level::TRACE, &LoginError::NfcUnavailable("off"));
    });
    let events = capture.events.lock().unwrap().clone();
    assert_eq!(
        events,
        [
            Captured {
                name: String::new(),
                level: "ERROR".into(),
                target: "uni_error::tracing".into(),
                fields: fields(&[
                    ("message", "exception"),
                    ("err.subject", "uni-ad"),
                    ("err.code", "1416601i64"),
                    ("err.msg", "no ad could be shown"),
                    (
                        "err.cause",
                        "caused by: 2 errors\n  [0] csj -404012: no fill\n  [1] gdt: timeout",
                    ),
                    ("exception.type", "uni-ad 1416601"),
                    ("exception.message", "no ad could be shown"),
                ]),
            },
            Captured {
                name: String::new(),
                level: "WARN".into(),
                target: "uni_error::tracing".into(),
                // No cause: no `err.cause` field at all.
                fields: fields(&[
                    ("message", "exception"),
                    ("err.subject", "uni-login"),
                    ("err.code", "1504003i64"),
                    ("err.msg", "NFC is not available: off"),
                    ("exception.type", "uni-login 1504003"),
                    ("exception.message", "NFC is not available: off"),
                ]),
            },
            Captured {
                name: String::new(),
                level: "TRACE".into(),
                target: "uni_error::tracing".into(),
                fields: fields(&[
                    ("message", "exception"),
                    ("err.subject", "uni-login"),
                    ("err.code", "1504003i64"),
                    ("err.msg", "NFC is not available: off"),
                    ("exception.type", "uni-login 1504003"),
                    ("exception.message", "NFC is not available: off"),
                ]),
            },
        ]
    );
}

#[test]
fn a_span_gets_the_fields_it_declared() {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture.clone(), || {
        let span = tracing::info_span!(
            "login",
            user = 7,
            err.subject = Empty,
            err.code = Empty,
            err.cause = Empty,
            "exception.type" = Empty,
        );
        let err = Error::new("uni-login", 5, "login timed out")
            .with_cause(SourceError::new("dns").with_subject("resolver"));
        record(&span, &err);
    });
    let spans = capture.spans.lock().unwrap().clone();
    assert_eq!(
        spans,
        [Captured {
            name: "login".into(),
            level: "INFO".into(),
            target: "tracing_fields".into(),
            // `err.msg` and `exception.message` were not declared: left out.
            fields: fields(&[
                ("user", "7i64"),
                ("err.subject", "uni-login"),
                ("err.code", "5i64"),
                ("err.cause", "caused by: resolver: dns"),
                ("exception.type", "uni-login 5"),
            ]),
        }]
    );
}

#[tracing::instrument(err)]
fn read_card(reason: &'static str) -> Result<u32, Traced<LoginError>> {
    Err(LoginError::NfcUnavailable(reason))?
}

#[tracing::instrument(err(Debug), level = "debug")]
fn pay() -> Result<(), Traced<Error>> {
    Err(Error::new("uni-pay", 700001, "payment failed").with_cause(SourceError::new("db-7 down")))?
}

fn login() -> Result<u32, Error> {
    // `?` unwraps the wrapper again into uni_error::Error.
    Ok(read_card("off")?)
}

#[test]
fn instrument_err_logs_the_fields_through_traced() {
    let capture = Capture::default();
    let (login, pay) = tracing::subscriber::with_default(capture.clone(), || (login(), pay()));
    assert_eq!(login.unwrap_err().code(), 1_504_003);
    assert_eq!(pay.unwrap_err().into_inner().code(), 700001);
    let events = capture.events.lock().unwrap().clone();
    assert_eq!(
        events,
        [
            Captured {
                name: String::new(),
                level: "ERROR".into(),
                target: "tracing_fields".into(),
                fields: fields(&[(
                    "error",
                    r#"err.subject="uni-login" err.code=1504003 err.msg="NFC is not available: off" exception.type="uni-login 1504003""#,
                )]),
            },
            Captured {
                name: String::new(),
                level: "ERROR".into(),
                target: "tracing_fields".into(),
                fields: fields(&[(
                    "error",
                    r#"err.subject="uni-pay" err.code=700001 err.msg="payment failed" err.cause="caused by: db-7 down" exception.type="uni-pay 700001""#,
                )]),
            },
        ]
    );
}

/// An error that counts how often its message is formatted: the fields
/// of an event are computed from it, so a count of 0 means nothing was.
#[derive(Debug, UniError)]
#[subject("uni-count")]
#[errno(1504004)]
struct Counted;

thread_local! {
    static FORMATTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl std::fmt::Display for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        FORMATTED.with(|n| n.set(n.get() + 1));
        f.write_str("counted")
    }
}

fn formatted() -> usize {
    FORMATTED.with(|n| n.replace(0))
}

#[test]
fn each_level_is_emitted_at_that_level() {
    let capture = Capture::default();
    let levels = [
        Level::ERROR,
        Level::WARN,
        Level::INFO,
        Level::DEBUG,
        Level::TRACE,
    ];
    tracing::subscriber::with_default(capture.clone(), || {
        for level in levels {
            event(level, &Counted);
        }
    });
    let events = capture.events.lock().unwrap().clone();
    let got: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e.level.as_str(), e.fields[3].1.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("ERROR", "counted"),
            ("WARN", "counted"),
            ("INFO", "counted"),
            ("DEBUG", "counted"),
            ("TRACE", "counted"),
        ]
    );
}

#[test]
fn nothing_is_computed_for_a_level_the_subscriber_does_not_want() {
    let capture = Capture::up_to(Level::WARN);
    formatted();
    tracing::subscriber::with_default(capture.clone(), || {
        event(Level::INFO, &Counted);
        event(Level::DEBUG, &Counted);
        event(Level::TRACE, &Counted);
        assert_eq!(formatted(), 0, "fields computed for a disabled level");
        event(Level::WARN, &Counted);
        assert!(formatted() > 0, "the enabled level computed nothing");
    });
    let levels: Vec<String> = capture
        .events
        .lock()
        .unwrap()
        .iter()
        .map(|e| e.level.clone())
        .collect();
    assert_eq!(levels, ["WARN"]);
}

#[test]
fn nothing_is_recorded_on_a_disabled_span() {
    let capture = Capture::up_to(Level::WARN);
    formatted();
    tracing::subscriber::with_default(capture.clone(), || {
        let span = tracing::info_span!("login", err.subject = Empty, err.code = Empty);
        assert!(span.is_disabled());
        record(&span, &Counted);
        assert_eq!(formatted(), 0, "fields computed for a disabled span");
        let span = tracing::warn_span!("login", err.subject = Empty, err.code = Empty);
        record(&span, &Counted);
        assert!(formatted() > 0, "the enabled span computed nothing");
    });
    let spans = capture.spans.lock().unwrap().clone();
    assert_eq!(
        spans,
        [Captured {
            name: "login".into(),
            level: "WARN".into(),
            target: "tracing_fields".into(),
            fields: fields(&[("err.subject", "uni-count"), ("err.code", "1504004i64")]),
        }]
    );
}

#[test]
fn nothing_is_computed_without_a_subscriber() {
    formatted();
    event(Level::ERROR, &Counted);
    record(&tracing::Span::current(), &Counted);
    assert_eq!(formatted(), 0);
}
