use proc_macro::TokenStream; #[proc_macro_derive(UniError, attributes(subject, errno, msg, source, from, data, uni))] pub fn derive(_i: TokenStream) -> TokenStream { TokenStream::new() }
