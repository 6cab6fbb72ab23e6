//! What a cell of the topics × reports matrix says, for the CLI and the app alike: its units
//! (marker and title), else the report's nearest unit marked as near, else a dash.

use crate::compare::topics::Matrix;
use crate::present::labels;

/// How a cell reads, and whether it holds the topic or only a near miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    OnTopic,
    Near,
    Empty,
}

/// A topic's name: its terms, else its central unit's heading.
pub fn topic_name(survey: &Matrix, topic: usize) -> String {
    survey.topics.get(topic).map_or_else(String::new, |t| {
        let heading = survey.units.get(t.central).map_or("", |u| u.title.as_str());
        labels::topic_label(&t.terms, heading)
    })
}

/// The lines of the cell of `topic` and `report`, one per unit, and what kind of cell it is.
pub fn cell_lines(survey: &Matrix, topic: usize, report: usize) -> (Vec<String>, CellKind) {
    let Some(topic) = survey.topics.get(topic) else {
        return (Vec::new(), CellKind::Empty);
    };
    let named = |u: usize| {
        survey
            .units
            .get(u)
            .map(|unit| format!("{}{}", unit.marker, unit.title))
            .unwrap_or_default()
    };
    match (topic.cells.get(report), topic.near.get(report)) {
        (Some(cell), _) if !cell.is_empty() => {
            (cell.iter().map(|&u| named(u)).collect(), CellKind::OnTopic)
        }
        (_, Some(Some((u, similarity)))) => (
            vec![labels::near_miss(*similarity, &named(*u))],
            CellKind::Near,
        ),
        _ => (vec![labels::NOTHING_ON_TOPIC.to_string()], CellKind::Empty),
    }
}

/// The units a cell stands for: its units, else its near miss, else none.
pub fn cell_units(survey: &Matrix, topic: usize, report: usize) -> Vec<usize> {
    let Some(topic) = survey.topics.get(topic) else {
        return Vec::new();
    };
    match (topic.cells.get(report), topic.near.get(report)) {
        (Some(cell), _) if !cell.is_empty() => cell.clone(),
        (_, Some(Some((u, _)))) => vec![*u],
        _ => Vec::new(),
    }
}

/// The unit a cell opens: its first unit, else its near miss.
pub fn cell_unit(survey: &Matrix, topic: usize, report: usize) -> Option<usize> {
    cell_units(survey, topic, report).first().copied()
}
