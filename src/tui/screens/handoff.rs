//! A hand-off file asked for with `x` (the audit's workbook, the comparison's redline): its
//! name, the report it goes beside and its bytes; and, when a file of that name is there, the
//! question before replacing it. No files: the run loop writes it through its `Store`.

use std::path::Path;

use super::Step;
use crate::tui::action::Action;
use crate::tui::app::Effect;

/// A file to hand off, made once when `x` is pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    /// The report it goes beside (a path, or a bundled report's name).
    pub source: String,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A hand-off whose file is already there: the confirm popup asks before replacing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replace {
    pub handoff: Handoff,
    pub path: String,
}

impl Handoff {
    /// The step that writes it (over an existing file only with `replace`).
    pub fn write(self, replace: bool) -> Step {
        Step::Effect(Effect::WriteHandoff {
            handoff: self,
            replace,
        })
    }
}

/// `plan.p2-vs-summary.p1.xlsx`: a file name from the two reports' file stems, their parts and
/// the extension.
pub fn file_name(one: (&str, &str), other: (&str, &str), extension: &str) -> String {
    let stem = |source: &str| {
        Path::new(source)
            .file_stem()
            .map_or_else(|| source.to_string(), |s| s.to_string_lossy().into_owned())
    };
    format!(
        "{}.{}-vs-{}.{}.{extension}",
        stem(one.0),
        one.1,
        stem(other.0),
        other.1
    )
}

/// The confirm popup's update: `y` writes over the file; Back (a screen's `back`) cancels.
pub fn update_replace(replace: &mut Option<Replace>, action: Action) -> Step {
    match action {
        Action::Confirm => replace
            .take()
            .map_or(Step::Stay, |asked| asked.handoff.write(true)),
        _ => Step::Stay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_both_reports_and_parts() {
        assert_eq!(
            file_name(
                ("/a/longgang-zwsj-2023-2024.json", "p2"),
                ("guangming-zwsj-2024-2025", "p1"),
                "xlsx"
            ),
            "longgang-zwsj-2023-2024.p2-vs-guangming-zwsj-2024-2025.p1.xlsx"
        );
    }
}
