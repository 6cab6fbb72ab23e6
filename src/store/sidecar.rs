//! Where the verdicts of a plan report are kept: a sidecar file beside the report, or under the
//! data folder for a report that is no file of its own. Knows no report names (the caller gives
//! the data folder); depends on nothing in the crate.

use std::path::{Path, PathBuf};

/// How the sidecar of `plan.json` (or `plan.txt`) is named: `plan.verdicts.json`.
pub const SIDECAR_SUFFIX: &str = ".verdicts.json";

/// The sidecar of a plan report: beside its file (`plan.json` → `plan.verdicts.json`), or, when
/// `plan_source` is no file (a bundled report, named `NAME` or `NAME.json`), under the data
/// folder (`DATA/verdicts/NAME.verdicts.json`).
pub fn sidecar_path(plan_source: &Path, data_dir: &Path) -> PathBuf {
    let stem = plan_source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = format!("{stem}{SIDECAR_SUFFIX}");
    if plan_source.exists() {
        plan_source.with_file_name(name)
    } else {
        data_dir.join("verdicts").join(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecars_sit_beside_the_plan_or_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.json");
        std::fs::write(&plan, b"{}").unwrap();
        let data = Path::new("/data");
        assert_eq!(
            sidecar_path(&plan, data),
            dir.path().join("plan.verdicts.json")
        );
        for bundled in ["guangming-zwsj-2024-2025.json", "guangming-zwsj-2024-2025"] {
            assert_eq!(
                sidecar_path(Path::new(bundled), data),
                Path::new("/data/verdicts/guangming-zwsj-2024-2025.verdicts.json")
            );
        }
    }
}
