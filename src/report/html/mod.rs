//! Self-contained HTML pages (`--format html`, `take --report`, `careerfit report`):
//! no scripts, no external files, no network. Built with maud, which escapes every
//! piece of text it is given, so quiz text cannot become markup. The class report and
//! the analysis have their own files (`class.rs`, `analysis.rs`).

pub(super) mod analysis;
pub(crate) mod class;

use super::compare::{either, rank_text};
use super::explain::Explained;
use super::{Class, View, fixed};
use crate::compare::Comparison;
use crate::result::QuizResult;
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// Self-contained web pages: a result's report, an explanation, a comparison, a
/// class report (`class.rs`) and an analysis (`analysis.rs`).
pub struct Html;

impl super::Renderer for Html {
    fn result(&self, v: &View) -> String {
        render(v)
    }
    fn explanation(&self, v: &Explained) -> String {
        explanation_page(v)
    }
    fn comparison(&self, c: &Comparison) -> String {
        comparison(c)
    }
    fn class(&self, c: &Class) -> String {
        class::render(c.quiz, c.summary, c.input, c.made)
    }
}

/// Laid out for A4 and US Letter alike: the content is narrower than both.
/// The personal pages' style sheet: the report, and the explanation and comparison
/// pages.
pub(crate) const STYLE: &str = "
@page { margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 178mm;
       margin: 0 auto; padding: 8mm 0; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 0.3mm solid #999; }
p.meta { color: #555; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 1mm 2mm; border-bottom: 0.2mm solid #ccc;
         vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
h2 { break-after: avoid; page-break-after: avoid; }
tr, li, svg, p.caution { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
table.compact { margin-top: 2mm; }
table.compact td, table.compact th { padding: 0.3mm 2mm; }
table.compact caption { text-align: left; font-weight: bold; padding: 1mm 0; }
svg text { font-family: Georgia, serif; font-size: 9px; fill: #1a1a1a; }
svg rect.track { fill: #eee; }
svg rect.bar { fill: #2f6f8f; }
.notes li, .sources li { margin-bottom: 1mm; }
div.verdict { border-left: 1.2mm solid #1f4e79; padding: 1mm 3mm; margin: 3mm 0; }
p.caution { border-left: 1.2mm solid #8a5a00; padding: 1mm 3mm; background: #fff6e0; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
";

/// An address as a link that shows itself, so that the printed page still says it;
/// only http(s) addresses become links.
pub(crate) fn link(url: &str) -> Markup {
    html! {
        @if url.starts_with("https://") || url.starts_with("http://") {
            a href=(url) { (url) }
        } @else {
            (url)
        }
    }
}

/// "2026-12-03T22:28:05Z" as a person writes it: "3 December 2026, 22:28 UTC". Text
/// of another shape is shown as it is.
pub(crate) fn human_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parsed = (|| {
        let (date, time) = iso.strip_suffix('Z')?.split_once('T')?;
        let mut parts = date.split('-');
        let year: u32 = parts.next()?.parse().ok()?;
        let month: usize = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let month = MONTHS.get(month.checked_sub(1)?)?;
        let hm = time.get(..5)?;
        Some(format!("{day} {month} {year}, {hm} UTC"))
    })();
    parsed.unwrap_or_else(|| iso.to_string())
}

fn score(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| fixed(x, 0))
}

/// One bar per trait, 0 to 100, as inline SVG.
fn chart(result: &QuizResult) -> Markup {
    let row = 16.0;
    let label = 190.0;
    let bar = 260.0;
    let height = row * result.traits.len() as f64 + 4.0;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" role="img"
            aria-label="Your trait scores from 0 to 100"
            viewBox={ "0 0 500 " (height) } width="100%" {
            @for (i, t) in result.traits.iter().enumerate() {
                @let y = i as f64 * row + 2.0;
                text x="0" y=(y + 11.0) { (t.name) }
                rect class="track" x=(label) y=(y + 2.0) width=(bar) height="10" {}
                rect class="bar" x=(label) y=(y + 2.0)
                    width=(bar * t.score.unwrap_or(0.0) / 100.0) height="10" {
                    title { (t.name) ": " (score(t.score)) }
                }
                text x=(label + bar + 8.0) y=(y + 11.0) { (score(t.score)) }
            }
        }
    }
}

/// A table's head: the first column names the rows, the others hold numbers
/// (right-aligned). Every figures table of every page starts this way.
pub(crate) fn head(first: &str, numbers: &[&str]) -> Markup {
    html! {
        thead { tr {
            th scope="col" { (first) }
            @for n in numbers { th.num scope="col" { (n) } }
        } }
    }
}

/// The answers' shares of a fit as a table: the top ones in full, or the rest as a
/// compact table with a caption.
fn answers_table<'e>(
    answers: impl Iterator<Item = &'e (&'e str, &'e str, f64, f64)>,
    rest: Option<usize>,
) -> Markup {
    html! {
        table class=[rest.map(|_| "compact")] {
            @if let Some(rest) = rest { caption { "Your other " (rest) " answers" } }
            (head("Your answer to", &["Points", "Left"]))
            tbody {
                @for (text, _, points, left) in answers {
                    tr {
                        td { (text) }
                        td.num { (fixed(*points, 1)) }
                        td.num { (fixed(*left, 1)) }
                    }
                }
            }
        }
    }
}

fn explanation(v: &Explained) -> Markup {
    let e = v.e;
    let rest = v.answers.len().saturating_sub(TOP_ANSWERS);
    html! {
        section {
            h2 { "Why " (e.title) " fits you " (fixed(e.fit, 0)) " out of 100" }
            (answers_table(v.answers.iter().take(TOP_ANSWERS), None))
            // The rest, smaller: they add little, and a page per answer wastes paper.
            @if rest > 0 {
                (answers_table(v.answers.iter().skip(TOP_ANSWERS), Some(rest)))
            }
            p { "Points: what each answer added to the fit; they add up to the fit. "
                "Left: what the top answer would have added." }
            @if !e.movers.is_empty() {
                p { "What would move you most: "
                    @for (i, m) in e.movers.iter().enumerate() {
                        @if i > 0 { "; " }
                        (m.name) " (" (fixed(m.score, 0)) " now, up to "
                        (fixed(m.gain, 1)) " points)"
                    }
                    "." }
            }
        }
    }
}

/// `explain --format html`: the explanation of one pathway as a page of its own.
pub fn explanation_page(v: &Explained) -> String {
    let (title, id, version) = v.quiz;
    let body = html! {
        h1 { (title) }
        p.meta { "Quiz " (id) ", version " (version) "." }
        (explanation(v))
    };
    page(&format!("{title}: why {} fits you", v.e.title), STYLE, body)
}

/// A whole self-contained page: no scripts, no external files; the content in one
/// `main` landmark. Every HTML page careerfit writes is made here.
pub fn page(title: &str, style: &str, body: Markup) -> String {
    document(title, html! { style { (PreEscaped(style)) } }, None, body)
}

/// Every HTML page careerfit makes, written or served: English, fitted to a phone,
/// no scripts; `styling` goes in the head (a style sheet, or `serve`'s link to one);
/// the content is the `main` landmark, after the `header` when there is one.
pub fn document(title: &str, styling: Markup, header: Option<Markup>, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                (styling)
            }
            body {
                @if let Some(header) = header { header { (header) } }
                main { (body) }
            }
        }
    }
    .into_string()
}

/// Answers shown in full in the explanation; the rest go in a compact table.
const TOP_ANSWERS: usize = 10;

/// The whole page, with the best pathway's explanation.
pub fn render(v: &View) -> String {
    page(&format!("{} — your result", v.title), STYLE, body(v))
}

/// The page's content, for pages that frame it (`serve`'s result page).
pub fn body(v: &View) -> Markup {
    let result = v.result;
    let best = v.best.as_ref().map(|b| b.entry);
    html! {
        h1 { (v.title) }
        p.meta { "Quiz " (v.quiz_id) ", version " (v.version) ". Taken "
            time datetime=(result.completed_at) { (human_date(&result.completed_at)) } "." }
        @if let Some((answer, reasons)) = &v.verdict {
            div.verdict {
                p.answer { strong { (answer) } }
                ul { @for reason in reasons { li { (reason) } } }
            }
        }
        @if let Some(caution) = &v.caution {
            p.caution { strong { (caution) } }
        }
        section {
            h2 { "Your pathways, best fit first" }
            table {
                thead { tr { th.num { "Rank" } th { "Pathway" } th.num { "Fit" } th { "Band" } } }
                tbody {
                    @for (rank, p) in result.profiles.iter().enumerate() {
                        tr {
                            td.num { (rank + 1) }
                            td { (p.title) }
                            td.num { (v.fits[rank].as_deref().unwrap_or("n/a")) }
                            td { (p.band.as_deref().unwrap_or(if p.fit.is_some() { "no band" } else { "not scored" })) }
                        }
                    }
                }
            }
        }
        @if let Some(tie) = &v.tie { p.tie { (tie) } }
        @for line in &v.out_of_reach { p { (line) } }
        section {
            h2 { "Your traits (0 to 100)" }
            (chart(result))
            @if let Some(note) = &v.forced_note { p { (note) } }
        }
        @if let Some(best) = best {
            section {
                h2 { (v.best_heading) ": " (best.title) }
                @if let Some(education) = &best.education { p { strong { "Education: " } (education) } }
                @if !best.job_titles.is_empty() {
                    p { strong { "Job titles: " } (best.job_titles.join(", ")) }
                }
                @if !best.occupations.is_empty() {
                    p { strong { "Occupations" } }
                    ul {
                        @for o in &best.occupations {
                            li { (super::occupation_facts(o)) " Today's figures: "
                                (link(&o.check_at)) }
                        }
                    }
                }
                @if !best.certifications.is_empty() {
                    p { strong { "Certifications" } }
                    ul {
                        @for c in &best.certifications {
                            li { (c.name) @if let Some(d) = &c.detail { ": " (d) } }
                        }
                    }
                }
                @if let Some(steps) = v.best.as_ref().map(|b| &b.next_steps).filter(|s| !s.is_empty()) {
                    p { strong { "Next steps" } }
                    ol { @for step in steps { li { (step) } } }
                }
            }
        } @else {
            p { "No pathway could be scored: answer at least one question." }
        }
        @if let Some(e) = &v.page_explained { (explanation(e)) }
        @if !result.warnings.is_empty() {
            section.notes {
                h2 { "Notes" }
                ul { @for w in &result.warnings { li { (w) } } }
            }
        }
        @if !v.sources.is_empty() {
            section.sources {
                h2 { "Sources" }
                ul {
                    @for s in v.sources {
                        li {
                            (s.title)
                            @if let Some(as_of) = &s.as_of { ", as of " (as_of) }
                            @if let Some(url) = &s.url { " (" (link(url)) ")" }
                            @if let Some(note) = &s.note { ". " (note) }
                        }
                    }
                }
            }
        }
    }
}

/// The comparison as a web page: the same two tables, every text escaped by maud.
pub fn comparison(c: &Comparison) -> String {
    let signed = |x: Option<f64>| x.map_or(String::new(), |x| crate::text::signed(x, 1));
    let body = html! {
        h1 { "How your result moved" }
        p.meta { "Quiz " (c.quiz) ": from " (c.old_completed_at) " (version " (c.old_version)
            ") to " (c.new_completed_at) " (version " (c.new_version) ")." }
        section {
            h2 { "Pathways" }
            table {
                caption { "Each pathway's rank and fit before and now" }
                (head("Pathway", &["Old rank", "Old fit", "New rank", "New fit", "Change"]))
                tbody {
                    @for p in &c.pathways {
                        tr {
                            th scope="row" { (p.title) }
                            td.num { (rank_text(p.old_rank)) }
                            td.num { (either(p.old_fit, 0)) }
                            td.num { (rank_text(p.new_rank)) }
                            td.num { (either(p.new_fit, 0)) }
                            td.num { (signed(p.change)) }
                        }
                    }
                }
            }
        }
        section {
            h2 { "Traits" }
            table {
                caption { "Each trait's score (0 to 100) before and now" }
                (head("Trait", &["Old", "New", "Change"]))
                tbody {
                    @for t in &c.traits {
                        tr {
                            th scope="row" { (t.name) }
                            td.num { (either(t.old, 0)) }
                            td.num { (either(t.new, 0)) }
                            td.num { (signed(t.change)) }
                        }
                    }
                }
            }
        }
        @for warning in &c.warnings {
            p { "Note: " (warning) }
        }
    };
    page(&format!("{}: how your result moved", c.quiz), STYLE, body)
}
