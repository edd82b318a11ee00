// Must NOT type-check: 1504999 is not a code of the example plugin, so
// comparing errCode with it is TS2367 ("no overlap"), and assigning it to
// the code union is TS2322. scripts/test-ts.sh checks those are the reasons.
import type { NfcErrorCode, NfcFail } from "./nfc";

export function isBusy(err: NfcFail): boolean {
  return err.errCode === 1504999;
}

export const busy: NfcErrorCode = 1504999;
