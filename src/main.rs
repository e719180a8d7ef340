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
  hipcheck fhir [FILE|-]          read Answers JSON from FILE or stdin, print a FHIR R4
                                  QuestionnaireResponse with the result (docs/contract.md)
  hipcheck fhir questionnaire     print the FHIR R4 Questionnaire it answers
  hipcheck handoff [FILE|-]       read Answers JSON, print what the result screen hands to its
                                  hand-off module: the saved record and the result lines (JSON)
  hipcheck content check [DIR]    validate the knowledge base in DIR (default: ./content)
                                  in every language, and print what it holds
  hipcheck content strings        every wording string of ./content (with --lang, that
                                  language's), one per line
  hipcheck content languages      the languages built, English first, one per line
  hipcheck content figures        every exercise's figure as the build draws it (JSON), for
                                  scripts/exercise-sheet.mjs
  hipcheck content pseudo CODE DIR   write DIR/CODE/: every wording string of DIR in brackets,
                                  a test language that shows what would still be English
  hipcheck content ui-words       the page's and the hand-off module's words in every
                                  language (content/ui.toml) and the ids and codes the module
                                  shares with the engine, as the build ships them (JSON)
  --lang ID                       with any command: the wording in ID (en, es); ids, levels
                                  and scores are the same in every language
  hipcheck --help                 show this help
  hipcheck --version              show the version

Exit status: 0 on success, 2 on bad input (one line on stderr naming the field), 1 on other errors.
";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    // `--lang ID` anywhere: the wording of the output (ids and levels are the same in every
    // language).
    if let Some(at) = args.iter().position(|a| *a == "--lang") {
        let Some(lang) = args.get(at + 1).copied() else {
            eprintln!("hipcheck: --lang needs a language ({})", languages());
            return ExitCode::from(2);
        };
        if !hipcheck::kb::set_language(lang) {
            eprintln!("hipcheck: --lang {lang}: not one of {}", languages());
            return ExitCode::from(2);
        }
        args.drain(at..at + 2);
    }
    match args.as_slice() {
        [] | ["--help"] | ["-h"] | ["help"] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        ["--version"] | ["-V"] => {
            println!("hipcheck {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        ["assess"] | ["assess", "-"] => run_assess(None, Output::Assessment),
        ["assess", file] => run_assess(Some(Path::new(file)), Output::Assessment),
        ["fhir", "questionnaire"] => run_questionnaire(),
        ["fhir"] | ["fhir", "-"] => run_assess(None, Output::Fhir),
        ["fhir", file] => run_assess(Some(Path::new(file)), Output::Fhir),
        ["handoff"] | ["handoff", "-"] => run_assess(None, Output::Handoff),
        ["handoff", file] => run_assess(Some(Path::new(file)), Output::Handoff),
        ["content", "strings"] => run_content_strings(),
        ["content", "ui-words"] => run_ui_words(),
        ["content", "pseudo", code, dir] => {
            match hipcheck::content::write_pseudo_language(Path::new(dir), code) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("hipcheck: {error}");
                    ExitCode::from(2)
                }
            }
        }
        ["content", "figures"] => run_content_figures(),
        ["content", "languages"] => {
            println!("{}", built_languages().join("\n"));
            ExitCode::SUCCESS
        }
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

/// What `run_assess` prints: the contract's Assessment, or a FHIR QuestionnaireResponse.
#[derive(Clone, Copy, PartialEq)]
enum Output {
    Assessment,
    Fhir,
    Handoff,
}

#[cfg(not(target_arch = "wasm32"))]
fn run_ui_words() -> ExitCode {
    let mut all = serde_json::Map::new();
    for lang in built_languages() {
        match hipcheck::content::ui_words(Path::new("content"), lang) {
            Ok(ui) => all.insert(lang.to_string(), ui.for_scripts()),
            Err(error) => {
                eprintln!("hipcheck: {error}");
                return ExitCode::from(2);
            }
        };
    }
    print_json(&serde_json::json!({
        "languages": all,
        "vocabulary": hipcheck::content::fhir::handoff_vocabulary(),
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn run_questionnaire() -> ExitCode {
    match hipcheck::content::load_dir(Path::new("content")) {
        Ok(content) => print_json(&hipcheck::content::fhir::questionnaire(&content)),
        Err(error) => {
            eprintln!("hipcheck: {error}");
            ExitCode::from(2)
        }
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("hipcheck: cannot write the output: {error}");
            ExitCode::from(1)
        }
    }
}

fn run_assess(file: Option<&Path>, output: Output) -> ExitCode {
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
    let result = assess(&answers);
    match output {
        Output::Assessment => print_json(&result),
        #[cfg(not(target_arch = "wasm32"))]
        Output::Fhir => print_json(&hipcheck::fhir::questionnaire_response(&answers, &result)),
        #[cfg(target_arch = "wasm32")]
        Output::Fhir => ExitCode::from(1),
        #[cfg(target_arch = "wasm32")]
        Output::Handoff => ExitCode::from(1),
        #[cfg(not(target_arch = "wasm32"))]
        Output::Handoff => {
            let saved = hipcheck::record::Saved {
                schema: hipcheck::record::SAVED_SCHEMA,
                step: hipcheck::record::Step::Results,
                answers,
            };
            print_json(&serde_json::json!({
                "record": hipcheck::record::encode(&saved),
                "result": hipcheck::handoff::result_lines(&result),
            }))
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn languages() -> String {
    built_languages().join(", ")
}

/// The languages this command was built with (build.rs found them in the content directory).
#[cfg(not(target_arch = "wasm32"))]
fn built_languages() -> Vec<&'static str> {
    hipcheck::kb::LANGUAGES.iter().map(|l| l.id).collect()
}

/// The content's wording in the current language (`--lang`), one string per line.
#[cfg(not(target_arch = "wasm32"))]
fn run_content_strings() -> ExitCode {
    match hipcheck::content::wording(Path::new("content"), hipcheck::kb::language()) {
        Ok(strings) => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) ends the list quietly.
            let _ = strings.iter().try_for_each(|s| writeln!(out, "{s}"));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("hipcheck: {error}");
            ExitCode::from(2)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn run_content_strings() -> ExitCode {
    ExitCode::from(1)
}

/// Every exercise's figure as the build draws it (`content::figure`), in the current language,
/// for the contact sheet (scripts/exercise-sheet.mjs).
#[cfg(not(target_arch = "wasm32"))]
fn run_content_figures() -> ExitCode {
    match hipcheck::content::load_dir_in(Path::new("content"), hipcheck::kb::language()) {
        Ok(content) => {
            let figures: Vec<serde_json::Value> = content
                .exercises
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "id": e.id,
                        "name": e.name,
                        "steps": e.steps.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
                        "description": e.pose.description,
                        "drawing": hipcheck::content::figure::drawing(&e.pose),
                    })
                })
                .collect();
            print_json(&serde_json::Value::Array(figures));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("hipcheck: {error}");
            ExitCode::from(2)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn run_content_figures() -> ExitCode {
    ExitCode::from(1)
}

/// Every language: the English content, and each `content/<lang>/` laid over it.
#[cfg(not(target_arch = "wasm32"))]
fn run_content_check(dir: &Path) -> ExitCode {
    let dir: PathBuf = dir.to_path_buf();
    let languages = match hipcheck::content::lang::languages(&dir) {
        Ok(languages) => languages,
        Err(error) => {
            eprintln!("hipcheck: {error}");
            return ExitCode::from(2);
        }
    };
    for lang in languages {
        match hipcheck::content::load_dir_in(&dir, lang) {
            Ok(content) => println!("content OK ({lang}): {}", content.summary()),
            Err(error) => {
                eprintln!("hipcheck: {error}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
