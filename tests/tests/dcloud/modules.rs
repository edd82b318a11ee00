// How each ported module is declared: the names DCloud gives its error
// part and the shape of its Impl class (origin: see errors.rs).

use uni_error::catalog::{
    CatalogSet, Declarations, FailImpl, OverrideErrCode, Platforms, TypeNames,
};

use super::errors::{
    ConnectSocketError, GetBatteryInfoError, LocationError, RequestPaymentError,
    SendSocketMessageError, ShareWithSystemError,
};

/// One module: its folder under `tests/fixtures/dcloud` and its `.d.ts`.
pub struct Module {
    pub dir: &'static str,
    pub dts: &'static str,
    pub decls: Declarations,
}

/// Every ported module.
pub fn all() -> Vec<Module> {
    vec![
        Module {
            dir: "uni-location",
            dts: "location.d.ts",
            decls: CatalogSet::new()
                .with::<LocationError>()
                .declarations()
                .rename(
                    "LocationError",
                    TypeNames::for_type("LocationError")
                        .with_interface("IGetLocationFail")
                        .with_fail("GetLocationFail")
                        .with_fail_impl("GetLocationFailImpl"),
                )
                // DCloud's class has no `override errCode`.
                .fail_impl(
                    "LocationError",
                    FailImpl::new().override_err_code(OverrideErrCode::Never),
                ),
        },
        Module {
            dir: "uni-shareWithSystem",
            dts: "shareWithSystem.d.ts",
            decls: CatalogSet::new()
                .with::<ShareWithSystemError>()
                .declarations()
                .rename(
                    "ShareWithSystemError",
                    TypeNames::for_type("ShareWithSystemError")
                        .with_interface("IShareWithSystemFail"),
                )
                .fail_impl(
                    "ShareWithSystemError",
                    FailImpl::new()
                        .with_detail(", the reason: ")
                        .override_err_code(OverrideErrCode::Never),
                ),
        },
        Module {
            dir: "uni-payment",
            dts: "payment.d.ts",
            decls: CatalogSet::new()
                .with::<RequestPaymentError>()
                .declarations()
                .rename(
                    "RequestPaymentError",
                    TypeNames::for_type("RequestPaymentError")
                        .with_interface("IRequestPaymentFail"),
                )
                .fail_impl(
                    "RequestPaymentError",
                    FailImpl::new().override_err_code(OverrideErrCode::Never),
                ),
        },
        Module {
            dir: "uni-websocket",
            dts: "websocket.d.ts",
            decls: CatalogSet::new()
                .with::<ConnectSocketError>()
                .with::<SendSocketMessageError>()
                .declarations()
                .rename(
                    "ConnectSocketError",
                    TypeNames::for_type("ConnectSocketError")
                        .with_interface("ConnectSocketFail")
                        .with_subject_const("UniWebsocketErrorSubject")
                        .with_errors("ConnectUniErrors"),
                )
                .rename(
                    "SendSocketMessageError",
                    TypeNames::for_type("SendSocketMessageError")
                        .with_interface("SendSocketMessageFail")
                        .with_subject_const("UniWebsocketErrorSubject")
                        .with_errors("SendMessageUniErrors"),
                )
                .fail_impl(
                    "ConnectSocketError",
                    FailImpl::new().override_err_code(OverrideErrCode::On(Platforms::ANDROID)),
                )
                .fail_impl(
                    "SendSocketMessageError",
                    FailImpl::new().override_err_code(OverrideErrCode::On(Platforms::ANDROID)),
                ),
        },
        Module {
            dir: "uni-getbatteryinfo",
            dts: "getbatteryinfo.d.ts",
            decls: CatalogSet::new()
                .with::<GetBatteryInfoError>()
                .declarations()
                .rename(
                    "GetBatteryInfoError",
                    TypeNames::for_type("GetBatteryInfoError")
                        .with_interface("GetBatteryInfoFail")
                        .with_subject_const("UniErrorSubject")
                        .with_errors("UniErrors"),
                )
                .fail_impl(
                    "GetBatteryInfoError",
                    FailImpl::new().override_err_code(OverrideErrCode::Always),
                ),
        },
    ]
}
