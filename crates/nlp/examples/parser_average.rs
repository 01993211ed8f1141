//! Averages the weights of parser models trained with different seeds into one
//! model ([`Parser::averaged`]) and writes it.
//!
//! cargo run --release -p dyad-nlp --example parser_average -- OUT MODEL MODEL...
use dyad_nlp::parser::Parser;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, models) = args.split_first().ok_or("usage: parser_average OUT MODEL MODEL...")?;
    let parsers = models
        .iter()
        .map(|m| Parser::load(std::fs::File::open(m).map_err(|e| format!("{m}: {e}"))?).map_err(|e| format!("{m}: {e}").into()))
        .collect::<Result<Vec<_>, Box<dyn std::error::Error>>>()?;
    let avg = Parser::averaged(&parsers)?;
    avg.save(std::fs::File::create(out)?)?;
    println!("{out}: rows {:?} from {:?}", avg.n_features(), parsers.iter().map(|p| p.n_features()).collect::<Vec<_>>());
    Ok(())
}
