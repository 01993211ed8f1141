//! Throughput of the whole language analysis on one thread.
//!
//!   analyze_speed [--rounds N] FILE...
//!
//! Each FILE is one text. The texts are analysed N times (default 5) with
//! `Analyzer::shipped().analyze`, then N times more stage by stage (tokenize, tag,
//! parse, NER) to show where the time goes. Words are the tokens dyad produced. Prints words/s
//! by wall clock and by this thread's CPU time, and the peak resident memory.
use dyad_nlp::ner::NerModel;
use dyad_nlp::parser::{Parser, Scratch};
use dyad_nlp::tagger::Tagger;
use dyad_nlp::{tokenize, Analyzer};
use std::time::{Duration, Instant};

fn main() {
    let mut rounds = 5usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--rounds" {
            rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or_else(|| fail("--rounds needs a number"));
        } else {
            paths.push(a);
        }
    }
    if paths.is_empty() {
        fail("usage: analyze_speed [--rounds N] FILE...");
    }
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| fail(&format!("reading {p}: {e}"))))
        .collect();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();

    let load = Instant::now();
    let analyzer = Analyzer::shipped().unwrap_or_else(|e| fail(e));
    let load_s = load.elapsed().as_secs_f64();
    println!("load_s {load_s:.3}");
    println!("rss_after_load_kib {}", status_kib("VmRSS"));

    // Warm-up pass: page in the models, count the words.
    let words_per_round: usize = texts.iter().map(|t| analyzer.analyze(t).iter().map(|s| s.tokens.len()).sum::<usize>()).sum();
    println!("texts {} chars {} words_per_round {} rounds {}", texts.len(), chars, words_per_round, rounds);

    let cpu0 = thread_cpu();
    let wall0 = Instant::now();
    let mut words = 0usize;
    for _ in 0..rounds {
        for t in &texts {
            words += analyzer.analyze(t).iter().map(|s| s.tokens.len()).sum::<usize>();
        }
    }
    let wall = wall0.elapsed().as_secs_f64();
    let cpu = (thread_cpu() - cpu0).as_secs_f64();
    println!("words {words} wall_s {wall:.3} cpu_s {cpu:.3}");
    println!("words_per_s_wall {:.0}", words as f64 / wall);
    println!("words_per_s_cpu {:.0}", words as f64 / cpu);
    println!("peak_rss_kib {}", status_kib("VmHWM"));

    stages(&texts, words_per_round, rounds);
}

/// The same analysis run stage after stage over all the texts (every text tokenized,
/// then every sentence tagged, parsed, entity-tagged), `rounds` times, so each stage is
/// timed over a long stretch: the thread CPU clock only ticks every few milliseconds.
fn stages(texts: &[String], words: usize, rounds: usize) {
    let tagger = Tagger::load_embedded().unwrap_or_else(|e| fail(&e.to_string()));
    let parser = Parser::load_embedded().unwrap_or_else(|e| fail(&e.to_string()));
    let ner = NerModel::shipped().unwrap_or_else(|e| fail(&e.to_string()));
    let mut scratch = Scratch::default();
    let mut wall = [Duration::ZERO; 4];
    let mut cpu = [Duration::ZERO; 4];
    for _ in 0..rounds {
        let mut docs = Vec::with_capacity(texts.len());
        let mut timer = Timer::start();
        for t in texts {
            docs.push(tokenize::sentences(t));
        }
        timer.lap(&mut wall[0], &mut cpu[0]);
        for s in docs.iter_mut().flatten() {
            tagger.tag(&mut s.tokens);
        }
        timer.lap(&mut wall[1], &mut cpu[1]);
        for s in docs.iter_mut().flatten() {
            parser.parse_with(&mut s.tokens, &mut scratch);
        }
        timer.lap(&mut wall[2], &mut cpu[2]);
        for s in docs.iter_mut().flatten() {
            ner.tag(s);
        }
        timer.lap(&mut wall[3], &mut cpu[3]);
    }
    let total: f64 = wall.iter().map(Duration::as_secs_f64).sum();
    let words = (words * rounds) as f64;
    for (i, name) in ["tokenize+split", "tag+lemma", "parse", "ner"].iter().enumerate() {
        let (w, c) = (wall[i].as_secs_f64(), cpu[i].as_secs_f64());
        println!(
            "stage {name:<15} wall_s {w:.3} cpu_s {c:.3} share_wall {:>5.1}% words_per_s_wall {:.0}",
            100.0 * w / total,
            words / w
        );
    }
}

/// Wall clock and thread CPU time since the last lap.
struct Timer {
    wall: Instant,
    cpu: Duration,
}

impl Timer {
    fn start() -> Self {
        Timer { wall: Instant::now(), cpu: thread_cpu() }
    }

    fn lap(&mut self, wall: &mut Duration, cpu: &mut Duration) {
        let (now, now_cpu) = (Instant::now(), thread_cpu());
        *wall += now - self.wall;
        *cpu += now_cpu.saturating_sub(self.cpu);
        self.wall = now;
        self.cpu = now_cpu;
    }
}

/// CPU time this thread has used: /proc/thread-self/schedstat (nanoseconds, though on
/// tick-accounted kernels it moves in whole ticks), else /proc/thread-self/stat (utime +
/// stime in 10 ms clock ticks).
fn thread_cpu() -> Duration {
    if let Ok(s) = std::fs::read_to_string("/proc/thread-self/schedstat") {
        if let Some(ns) = s.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()) {
            return Duration::from_nanos(ns);
        }
    }
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the ")" that closes the command name: utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest.split_whitespace().map(|x| x.parse().unwrap_or(0)).collect();
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn fail(msg: &str) -> ! {
    eprintln!("analyze_speed: {msg}");
    std::process::exit(1)
}
