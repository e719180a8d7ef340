//! Shared by the test binaries and the benchmark: the vignette files in a stable order, the
//! public vignettes' answers, and a scratch copy of `content/`. Each binary uses a part.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::path::{Path, PathBuf};

/// Every `*.json` file in `dir`, sorted by name.
pub fn vignette_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
}

/// Each public vignette's file name (without `.json`) and its answers, sorted by name.
pub fn public_vignettes() -> Vec<(String, hipcheck::engine::Answers)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vignettes");
    vignette_files(&dir)
        .into_iter()
        .map(|path| {
            let vignette: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let answers = hipcheck::engine::parse_answers(&vignette["answers"].to_string())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, answers)
        })
        .collect()
}

/// A fresh copy of `content/` in a temporary folder named by `tag`, to break on purpose.
pub fn copy_content(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "hipcheck-content-{}-{tag}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    copy_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content")),
        &dir,
    );
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}
