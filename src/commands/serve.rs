//! `careerfit serve`: the quiz, served to a class's browsers until Ctrl-C or SIGTERM.

use crate::cli::ServeArgs;
use crate::error::Error;
use crate::serve::{Options, run as serve};

pub fn run(args: ServeArgs, settings: &super::Settings) -> Result<(), Error> {
    let quiz = super::load_quiz(&args.quiz)?;
    let db_is_default = args.db.is_none();
    let db = match args.db {
        Some(db) => db,
        None => default_db(&quiz.id).ok_or(Error::NoDataFolder)?,
    };
    let options = Options {
        bind: args.bind,
        port: args.port,
        db,
        db_is_default,
        tls: args.tls_cert.zip(args.tls_key),
        color: settings.stderr.color,
        public_urls: args.public_url,
        max_students: args.max_students,
        starts_per_address: args.max_starts_per_address,
        connections_per_address: args.max_connections_per_address,
    };
    serve(quiz, options, &mut std::io::stdout()).map_err(Error::Serve)
}

/// `careerfit-QUIZ.sqlite3` in the user's data folder, beside the saved progress:
/// each quiz's class has a file of its own.
fn default_db(quiz: &str) -> Option<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "careerfit")?;
    Some(dirs.data_dir().join(format!("careerfit-{quiz}.sqlite3")))
}
