//! `planlens audit PLAN SUMMARY`: each plan item against the next year's summary.

use std::io::Write;
use std::path::PathBuf;

use super::CommandError;

/// Output formats of `planlens audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    Text,
    Json,
    Md,
    Csv,
}

#[derive(Debug, Clone, clap::Args)]
pub struct AuditArgs {
    /// The report with the year-N plan (JSON, raw page text, or a bundled name)
    pub plan: PathBuf,
    /// The report with the year-N summary (usually the next year's document)
    pub summary: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
    pub format: AuditFormat,
    /// The verdicts file (default: the sidecar next to the plan report)
    #[arg(long)]
    pub verdicts: Option<PathBuf>,
}

/// Writes the audit in the chosen format.
pub fn run(args: &AuditArgs, out: &mut impl Write) -> Result<(), CommandError> {
    let _ = (args, out);
    Err(CommandError::BadData("planlens audit: being built".into()))
}
