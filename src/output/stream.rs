//! Listings written row by row as they come, so `devices list` over millions of devices starts printing
//! at once and holds memory flat: a JSON array (or one field of an object), CSV, or a table whose column
//! widths are fixed by the first batch and that looks exactly like the tables of [`Output::table`].

use std::io::{self, Write};

use serde::Serialize;

use super::{COLUMN_GAP, Output};
use crate::cli::OutputFormat;
use crate::error::{Error, Result};

/// Rows written as they come (a JSON array, CSV, or a table with widths fixed by the first batch), so a
/// listing of millions starts at once and holds memory flat.
pub struct RowStream {
    format: OutputFormat,
    out: io::BufWriter<io::Stdout>,
    headers: Vec<&'static str>,
    widths: Option<Vec<usize>>,
    first: bool,
    /// `-o json` only: the array is this field of one object, whose other fields [`RowStream::finish_with`]
    /// writes after it (so a listing and its summary are one JSON document).
    field: Option<&'static str>,
    pub count: u64,
}

impl Output {
    pub fn stream(&self, headers: &[&'static str]) -> RowStream {
        RowStream {
            format: self.format,
            out: io::BufWriter::with_capacity(64 * 1024, io::stdout()),
            headers: headers.to_vec(),
            widths: None,
            first: true,
            field: None,
            count: 0,
        }
    }

    /// Like [`Output::stream`], the JSON array being `field` of an object finished by
    /// [`RowStream::finish_with`].
    pub fn stream_in(&self, headers: &[&'static str], field: &'static str) -> RowStream {
        RowStream { field: Some(field), ..self.stream(headers) }
    }
}

impl RowStream {
    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        match self.out.write_all(bytes) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
            Err(e) => Err(Error::internal(format!("writing to stdout: {e}"))),
        }
    }

    /// Opens the array (and its object) before the first item, separates the others.
    fn next_json_item(&mut self) -> Result<()> {
        // Once per row of listings of millions: no allocation but the first.
        let sep = match (self.first, self.field) {
            (true, Some(field)) => {
                self.first = false;
                return self.write(format!("{{\n  {}: [\n    ", json_key(field)).as_bytes());
            }
            (true, None) => "[\n  ",
            (false, Some(_)) => ",\n    ",
            (false, None) => ",\n  ",
        };
        self.first = false;
        self.write(sep.as_bytes())
    }

    /// Writes one JSON value given as text (`-o json` only).
    pub fn raw_item(&mut self, record: &str) -> Result<()> {
        self.next_json_item()?;
        self.write(record.as_bytes())?;
        self.count += 1;
        Ok(())
    }

    /// Writes one batch of JSON values given as text (`-o json` only).
    pub fn raw_batch(&mut self, records: &[Box<serde_json::value::RawValue>]) -> Result<()> {
        for r in records {
            self.next_json_item()?;
            self.write(r.get().as_bytes())?;
        }
        self.count += records.len() as u64;
        Ok(())
    }

    /// Writes one batch: the JSON values for `-o json`, the cells for tables and CSV.
    pub fn batch<T: Serialize>(
        &mut self,
        records: &[T],
        cells: impl Fn(&T) -> Vec<String>,
    ) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                for r in records {
                    self.next_json_item()?;
                    if let Err(e) = serde_json::to_writer(&mut self.out, r) {
                        return match e.io_error_kind() {
                            Some(io::ErrorKind::BrokenPipe) => std::process::exit(0),
                            Some(_) => Err(Error::internal(format!("writing to stdout: {e}"))),
                            None => Err(Error::internal(format!("encoding JSON: {e}"))),
                        };
                    }
                }
            }
            OutputFormat::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                let enc = |e: csv::Error| Error::internal(format!("encoding CSV: {e}"));
                if self.first {
                    w.write_record(&self.headers).map_err(enc)?;
                    self.first = false;
                }
                for r in records {
                    w.write_record(cells(r)).map_err(enc)?;
                }
                let bytes =
                    w.into_inner().map_err(|e| Error::internal(format!("encoding CSV: {e}")))?;
                self.write(&bytes)?;
            }
            OutputFormat::Table => {
                let rows: Vec<Vec<String>> = records.iter().map(&cells).collect();
                if self.widths.is_none() {
                    let mut widths: Vec<usize> = self.headers.iter().map(|h| h.len()).collect();
                    for row in &rows {
                        for (w, c) in widths.iter_mut().zip(row) {
                            *w = (*w).max(c.chars().count()).min(40);
                        }
                    }
                    let header: Vec<String> =
                        self.headers.iter().map(|h| h.to_uppercase()).collect();
                    let line = pad(&header, &widths);
                    self.widths = Some(widths);
                    self.write(line.as_bytes())?;
                }
                let widths = self.widths.clone().unwrap_or_default();
                for row in rows {
                    let line = pad(&row, &widths);
                    self.write(line.as_bytes())?;
                }
            }
        }
        self.count += records.len() as u64;
        Ok(())
    }

    pub fn finish(self) -> Result<()> {
        self.finish_with(serde_json::Map::new())
    }

    /// Ends the listing; for `-o json` in an object ([`Output::stream_in`]), `rest` are its other fields.
    pub fn finish_with(mut self, rest: serde_json::Map<String, serde_json::Value>) -> Result<()> {
        if self.format == OutputFormat::Json {
            let mut tail = match (self.first, self.field) {
                (true, Some(field)) => format!("{{\n  {}: []", json_key(field)),
                (false, Some(_)) => "\n  ]".to_string(),
                (true, None) => "[]\n".to_string(),
                (false, None) => "\n]\n".to_string(),
            };
            if self.field.is_some() {
                for (key, value) in &rest {
                    tail.push_str(&format!(",\n  {}: {value}", json_key(key)));
                }
                tail.push_str("\n}\n");
            }
            self.write(tail.as_bytes())?;
        }
        match self.out.flush() {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
            Err(e) => Err(Error::internal(format!("writing to stdout: {e}"))),
        }
    }
}

/// A JSON object key, quoted and escaped.
fn json_key(key: &str) -> String {
    serde_json::Value::String(key.to_string()).to_string()
}

fn pad(cells: &[String], widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
        let c: String = if c.chars().count() > *w {
            c.chars().take(w.saturating_sub(1)).chain(['…']).collect()
        } else {
            c.clone()
        };
        if i + 1 == cells.len() {
            line.push_str(&c);
        } else {
            let gap = " ".repeat(usize::from(COLUMN_GAP));
            line.push_str(&format!("{c:w$}{gap}"));
        }
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use comfy_table::{Table, presets};

    use super::*;
    use crate::output::arrangement;

    #[test]
    fn tables_and_streamed_listings_look_the_same() {
        let rows = [
            vec!["LIC-1".to_string(), "Acme".to_string()],
            vec!["LIC-22".to_string(), "B".to_string()],
        ];
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        table.set_header(["LICENSE", "LICENSEE"]);
        for r in &rows {
            table.add_row(r);
        }
        table.set_content_arrangement(arrangement(None));
        for (i, column) in table.column_iter_mut().enumerate() {
            column.set_padding((0, if i == 1 { 0 } else { COLUMN_GAP }));
        }
        let comfy: Vec<String> = table.lines().map(|l| l.trim_end().to_string()).collect();
        let widths = [7, 8];
        let streamed: Vec<String> = std::iter::once(vec!["LICENSE".to_string(), "LICENSEE".into()])
            .chain(rows.iter().cloned())
            .map(|r| pad(&r, &widths).trim_end().to_string())
            .collect();
        assert_eq!(comfy, streamed);
    }
}
