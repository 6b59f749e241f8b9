//! Handshake code identifiers.
//!
//! Codes travel in URLs, CLI arguments, file names and log lines, so the alphabet is kept to
//! characters that need no quoting or escaping anywhere, and a leading punctuation character
//! (which would read as a CLI flag or a hidden file) is refused.

use std::fmt;

/// The pattern, for error messages; kept in sync with [`validate_code`] by the tests.
pub const CODE_PATTERN: &str = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}";
pub const MIN_CODE_LEN: usize = 3;
pub const MAX_CODE_LEN: usize = 64;

/// What exactly is wrong with a code, so the message can point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeProblem {
    TooShort { len: usize },
    TooLong { len: usize },
    BadFirst { ch: char },
    BadChar { ch: char, position: usize },
}

impl fmt::Display for CodeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeProblem::TooShort { len } => {
                write!(f, "is {len} characters long, under the minimum of {MIN_CODE_LEN}")
            }
            CodeProblem::TooLong { len } => {
                write!(f, "is {len} characters long, over the maximum of {MAX_CODE_LEN}")
            }
            CodeProblem::BadFirst { ch } => {
                write!(f, "starts with {ch:?}, but the first character must be a letter or digit")
            }
            CodeProblem::BadChar { ch, position } => write!(
                f,
                "has {ch:?} at position {position}, but only letters, digits, '.', '_' and '-' are allowed"
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "handshake code {input:?} {problem}; a code is 3-64 characters matching \
     [A-Za-z0-9][A-Za-z0-9._-]{{2,63}}, e.g. 216998-100025900"
)]
pub struct HandshakeCodeError {
    pub input: String,
    pub problem: CodeProblem,
}

/// Checks `s` against [`CODE_PATTERN`] by hand: the rule is small and a regex engine would be
/// the only reason to pull in the `regex` crate.
pub fn validate_code(s: &str) -> Result<(), HandshakeCodeError> {
    let fail = |problem| Err(HandshakeCodeError { input: s.to_string(), problem });
    // Characters, not bytes: a non-ASCII input is reported as a bad character, not a length.
    let len = s.chars().count();
    for (position, ch) in s.chars().enumerate() {
        let ok = if position == 0 {
            ch.is_ascii_alphanumeric()
        } else {
            ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-')
        };
        if !ok {
            return fail(if position == 0 {
                CodeProblem::BadFirst { ch }
            } else {
                CodeProblem::BadChar { ch, position }
            });
        }
    }
    if len < MIN_CODE_LEN {
        return fail(CodeProblem::TooShort { len });
    }
    if len > MAX_CODE_LEN {
        return fail(CodeProblem::TooLong { len });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_codes_matching_the_pattern() {
        let max = "a".repeat(64);
        for ok in ["216998-100025900", "abc", "A1.", "0_-", "Team.Code_2024-q1", max.as_str()] {
            assert_eq!(validate_code(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_codes_outside_the_pattern() {
        let over = "a".repeat(65);
        let cases: &[(&str, CodeProblem)] = &[
            ("", CodeProblem::TooShort { len: 0 }),
            ("ab", CodeProblem::TooShort { len: 2 }),
            (&over, CodeProblem::TooLong { len: 65 }),
            ("-abc", CodeProblem::BadFirst { ch: '-' }),
            (".abc", CodeProblem::BadFirst { ch: '.' }),
            ("_abc", CodeProblem::BadFirst { ch: '_' }),
            ("abc def", CodeProblem::BadChar { ch: ' ', position: 3 }),
            ("abc/def", CodeProblem::BadChar { ch: '/', position: 3 }),
            ("abcé", CodeProblem::BadChar { ch: 'é', position: 3 }),
            ("abc\n", CodeProblem::BadChar { ch: '\n', position: 3 }),
        ];
        for (input, problem) in cases {
            let err = validate_code(input).unwrap_err();
            assert_eq!(&err.problem, problem, "{input:?}");
            let msg = err.to_string();
            assert!(msg.contains(CODE_PATTERN), "{msg}");
            assert!(msg.contains("e.g. 216998-100025900"), "{msg}");
        }
    }
}
