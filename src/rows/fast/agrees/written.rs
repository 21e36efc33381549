//! Rows as the generator writes them: JSON values with chosen escapes and space
//! between tokens, for the quick reader's agreement test.

use std::fmt::Write as _;

/// A JSON string: its text, and which of its characters are written as `\uXXXX`.
#[derive(Debug, Clone)]
pub(super) struct Text {
    pub text: String,
    pub escape: Escape,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Escape {
    None,
    First,
    All,
}

#[derive(Debug, Clone)]
pub(super) enum Value {
    Null,
    Bool(bool),
    /// As written: `3`, `3.0`, `-1`, `01`, `1e0`, 25 digits.
    Number(String),
    Text(Text),
    List(Vec<Value>),
    Object(Vec<(Text, Value)>),
}

/// Writes a value as JSON, with the space between tokens taken in turn from `spaces`.
pub(super) struct Writer<'a> {
    pub out: String,
    pub spaces: &'a [&'static str],
    pub next: usize,
}

impl Writer<'_> {
    fn space(&mut self) {
        if !self.spaces.is_empty() {
            self.out
                .push_str(self.spaces[self.next % self.spaces.len()]);
            self.next += 1;
        }
    }

    fn text(&mut self, text: &Text) {
        self.out.push('"');
        for (i, c) in text.text.chars().enumerate() {
            let escaped = match text.escape {
                Escape::None => false,
                Escape::First => i == 0,
                Escape::All => true,
            };
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                c if escaped || c < ' ' => {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        write!(self.out, "\\u{unit:04x}").unwrap();
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    pub fn value(&mut self, value: &Value) {
        self.space();
        match value {
            Value::Null => self.out.push_str("null"),
            Value::Bool(b) => write!(self.out, "{b}").unwrap(),
            Value::Number(n) => self.out.push_str(n),
            Value::Text(t) => self.text(t),
            Value::List(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.space();
                        self.out.push(',');
                    }
                    self.value(item);
                }
                self.space();
                self.out.push(']');
            }
            Value::Object(members) => {
                self.out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        self.space();
                        self.out.push(',');
                    }
                    self.space();
                    self.text(key);
                    self.space();
                    self.out.push(':');
                    self.value(value);
                }
                self.space();
                self.out.push('}');
            }
        }
        self.space();
    }
}
