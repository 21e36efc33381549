//! The result as JSON (`careerfit/result/v1`), pretty-printed, with a final newline.

use crate::result::QuizResult;

pub fn render(result: &QuizResult) -> String {
    let mut text = crate::json::to_string_pretty(result).expect("a result always serialises");
    text.push('\n');
    text
}
