//! The report to print: one self-contained HTML file.

use crate::common::*;
use scraper::{Html, Selector};

fn select<'a>(document: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    document.select(&Selector::parse(css).unwrap()).collect()
}

fn text_of(element: &scraper::ElementRef) -> String {
    element.text().collect::<String>()
}

#[test]
fn the_report_is_one_self_contained_page_with_a_bar_per_trait() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "top.yaml", &him_answers_at(Extreme::Top));
    let report = dir.path().join("report.html");
    careerfit()
        .args(["take", "--answers"])
        .arg(&answers)
        .arg("--report")
        .arg(&report)
        .assert()
        .code(0);
    let html = std::fs::read_to_string(&report).unwrap();
    let document = Html::parse_document(&html);
    assert!(
        document.errors.is_empty(),
        "HTML errors: {:?}",
        document.errors
    );
    // Self-contained: no scripts, no external files, no network.
    assert!(select(&document, "script, link, img, iframe, object").is_empty());
    // Addresses are links that show themselves (the sources, where to check today's
    // figures), so the printed page still says them; never in an attribute or a
    // style that a browser would fetch.
    for element in select(&document, "*") {
        for (name, value) in element.value().attrs() {
            let shown_link = element.value().name() == "a"
                && name == "href"
                && value.starts_with("https://")
                && text_of(&element) == value;
            assert!(
                !value.contains("http")
                    || shown_link
                    || (name == "xmlns" && value == "http://www.w3.org/2000/svg"),
                "an address to fetch: {name}={value}"
            );
        }
    }
    assert!(!html.contains("url("), "no address to fetch anything from");
    assert!(select(&document, "[src]").is_empty());
    let links: Vec<String> = select(&document, "a[href]")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(links.contains(&"https://www.onetonline.org/link/summary/29-2072.00".to_string()));
    assert!(links.contains(&"https://www.cahiim.org".to_string()));
    // The date as a person writes it, the ISO form kept in the markup.
    let taken = &select(&document, "p.meta time")[0];
    assert!(taken.value().attr("datetime").unwrap().ends_with('Z'));
    assert!(text_of(taken).ends_with(" UTC"), "{}", text_of(taken));
    // No table is set smaller than the body text.
    assert!(!html.contains("8.5pt"));
    // One bar per trait in the inline SVG chart.
    assert_eq!(select(&document, "svg rect.bar").len(), 19);
    // The ranked pathways, the best pathway's job titles and numbered next steps, the
    // explanation, the sources and the date.
    assert_eq!(select(&document, "section:first-of-type tbody tr").len(), 5);
    let body = text_of(&select(&document, "body")[0]);
    assert!(
        body.contains("Job titles: Health Information Clerk, Medical Records Clerk"),
        "{body}"
    );
    assert!(select(&document, "ol li").len() >= 3);
    assert!(body.contains("Why Health information clerk fits you 100 out of 100"));
    assert!(body.contains("O*NET OnLine: 29-2072.00 Medical Records Specialists"));
    assert!(body.contains(" UTC."), "the date as a person writes it");
    // Mode 0600, and not replaced without --force.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&report).unwrap().permissions().mode() & 0o777,
        0o600
    );
    careerfit()
        .args(["take", "--answers"])
        .arg(&answers)
        .arg("--report")
        .arg(&report)
        .assert()
        .code(2);
}

/// Quiz text that looks like markup comes out as text: inert.
#[test]
fn hostile_quiz_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = write(
        dir.path(),
        "hostile.yaml",
        "id: hostile\ntitle: \"<script>alert('title')</script>\"\nversion: '1'\n\
         sources:\n  - {title: '<a href=\"http://evil.example\">x</a>'}\n\
         traits:\n  - {id: t, name: '<b onmouseover=alert(1)>bold</b>'}\n\
         questions:\n  - {id: q, text: '<img src=x onerror=alert(2)>', trait: t}\n\
         \x20 - {id: r, text: Second, trait: t}\n\
         profiles:\n  - id: p\n    title: '</td></tr></table><script>alert(3)</script>'\n\
         \x20   weights: {t: 1}\n    job_titles: ['\"><svg onload=alert(4)>']\n\
         \x20   next_steps: ['<iframe src=//evil.example>']\n",
    );
    let answers = write(dir.path(), "a.yaml", "answers:\n  q: 5\n  r: 4\n");
    let report = dir.path().join("report.html");
    careerfit()
        .arg("take")
        .arg(&quiz)
        .arg("--answers")
        .arg(&answers)
        .arg("--report")
        .arg(&report)
        .assert()
        .code(0);
    let html = std::fs::read_to_string(&report).unwrap();
    let document = Html::parse_document(&html);
    assert!(
        select(&document, "script, img, iframe, a, b").is_empty(),
        "{html}"
    );
    assert_eq!(
        select(&document, "svg").len(),
        1,
        "only the chart's own svg"
    );
    assert!(
        select(
            &document,
            "[onload], [onerror], [onmouseover], [href], [src]"
        )
        .is_empty()
    );
    let title = text_of(&select(&document, "h1")[0]);
    assert_eq!(title, "<script>alert('title')</script>");
    assert!(html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"));
}

/// `careerfit report` from a saved result writes the page `take --report` wrote.
#[test]
fn report_from_a_saved_result_is_the_same_page() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let saved = dir.path().join("result.json");
    let during = dir.path().join("during.html");
    take_small(&answers)
        .arg("-o")
        .arg(&saved)
        .arg("--report")
        .arg(&during)
        .assert()
        .code(0);
    let later = dir.path().join("later.html");
    careerfit()
        .arg("report")
        .arg(&saved)
        .arg("-o")
        .arg(&later)
        .arg("--quiz")
        .arg(fixture("small.yaml"))
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(&during).unwrap(),
        std::fs::read_to_string(&later).unwrap()
    );
}

#[test]
fn force_replaces_a_report_without_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.yaml", SMALL_ANSWERS);
    let report = write(dir.path(), "report.html", "old");
    take_small(&answers)
        .arg("--report")
        .arg(&report)
        .arg("--force")
        .assert()
        .code(0);
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    // --force with nothing to replace is a usage error.
    take_small(&answers).arg("--force").assert().code(2);
}

#[test]
fn the_explanations_answers_beyond_the_top_ten_go_in_a_compact_table() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "top.yaml", &him_answers_at(Extreme::Top));
    let report = dir.path().join("report.html");
    careerfit()
        .args(["take", "--answers"])
        .arg(&answers)
        .arg("--report")
        .arg(&report)
        .assert()
        .code(0);
    let document = Html::parse_document(&std::fs::read_to_string(&report).unwrap());
    let compact = select(&document, "table.compact tbody tr").len();
    let full: usize = select(&document, "section table:not(.compact)")
        .iter()
        .filter(|t| text_of(t).contains("Your answer to"))
        .map(|t| t.select(&Selector::parse("tbody tr").unwrap()).count())
        .sum();
    assert_eq!(full, 10, "the top ten answers in full");
    let explained = careerfit()
        .args(["take", "--json", "--explain", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let contributions = stdout_json(&explained)["explanation"]["contributions"]
        .as_array()
        .unwrap()
        .len();
    assert!(contributions > 10);
    assert_eq!(compact, contributions - 10, "every other answer, compactly");
    // Long sections may break across pages; headings stay with what follows them.
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(!html.contains("section { break-inside: avoid"));
    assert!(html.contains("h2 { break-after: avoid"));
}
