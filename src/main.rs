//! The `hipcheck` command line: the same engine as the widget, for clinicians and content editors.

#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hipcheck::engine::{assess, parse_answers};

#[cfg(target_arch = "wasm32")]
fn main() {}

const USAGE: &str = "\
hipcheck — hip-pain self-assessment engine for runners (not a diagnosis)

Usage:
  hipcheck assess [FILE|-]        read Answers JSON (docs/contract.md) from FILE or stdin,
                                  print the Assessment as JSON
  hipcheck content check [DIR]    validate the knowledge base in DIR (default: ./content)
                                  and print what it holds
  hipcheck --help                 show this help
  hipcheck --version              show the version

Exit status: 0 on success, 2 on bad input (one line on stderr naming the field), 1 on other errors.
";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] | ["--help"] | ["-h"] | ["help"] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        ["--version"] | ["-V"] => {
            println!("hipcheck {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        ["assess"] | ["assess", "-"] => run_assess(None),
        ["assess", file] => run_assess(Some(Path::new(file))),
        ["content", "check"] => run_content_check(Path::new("content")),
        ["content", "check", dir] => run_content_check(Path::new(dir)),
        _ => {
            eprintln!(
                "hipcheck: unknown command '{}' (try --help)",
                args.join(" ")
            );
            ExitCode::from(2)
        }
    }
}

fn run_assess(file: Option<&Path>) -> ExitCode {
    let input = match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map(|_| text)
                .map_err(|e| format!("stdin: {e}"))
        }
    };
    let input = match input {
        Ok(text) => text,
        Err(message) => {
            eprintln!("hipcheck: cannot read input: {message}");
            return ExitCode::from(2);
        }
    };
    let answers = match parse_answers(&input) {
        Ok(answers) => answers,
        Err(error) => {
            eprintln!(
                "hipcheck: invalid answers: {}",
                error.to_string().replace('\n', " ")
            );
            return ExitCode::from(2);
        }
    };
    match serde_json::to_string_pretty(&assess(&answers)) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("hipcheck: cannot write the assessment: {error}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run_content_check(dir: &Path) -> ExitCode {
    let dir: PathBuf = dir.to_path_buf();
    match hipcheck::content::load_dir(&dir) {
        Ok(content) => {
            println!("content OK: {}", content.summary());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("hipcheck: {error}");
            ExitCode::from(2)
        }
    }
}
