// Must type-check under `tsc --strict`: code written against DCloud's API
// of five modules (tests/fixtures/dcloud), whose error parts are generated.
// Every switch handles every code of its union and proves it with `never`;
// the fail callbacks take the generated Fail types. Run by scripts/test-ts.sh.
import type { Uni as LocationUni, GetLocationFail, LocationErrorCode, LocationErrorSubject } from "./location";
import type { ShareWithSystemOptions, IShareWithSystemFail } from "./shareWithSystem";
import type { Uni as PaymentUni, RequestPaymentFail } from "./payment";
import type { Uni as SocketUni, ConnectSocketFail, SendSocketMessageFail } from "./websocket";
import type { Uni as BatteryUni, GetBatteryInfoFail } from "./getbatteryinfo";

export function locationReason(err: GetLocationFail): string {
  switch (err.errCode) {
    case 1505003: return "system location off";
    case 1505004: return "no permission";
    case 1505600: return "timeout";
    case 1505601: return "wgs84 only";
    case 1505602: return "request failed";
    case 1505603: return "geocode failed";
    case 1505604: return "no provider service";
    case 1505605: return "bad api key";
    case 1505607: return "gcj02 only";
    case 1505700: return "no geocode";
    case 1505701: return "no provider";
    case 1505800: return "no high accuracy";
    // Deprecated, still declared: old callers keep compiling.
    case 1505005:
    case 1505021:
    case 1505022:
    case 1505023:
    case 1505024:
    case 1505025:
    case 1505026:
      return "deprecated";
    default: {
      const unhandled: never = err.errCode;
      return unhandled;
    }
  }
}

export function locate(uni: LocationUni, done: (reason: string) => void): void {
  uni.getLocation({
    type: "wgs84",
    success: (res) => done(`${res.latitude},${res.longitude}`),
    fail: (err: GetLocationFail) => {
      const subject: LocationErrorSubject = err.errSubject as LocationErrorSubject;
      const code: LocationErrorCode = err.errCode;
      done(`${subject} ${code}: ${locationReason(err)} (${err.errMsg})`);
    },
  });
}

export function share(run: (options: ShareWithSystemOptions) => void): void {
  run({
    type: "text",
    summary: "hello",
    fail: (err: IShareWithSystemFail) => {
      switch (err.errCode) {
        case 1310600:
        case 1310601:
        case 1310602:
        case 1310603:
        case 1310604:
        case 1310605:
        case 1310606:
        case 1310607:
          return;
        default: {
          const unhandled: never = err.errCode;
          return unhandled;
        }
      }
    },
  });
}

export function pay(uni: PaymentUni): void {
  uni.requestPayment({
    provider: "alipay",
    orderInfo: "order",
    fail: (err: RequestPaymentFail) => {
      switch (err.errCode) {
        case 700000: case 700600: case 700601: case 700602: case 700603:
        case 700604: case 700605: case 700607: case 700608: case 700800:
        case 700801: case 701100: case 701110:
          return;
        default: {
          const unhandled: never = err.errCode;
          return unhandled;
        }
      }
    },
  });
}

export function socket(uni: SocketUni): void {
  const task = uni.connectSocket({
    url: "wss://example.com",
    fail: (err: ConnectSocketFail) => {
      const code: 600009 = err.errCode;
      void code;
    },
  });
  task.send({
    data: "ping",
    fail: (err: SendSocketMessageFail) => {
      switch (err.errCode) {
        case 10001: case 10002: case 602001:
          return;
        default: {
          const unhandled: never = err.errCode;
          return unhandled;
        }
      }
    },
  });
}

export function battery(uni: BatteryUni): void {
  uni.getBatteryInfo({
    fail: (err: GetBatteryInfoFail) => {
      const code: 1001 | 1002 = err.errCode;
      void [code, err.errSubject, err.errMsg, err.data, err.cause];
    },
  });
}
