//! Markdown output cannot be broken out of: quiz text that looks like Markdown stays
//! text, checked by parsing the output with a CommonMark and GFM parser.

use crate::common::*;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

/// The small quiz with Markdown in every text a summary shows.
fn hostile_quiz() -> String {
    std::fs::read_to_string(fixture("small.yaml"))
        .unwrap()
        .replace("title: A small quiz", "title: \"# Owned\\n<script>x</script>\"")
        .replace("title: Alpha pathway", "title: \"[click](https://evil.example) | a\"")
        .replace(
            "education: Alpha school",
            "education: \"![img](https://evil.example/x.png) <b>raw</b>\"",
        )
        .replace("job_titles: [Alpha worker]", "job_titles: [\"- a list\", \"1. another\"]")
        .replace(
            "{name: Alpha cert, detail: Renew often}",
            "{name: \"**bold** _em_ `code`\", detail: \"line\\n## heading\"}",
        )
        .replace(
            "next_steps: [Enrol in alpha school, Pass the alpha exam]",
            "next_steps: [\"# step heading\", \"see www.evil.example now\", \"<https://evil.example>\"]",
        )
        .replace("{id: careful, name: Careful}", "{id: careful, name: \"Care|ful\\n\"}")
}

#[test]
fn quiz_text_stays_text_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = write(dir.path(), "hostile.yaml", &hostile_quiz());
    // Alpha first: careful and social at the top.
    let answers = write(
        dir.path(),
        "a.yaml",
        "answers:\n  q-scale: High\n  q-reverse: Low\n  q-yes: yes\n  q-no-rev: no\n  q-required: 5\n",
    );
    let output = careerfit()
        .arg("take")
        .arg(&quiz)
        .args(["--format", "markdown", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let markdown = text(&output.stdout);
    assert!(
        markdown.contains("Your best fit: \\[click\\]"),
        "{markdown}"
    );

    let mut headings = Vec::new();
    let mut in_heading = None;
    for event in Parser::new_ext(&markdown, Options::all()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => in_heading = Some((level, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = in_heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => headings.extend(in_heading.take()),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("a link or image to {dest_url} in\n{markdown}")
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("raw HTML {html:?} in\n{markdown}")
            }
            _ => {}
        }
    }
    // Only careerfit's own headings: the title, then its fixed sections.
    let levels: Vec<HeadingLevel> = headings.iter().map(|(l, _)| *l).collect();
    assert_eq!(levels[0], HeadingLevel::H1);
    assert!(
        levels[1..].iter().all(|l| *l == HeadingLevel::H2),
        "{headings:?}"
    );
    let names: Vec<&str> = headings.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(names[0], "# Owned <script>x</script>");
    assert_eq!(
        names[1..4],
        [
            "Your pathways, best fit first",
            "Your traits (0 to 100)",
            "Your best fit: [click](https://evil.example) | a (Possible fit, 100 of 100)"
        ],
        "{markdown}"
    );
    // Lists: only careerfit's own (details, certifications, numbered steps), whose
    // items are the quiz's texts as text.
    for needle in [
        "- a list, 1. another",
        "**bold** _em_ `code`: line ## heading",
    ] {
        let plain: String = Parser::new_ext(&markdown, Options::all())
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                Event::SoftBreak | Event::HardBreak => Some("\n".to_string()),
                Event::End(_) => Some("\n".to_string()),
                _ => None,
            })
            .collect();
        assert!(plain.contains(needle), "{needle:?} not as text in\n{plain}");
    }
    // Tables keep their columns: the trait's "|" does not end its cell.
    assert!(markdown.contains("| Care\\|ful |"), "{markdown}");
}
