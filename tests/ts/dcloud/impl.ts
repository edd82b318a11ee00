// Must type-check under `tsc --strict`: Impl classes written as DCloud
// writes them in `unierror.uts` (`class XxxFailImpl extends UniError
// implements IXxxFail`, with the `override errCode` of its Android
// branch), against the generated interfaces. Run by scripts/test-ts.sh.
import { UniError } from "@dcloudio/uni-app-x/types/native/UniError";
import type { IGetLocationFail, LocationErrorCode } from "./location";
import type { IShareWithSystemFail, ShareWithSystemErrorCode } from "./shareWithSystem";
import type { IRequestPaymentFail, RequestPaymentErrorCode } from "./payment";
import type {
  ConnectSocketErrorCode,
  ConnectSocketFail,
  SendSocketMessageErrorCode,
  SendSocketMessageFail,
} from "./websocket";
import type { GetBatteryInfoErrorCode, GetBatteryInfoFail } from "./getbatteryinfo";

const LocationUniErrorSubject = "uni-location";
const LocationUniErrors = new Map<LocationErrorCode, string>([[1505600, "location fail: timeout"]]);

export class GetLocationFailImpl extends UniError implements IGetLocationFail {
  override errCode: LocationErrorCode;
  constructor(errCode: LocationErrorCode) {
    super();
    this.errSubject = LocationUniErrorSubject;
    this.errCode = errCode;
    this.errMsg = LocationUniErrors.get(errCode) ?? "";
  }
}

const ShareWithSystemUniErrors = new Map<ShareWithSystemErrorCode, string>([[1310602, "Failed to share"]]);

export class ShareWithSystemFailImpl extends UniError implements IShareWithSystemFail {
  override errCode: ShareWithSystemErrorCode;
  constructor(errCode: ShareWithSystemErrorCode, errMsg: string | null) {
    super();
    this.errSubject = "uni-shareWithSystem";
    this.errCode = errCode;
    const message = ShareWithSystemUniErrors.get(errCode) ?? "";
    this.errMsg = errMsg != null ? message + ", the reason: " + errMsg : message;
  }
}

export class RequestPaymentFailImpl extends UniError implements IRequestPaymentFail {
  override errCode: RequestPaymentErrorCode;
  constructor(errCode: RequestPaymentErrorCode) {
    super();
    this.errSubject = "uni-requestPayment";
    this.errCode = errCode;
  }
}

// One subject constant, two classes.
const UniWebsocketErrorSubject = "uni-websocket";

export class ConnectSocketFailImpl extends UniError implements ConnectSocketFail {
  override errCode: ConnectSocketErrorCode;
  constructor(errCode: ConnectSocketErrorCode) {
    super();
    this.errSubject = UniWebsocketErrorSubject;
    this.errCode = errCode;
  }
}

export class SendSocketMessageFailImpl extends UniError implements SendSocketMessageFail {
  override errCode: SendSocketMessageErrorCode;
  constructor(errCode: SendSocketMessageErrorCode) {
    super();
    this.errSubject = UniWebsocketErrorSubject;
    this.errCode = errCode;
  }
}

// The interface itself is the Fail type.
export class GetBatteryInfoFailImpl extends UniError implements GetBatteryInfoFail {
  override errCode: GetBatteryInfoErrorCode;
  constructor(errCode: GetBatteryInfoErrorCode) {
    super();
    this.errSubject = "uni-getBatteryInfo";
    this.errCode = errCode;
  }
}

// An Impl is what a fail callback receives.
export const asFail: IGetLocationFail = new GetLocationFailImpl(1505600);
