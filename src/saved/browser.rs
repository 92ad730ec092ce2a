//! The browser APIs "Open saved" and "Export" need: a dropped or chosen file's text, a download
//! of generated text (Blob + object URL), the clipboard, and the page address.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The text of a file the user dropped or chose (read locally; nothing is uploaded).
///
/// # Errors
/// A sentence saying the file could not be read (e.g. it is not text).
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let name = file.name();
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("The file {name} could not be read as text."))
}

/// Offer `text` as a download named `name`.
///
/// # Errors
/// A sentence when the browser refused to build the file.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_: JsValue| format!("The browser could not create {name}.");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| format!("The browser could not create {name}."))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The download has started from the URL; free it once the browser has taken it.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}

/// Copy `text`; false when the browser refused (no permission, insecure context).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// The page's address (only its origin is ever used for links).
#[must_use]
pub fn location_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}
