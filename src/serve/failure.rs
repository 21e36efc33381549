//! What a handler could not do, as the page that says so: a status, a title, what
//! to do, never a stack trace; each page a few lines, whatever was sent.

use super::store::StoreError;
use super::{pages, security};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// What a handler could not do.
pub(crate) enum Failure {
    Store(StoreError),
    /// A POST without its form token, or from another site.
    Forbidden,
    /// Over the allowance of this route (see `security::Limits`).
    TooMany(security::Limit),
    NotFound,
    /// An advisor page without the advisor's session.
    NotAdvisor,
    /// A sign-in link used before.
    LinkUsed,
    /// A sign-in link for another device, not used in time.
    LinkExpired,
    /// A Host this server is not reached by.
    OtherHost,
    /// A body larger than any form's.
    TooLarge,
    /// The class has `--max-students` students.
    ClassFull(usize),
    /// This address made its `--max-starts-per-address` starts.
    StartQuota(usize),
    Internal(String),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let (status, title, text, link) = match self {
            Failure::Store(e) => {
                tracing::error!("storage failed: {e}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Not saved",
                    "The server could not save or read the answers just now, so nothing \
                     from this page was saved. Go back and send it again; if it keeps \
                     happening, tell your advisor.",
                    None,
                )
            }
            Failure::Internal(e) => {
                tracing::error!("{e}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    "The server could not make this page. Tell your advisor.",
                    None,
                )
            }
            Failure::Forbidden => (
                StatusCode::FORBIDDEN,
                "Form not accepted",
                "This form is out of date, or it came from another site, so nothing was \
                 saved. Open the quiz again from its start page and send the page again.",
                Some(("/", "The start page")),
            ),
            Failure::TooMany(security::Limit::Session) => (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many pages at once",
                "This browser sent pages faster than anyone answers them, so the last one \
                 was not saved. Wait a minute, then go back and send it again.",
                None,
            ),
            Failure::TooMany(security::Limit::Start | security::Limit::Resume) => (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many at once from this network",
                "More students started or came back from this network in the last minutes \
                 than the server takes at once, so this one was not. Wait a minute, then go \
                 back and send it again.",
                None,
            ),
            Failure::TooMany(security::Limit::FailedLogin) => (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many sign-in links that did not work",
                "This network tried more sign-in links that are not this server's than it \
                 may. Wait a minute; a link that works is never held back.",
                None,
            ),
            Failure::NotFound => (
                StatusCode::NOT_FOUND,
                "Page not found",
                "There is no page at this address. Results have long addresses: check that \
                 the whole address was copied.",
                Some(("/", "The start page")),
            ),
            Failure::NotAdvisor => (
                StatusCode::UNAUTHORIZED,
                "For the advisor only",
                "This page is for the class's advisor. Open the advisor address that \
                 `careerfit serve` printed when it started (it works once, and changes at \
                 every start), or a link made with \"Sign in another device\". A session \
                 unused for 2 hours has ended: sign in again.",
                None,
            ),
            Failure::LinkUsed => (
                StatusCode::UNAUTHORIZED,
                "This sign-in link was used already",
                "Each sign-in link works once, so that one found later in a browser's \
                 history, a projected terminal or a proxy's log lets no one in. On a device \
                 that is signed in, use \"Sign in another device\" on the advisor's page \
                 for a new link; or restart `careerfit serve`, which prints a new one.",
                None,
            ),
            Failure::LinkExpired => (
                StatusCode::UNAUTHORIZED,
                "This sign-in link has expired",
                "A link made for another device works for 10 minutes. Make a new one with \
                 \"Sign in another device\" on the advisor's page.",
                None,
            ),
            Failure::OtherHost => (
                StatusCode::MISDIRECTED_REQUEST,
                "Not this server's address",
                "This server answers only at the addresses it printed when it started \
                 (and those given with --public-url). Open one of those.",
                None,
            ),
            Failure::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "Too much sent",
                "This page sent far more than any form of the quiz, so none of it was \
                 read or saved. Go back, reload the page and send it again.",
                None,
            ),
            Failure::ClassFull(max) => {
                let text = format!(
                    "This class has its {max} places taken, so no one new can start. Tell \
                     your advisor. If you started before, go on with your personal code."
                );
                let page = pages::message(
                    "This class is full",
                    "/style.css",
                    &text,
                    Some(("/", "The start page")),
                );
                return (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response();
            }
            Failure::StartQuota(quota) => {
                let text = format!(
                    "{quota} students have started from this network already, which is as \
                     many as one network may start, so no one new can start from it. Tell \
                     your advisor. If you started before, go on with your personal code."
                );
                let page = pages::message(
                    "No more starts from this network",
                    "/style.css",
                    &text,
                    Some(("/", "The start page")),
                );
                return (StatusCode::TOO_MANY_REQUESTS, Html(page)).into_response();
            }
        };
        let css = "/style.css";
        (status, Html(pages::message(title, css, text, link))).into_response()
    }
}
