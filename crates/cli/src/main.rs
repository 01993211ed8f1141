//! The `dyad` command line: argument parsing and wiring, no logic of its own.
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dyad", version, about = "Political event data from the news: who did what to whom, when, where, according to whom.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print one JSON object per document (the output contract) to standard output.
    Code {
        /// Files, directories or `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Code { inputs } => {
            let mut failed = false;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for input in dyad_doc::read::discover(&inputs) {
                let input = match input {
                    Ok(i) => i,
                    Err(e) => {
                        eprintln!("dyad: {e}");
                        failed = true;
                        continue;
                    }
                };
                for raw in dyad_doc::read::read_input(&input) {
                    match raw {
                        Ok(raw) => {
                            let doc = dyad_doc::prepare(raw);
                            let coded = dyad_code::code_document(&doc);
                            let _ = writeln!(out, "{}", serde_json::to_string(&coded).unwrap());
                        }
                        Err(e) => {
                            eprintln!("dyad: {e}");
                            failed = true;
                        }
                    }
                }
            }
            if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
        }
    }
}
