//! `careerfit score ... --report class.html`: a class's results as one self-contained
//! page for the advisor, with the same rules as the personal report: no scripts, no
//! external files, every piece of text escaped by maud, a print layout, and every
//! chart's numbers in a table beside it. Its figures are the summary's
//! (`--summary --json`), so the page and the terminal never disagree.

use crate::batch::summary::Summary;
use crate::quiz::Quiz;
use crate::text::fixed;
use maud::{Markup, html};

pub(crate) const STYLE: &str = "
@page { margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 178mm;
       margin: 0 auto; padding: 8mm 4mm; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 0.3mm solid #999;
     break-after: avoid; page-break-after: avoid; }
p.meta { color: #555; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
th, td { text-align: left; padding: 1mm 2mm; border-bottom: 0.2mm solid #ccc;
         vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
div.wide { overflow-x: auto; }
th, td, caption { overflow-wrap: anywhere; }
section { break-inside: auto; }
figure { margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
svg text { font-family: Georgia, serif; font-size: 9px; fill: #1a1a1a; }
svg line.axis { stroke: #555; stroke-width: 0.6; }
svg line.spread { stroke: #1a1a1a; stroke-width: 1.2; }
svg rect.bar { fill: #2f6f8f; }
svg circle.mean { fill: #2f6f8f; stroke: #1a1a1a; stroke-width: 0.6; }
.caution { border-left: 1.2mm solid #8a1f1f; padding: 1mm 3mm; }
@media print { body { padding: 0; } }
";

/// `n (p%)` of the scored respondents.
fn share(n: usize, of: usize) -> String {
    match of {
        0 => n.to_string(),
        of => format!("{n} ({}%)", fixed(100.0 * n as f64 / of as f64, 0)),
    }
}

fn figure(x: Option<f64>) -> String {
    x.map_or("n/a".to_string(), |x| fixed(x, 1))
}

/// How many fit each pathway best, as horizontal bars, most first.
fn best_fit_chart(summary: &Summary, quiz: &Quiz) -> Markup {
    let mut pathways = summary.pathways(quiz);
    pathways.sort_by_key(|p| std::cmp::Reverse(p.best_fit));
    let most = pathways
        .iter()
        .map(|p| p.best_fit)
        .max()
        .unwrap_or(0)
        .max(1);
    let row = 18.0;
    let label = 235.0;
    let room = 220.0;
    let height = row * pathways.len() as f64 + 4.0;
    let description = format!(
        "Bar chart: how many of the {} scored respondents fit each pathway best, from {} \
         ({}) down; the numbers are in the table below.",
        summary.scored,
        pathways.first().map_or("", |p| p.title),
        pathways.first().map_or(0, |p| p.best_fit),
    );
    html! {
        svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(description)
            viewBox={ "0 0 500 " (height) } width="100%" {
            @for (i, p) in pathways.iter().enumerate() {
                @let y = i as f64 * row + 2.0;
                text x="0" y=(y + 11.0) { (crate::text::shorten(p.title, 46)) }
                rect.bar x=(label) y=(y + 2.0)
                    width=(room * p.best_fit as f64 / most as f64) height="11" {}
                text x=(label + room * p.best_fit as f64 / most as f64 + 4.0) y=(y + 11.0) {
                    (p.best_fit)
                }
            }
        }
    }
}

/// Each trait's mean as a dot, its spread (one standard deviation either side) as a
/// line, on a scale of 0 to 100.
fn trait_chart(summary: &Summary, quiz: &Quiz) -> Markup {
    let traits = summary.traits(quiz);
    let row = 16.0;
    let label = 200.0;
    let room = 280.0;
    let x = |v: f64| label + v.clamp(0.0, 100.0) / 100.0 * room;
    let height = row * traits.len() as f64 + 18.0;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" role="img"
            aria-label="Dot chart: each trait's mean score from 0 to 100, as a dot, with a line \
                one standard deviation either side; the numbers are in the table below."
            viewBox={ "0 0 500 " (height) } width="100%" {
            @for (i, t) in traits.iter().enumerate() {
                @let y = i as f64 * row + 2.0;
                text x="0" y=(y + 10.0) { (crate::text::shorten(t.name, 38)) }
                @if let (Some(mean), Some(spread)) = (t.mean, t.spread) {
                    line.spread x1=(x(mean - spread)) y1=(y + 7.0)
                        x2=(x(mean + spread)) y2=(y + 7.0) {}
                    circle.mean cx=(x(mean)) cy=(y + 7.0) r="3.5" {}
                }
            }
            @let axis = height - 14.0;
            line.axis x1=(x(0.0)) y1=(axis) x2=(x(100.0)) y2=(axis) {}
            @for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
                text x=(x(tick) - 4.0) y=(height - 3.0) { (tick) }
            }
        }
    }
}

/// The whole page. `input` names where the rows came from; `made` is when.
pub fn render(quiz: &Quiz, summary: &Summary, input: &str, made: &str) -> String {
    let body = body(quiz, summary, input, made);
    super::page(&format!("{} — class report", quiz.title), STYLE, body)
}

/// The page's content, for pages that frame it (`serve`'s advisor page).
pub fn body(quiz: &Quiz, summary: &Summary, input: &str, made: &str) -> Markup {
    let pathways = {
        let mut p = summary.pathways(quiz);
        p.sort_by_key(|p| std::cmp::Reverse(p.best_fit));
        p
    };
    let warnings = summary.warnings();
    let talk = crate::report::class::talk(summary, quiz);
    let split = quiz.verdict.is_some();
    html! {
        h1 { "Class report: " (quiz.title) }
        p.meta { "Quiz " (quiz.id) ", version " (quiz.version) ". Rows from " (input)
            ", scored " (made) "." }
        section {
            h2 { "Respondents" }
            table #counts {
                caption { "How many rows were scored" }
                tbody {
                    tr { th scope="row" { "Scored" } td.num #scored { (summary.scored) } }
                    tr { th scope="row" { "Could not be scored (bad rows)" }
                        td.num #failed { (summary.failed) } }
                    tr { th scope="row" { "Scored, with low confidence" }
                        td.num #low-confidence { (summary.low_confidence) } }
                }
            }
            @if let Some(counts) = summary.verdict_counts(quiz) {
                table #verdicts {
                    caption { "The quiz's answer to its question: " (quiz.title) }
                    tbody {
                        @for (answer, n) in &counts {
                            tr { th scope="row" { (answer.as_str().replace('_', " ")) }
                                td.num { (n) } }
                        }
                    }
                }
            }
            @if !summary.repeated.is_empty() {
                table #repeated-ids {
                    caption { "Respondents who appear more than once (every row is counted)" }
                    thead { tr { th scope="col" { "Respondent" } th scope="col" { "Lines" } } }
                    tbody {
                        @for (id, lines) in &summary.repeated {
                            tr {
                                td { (crate::text::escape_controls(id)) }
                                td { (lines.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")) }
                            }
                        }
                    }
                }
            }
            @if summary.low_confidence > 0 {
                p.caution { "A result with low confidence may not describe the person: talk it \
                    through with them before relying on it. The warnings below say why." }
            }
        }
        @if !talk.is_empty() {
            section #talk {
                h2 { "Talk these through first" }
                p { "Each group names its respondents by id and line. One who is in two \
                    groups (a result with low confidence is also unclear) is named in the \
                    first, which says so, and counted in the other." }
                @for group in &talk {
                    table id=(format!("{}-respondents", group.group.cell().replace('_', "-"))) {
                        caption { (group.heading) }
                        thead { tr { th scope="col" { "Respondent" } th scope="col" { "Why" } } }
                        tbody {
                            @for (who, why) in &group.entries {
                                tr { th scope="row" { (who) } td { (why) } }
                            }
                        }
                    }
                }
            }
        }
        section {
            h2 { "Best fit" }
            p { "How many respondents fit each pathway best. A best fit is a starting point \
                for a conversation, not a verdict." }
            figure {
                (best_fit_chart(summary, quiz))
                figcaption { "Respondents by best-fitting pathway; the table gives the numbers." }
            }
            // A phone is narrower than four columns: the table scrolls, by keyboard
            // too, and the page does not.
            div.wide tabindex="0" role="region" aria-label="Best fit by pathway (scrolls)" {
                table #best-fit {
                    caption { "Best fit by pathway" }
                    @if split {
                        thead { tr {
                            th scope="col" { "Pathway" }
                            th.num scope="col" { "Best fit for" }
                            th scope="col" { "By the quiz's answer" }
                            th.num scope="col" { "Mean fit (0 to 100)" }
                        } }
                    } @else {
                        (super::head("Pathway", &["Best fit for", "Mean fit (0 to 100)"]))
                    }
                    tbody {
                        @for p in &pathways {
                            tr data-pathway=(p.id) {
                                th scope="row" { (p.title) }
                                td.num data-count=(p.best_fit) { (share(p.best_fit, summary.scored)) }
                                @if let Some(split) = crate::report::class::by_answer(quiz, p) {
                                    td.by-answer { (split) }
                                }
                                td.num { (figure(p.mean_fit)) }
                            }
                        }
                    }
                }
            }
        }
        section {
            h2 { "Traits" }
            p { "Each trait's mean score over the respondents who answered its questions, \
                and its spread: the standard deviation, how far people's scores lie from the \
                mean." }
            figure {
                (trait_chart(summary, quiz))
                figcaption { "Mean (dot) and one standard deviation either side (line) of \
                    each trait; the table gives the numbers." }
            }
            table #traits {
                caption { "Trait means and spreads" }
                (super::head("Trait", &["Mean", "Spread (SD)", "Assessed"]))
                tbody {
                    @for t in summary.traits(quiz) {
                        tr data-trait=(t.id) {
                            th scope="row" { (t.name) }
                            td.num { (figure(t.mean)) }
                            td.num { (figure(t.spread)) }
                            td.num { (t.assessed) }
                        }
                    }
                }
            }
        }
        section {
            h2 { "Warnings by kind" }
            @if warnings.is_empty() {
                p { "No result carries a warning." }
            } @else {
                table #warnings {
                    caption { "How many respondents' results carry each kind of warning" }
                    thead { tr {
                        th scope="col" { "Kind" }
                        th scope="col" { "The respondent…" }
                        th.num scope="col" { "Respondents" }
                    } }
                    tbody {
                        @for (code, n) in &warnings {
                            tr data-code=(code) {
                                th scope="row" { (code) }
                                td { (crate::trust::meaning(code)) }
                                td.num data-count=(n) { (share(*n, summary.scored)) }
                            }
                        }
                    }
                }
            }
        }
    }
}
