// Starts the wasm app. Kept as an external file (not Trunk's inline loader) so the page
// runs under the server's Content-Security-Policy `script-src 'self' 'wasm-unsafe-eval'`.
// Trunk writes the hashed file names into this tag's data attributes (see Trunk.toml).
const tag = document.querySelector("script[data-lens-js]");
const { default: init } = await import(tag.dataset.lensJs);
await init({ module_or_path: tag.dataset.lensWasm });
