//! `careerfit analyze QUIZ [INPUT]`: a class's rows read as `score` reads them, fed to
//! the analysis one at a time, and the evidence printed and optionally saved.

use super::Settings;
use crate::analysis::Analyzer;
use crate::cli::AnalyzeArgs;
use crate::error::Error;
use crate::private_file::PrivateFile;
use crate::report;
use crate::rows::{self, row::RowReader};

pub fn run(args: AnalyzeArgs, settings: &Settings) -> Result<(), Error> {
    super::refuse_terminal_rows(&args.rows, "analyze", settings)?;
    let quiz = super::load_quiz(&args.rows.quiz)?;
    let saved = match &args.output {
        None => None,
        Some(path) => {
            let kind = match path.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("json") => report::AnalysisFormat::Json,
                Some(e) if e.eq_ignore_ascii_case("html") => report::AnalysisFormat::Html,
                _ => {
                    return Err(Error::AnalysisFile(path.clone()));
                }
            };
            Some((kind, PrivateFile::create(path, args.force)?))
        }
    };
    let (name, input, how) = super::inputs::open(&quiz, &args.rows)?;

    // Not locked for the run: a signal's handler must be able to say why it stops.
    let mut err = std::io::stderr();
    let (chunks, columns) = rows::read(&quiz, &name, input, &how, &mut err)?;
    let reader = RowReader::new(&quiz, columns);
    let mut analyzer = Analyzer::new(&quiz);
    for chunk in chunks {
        for row in reader.check(chunk?) {
            match &row.answers {
                Ok(answers) => analyzer.add(&row.id, answers),
                Err(problem) => {
                    analyzer.add_failed();
                    rows::report_row(&mut err, &name, row.line, problem).map_err(Error::output)?;
                }
            }
        }
    }
    let analysis = analyzer.finish();
    let draw = |format| report::analysis(&analysis, format, settings.stdout);
    // What -o writes, from the file's extension.
    if let Some((format, mut file)) = saved {
        file.write_all(draw(format).as_bytes())?;
        file.commit()?;
    }
    let text = draw(if args.json {
        report::AnalysisFormat::Json
    } else {
        report::AnalysisFormat::Table
    });
    super::print(&text)?;
    match analysis.rows_failed {
        0 => Ok(()),
        count => Err(Error::RowsRefused { count }),
    }
}
