//! WebAssembly entry point built by Trunk. It starts nothing by itself: the page loader and
//! `embed.js` call `mountHipCheck` (src/ui/mod.rs) once the module is initialised, so the same
//! build serves the standalone page, the iframe page and any number of `<hip-check>` elements.

fn main() {
    // Referencing the export is what links the library, and its #[wasm_bindgen] exports, into
    // this binary.
    #[cfg(target_arch = "wasm32")]
    std::hint::black_box(hipcheck::ui::mount_hipcheck as fn(_, _, &str, &str));
}

// The default allocator (dlmalloc) is about 7 KB of the wasm; talc is smaller and faster there.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
