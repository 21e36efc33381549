//! The tick-any list, drawn with crossterm on stderr. inquire's `MultiSelect` cannot
//! tell where the cursor was when Enter was pressed, so Enter on "← Back" ticked
//! nothing and moved on; here Enter on "← Back" goes back, as in every other list,
//! and Space ticks the entry under the cursor.
//!
//! The state and its keys (`List::press`) are pure and tested without a terminal; the
//! drawing is tested in a pseudo-terminal by tests/it/terminal.rs.

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::Stylize;
use crossterm::{cursor, queue, terminal};
use std::io::Write;

/// How a tick-any question was left.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Enter on an option: the ticked options' indexes, in list order (maybe none).
    Ticked(Vec<usize>),
    /// Enter on "← Back".
    Back,
    /// Esc.
    Skipped,
    /// Ctrl-C.
    Interrupted,
}

/// The list as the person sees it: which entries are ticked and where the cursor is.
/// The last entry is "← Back" when going back is possible.
pub struct List {
    ticked: Vec<bool>,
    back: bool,
    cursor: usize,
}

impl List {
    pub fn new(options: usize, ticked: &[usize], back: bool) -> Self {
        let mut marks = vec![false; options];
        for &i in ticked {
            marks[i] = true;
        }
        List {
            ticked: marks,
            back,
            cursor: 0,
        }
    }

    fn entries(&self) -> usize {
        self.ticked.len() + usize::from(self.back)
    }

    fn on_back(&self) -> bool {
        self.back && self.cursor == self.ticked.len()
    }

    /// One key: the outcome when the key ends the question, else `None`.
    pub fn press(&mut self, key: KeyEvent) -> Option<Outcome> {
        let n = self.entries();
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Some(Outcome::Interrupted);
            }
            KeyCode::Up | KeyCode::Char('k') => self.cursor = (self.cursor + n - 1) % n,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.cursor = (self.cursor + 1) % n
            }
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = n - 1,
            KeyCode::Char(' ') if !self.on_back() => {
                self.ticked[self.cursor] = !self.ticked[self.cursor]
            }
            // As in inquire's lists: → ticks every option, ← none.
            KeyCode::Right => self.ticked.iter_mut().for_each(|t| *t = true),
            KeyCode::Left => self.ticked.iter_mut().for_each(|t| *t = false),
            KeyCode::Enter if self.on_back() => return Some(Outcome::Back),
            KeyCode::Enter => {
                let ticked = (0..self.ticked.len()).filter(|&i| self.ticked[i]);
                return Some(Outcome::Ticked(ticked.collect()));
            }
            KeyCode::Esc => return Some(Outcome::Skipped),
            _ => {}
        }
        None
    }
}

/// What the list shows around its entries.
pub struct Look<'a> {
    /// The question, already wrapped to the terminal.
    pub question: &'a str,
    pub labels: &'a [String],
    pub back_label: &'a str,
    /// What is echoed after going back, after ticking nothing, and after Esc.
    pub went_back: &'a str,
    pub none_ticked: &'a str,
    pub skipped: &'a str,
    pub help: &'a str,
    pub color: bool,
}

/// Ask the question: draw the list, read keys until one ends it, then leave one line,
/// `? question answer`, as the other prompts do.
pub fn ask(look: &Look, list: &mut List) -> std::io::Result<Outcome> {
    // Not locked while waiting for a key: a signal's handler must be able to write
    // to stderr (to restore the terminal) and end the run.
    let mut err = std::io::stderr();
    terminal::enable_raw_mode()?;
    let outcome = (|| -> std::io::Result<Outcome> {
        queue!(err, cursor::Hide)?;
        let mut drawn = draw(&mut err, look, list, 0)?;
        loop {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    if let Some(outcome) = list.press(key) {
                        clear(&mut err, drawn)?;
                        return Ok(outcome);
                    }
                }
                Event::Resize(..) => {}
                _ => continue,
            }
            drawn = draw(&mut err, look, list, drawn)?;
        }
    })();
    let _ = queue!(err, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let outcome = outcome?;
    let answer = match &outcome {
        Outcome::Ticked(ticked) if ticked.is_empty() => look.none_ticked.to_string(),
        Outcome::Ticked(ticked) => ticked
            .iter()
            .map(|&i| look.labels[i].as_str())
            .collect::<Vec<_>>()
            .join(", "),
        Outcome::Skipped => look.skipped.to_string(),
        Outcome::Back => look.went_back.to_string(),
        Outcome::Interrupted => String::new(),
    };
    if !answer.is_empty() {
        let question = look.question.replace('\n', "\n  ");
        let width = terminal::size().map_or(80, |(columns, _)| usize::from(columns.max(20)));
        // Wrapped between words, as inquire's echoes are (`terminal::echo`).
        let answer = super::terminal::echo(&question, &answer, width);
        let answer = if look.color {
            answer.cyan().to_string()
        } else {
            answer
        };
        writeln!(err, "{} {question} {answer}", mark(look.color))?;
    }
    err.flush()?;
    Ok(outcome)
}

fn mark(color: bool) -> String {
    if color {
        "?".green().to_string()
    } else {
        "?".to_string()
    }
}

/// Draw the list over the `previous` lines drawn before; how many lines it takes now.
fn draw(err: &mut impl Write, look: &Look, list: &List, previous: usize) -> std::io::Result<usize> {
    clear(err, previous)?;
    let width = terminal::size().map_or(80, |(columns, _)| usize::from(columns.max(20)));
    let mut lines = Vec::new();
    for (n, line) in look.question.lines().enumerate() {
        let start = if n == 0 {
            mark(look.color)
        } else {
            " ".to_string()
        };
        lines.push(format!("{start} {line}"));
    }
    for entry in 0..list.entries() {
        let here = entry == list.cursor;
        let text = match list.ticked.get(entry) {
            Some(&ticked) => {
                let label = crate::text::shorten(&look.labels[entry], width - 7);
                format!("{} {label}", if ticked { "[x]" } else { "[ ]" })
            }
            None => crate::text::shorten(look.back_label, width - 3),
        };
        let line = format!("{} {text}", if here { ">" } else { " " });
        lines.push(if here && look.color {
            line.cyan().to_string()
        } else {
            line
        });
    }
    // Every line within the width, so that the lines drawn are the lines counted.
    let help = crate::text::wrap(&format!("[{}]", look.help), width - 1, "");
    for line in help.trim_end().lines() {
        lines.push(if look.color {
            line.cyan().to_string()
        } else {
            line.to_string()
        });
    }
    for line in &lines {
        write!(err, "{line}\r\n")?;
    }
    err.flush()?;
    Ok(lines.len())
}

/// Rub out the `lines` drawn last, leaving the cursor where they began.
fn clear(err: &mut impl Write, lines: usize) -> std::io::Result<()> {
    if lines > 0 {
        queue!(
            err,
            cursor::MoveToPreviousLine(lines as u16),
            terminal::Clear(terminal::ClearType::FromCursorDown)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn keys(list: &mut List, codes: &[KeyCode]) -> Option<Outcome> {
        codes.iter().find_map(|&code| list.press(key(code)))
    }

    #[test]
    fn enter_on_back_goes_back_and_the_ticks_are_not_recorded() {
        let mut list = List::new(3, &[], true);
        let outcome = keys(
            &mut list,
            &[KeyCode::Char(' '), KeyCode::Down, KeyCode::Char(' ')],
        );
        assert_eq!(outcome, None);
        // Three options, then "← Back": Down twice from the second.
        let outcome = keys(&mut list, &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
        assert_eq!(outcome, Some(Outcome::Back));
    }

    #[test]
    fn enter_on_an_option_records_the_ticks_in_list_order() {
        let mut list = List::new(3, &[2], true);
        let outcome = keys(&mut list, &[KeyCode::Char(' '), KeyCode::Enter]);
        assert_eq!(outcome, Some(Outcome::Ticked(vec![0, 2])));
        let mut list = List::new(3, &[], false);
        assert_eq!(
            keys(&mut list, &[KeyCode::Enter]),
            Some(Outcome::Ticked(vec![]))
        );
    }

    #[test]
    fn space_on_back_ticks_nothing_and_the_cursor_wraps_around() {
        let mut list = List::new(2, &[], true);
        // Up from the first entry is "← Back", the last.
        let outcome = keys(&mut list, &[KeyCode::Up, KeyCode::Char(' ')]);
        assert_eq!(outcome, None);
        assert_eq!(list.ticked, [false, false]);
        assert_eq!(
            keys(&mut list, &[KeyCode::Down, KeyCode::Enter]),
            Some(Outcome::Ticked(vec![]))
        );
        // Without Back, Up from the first is the last option.
        let mut list = List::new(2, &[], false);
        let outcome = keys(
            &mut list,
            &[KeyCode::Up, KeyCode::Char(' '), KeyCode::Enter],
        );
        assert_eq!(outcome, Some(Outcome::Ticked(vec![1])));
    }

    #[test]
    fn right_ticks_all_left_none_esc_skips_and_ctrl_c_interrupts() {
        let mut list = List::new(3, &[1], true);
        assert_eq!(
            keys(&mut list, &[KeyCode::Right, KeyCode::Enter]),
            Some(Outcome::Ticked(vec![0, 1, 2]))
        );
        let mut list = List::new(3, &[1], true);
        assert_eq!(
            keys(&mut list, &[KeyCode::Left, KeyCode::Enter]),
            Some(Outcome::Ticked(vec![]))
        );
        assert_eq!(keys(&mut list, &[KeyCode::Esc]), Some(Outcome::Skipped));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(list.press(ctrl_c), Some(Outcome::Interrupted));
    }
}
