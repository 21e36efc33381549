//! `careerfit analyze -o analysis.html`: the evidence as one self-contained page, with
//! the same rules as the personal report: no scripts, no external files, every piece
//! of text escaped by maud, each chart's numbers in a table beside it.

use crate::analysis::{Analysis, FLAG_LEGEND, TraitAnalysis, threshold};
use maud::{Markup, html};

const STYLE: &str = "
@page { margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 178mm;
       margin: 0 auto; padding: 8mm 0; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 0.3mm solid #999;
     break-after: avoid; page-break-after: avoid; }
p.meta { color: #555; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
th, td { text-align: left; padding: 1mm 2mm; border-bottom: 0.2mm solid #ccc;
         vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
figure { margin: 2mm 0; break-inside: avoid; page-break-inside: avoid; }
svg text { font-family: Georgia, serif; font-size: 9px; fill: #1a1a1a; }
svg line.axis { stroke: #555; stroke-width: 0.6; }
svg line.cut { stroke: #a33; stroke-width: 1; stroke-dasharray: 3 2; }
svg rect.bar { fill: #2f6f8f; }
svg rect.weak { fill: #a33; }
.flag { color: #8a1f1f; }
@media print { body { padding: 0; } }
";

fn decimal(x: Option<f64>) -> String {
    crate::report::analysis::decimal(x, "n/a")
}

fn percent(x: Option<f64>) -> String {
    crate::report::analysis::percent(x, "n/a")
}

/// Each question's item-rest r as a bar from 0 (scale −1 to 1), with the .30 line.
fn chart(t: &TraitAnalysis) -> Markup {
    let row = 16.0;
    let label = 170.0;
    let half = 130.0;
    let zero = label + half;
    let x = |r: f64| zero + r.clamp(-1.0, 1.0) * half;
    let height = row * t.items.len() as f64 + 16.0;
    let description = format!(
        "Item-rest correlation of each question of {}, from −1 to 1, against the line at {:.2}; \
         the numbers are in the table below.",
        t.name,
        threshold::ITEM_REST_LOW
    );
    html! {
        svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(description)
            viewBox={ "0 0 500 " (height) } width="100%" {
            line.axis x1=(zero) y1="0" x2=(zero) y2=(height - 14.0) {}
            text x=(x(threshold::ITEM_REST_LOW) - 8.0) y=(height - 3.0) { ".30" }
            text x=(zero - 3.0) y=(height - 3.0) { "0" }
            @for (i, item) in t.items.iter().enumerate() {
                @let y = i as f64 * row + 2.0;
                @let r = item.item_rest_r.unwrap_or(0.0);
                text x="0" y=(y + 10.0) { (item.question) }
                rect class=(if r < threshold::ITEM_REST_LOW { "weak" } else { "bar" })
                    x=(x(r.min(0.0))) y=(y + 2.0) width=((x(r) - zero).abs()) height="10" {}
                text x="465" y=(y + 10.0) { (decimal(item.item_rest_r)) }
            }
            // Drawn after the bars, so that they do not hide it.
            line.cut x1=(x(threshold::ITEM_REST_LOW)) y1="0"
                x2=(x(threshold::ITEM_REST_LOW)) y2=(height - 14.0) {}
        }
    }
}

fn trait_section(t: &TraitAnalysis) -> Markup {
    html! {
        section {
            h2 { (t.name) " (" (t.id) ")" }
            p {
                "Alpha " (decimal(t.alpha))
                @if let Some([low, high]) = t.alpha_ci95 {
                    " (95% interval " (super::fixed(low, 2)) " to " (super::fixed(high, 2)) ")"
                }
                ", over " (t.complete) " respondents who answered all " (t.questions) " questions."
                @if !t.flags.is_empty() { " " span.flag { "Flags: " (t.flags.join(", ")) "." } }
            }
            figure {
                (chart(t))
                figcaption { "Item-rest r of each question; the dashed line marks .30." }
            }
            table {
                caption { "Questions of " (t.name) }
                thead { tr {
                    th scope="col" { "Question" }
                    th.num scope="col" { "Answered" }
                    th.num scope="col" { "Missing" }
                    th.num scope="col" { "Mean" }
                    th.num scope="col" { "SD" }
                    th.num scope="col" { "Floor" }
                    th.num scope="col" { "Ceiling" }
                    th.num scope="col" { "Item-rest r" }
                    th.num scope="col" { "Alpha if deleted" }
                    th scope="col" { "Flags" }
                } }
                tbody {
                    @for item in &t.items {
                        tr {
                            th scope="row" { (item.question) }
                            td.num { (item.answered) }
                            td.num { (percent(Some(item.missing))) }
                            td.num { (decimal(item.mean)) }
                            td.num { (decimal(item.sd)) }
                            td.num { (percent(item.floor)) }
                            td.num { (percent(item.ceiling)) }
                            td.num { (decimal(item.item_rest_r)) }
                            td.num { (decimal(item.alpha_if_deleted)) }
                            td { (item.flags.join(", ")) }
                        }
                    }
                }
            }
        }
    }
}

pub fn render(analysis: &Analysis) -> String {
    let quiz = &analysis.quiz;
    let used = crate::report::analysis::used_flags(analysis);
    let body = html! {
        h1 { "Evidence for " (quiz.title) }
        p.meta { "Quiz " (quiz.id) ", version " (quiz.version) ". "
            (analysis.respondents) " respondents, " (analysis.rows_failed)
            " rows failed." }
        @if let Some(line) = crate::report::analysis::left_out(analysis) { p { (line) } }
        @for t in &analysis.traits { (trait_section(t)) }
        section {
            h2 { "Respondents who may not have been really answering" }
            @if analysis.respondent_flags.is_empty() {
                p { "None was flagged." }
            } @else {
                table {
                    thead { tr { th scope="col" { "Respondent" } th scope="col" { "Flags" } } }
                    tbody {
                        @for r in &analysis.respondent_flags {
                            tr {
                                td { (match &r.id { serde_json::Value::String(s) => s.clone(), other => other.to_string() }) }
                                td { (r.flags.join(", ")) }
                            }
                        }
                    }
                }
            }
        }
        @if !used.is_empty() {
            section {
                h2 { "What the flags mean" }
                dl {
                    @for (flag, meaning) in FLAG_LEGEND.iter().filter(|(f, _)| used.contains(f)) {
                        dt { (flag) } dd { (meaning) }
                    }
                }
            }
        }
    };
    super::page(
        &format!("{} — evidence for the quiz", quiz.title),
        STYLE,
        body,
    )
}
