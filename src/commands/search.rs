//! `planlens search QUERY FILES|DIR…`: every place a subject comes up in every report given, as
//! text wrapped by display width or as JSON; files that fail to load are named and the rest are
//! searched. Must not depend on tui.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::output::Output;
use super::reports::load_all;
use super::{CommandError, one_line};
use crate::model::Report;
use crate::present::labels;
use crate::search::{Hit, ReportHits, search};
use crate::text::wrap::{str_width, wrap};

/// Output formats of `planlens search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// What to look for; 一网统管 also finds 一網統管, 一網(wǎng)統(tǒng)管 and 一网统管 across a line break
    pub query: String,
    /// Reports (JSON, raw page text, bundled names) and folders of reports
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format (default: the output file's extension, else text)
    #[arg(long, value_enum)]
    pub format: Option<SearchFormat>,
    /// Width of the text output in terminal cells (a Chinese character takes 2, so at least 2)
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(2..))]
    pub width: u16,
    #[command(flatten)]
    pub output: Output,
}

/// A report searched: the file as given (or as found in a folder) and its content.
struct Searched {
    file: String,
    report: Report,
}

/// Writes the hits in the chosen format; returns the one-line errors of the files that failed to
/// load (the others are searched all the same).
pub fn run(args: &SearchArgs, out: &mut impl Write) -> Result<Vec<String>, CommandError> {
    let (loaded, failures) = load_all(&args.files);
    let searched: Vec<Searched> = loaded
        .into_iter()
        .map(|(file, report)| Searched { file, report })
        .collect();
    if searched.is_empty() {
        return Err(CommandError::BadData(failures.join("; ")));
    }
    let results = search(searched.iter().map(|s| &s.report), &args.query);
    let out = &mut io::BufWriter::new(out);
    match args
        .output
        .format(args.format)
        .unwrap_or(SearchFormat::Text)
    {
        SearchFormat::Json => write_json(out, &args.query, &searched, &results)?,
        SearchFormat::Text => write_text(
            out,
            &args.query,
            &searched,
            &results,
            usize::from(args.width),
        )?,
    }
    out.flush()?;
    Ok(failures)
}

#[derive(Serialize)]
struct JsonSearch<'a> {
    query: &'a str,
    hits: Vec<JsonHit<'a>>,
}

#[derive(Serialize)]
struct JsonHit<'a> {
    file: &'a str,
    id: &'a str,
    path: &'a [String],
    sentence: &'a str,
    /// Byte offsets of the hit in `sentence`.
    start: usize,
    end: usize,
}

/// `{"query", "hits": [{"file", "id", "path", "sentence", "start", "end"}]}`, grouped by file in
/// the order given, byte offsets into the sentence.
fn write_json(
    out: &mut impl Write,
    query: &str,
    searched: &[Searched],
    results: &[ReportHits],
) -> io::Result<()> {
    let hits = results
        .iter()
        .flat_map(|group| {
            let file = searched[group.report].file.as_str();
            group.hits.iter().map(move |hit| JsonHit {
                file,
                id: &hit.id,
                path: &hit.path,
                sentence: &hit.sentence,
                start: hit.range.start,
                end: hit.range.end,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &JsonSearch { query, hits })?;
    writeln!(out)
}

/// What was found, then each file with its count, and under it each hit: its id and section
/// path, then its sentence with the hit marked 【】, every line wrapped to `width`.
fn write_text(
    out: &mut impl Write,
    query: &str,
    searched: &[Searched],
    results: &[ReportHits],
    width: usize,
) -> io::Result<()> {
    let total = results.iter().map(|g| g.hits.len()).sum();
    write_wrapped(
        out,
        "",
        &labels::search_summary(query, results.len(), total),
        width,
    )?;
    for group in results {
        writeln!(out)?;
        let file = &searched[group.report].file;
        let header = format!("{file}  {}", labels::hit_count(group.hits.len()));
        write_wrapped(out, "", &one_line(&header), width)?;
        for hit in &group.hits {
            let place = format!("{}  {}", hit.id, labels::section_path(&hit.path));
            write_wrapped(out, "  ", &one_line(&place), width)?;
            write_wrapped(out, "    ", &marked(hit), width)?;
        }
    }
    Ok(())
}

/// The sentence with its hit between 【】, on one line.
fn marked(hit: &Hit) -> String {
    let (open, close) = labels::HIT_MARKS;
    let sentence = &hit.sentence;
    one_line(&format!(
        "{}{open}{}{close}{}",
        &sentence[..hit.range.start],
        &sentence[hit.range.clone()],
        &sentence[hit.range.end..]
    ))
}

/// `text` wrapped to `width` cells with `indent` before every line.
fn write_wrapped(out: &mut impl Write, indent: &str, text: &str, width: usize) -> io::Result<()> {
    let room = width.saturating_sub(str_width(indent, false)).max(2);
    for line in wrap(text, room) {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::BUNDLED;

    fn bundled() -> Vec<Searched> {
        BUNDLED
            .iter()
            .map(|b| Searched {
                file: b.name.to_string(),
                report: b.report().unwrap(),
            })
            .collect()
    }

    #[test]
    fn text_output_marks_hits_and_keeps_to_the_width() {
        let searched = bundled();
        let results = search(searched.iter().map(|s| &s.report), "一网统管");
        let mut out = Vec::new();
        write_text(&mut out, "一网统管", &searched, &results, 40).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| str_width(l, false) <= 40), "{text}");
        assert!(text.contains("【一网统管】"), "{text}");
        let marked = text.matches("【").count();
        let total: usize = results.iter().map(|g| g.hits.len()).sum();
        assert_eq!(marked, total);
    }
}
