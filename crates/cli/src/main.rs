//! The `dyad` command line: argument parsing and wiring; each command lives in its own
//! module under `commands/`.
mod batches;
mod commands;
mod guard;
mod logging;
mod report;
mod table;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Political event data from the news: who did what to whom, when, where, according to whom."
)]
struct Cli {
    /// No progress bar and no summary; problems are still reported on standard error.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// A knowledge table of your own (actors, people, places, verb patterns ...) that adds
    /// to or replaces the built-in entries; may be given several times (docs/knowledge.md).
    #[arg(long = "actors", value_name = "FILE", global = true)]
    actors: Vec<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print one JSON object per document (the output contract) to standard output.
    Code(commands::code::Args),
    /// Print the cleaned article body of a file.
    Text(commands::text::Args),
    /// Read, code and store documents in a database (idempotent, resumable).
    Ingest(commands::ingest::Args),
    /// List the documents stored in a database.
    Docs(commands::docs::Args),
    /// List the events stored in a database.
    Events(commands::events::Args),
    /// List who said what: speaker, description, quote.
    Quotes(commands::quotes::Args),
    /// Group articles into stories across outlets.
    Stories(commands::stories::StoriesArgs),
    /// Write a briefing on one story (Markdown, or HTML with --html).
    Brief(commands::stories::BriefArgs),
    /// Print the language analysis of a file (CoNLL-U or JSON).
    Annotate(commands::annotate::Args),
    /// Rebuild the models from the training data, printing the dev figures.
    Train(commands::train::Args),
    /// Score the models and the coder against gold data (CoNLL-U, entities, PLOVER).
    Eval(commands::eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    logging::init();
    guard::install();
    let ctx = match commands::Context::new(cli.quiet, &cli.actors) {
        Ok(ctx) => ctx,
        Err(e) => return report::exit_code(Err(e)),
    };
    let result = match cli.command {
        Command::Code(args) => commands::code::run(args, &ctx),
        Command::Text(args) => commands::text::run(args, &ctx),
        Command::Ingest(args) => commands::ingest::run(args, &ctx),
        Command::Docs(args) => commands::docs::run(args, &ctx),
        Command::Events(args) => commands::events::run(args, &ctx),
        Command::Quotes(args) => commands::quotes::run(args, &ctx),
        Command::Stories(args) => commands::stories::run_stories(args, &ctx),
        Command::Brief(args) => commands::stories::run_brief(args, &ctx),
        Command::Annotate(args) => commands::annotate::run(args, &ctx),
        Command::Train(args) => commands::train::run(args, &ctx),
        Command::Eval(args) => commands::eval::run(args, &ctx),
    };
    report::exit_code(result)
}
