//! The arguments of the two commands that read a class's rows, `score` and
//! `analyze`, and the formats they read and write.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("files").args(["output", "report"]).multiple(true)))]
pub struct ScoreArgs {
    #[command(flatten)]
    pub rows: RowsArgs,

    /// How the rows are written: jsonl (compact JSON results, one a line) or csv (a
    /// spreadsheet) [default: csv for -o FILE.csv, else jsonl]; --input-format says how
    /// INPUT is written
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<RowsFormat>,

    /// Write each row as the whole result `take --json` prints, quiz text and all
    #[arg(long)]
    pub full: bool,

    /// The language of the quiz's texts in the rows and reports written, and of the
    /// labels INPUT's answers may use (a form made with `form --lang`) [default: en;
    /// the locale is not read, since the rows are in their form's language]
    #[arg(long, value_name = "LANG", value_parser = crate::locale::parse_lang_arg)]
    pub lang: Option<crate::locale::Lang>,

    /// Write the results to FILE (atomically, mode 0600) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write the class report to FILE.html: counts, best fits, trait means and
    /// spreads, warnings by kind (atomically, mode 0600)
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Replace a FILE given to --output or --report if it exists
    #[arg(long, requires = "files")]
    pub force: bool,

    /// Stop at the first bad row instead of reporting it and going on
    #[arg(long)]
    pub strict: bool,

    /// Print the group view: how many fit each pathway best, trait means and spreads
    /// (on stderr, or on stdout when --output takes the rows); --summary=FORMAT
    /// prints it as table (the default), plain, markdown or json
    #[arg(
        long,
        value_name = "FORMAT",
        value_parser = super::formats(GROUP_FORMATS),
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "table",
        default_value_if("json", clap::builder::ArgPredicate::IsPresent, Some("json"))
    )]
    pub summary: Option<super::Format>,

    /// Print the summary as one JSON object (the same as --summary=json)
    #[arg(long)]
    pub json: bool,

    /// Threads that score rows, 1 to 64 [default: the number of cores, at most 64]
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=crate::batch::MAX_JOBS as i64)
    )]
    pub jobs: Option<u16>,
}

/// A quiz and a class's rows: what `score` and `analyze` read.
#[derive(Debug, Args)]
pub struct RowsArgs {
    /// A quiz file, or a quiz's id as `careerfit list` shows it
    #[arg(value_name = "QUIZ")]
    pub quiz: String,

    /// The respondents' rows ('-' or nothing reads stdin), or results careerfit wrote
    /// (`take --json`, `take --output`): result files, JSON Lines of results, or
    /// folders of them, as many as you like
    #[arg(value_name = "INPUT")]
    pub input: Vec<PathBuf>,

    /// How INPUT is written [default: from its extension (.csv, .tsv, .xlsx), else jsonl]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<crate::rows::Format>,

    /// The CSV delimiter: , ; or tab [default: found from the header line]
    #[arg(long, value_name = "CHAR", value_parser = delimiter)]
    pub delimiter: Option<u8>,

    /// The column that names each respondent [default: id or ID, else a non-anonymous
    /// Email or Email Address, else the row's line]
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,
}

/// `,`, `;`, `tab` (or a tab character), `|`: one byte that separates cells.
fn delimiter(value: &str) -> Result<u8, String> {
    match value {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "," | ";" | "|" => Ok(value.as_bytes()[0]),
        other => Err(format!(
            "`{other}` is not a delimiter careerfit reads; give , ; | or tab"
        )),
    }
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub rows: RowsArgs,

    /// Print the analysis as one JSON object (schema careerfit/analysis/v1)
    #[arg(long)]
    pub json: bool,

    /// Also write the analysis to FILE.json or FILE.html (atomically, mode 0600)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace FILE given to --output if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The help of each `--summary=FORMAT` value, in `Format::ALL`'s order.
const GROUP_FORMATS: [&str; 5] = [
    "Tables that fit the terminal",
    "Plain sentences, one fact a line",
    "Markdown headings and tables",
    "One JSON object (careerfit/summary/v1)",
    "The class report's page, as --report writes it",
];

/// What `score` writes, one row per respondent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RowsFormat {
    /// JSON Lines: one result object per line
    Jsonl,
    /// A spreadsheet: one row per respondent, with fits, traits and warnings
    Csv,
}
