//! Load `content/`, validate it, generate the knowledge base: a broken content file fails the
//! build with one line naming the file, the entry and the field, and the browser never ships a
//! parser for it. The work is in `src/content/`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

#[path = "src/content/codegen.rs"]
mod codegen;
#[path = "src/content/mod.rs"]
#[allow(dead_code)]
mod content;
#[path = "src/fnv1a.rs"]
mod fnv1a;
#[path = "src/vocabulary.rs"]
#[allow(dead_code)]
mod vocabulary;

fn main() {
    for path in [
        "src/content",
        "src/vocabulary.rs",
        "src/fnv1a.rs",
        "content",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let generated = content::load_dir(Path::new("content"))
        .map_err(|e| e.to_string())
        .and_then(|content| write_outputs(codegen::generate(&content), &content));
    if let Err(error) = generated {
        eprintln!("error: {error}");
        println!("cargo:warning={error}");
        std::process::exit(1);
    }
}

/// `kb.rs`, plus the results text twice: `texts.txt` for native builds and `texts-HASH.txt`,
/// named by its FNV-1a hash, which scripts/postbuild.mjs ships beside the wasm that names it;
/// and `questionnaire.json`, the FHIR R4 Questionnaire, which it ships too.
fn write_outputs(generated: codegen::Generated, content: &content::Content) -> Result<(), String> {
    let codegen::Generated {
        mut code,
        results_texts,
    } = generated;
    // Handles are u16 with the top bit marking compiled-in text.
    if results_texts.len() >= usize::from(vocabulary::COMPILED_IN) {
        return Err(format!(
            "{} results texts, more than a handle can index",
            results_texts.len()
        ));
    }
    // The browser splits the file on line breaks; one inside a text would shift every id.
    if let Some(text) = results_texts.iter().find(|t| t.contains('\n')) {
        return Err(format!(
            "content text has a line break, which results text cannot hold: {text:?}"
        ));
    }
    let body = results_texts.join("\n");
    let hash = fnv1a::fnv1a(body.as_bytes());
    let file = format!("texts-{hash:016x}.txt");
    code.push_str(&format!(
        "/// Results-only text, loaded by the browser when the person starts (see `texts`).\n\
         pub const TEXTS_FILE: &str = {file:?};\n\
         pub const TEXTS_HASH: u64 = {hash:#x};\n\
         pub const TEXTS_COUNT: usize = {};\n",
        results_texts.len()
    ));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out);
    // Files of earlier content would otherwise pile up beside the current one.
    for entry in std::fs::read_dir(out).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("texts-") && name != file {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let write = |name: &str, text: &str| {
        std::fs::write(out.join(name), text).map_err(|e| format!("{name}: {e}"))
    };
    // The FHIR R4 Questionnaire (src/content/fhir.rs), shipped beside the widget.
    let questionnaire = serde_json::to_string_pretty(&content::fhir::questionnaire(content))
        .map_err(|e| format!("questionnaire.json: {e}"))?;
    write("questionnaire.json", &questionnaire)?;
    write("kb.rs", &code)?;
    write("texts.txt", &body)?;
    write(&file, &body)
}
