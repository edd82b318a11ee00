fn main() {
    // Node's symbols are resolved when the addon is loaded (napi-build sets
    // the linker flags each platform needs for that).
    napi_build::setup();
}
