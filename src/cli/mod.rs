//! Definition of the command line; the `///` comments are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod rows;
mod take;
pub use rows::{AnalyzeArgs, RowsArgs, RowsFormat, ScoreArgs};
pub use take::TakeArgs;

/// Find out whether a career in Health Information Management (HIM) suits you.
///
/// careerfit asks self-assessment questions, scores your answers against HIM
/// pathways (records clerk, coder, RHIT technician, RHIA administrator, ...),
/// and prints how well each fits, with job titles and certification next steps.
/// With no command it runs the built-in HIM quiz.
#[derive(Debug, Parser)]
#[command(name = "careerfit", version, max_term_width = 80)]
#[command(
    after_help = "Exit codes: 0 success, 1 I/O failure, 2 bad input or usage, \
130 interrupted with Ctrl-C, 143 stopped by SIGTERM, 129 stopped by SIGHUP."
)]
pub struct Cli {
    /// When to use colour: auto (on a terminal, unless NO_COLOR is set), always, never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

impl std::fmt::Display for ColorWhen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ColorWhen::Auto => "auto",
            ColorWhen::Always => "always",
            ColorWhen::Never => "never",
        })
    }
}

impl ColorWhen {
    /// Whether to colour a stream: `auto` colours a terminal when NO_COLOR is unset.
    pub fn for_stream(self, terminal: bool) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }

    /// The choice given on a command line, read before clap parses it, so that clap's
    /// own help and errors follow it too. The last `--color` wins, as clap's does.
    pub fn from_args(args: &[std::ffi::OsString]) -> ColorWhen {
        let mut when = ColorWhen::Auto;
        for (i, arg) in args.iter().enumerate() {
            let value = match arg.to_str() {
                Some("--color") => args.get(i + 1).and_then(|v| v.to_str()),
                Some(arg) => arg.strip_prefix("--color="),
                None => None,
            };
            when = match value {
                Some("always") => ColorWhen::Always,
                Some("never") => ColorWhen::Never,
                Some("auto") => ColorWhen::Auto,
                _ => when,
            };
        }
        when
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take a quiz: interactively, or from an answers file with --answers
    #[command(after_help = "Examples:
  careerfit take                          the HIM quiz, in the terminal
  careerfit take --json > result.json     prompts on stderr, JSON on stdout
  careerfit take --answers answers.yaml   no terminal needed
  careerfit take quizzes/my-quiz.yaml -o result.json")]
    Take(TakeArgs),
    /// Score many respondents at once from JSON Lines, CSV or a form's export (for advisors)
    #[command(after_help = "Input: JSON Lines, one respondent per line, \
{\"id\": \"r-17\", \"answers\": {...}} with answers as in an answers file; or CSV \
(a .csv file, or --input-format csv) with a header of question ids or question texts, \
an optional id column, ticked boxes as a;b;c, and empty cells for skipped questions. \
Google Forms and Microsoft Forms exports are read as they are downloaded, the \
Microsoft .xlsx too; the delimiter (, ; or tab) is found from the header.

Output: one line per row, in input order: a compact JSON result (schema \
careerfit/score-row/v1: traits, ranked pathways, confidence, warnings), the whole \
`take --json` object with --full, or a spreadsheet with --format csv or -o FILE.csv. \
A bad row keeps its place with its error, is told on stderr, and the run exits 2.

Examples:
  careerfit score him-career-fit class.csv --summary
  careerfit score him-career-fit form.xlsx -o results.csv --report class.html
  careerfit score him-career-fit answers.jsonl --full -o results.jsonl
  form-export | careerfit score him-career-fit --input-format csv > results.jsonl")]
    Score(ScoreArgs),
    /// Evidence for a quiz from a class's answers: which questions hold together,
    /// which measure nothing, and who was not really answering (for quiz authors)
    #[command(
        after_help = "Input: the same rows as `score` reads (JSON Lines or CSV).

For each trait, over the respondents who answered all its questions: Cronbach's \
alpha with its Feldt 95% interval, and per question the share missing, mean, SD, \
floor and ceiling, item-rest r and alpha if deleted, computed as R's psych::alpha \
does. Flags name what needs a look and where each threshold comes from.

Examples:
  careerfit analyze him-career-fit class.csv
  careerfit analyze him-career-fit answers.jsonl --json > analysis.json
  careerfit analyze him-career-fit answers.jsonl -o analysis.html"
    )]
    Analyze(AnalyzeArgs),
    /// Make the quiz a form: a Google Apps Script that builds the Google Form, or a
    /// plain list to build one by hand (for advisors)
    #[command(
        after_help = "The form keeps each question's text and answer labels exactly, \
so `careerfit score QUIZ RESPONSES.csv` reads its export as the form tool downloads it.

Examples:
  careerfit form > form.gs          run it at script.google.com: createForm
  careerfit form --format text      to paste into a document (Microsoft Forms)"
    )]
    Form {
        /// A quiz file, or a quiz's id as `careerfit list` shows it
        #[arg(default_value = "him-career-fit", value_name = "QUIZ")]
        quiz: String,

        /// What to print: apps-script (a Google Apps Script that makes the Google Form)
        /// or text (a numbered list of questions and answers)
        #[arg(long, value_enum, value_name = "FORMAT", default_value = "apps-script")]
        format: FormFormat,

        /// The language to speak in: en, es, ... [default: the locale's (LC_ALL,
        /// LC_MESSAGES, LANG), English where the quiz has no such translation]
        #[arg(long, value_name = "LANG", value_parser = crate::locale::parse_lang_arg)]
        lang: Option<crate::locale::Lang>,
    },
    /// Explain a saved result: where its fit comes from, without taking the quiz again
    Explain {
        /// A result written by `take --output` (or `take --json`)
        #[arg(value_name = "RESULT")]
        result: PathBuf,

        /// Explain this pathway (its id or its title) instead of the best one
        #[arg(long, value_name = "PATHWAY")]
        pathway: Option<String>,

        /// The quiz file, when it is not built in or in ./quizzes/
        #[arg(long, value_name = "QUIZ")]
        quiz: Option<String>,

        /// Print the explanation as JSON (the same as --format json)
        #[arg(long, conflicts_with = "format")]
        json: bool,

        /// How to print it: table, plain sentences, markdown, json, or html (a web page)
        #[arg(long, value_name = "FORMAT", value_parser = formats(VIEW_FORMATS))]
        format: Option<Format>,

        /// The language to speak in: en, es, ... [default: the locale's (LC_ALL,
        /// LC_MESSAGES, LANG), or the result's when the locale names none; English
        /// where the quiz has no such translation]
        #[arg(long, value_name = "LANG", value_parser = crate::locale::parse_lang_arg)]
        lang: Option<crate::locale::Lang>,
    },
    /// Compare two results of one quiz: how each trait and pathway moved
    Compare {
        /// The earlier result (written by `take --output`)
        #[arg(value_name = "OLD")]
        old: PathBuf,

        /// The later result
        #[arg(value_name = "NEW")]
        new: PathBuf,

        /// Print the comparison as JSON (the same as --format json)
        #[arg(long, conflicts_with = "format")]
        json: bool,

        /// How to print it: table, plain sentences, markdown, json, or html (a web page)
        #[arg(long, value_name = "FORMAT", value_parser = formats(VIEW_FORMATS))]
        format: Option<Format>,
    },
    /// Write the report to print (HTML) for a saved result
    Report {
        /// A result written by `take --output`
        #[arg(value_name = "RESULT")]
        result: PathBuf,

        /// The HTML file to write (atomically, mode 0600)
        #[arg(long, short = 'o', value_name = "FILE.html")]
        output: PathBuf,

        /// Replace FILE.html if it exists
        #[arg(long)]
        force: bool,

        /// The quiz file, when it is not built in or in ./quizzes/
        #[arg(long, value_name = "QUIZ")]
        quiz: Option<String>,

        /// The language to speak in: en, es, ... [default: the locale's (LC_ALL,
        /// LC_MESSAGES, LANG), or the result's when the locale names none; English
        /// where the quiz has no such translation]
        #[arg(long, value_name = "LANG", value_parser = crate::locale::parse_lang_arg)]
        lang: Option<crate::locale::Lang>,
    },
    /// Serve the quiz to a class's browsers, with a live class view for the advisor
    #[command(
        after_help = "Prints two addresses on stdout: the students' page and the \
advisor's sign-in link, which works once (a new one at every start; the advisor's page \
makes more, for other devices). Bound to all interfaces, the machine's own addresses \
and a QR code follow. Answers are kept in SQLite (--db, mode 0600); every page a \
student sends is saved before the reply. Ctrl-C or SIGTERM finishes the requests in \
flight, within 10 s, and exits 0.

Beyond a classroom network, serve over HTTPS (--tls-cert and --tls-key) or behind a \
reverse proxy that does, named with --public-url.

Examples:
  careerfit serve                               on this computer only, port 8080
  careerfit serve --bind 0.0.0.0 --port 8000    to the classroom network
  careerfit serve --db class-3b.sqlite3         a class of its own
  careerfit serve --public-url https://quiz.school.example   behind a proxy"
    )]
    Serve(ServeArgs),
    /// List the quizzes available: built-in ones and ./quizzes/*.yaml
    List,
    /// Print a shell completion script: bash, zsh, fish or powershell
    #[command(after_help = "Examples:
  source <(careerfit completions bash)      in ~/.bashrc
  careerfit completions zsh > ~/.zfunc/_careerfit
  careerfit completions fish > ~/.config/fish/completions/careerfit.fish")]
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), or write a page for every command to a folder
    #[command(after_help = "Examples:
  careerfit man | man -l -
  careerfit man --dir ~/.local/share/man/man1 && man careerfit-score")]
    Man {
        /// Write careerfit.1 and one careerfit-COMMAND.1 per command into DIR
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Check quiz files, and the translations beside them, and report every problem
    /// with its place
    #[command(
        after_help = "Each problem is printed as FILE:LINE:COLUMN: error: FIELD: MESSAGE, \
warnings the same way. Exit code 0 when every file is valid (warnings allowed), \
2 when one is invalid, 1 when one cannot be read."
    )]
    Validate {
        /// Quiz files to check (their translations NAME.LANG.yaml with them), quiz ids
        /// as `careerfit list` shows them, or translation files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,

        /// Print the problems as one JSON array on stdout, for editors and CI
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of quiz files, translation files, result files or score rows
    #[command(
        after_help = "Editors that speak the YAML language server complete and check \
a quiz file whose first line is:
  # yaml-language-server: $schema=quiz.schema.json"
    )]
    Schema {
        /// Which schema: `quiz` (the YAML quiz files), `translation` (a quiz's
        /// NAME.LANG.yaml), `result` (`take --json`) or `score-row` (a row of `score`)
        #[arg(value_enum)]
        kind: SchemaKind,
    },
}

pub use crate::report::Format;

/// The help of each `--format` value of `explain` and `compare`, in
/// `Format::ALL`'s order.
const VIEW_FORMATS: [&str; 5] = [
    "Tables drawn with box characters (the default)",
    "Plain sentences: no boxes or colour (for screen readers and plain text)",
    "Markdown tables and lists",
    "One JSON object",
    "A self-contained web page (save it with > FILE.html)",
];

/// The same for `take`.
const SUMMARY_FORMATS: [&str; 5] = [
    "Tables drawn with box characters (the default)",
    "Plain sentences: no boxes, bars or colour (the same as --plain)",
    "Markdown tables and lists",
    "The result object (the same as --json)",
    "The report to print, as one self-contained HTML page",
];

/// The `--format` values of a command that draws a view: every `Format`, each
/// with the help the command gives it (`help`, in `Format::ALL`'s order).
pub(crate) fn formats(
    help: [&'static str; 5],
) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let values = Format::ALL
        .iter()
        .zip(help)
        .map(|(format, help)| PossibleValue::new(format.name()).help(help));
    PossibleValuesParser::new(values).map(|name| {
        Format::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .expect("a possible value is a format")
    })
}

/// `--format`, or `--json` as its alias, or tables.
pub fn chosen(format: Option<Format>, json: bool) -> Format {
    match (format, json) {
        (Some(format), _) => format,
        (None, true) => Format::Json,
        (None, false) => Format::Table,
    }
}

/// What `form` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormFormat {
    /// A Google Apps Script: run at script.google.com, it makes the Google Form
    AppsScript,
    /// A numbered list of the questions and their answers, to paste by hand
    Text,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    /// Quiz files
    Quiz,
    /// A quiz's translation files (NAME.LANG.yaml beside the quiz)
    Translation,
    /// Result files written by `take --json` and `--output`
    Result,
    /// The rows `score` writes by default (one JSON object a line)
    ScoreRow,
}

/// A count of at least one, read as clap reads numbers.
fn at_least_one() -> impl clap::builder::TypedValueParser<Value = usize> {
    use clap::builder::TypedValueParser as _;
    clap::value_parser!(u32).range(1..).map(|n| n as usize)
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// A quiz file, or a quiz's id as `careerfit list` shows it
    #[arg(default_value = "him-career-fit", value_name = "QUIZ")]
    pub quiz: String,

    /// The address to listen on: 127.0.0.1 is this computer only, 0.0.0.0 every network
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: std::net::IpAddr,

    /// The port to listen on; 0 picks a free one
    #[arg(long, default_value_t = 8080, value_name = "N")]
    pub port: u16,

    /// The SQLite file that keeps the answers [default: one per quiz in the data folder,
    /// careerfit-QUIZ.sqlite3]
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// An address browsers reach the server by, such as a reverse proxy's
    /// https://quiz.school.example or a name on the school's network (repeatable): it
    /// is printed, and its Host and Origin are accepted
    #[arg(long = "public-url", value_name = "URL", value_parser = crate::serve::PublicUrl::parse)]
    pub public_url: Vec<crate::serve::PublicUrl>,

    /// The most students the class takes; past it, starts are refused
    #[arg(long, default_value_t = crate::serve::MAX_STUDENTS, value_name = "N",
          value_parser = at_least_one())]
    pub max_students: usize,

    /// The most starts from one network address (an IPv6 /64 is one); raise it behind a
    /// school router that the whole class shares
    #[arg(long, default_value_t = crate::serve::STARTS_PER_ADDRESS, value_name = "N",
          value_parser = at_least_one())]
    pub max_starts_per_address: usize,

    /// The most connections open at once from one network address; more are closed at once
    #[arg(long, default_value_t = crate::serve::CONNECTIONS_PER_ADDRESS, value_name = "N",
          value_parser = at_least_one())]
    pub max_connections_per_address: usize,

    /// Serve HTTPS with this certificate chain (PEM); needs --tls-key
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// The private key of --tls-cert (PEM)
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
}
