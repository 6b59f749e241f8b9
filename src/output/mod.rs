//! Everything a command shows: tables on a terminal, JSON or CSV for scripts, notes and progress on stderr.
//!
//! Conventions: results go to stdout, everything else (notes, warnings, progress, errors) to stderr, so
//! `ltsctl ... -o json | jq` always gets clean JSON. Colour only on a terminal, never with `NO_COLOR` or
//! `--no-color`. A closed pipe (`ltsctl license list | head -1`) ends the program quietly.

use std::io::{self, IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::cli::OutputFormat;
use crate::error::{Error, ErrorKind, Result};

mod stream;
pub use stream::RowStream;

/// How cells show values: for a person (tables and `field: value` lines: times to the minute, numbers with
/// thousands separators, `-` for nothing) or for a program (CSV: RFC 3339 times, plain numbers, empty for
/// nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cells {
    machine: bool,
}

impl Cells {
    pub const TABLE: Cells = Cells { machine: false };
    pub const CSV: Cells = Cells { machine: true };

    pub fn for_format(format: OutputFormat) -> Cells {
        match format {
            OutputFormat::Csv => Cells::CSV,
            _ => Cells::TABLE,
        }
    }

    pub fn time(self, t: &chrono::DateTime<chrono::Utc>) -> String {
        if self.machine { crate::clock::to_rfc3339(t) } else { time(t) }
    }

    pub fn opt_time(self, t: &Option<chrono::DateTime<chrono::Utc>>) -> String {
        match t {
            Some(t) => self.time(t),
            None => self.none(),
        }
    }

    /// A count or quota: `10,000` in a table, `10000` in CSV.
    pub fn num(self, n: impl TryInto<i128>) -> String {
        // Every integer type up to 64 bits fits.
        let n = n.try_into().unwrap_or(i128::MAX);
        if self.machine { n.to_string() } else { thousands(n) }
    }

    pub fn opt_num<T: Copy + TryInto<i128>>(self, n: &Option<T>) -> String {
        match n {
            Some(n) => self.num(*n),
            None => self.none(),
        }
    }

    /// An optional text: itself, or [`Self::none`].
    pub fn opt(self, v: &Option<String>) -> String {
        match v {
            Some(v) => v.clone(),
            None => self.none(),
        }
    }

    /// No value: `-` for a person, empty for a program.
    pub fn none(self) -> String {
        if self.machine { String::new() } else { "-".to_string() }
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A list of records shown as a table or CSV. One record may span several rows (a license per item).
pub trait Tabular {
    fn headers() -> &'static [&'static str];
    fn rows(&self, cells: Cells) -> Vec<Vec<String>>;
}

/// A table shown under a record's fields (e.g. a code's items).
pub struct Section {
    pub title: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// A single record shown as `field: value` lines on a terminal.
pub trait Record {
    fn fields(&self, cells: Cells) -> Vec<(&'static str, String)>;
    /// Extra tables shown under the fields.
    fn sections(&self, _cells: Cells) -> Vec<Section> {
        Vec::new()
    }
}

#[derive(Debug, Clone)]
pub struct Output {
    pub format: OutputFormat,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr (decided separately: `ltsctl ... | jq` still gets coloured warnings).
    color_err: bool,
    pub quiet: bool,
    stdout_tty: bool,
    stderr_tty: bool,
}

/// Whether colour may be used on a stream: a terminal, and neither `NO_COLOR` nor `--no-color`.
pub fn color_allowed(no_color_flag: bool, is_tty: bool) -> bool {
    let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    is_tty && !no_color_flag && !no_color_env
}

impl Output {
    pub fn new(format: Option<OutputFormat>, no_color: bool, quiet: bool) -> Self {
        let stdout_tty = io::stdout().is_terminal();
        let stderr_tty = io::stderr().is_terminal();
        Output {
            format: format.unwrap_or(if stdout_tty {
                OutputFormat::Table
            } else {
                OutputFormat::Json
            }),
            color: color_allowed(no_color, stdout_tty),
            color_err: color_allowed(no_color, stderr_tty),
            quiet,
            stdout_tty,
            stderr_tty,
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    pub fn stdin_is_tty() -> bool {
        io::stdin().is_terminal()
    }

    /// Prompts may only be shown when a person can answer: stdin and stderr are terminals.
    pub fn can_prompt(&self) -> bool {
        self.stderr_tty && Output::stdin_is_tty()
    }

    /// Asks a yes/no question on the terminal (default no); a "no" notes that nothing changed, so each
    /// destructive command that asks reads `if !ctx.out.confirm(..)? { return Ok(()) }`.
    pub fn confirm(&self, prompt: impl Into<String>) -> Result<bool> {
        let go = dialoguer::Confirm::new()
            .with_prompt(prompt)
            .default(false)
            .interact()
            .map_err(|e| Error::usage(format!("reading the answer: {e}")))?;
        if !go {
            self.note("Nothing changed.");
        }
        Ok(go)
    }

    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| Error::internal(format!("encoding JSON: {e}")))?;
        write_stdout(format!("{text}\n").as_bytes())
    }

    pub fn list<T: Tabular + Serialize>(&self, items: &[T]) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(items),
            OutputFormat::Csv => {
                let rows: Vec<Vec<String>> =
                    items.iter().flat_map(|i| i.rows(Cells::CSV)).collect();
                self.csv(T::headers(), &rows)
            }
            OutputFormat::Table => {
                let rows: Vec<Vec<String>> =
                    items.iter().flat_map(|i| i.rows(Cells::TABLE)).collect();
                self.table(T::headers(), &rows)
            }
        }
    }

    pub fn record<T: Record + Serialize>(&self, item: &T) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(item),
            OutputFormat::Csv => {
                let fields = item.fields(Cells::CSV);
                let headers: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
                let row: Vec<String> = fields.into_iter().map(|(_, v)| v).collect();
                self.csv(&headers, &[row])
            }
            OutputFormat::Table => {
                let fields = item.fields(Cells::TABLE);
                let width = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
                let mut text = String::new();
                for (k, v) in fields {
                    let label = self.paint(&format!("{k:width$}"), anstyle::Style::new().bold());
                    text.push_str(&format!("{label}  {v}\n"));
                }
                write_stdout(text.as_bytes())?;
                for section in item.sections(Cells::TABLE) {
                    let title = self.paint(section.title, anstyle::Style::new().bold());
                    write_stdout(format!("\n{title}\n").as_bytes())?;
                    if section.rows.is_empty() {
                        write_stdout(b"  (none)\n")?;
                    } else {
                        self.table(&section.headers, &section.rows)?;
                    }
                }
                Ok(())
            }
        }
    }

    /// A table in the one style of every listing (the streamed ones too): upper-case headers, columns two
    /// spaces apart, no box drawing. On a terminal of known width long cells wrap to fit it; off a terminal
    /// (`-o table | less`), or when the terminal reports no width, nothing wraps.
    pub fn table(&self, headers: &[&str], rows: &[Vec<String>]) -> Result<()> {
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        table.set_header(headers.iter().map(|h| h.to_uppercase()));
        for row in rows {
            table.add_row(row);
        }
        let width = if self.stdout_tty { table.width() } else { None };
        table.set_content_arrangement(arrangement(width));
        let last = headers.len().saturating_sub(1);
        for (i, column) in table.column_iter_mut().enumerate() {
            column.set_padding((0, if i == last { 0 } else { COLUMN_GAP }));
        }
        let text: String = table.lines().map(|l| format!("{}\n", l.trim_end())).collect();
        write_stdout(text.as_bytes())
    }

    pub fn csv(&self, headers: &[&str], rows: &[Vec<String>]) -> Result<()> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let enc = |e: csv::Error| Error::internal(format!("encoding CSV: {e}"));
        w.write_record(headers).map_err(enc)?;
        for row in rows {
            w.write_record(row).map_err(enc)?;
        }
        let bytes = w.into_inner().map_err(|e| Error::internal(format!("encoding CSV: {e}")))?;
        write_stdout(&bytes)
    }

    /// A line for the person at the terminal (stderr); silent with `--quiet`.
    pub fn note(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", message.as_ref());
        }
    }

    /// An error that does not stop the command (one file of many), printed like a fatal one.
    pub fn error(&self, err: &Error) {
        let _ = io::stderr().write_all(format_error(err, self.color_err, !self.quiet).as_bytes());
    }

    /// A warning on stderr; silent with `--quiet`, like notes.
    pub fn warn(&self, message: impl AsRef<str>) {
        if self.quiet {
            return;
        }
        let label = paint_stderr(
            "warning:",
            anstyle::AnsiColor::Yellow.on_default().bold(),
            self.color_err,
        );
        eprintln!("ltsctl: {label} {}", message.as_ref());
    }

    /// A progress bar on stderr, drawn only on a terminal and never with `--quiet`.
    pub fn progress(&self, len: u64, what: &str) -> indicatif::ProgressBar {
        if self.quiet || !self.stderr_tty {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(len);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {what} [{{bar:30}}] {{pos}}/{{len}} {{msg}}"
        )) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar
    }

    pub fn paint(&self, text: &str, style: anstyle::Style) -> String {
        if self.color { format!("{style}{text}{style:#}") } else { text.to_string() }
    }

    /// Colours a status word on a terminal: green for good, yellow for pending, red for dead.
    pub fn status_word(&self, status: &str) -> String {
        let color = match status {
            "active" | "imported" | "valid" => anstyle::AnsiColor::Green,
            "not-yet-valid" | "unchanged" => anstyle::AnsiColor::Yellow,
            _ => anstyle::AnsiColor::Red,
        };
        self.paint(status, color.on_default())
    }
}

/// Spaces between table columns (tables and streamed listings alike).
const COLUMN_GAP: u16 = 2;

/// Wrapping to the terminal's width only when it has one: a width of 0 (a pseudo-terminal nobody sized,
/// as in some CI runners) would squash every column to one character.
fn arrangement(width: Option<u16>) -> ContentArrangement {
    match width {
        Some(w) if w > 0 => ContentArrangement::Dynamic,
        _ => ContentArrangement::Disabled,
    }
}

fn paint_stderr(text: &str, style: anstyle::Style, color: bool) -> String {
    if color { format!("{style}{text}{style:#}") } else { text.to_string() }
}

/// Writes to stdout; a reader that went away (`| head`) ends the program quietly, like other Unix tools.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::internal(format!("writing to stdout: {e}"))),
    }
}

/// Prints an error the way every command does: `ltsctl: error: ...` and an optional hint (not with
/// `--quiet`), on stderr.
pub fn print_error(err: &Error, no_color_flag: bool, quiet: bool) {
    let color = color_allowed(no_color_flag, io::stderr().is_terminal());
    let _ = io::stderr().write_all(format_error(err, color, !quiet).as_bytes());
}

fn format_error(err: &Error, color: bool, hint: bool) -> String {
    let (label, style) = match err.kind {
        ErrorKind::Attention => ("warning:", anstyle::AnsiColor::Yellow.on_default().bold()),
        _ => ("error:", anstyle::AnsiColor::Red.on_default().bold()),
    };
    let label = paint_stderr(label, style, color);
    let mut text = format!("ltsctl: {label} {}\n", err.message);
    if let Some(hint) = err.hint.as_ref().filter(|_| hint) {
        let h = paint_stderr("hint:", anstyle::Style::new().bold(), color);
        text.push_str(&format!("  {h} {hint}\n"));
    }
    text
}

/// Formats an optional value for a table cell.
pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_else(|| "-".to_string())
}

/// A time for a table cell: to the minute, UTC.
pub fn time(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators_in_tables_only() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(-1_234_567), "-1,234,567");
        assert_eq!(Cells::TABLE.num(10_000u64), "10,000");
        assert_eq!(Cells::CSV.num(10_000u64), "10000");
        assert_eq!(Cells::TABLE.opt_num::<i64>(&None), "-");
        assert_eq!(Cells::CSV.opt_num::<i64>(&None), "");
    }

    #[test]
    fn times_are_rfc3339_in_csv_and_to_the_minute_in_tables() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-22T05:22:25Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(Cells::CSV.time(&t), "2026-11-22T05:22:25Z");
        assert_eq!(Cells::TABLE.time(&t), "2026-11-22 05:22");
        assert_eq!(Cells::CSV.opt_time(&None), "");
    }

    #[test]
    fn a_terminal_without_a_width_does_not_wrap() {
        let disabled = |w| matches!(arrangement(w), ContentArrangement::Disabled);
        assert!(disabled(None));
        assert!(disabled(Some(0)));
        assert!(matches!(arrangement(Some(120)), ContentArrangement::Dynamic));
    }
}
