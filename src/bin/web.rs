//! WebAssembly entry point built by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    hipcheck::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hipcheck-web is the WebAssembly entry point: build it with `trunk build`.");
    std::process::exit(1);
}
