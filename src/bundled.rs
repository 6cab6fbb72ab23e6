//! The two real reports shipped inside the binary, so `planlens` works from any directory.
//! Depends on load and model only.

use crate::model::Report;

/// A report compiled into the binary: its file name under `data/` and its JSON.
pub struct Bundled {
    pub name: &'static str,
    pub json: &'static str,
}

/// 光明区 2024 summary / 2025 plan and 龙岗区 2023 summary / 2024 plan, imported from `data/raw/`.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        name: "guangming-zwsj-2024-2025.json",
        json: include_str!("../data/guangming-zwsj-2024-2025.json"),
    },
    Bundled {
        name: "longgang-zwsj-2023-2024.json",
        json: include_str!("../data/longgang-zwsj-2023-2024.json"),
    },
];

/// The bundled report with this file name (with or without `.json`).
pub fn find(name: &str) -> Option<&'static Bundled> {
    let name = name.strip_prefix("data/").unwrap_or(name);
    BUNDLED
        .iter()
        .find(|b| b.name == name || b.name.strip_suffix(".json") == Some(name))
}

impl Bundled {
    /// The report, parsed from its embedded JSON.
    pub fn report(&self) -> Result<Report, crate::load::LoadError> {
        crate::load::report_from_bytes(std::path::Path::new(self.name), self.json.as_bytes())
    }
}
