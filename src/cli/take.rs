//! `careerfit take`'s flags (also those of `careerfit` with no command).

use super::{Format, SUMMARY_FORMATS, formats};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("written").args(["output", "report"]).multiple(true)))]
pub struct TakeArgs {
    /// A quiz file, or a quiz's id as `careerfit list` shows it
    #[arg(default_value = "him-career-fit", value_name = "QUIZ")]
    pub quiz: String,

    /// Read the answers from a YAML or JSON file instead of asking ('-' reads stdin)
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Print the result as JSON on stdout instead of tables
    #[arg(long)]
    pub json: bool,

    /// Also write the JSON result to FILE, or into folder DIR/ as TIME.json (for a
    /// class saving into one shared folder); atomically, mode 0600
    #[arg(long, short = 'o', value_name = "FILE|DIR/")]
    pub output: Option<PathBuf>,

    /// Replace the file given to --output or --report if it exists
    #[arg(long, requires = "written")]
    pub force: bool,

    /// Also write a report to print: one self-contained HTML file (mode 0600)
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,

    /// Show where the best pathway's fit comes from, answer by answer
    #[arg(long)]
    pub explain: bool,

    /// With --explain: explain this pathway (its id or its title) instead of the best
    /// one
    #[arg(long, value_name = "PATHWAY", requires = "explain")]
    pub pathway: Option<String>,

    /// Go on with the answers saved when this quiz was last stopped part-way
    #[arg(long, conflicts_with_all = ["fresh", "answers"])]
    pub resume: bool,

    /// Discard answers saved from a quiz stopped part-way, and start again
    #[arg(long, conflicts_with = "answers")]
    pub fresh: bool,

    /// Ask the questions in a random order (scores never depend on the order)
    #[arg(long)]
    pub shuffle: bool,

    /// Print the summary as plain sentences: no boxes, bars or colour (for screen
    /// readers and plain text)
    #[arg(long, conflicts_with_all = ["json", "format"])]
    pub plain: bool,

    /// What to print: table, plain sentences, markdown (for an email or a ticket),
    /// json, or html (the report page)
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with = "json",
        value_parser = formats(SUMMARY_FORMATS)
    )]
    pub format: Option<Format>,

    /// Ask the questions in the random order this number gives, the same every time
    /// (implies --shuffle)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// The language to ask the quiz in: en, es, ... [default: the locale's (LC_ALL,
    /// LC_MESSAGES, LANG), English where the quiz has no such translation]
    #[arg(long, value_name = "LANG", value_parser = crate::locale::parse_lang_arg)]
    pub lang: Option<crate::locale::Lang>,

    /// Read a result longer than the screen in a pager ($PAGER, else `less -R`);
    /// only when stdout is a terminal (the recap stays on screen after it)
    #[arg(long, conflicts_with = "answers")]
    pub pager: bool,
}

impl Default for TakeArgs {
    fn default() -> Self {
        TakeArgs {
            quiz: crate::quiz::builtin::DEFAULT_ID.to_string(),
            answers: None,
            json: false,
            output: None,
            force: false,
            plain: false,
            format: None,
            report: None,
            explain: false,
            pathway: None,
            resume: false,
            fresh: false,
            shuffle: false,
            seed: None,
            lang: None,
            pager: false,
        }
    }
}
