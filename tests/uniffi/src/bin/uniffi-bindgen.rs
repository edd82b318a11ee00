//! uniffi's bindings generator, at the library's uniffi version.
fn main() {
    uniffi::uniffi_bindgen_main()
}
