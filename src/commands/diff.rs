//! `planlens diff A B`: two reports side by side, sections paired by content.

use std::io::Write;
use std::path::PathBuf;

use super::CommandError;

/// Output formats of `planlens diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Md,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The left report (JSON, raw page text, or a bundled name)
    pub left: PathBuf,
    /// The right report
    pub right: PathBuf,
    /// Part of the left report: plan, summary, or its number (1, 2 …)
    #[arg(long)]
    pub left_part: Option<String>,
    /// Part of the right report: plan, summary, or its number
    #[arg(long)]
    pub right_part: Option<String>,
    /// Output format (without one, the terminal app opens on the comparison)
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
    /// Width of the text output in terminal cells (default: the terminal's, else 120)
    #[arg(long)]
    pub width: Option<u16>,
}

/// Writes the comparison in the chosen format.
pub fn run(args: &DiffArgs, out: &mut impl Write) -> Result<(), CommandError> {
    let _ = (args, out);
    Err(CommandError::BadData("planlens diff: being built".into()))
}
