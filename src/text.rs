//! Text helpers every output shares: word-wrapping, shortening, and numbers rounded
//! the same way everywhere (half away from zero: 12.5 shows as 13, 62.5 as 63).

/// Text from a file or a row, safe to print on a terminal: every control character
/// but newline and tab (C0, DEL, C1, so ESC and CSI too) is shown as `\u{1b}`, so no
/// byte of it can move the cursor, retitle a window or clear the screen.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How much of a value from a file or a row a message quotes before `…`: a 10 MB
/// cell is not echoed whole.
pub const MAX_QUOTED_CHARS: usize = 80;

/// A value as a message quotes it: at most `MAX_QUOTED_CHARS` characters.
pub fn clip(value: &str) -> String {
    shorten(value, MAX_QUOTED_CHARS)
}

/// A control character other than newline and tab, or a bidirectional control
/// (U+202A–U+202E, U+2066–U+2069), which can make one text look like another.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || crate::json::needs_escape(c)
}

/// `x` to `decimals` places, halves rounded away from zero; never "-0".
pub fn fixed(x: f64, decimals: usize) -> String {
    let scale = 10f64.powi(decimals as i32);
    let rounded = (x * scale).round() / scale;
    // -0.0 (a small negative rounded to nothing) prints as "-0".
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded:.decimals$}")
}

/// `fixed` with a sign: "+87.5", "-0.4", and "0.0" for no change.
pub fn signed(x: f64, decimals: usize) -> String {
    let text = fixed(x, decimals);
    if text.starts_with('-') || text.trim_start_matches(['0', '.']).is_empty() {
        text
    } else {
        format!("+{text}")
    }
}

/// The first `chars` characters of a text, with an ellipsis when cut.
pub fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(chars - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Word-wrap prose to `width` columns with an indent on every line. Columns are
/// counted as a terminal shows them (display width: a CJK character takes two);
/// space between words becomes one space, a line ends only between words (not at a
/// hyphen), and a word wider than a line is broken.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        // Never at a hyphen: `him-career-fit` is an id to type.
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    let mut out = textwrap::fill(&words, options);
    out.push('\n');
    out
}

/// `marker` then the text wrapped to `width`, its later lines under the first's text
/// (a hanging indent): "- " for a list item, "! " for a caution.
pub fn bullet(text: &str, width: usize, marker: &str) -> String {
    let hang = " ".repeat(textwrap::core::display_width(marker));
    let wrapped = wrap(text, width.saturating_sub(hang.len()), "");
    let mut out = String::new();
    for (i, line) in wrapped.lines().enumerate() {
        out.push_str(if i == 0 { marker } else { &hang });
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bullet_hangs_its_later_lines_under_its_text() {
        assert_eq!(
            bullet("one two three four five", 12, "- "),
            "- one two\n  three four\n  five\n"
        );
        assert_eq!(bullet("one two three", 9, "! "), "! one two\n  three\n");
    }

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let text = "one two three four five six seven eight nine ten";
        let wrapped = wrap(text, 16, "  ");
        assert_eq!(
            wrapped,
            "  one two three\n  four five six\n  seven eight\n  nine ten\n"
        );
        assert!(wrapped.lines().all(|l| l.chars().count() <= 16));
    }

    #[test]
    fn wide_characters_wrap_within_80_display_columns() {
        // 102 CJK characters, two columns each: 204 columns, no space to break at.
        let line = "職業適性診断".repeat(17);
        let wrapped = wrap(&line, 80, "  ");
        let widths: Vec<usize> = wrapped.lines().map(textwrap::core::display_width).collect();
        assert!(widths.iter().all(|&w| w <= 80), "{widths:?}");
        assert_eq!(widths.len(), 3, "{wrapped}");
        assert_eq!(wrapped.replace(['\n', ' '], ""), line, "nothing lost");
        // With words, a line ends between them, as it does for ASCII.
        let words = "情報管理 医療記録 ".repeat(12);
        let wrapped = wrap(&words, 40, "");
        assert!(
            wrapped
                .lines()
                .all(|l| l.split(' ').all(|w| w.chars().count() == 4))
        );
        assert!(
            wrapped
                .lines()
                .all(|l| textwrap::core::display_width(l) <= 40)
        );
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(escape_controls("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            escape_controls("\u{1b}]0;owned\u{7}"),
            "\\u{1b}]0;owned\\u{7}"
        );
        assert_eq!(
            escape_controls("a\u{9b}2Jb\u{7f}\r"),
            "a\\u{9b}2Jb\\u{7f}\\u{d}"
        );
    }

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(fixed(12.5, 0), "13");
        assert_eq!(fixed(62.5, 0), "63");
        assert_eq!(fixed(-12.5, 0), "-13");
        assert_eq!(fixed(87.25, 1), "87.3");
        assert_eq!(fixed(0.25, 1), "0.3");
        assert_eq!(fixed(74.4, 0), "74");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(signed(87.5, 1), "+87.5");
        assert_eq!(signed(-0.4, 1), "-0.4");
        assert_eq!(signed(0.04, 1), "0.0");
        assert_eq!(signed(-0.04, 1), "0.0");
    }
}
