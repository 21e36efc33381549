//! Every view as one JSON object, pretty-printed, with a final newline: a result
//! (`careerfit/result/v2`), an explanation, a comparison, a class's summary
//! (`careerfit/summary/v1`) and an analysis (`careerfit/analysis/v1`). Written by
//! `crate::json`, which escapes what a terminal would act on.

use super::{Class, Explained, View};
use crate::batch::summary::Summary;
use crate::batch::talk::Group;
use crate::compare::Comparison;
use crate::quiz::Quiz;
use crate::verdict::Answer;
use serde_json::json;

/// JSON objects, one per view.
pub struct Json;

impl super::Renderer for Json {
    fn result(&self, v: &View) -> String {
        pretty(v.result)
    }
    fn explanation(&self, v: &Explained) -> String {
        pretty(v.e)
    }
    fn comparison(&self, c: &Comparison) -> String {
        pretty(c)
    }
    fn class(&self, c: &Class) -> String {
        pretty(&class(c.summary, c.quiz))
    }
}

/// A view pretty-printed, with a final newline.
pub(super) fn pretty(value: &impl serde::Serialize) -> String {
    let mut text = crate::json::to_string_pretty(value).expect("a view always serialises");
    text.push('\n');
    text
}

/// One JSON object, `careerfit/summary/v1`.
fn class(summary: &Summary, quiz: &Quiz) -> serde_json::Value {
    json!({
        "schema": "careerfit/summary/v1",
        "quiz": {"id": quiz.id, "title": quiz.title, "version": quiz.version},
        "scored": summary.scored,
        "failed": summary.failed,
        "low_confidence": summary.low_confidence,
        "low_confidence_respondents": summary.named(Group::LowConfidence).iter().map(|n| json!({
            "id": n.id,
            "line": n.line,
            "warnings": n.warnings,
        })).collect::<Vec<_>>(),
        "talk": talk(summary, quiz),
        "repeated_ids": summary.repeated.iter().map(|(id, lines)| json!({
            "id": id,
            "lines": lines,
        })).collect::<Vec<_>>(),
        "verdicts": summary.verdict_counts(quiz).map(|counts| {
            counts
                .iter()
                .map(|(answer, n)| (answer.as_str().to_string(), json!(n)))
                .collect::<serde_json::Map<_, _>>()
        }),
        "pathways": summary.pathways(quiz).iter().map(|p| json!({
            "id": p.id,
            "title": p.title,
            "best_fit": p.best_fit,
            "best_fit_by_verdict": quiz.verdict.as_ref().map(|_| {
                Answer::ALL
                    .iter()
                    .zip(p.best_fit_by_answer)
                    .map(|(answer, n)| (answer.as_str().to_string(), json!(n)))
                    .collect::<serde_json::Map<_, _>>()
            }),
            "mean_fit": p.mean_fit,
            "scored": p.scored,
        })).collect::<Vec<_>>(),
        "traits": summary.traits(quiz).iter().map(|t| json!({
            "id": t.id,
            "name": t.name,
            "mean": t.mean,
            "spread": t.spread,
            "assessed": t.assessed,
        })).collect::<Vec<_>>(),
        "warnings": summary.warnings().iter().map(|(code, n)| json!({
            "code": code,
            "respondents": n,
        })).collect::<Vec<_>>(),
    })
}

/// Who needs a talk, a key per group (`low_confidence`, `probably_not`, `unclear`,
/// every one present): how many, and the first `MAX_NAMED` by id and line, with
/// every group each is in, the warnings that lowered confidence, the best-fitting
/// pathway's id and, told "probably not", the traits of the dealbreakers that hold.
fn talk(summary: &Summary, quiz: &Quiz) -> serde_json::Value {
    Group::ALL
        .into_iter()
        .map(|group| {
            let respondents: Vec<_> = summary
                .named(group)
                .iter()
                .map(|n| {
                    json!({
                        "id": n.id,
                        "line": n.line,
                        "groups": n.groups.iter().map(Group::key).collect::<Vec<_>>(),
                        "warnings": n.warnings,
                        "best": n.best.map(|b| &quiz.profiles[b].id),
                        "dealbreakers": n.dealbreakers.iter().filter_map(|&d| {
                            let rule = quiz.verdict.as_ref()?;
                            Some(&quiz.traits[rule.dealbreakers[d].trait_index].id)
                        }).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let value = json!({
                "count": summary.talk_count(group),
                "respondents": respondents,
            });
            (group.key().to_string(), value)
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}
