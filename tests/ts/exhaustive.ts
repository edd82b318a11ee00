// Must type-check under `tsc --strict`: a consumer of the example plugin's
// generated `nfc.d.ts` that handles every code (deprecated ones included)
// and proves it with `never`. Run by scripts/test-ts.sh.
import type {
  NfcErrorCode,
  NfcErrorSubject,
  NfcFail,
  NfcSessionErrorSubject,
  NfcSessionFail,
  NfcWriteErrorCode,
  NfcWriteErrorSubject,
  NfcWriteFail,
  NfcWriteUniErrors,
} from "./nfc";

export function describe(err: NfcFail): string {
  // errSubject stays a string (a DCloud-shaped class must implement the
  // interface); NfcErrorSubject lists what it can be.
  const subject: NfcErrorSubject = err.errSubject as NfcErrorSubject;
  switch (err.errCode) {
    case 1504000:
      return `${subject}: no NFC hardware`;
    case 1504601:
      return "NFC is off";
    case 1504701:
      return "reader mode rejected";
    case 1504702:
      return "tag lost (deprecated, still declared)";
    case 5:
      return "timed out";
    default: {
      const unhandled: never = err.errCode;
      return unhandled;
    }
  }
}

export function describeWrite(err: NfcWriteFail): string {
  const code: 1504801 | 1504802 = err.errCode;
  const subject: NfcWriteErrorSubject = "uni-nfc::write";
  return `${subject} ${code}: ${err.errMsg}`;
}

// The message map of a type with #[locales]: every language has every
// code (a missing one would not index), with the exact text.
export function messageOf(
  messages: NfcWriteUniErrors,
  language: keyof NfcWriteUniErrors,
  code: NfcWriteErrorCode,
): string {
  return messages[language][code];
}
export const locked: NfcWriteUniErrors["zh-Hans"][1504801] = "标签已锁定";
export const full: NfcWriteUniErrors["zh-Hant"][1504802] = "標籤已滿：{size} 位元組寫不下";
export const languages: Array<keyof NfcWriteUniErrors> = ["en", "zh-Hans", "zh-Hant"];

// IUniError's own members are still there.
export function fields(err: NfcFail): [number, string, unknown, Error | null] {
  const code: NfcErrorCode = err.errCode;
  return [code, err.errMsg, err.data, err.cause];
}

// A type with a transparent variant: the codes and subject it forwards are
// in its unions, so this switch is exhaustive only with them.
export function describeSession(err: NfcSessionFail): string {
  const subject = err.errSubject as NfcSessionErrorSubject;
  switch (err.errCode) {
    case 1504901:
      return `${subject}: session closed`;
    case 1504801:
      return `${subject}: tag is locked (forwarded from the write)`;
    case 1504802:
      return `${subject}: tag is full (forwarded from the write)`;
    default: {
      const unhandled: never = err.errCode;
      return unhandled;
    }
  }
}

export const forwardedSubject: NfcSessionErrorSubject = "uni-nfc::write";
