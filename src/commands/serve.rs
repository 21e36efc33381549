//! `careerfit serve`: the quiz, served to a class's browsers until Ctrl-C or SIGTERM.

use crate::cli::ServeArgs;
use crate::error::Error;
use crate::serve::{Options, run as serve};

pub fn run(args: ServeArgs, settings: &super::Settings) -> Result<(), Error> {
    let quiz = super::load_quiz(&args.quiz)?;
    let db = match args.db {
        Some(db) => db,
        None => default_db().ok_or(Error::NoDataFolder)?,
    };
    let options = Options {
        bind: args.bind,
        port: args.port,
        db,
        tls: args.tls_cert.zip(args.tls_key),
        color: settings.stderr.color,
    };
    serve(quiz, options, &mut std::io::stdout()).map_err(Error::Serve)
}

/// `careerfit.sqlite3` in the user's data folder, beside the saved progress.
fn default_db() -> Option<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "careerfit")?;
    Some(dirs.data_dir().join("careerfit.sqlite3"))
}
