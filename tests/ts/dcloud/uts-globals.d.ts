// The one HBuilderX global that `@dcloudio/uni-app-x/types/native/UniError`
// names: a UTS JSON object (an options bag here). Plain tsc has no UTS.
type UTSJSONObject = Record<string, unknown>;
