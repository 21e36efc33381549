//! Definition of the command line; the `///` comments are the `--help` text.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

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
130 interrupted with Ctrl-C."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
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
    /// List the quizzes available: built-in ones and ./quizzes/*.yaml
    List,
    /// Check quiz files and report every problem with its place
    Validate {
        /// Quiz files to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct TakeArgs {
    /// A quiz file, or the id of a built-in quiz (see `careerfit list`)
    #[arg(default_value = "him-career-fit", value_name = "QUIZ")]
    pub quiz: String,

    /// Read the answers from a YAML or JSON file instead of asking ('-' reads stdin)
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Print the result as JSON on stdout instead of tables
    #[arg(long)]
    pub json: bool,

    /// Also write the JSON result to FILE (atomically, mode 0600)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace FILE given to --output if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

impl Default for TakeArgs {
    fn default() -> Self {
        TakeArgs {
            quiz: crate::quiz::builtin::DEFAULT_ID.to_string(),
            answers: None,
            json: false,
            output: None,
            force: false,
        }
    }
}
