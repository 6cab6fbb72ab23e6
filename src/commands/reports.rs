//! Many reports for one command (`search`, `matrix`, `recur`): files, folders (their files sorted
//! by name) and bundled names, in command-line order; what fails to load comes back as one-line
//! errors and the others still load.

use std::path::PathBuf;

use super::{one_line, open_report, warn_if_damaged};
use crate::load;
use crate::model::Report;

/// Every report of the files and folders given, in order, each with the file it came from (as
/// given, or as found in a folder); what failed, as one-line errors.
pub fn load_all(paths: &[PathBuf]) -> (Vec<(String, Report)>, Vec<String>) {
    let mut loaded = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        if path.is_dir() {
            match load::load_dir(path) {
                Ok(found) => {
                    for (file, report) in found {
                        match report {
                            Ok(report) => {
                                warn_if_damaged(&file, &report);
                                loaded.push((file.display().to_string(), report));
                            }
                            Err(error) => failures.push(one_line(&error.to_string())),
                        }
                    }
                }
                Err(error) => failures.push(one_line(&error.to_string())),
            }
            continue;
        }
        match open_report(path) {
            Ok(report) => loaded.push((path.display().to_string(), report)),
            Err(error) => failures.push(one_line(&error.to_string())),
        }
    }
    (loaded, failures)
}
