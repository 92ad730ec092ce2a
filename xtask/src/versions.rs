//! Tool versions the build is known to work with.
//! A test below keeps them in step with `Trunk.toml`, `Cargo.lock` and the e2e package.

/// Newest trunk that builds on rustc 1.95 (0.22 needs 1.96).
pub const TRUNK: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate pinned `=0.2.130` in Cargo.toml/Cargo.lock.
pub const WASM_BINDGEN: &str = "0.2.130";
/// binaryen's wasm-opt from npm; Debian's 108 breaks the bundle.
pub const WASM_OPT: u32 = 132;
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn repo_file(rel: &str) -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        std::fs::read_to_string(root.join(rel)).unwrap_or_default()
    }

    #[test]
    fn trunk_toml_pins_the_same_tools() {
        let trunk = repo_file("Trunk.toml");
        assert!(
            trunk.contains(&format!("wasm_bindgen = \"{WASM_BINDGEN}\"")),
            "Trunk.toml [tools] wasm_bindgen"
        );
        assert!(
            trunk.contains(&format!("wasm_opt = \"version_{WASM_OPT}\"")),
            "Trunk.toml [tools] wasm_opt"
        );
    }

    #[test]
    fn cargo_lock_has_the_cli_version_of_wasm_bindgen() {
        let lock = repo_file("Cargo.lock");
        let needle = format!("name = \"wasm-bindgen\"\nversion = \"{WASM_BINDGEN}\"");
        assert!(
            lock.contains(&needle),
            "Cargo.lock must resolve wasm-bindgen {WASM_BINDGEN}"
        );
    }

    #[test]
    fn e2e_package_pins_binaryen() {
        let pkg = repo_file("tests/e2e/package.json");
        assert!(
            pkg.contains(&format!("\"binaryen\": \"{WASM_OPT}.")),
            "tests/e2e/package.json binaryen"
        );
    }
}
