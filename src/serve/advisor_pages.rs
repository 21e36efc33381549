//! The advisor's pages as maud templates: the class view (with the caps' notices,
//! who needs a talk beside each student and by group in the class report below,
//! each finished student's result a link away, sign-in for another device and
//! sign-out), the page that asks before a delete, a new device's link, signed out.

use super::advisor::Finished;
use super::pages;
use super::posted;
use super::store::Listed;
use crate::quiz::Quiz;
use maud::{Markup, PreEscaped, html};

/// A row of the class's table.
pub struct Row {
    pub id: i64,
    pub who: String,
    pub answered: usize,
    pub finished: Option<Finished>,
    pub result_key: Option<String>,
}

pub struct Class<'a> {
    pub quiz: &'a Quiz,
    pub form_token: &'a str,
    pub open: bool,
    pub rows: &'a [Row],
    pub summary: &'a crate::batch::summary::Summary,
    pub max_students: usize,
    /// Starts refused because the class was full.
    pub refused_full: usize,
    pub starts_per_address: usize,
    /// Starts refused by the per-address quota.
    pub refused_quota: usize,
    /// The database's path, when it no longer names the file the server opened.
    pub file_replaced: Option<String>,
}

fn token(form_token: &str) -> Markup {
    html! { input type="hidden" name=(posted::TOKEN) value=(form_token); }
}

fn shell(title: &str, body: Markup) -> String {
    let banner = html! { p { strong { "careerfit serve" } " — the advisor's view" } };
    pages::shell(title, "/advisor.css", banner, body)
}

pub fn class(c: &Class) -> String {
    let quiz = c.quiz;
    let total = quiz.questions.len();
    let started = c.rows.len();
    let done = c.rows.iter().filter(|r| r.finished.is_some()).count();
    let token = token(c.form_token);
    let made = crate::report::html::human_date(&crate::result::now());
    let full = started >= c.max_students;
    let body = html! {
        h1 { "Your class: " (quiz.title) }
        p.meta { "As of " (made) ". This page does not update itself: "
            a href="/advisor" { "refresh it" } " to see new answers." }
        @if let Some(path) = &c.file_replaced {
            p.problem role="alert" #replaced {
                "Nothing is being saved: " code { (path) } " was removed or replaced while the \
                server ran, so every page students send is refused. Stop the server (Ctrl-C): \
                it copies everything it has beside that path, and says where; start it again \
                with " code { "--db" } " on the copy."
            }
        }
        @if full || c.refused_full > 0 {
            p.problem role="status" #full {
                "The class is full: " (started) " of its " (c.max_students) " places are taken"
                @if c.refused_full > 0 { ", and " (c.refused_full) " starts were refused" }
                ". To take more, stop the server and start it again with "
                code { "--max-students N" } " (the answers are kept)."
            }
        }
        @if c.refused_quota > 0 {
            p.problem role="status" #quota {
                (c.refused_quota) " starts were refused because one network had made its "
                (c.starts_per_address) " starts. Behind a school router every student shares \
                one address: start the server again with " code { "--max-starts-per-address N" }
                " above the class's size."
            }
        }
        section {
            h2 { "Students" }
            table #progress {
                caption { "Who started and who finished" }
                tbody {
                    tr { th scope="row" { "Started" } td.num #started { (started) } }
                    tr { th scope="row" { "Finished" } td.num #finished { (done) } }
                    tr { th scope="row" { "Still answering" } td.num #answering { (started - done) } }
                }
            }
            p { "The class is " strong { @if c.open { "open" } @else { "closed" } } ": "
                @if c.open { "students can start the quiz." } @else { "no one new can start; those who started can finish." } }
            form method="post" action="/advisor/class" {
                (token)
                @if c.open {
                    button type="submit" name=(posted::ACTION) value="close" { "Close the class to new students" }
                } @else {
                    button type="submit" name=(posted::ACTION) value="open" { "Open the class again" }
                }
            }
            p { "Downloads: " a href="/advisor/results.csv" { "the spreadsheet (results.csv)" }
                ", the same as " code { "careerfit score --format csv" } " on "
                a href="/advisor/export.jsonl" { "the answers (class.jsonl)" } "." }
            @if c.rows.is_empty() {
                p { "No one has started yet. Share the students' address." }
            } @else {
                // Wider than a phone: it scrolls sideways, by keyboard too.
                div.wide tabindex="0" role="region" aria-labelledby="students-caption" {
                table #students {
                    caption #students-caption { "Every student, first started first" }
                    thead { tr {
                        th scope="col" { "Student" } th scope="col" { "Answered" }
                        th scope="col" { "Answer" } th scope="col" { "Best fit" }
                        th scope="col" { "Confidence" } th scope="col" { "Talk" }
                        th scope="col" { "Result" }
                        th scope="col" { "Delete" }
                    } }
                    tbody {
                        @for r in c.rows {
                            tr {
                                td { (r.who) }
                                td.num { (r.answered) " of " (total) }
                                @if let Some(f) = &r.finished {
                                    td { (f.verdict) }
                                    td { (f.best) }
                                    td { @if f.low { strong { "low" } } @else { "normal" } }
                                    td.talk { (f.talk) }
                                } @else {
                                    td { "not finished" } td {} td {} td {}
                                }
                                td { @if let Some(key) = &r.result_key {
                                    a href=(format!("/result/{key}")) {
                                        "Full result" span.visually-hidden { " of " (r.who) }
                                    }
                                } }
                                td {
                                    a href=(format!("/advisor/students/{}/delete", r.id)) {
                                        "Delete" span.visually-hidden { " the answers of " (r.who) }
                                    }
                                }
                            }
                        }
                    }
                }
                }
            }
        }
        @if done > 0 {
            (crate::report::html::class::body(quiz, c.summary, "this class's finished students", &made))
        }
        section {
            h2 { "Your sign-in" }
            p { "Each sign-in link works once. To follow the class on another device, make \
                it a link of its own; it works once, within 10 minutes. This session ends \
                after 2 hours unused, or when you sign out." }
            form.inline method="post" action="/advisor/devices" {
                (token)
                button type="submit" name=(posted::ACTION) value="link" { "Sign in another device" }
            }
            form.inline method="post" action="/advisor/sign-out" {
                (token)
                button type="submit" name=(posted::ACTION) value="sign-out" { "Sign out" }
            }
        }
    };
    shell(&format!("Your class — {}", quiz.title), body)
}

/// The page a Delete link opens: what will be erased, and the button that does it.
pub fn confirm_delete(quiz: &Quiz, student: &Listed, who: &str, form_token: &str) -> String {
    let body = html! {
        h1 { "Delete the answers of " (who) "?" }
        p { "Their " (student_summary(quiz, student)) " will be erased from the database \
            file for good. There is no undo; if they take the quiz again, they start anew." }
        form method="post" action=(format!("/advisor/students/{}/delete", student.id)) {
            (token(form_token))
            div.actions {
                button type="submit" name=(posted::ACTION) value="delete" { "Delete " (who) " for good" }
                a href="/advisor" { "Keep them: back to the class" }
            }
        }
    };
    shell(&format!("Delete {who}? — {}", quiz.title), body)
}

fn student_summary(quiz: &Quiz, student: &Listed) -> String {
    let answered = format!("{} of {} answers", student.answered, quiz.questions.len());
    match student.result {
        Some(_) => format!("{answered}, their result, their personal code and their name"),
        None => format!("{answered}, their personal code and their name"),
    }
}

/// A new device's link, to open there (or scan): it works once, within 10 minutes.
pub fn device_link(quiz: &Quiz, link: &str) -> String {
    let qr = super::addresses::qr_svg(link);
    let body = html! {
        h1 { "Sign in another device" }
        p { "Open this link on the other device, or scan the code with its camera. It \
            works once, within 10 minutes; keep it to yourself until then." }
        p { code #device-link { (link) } }
        @if let Some(svg) = qr { div.qr role="img" aria-label="The link as a QR code" { (PreEscaped(svg)) } }
        p { a href="/advisor" { "Back to the class" } }
    };
    shell(&format!("Sign in another device — {}", quiz.title), body)
}

pub fn signed_out(quiz: &Quiz) -> String {
    let body = html! {
        h1 { "Signed out" }
        p { "This browser is no longer signed in as the advisor. To sign in again, use a \
            link made on a device that is signed in, or restart " code { "careerfit serve" }
            " for a new one." }
    };
    shell(&format!("Signed out — {}", quiz.title), body)
}
