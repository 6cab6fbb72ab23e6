//! The layers of docs/architecture.md, checked on the source: every `crate::` and `super::` path
//! in src/ (in `use` lines and inline) gives an arrow between top-level modules, and
//! - the arrows have no cycle;
//! - nothing outside tui/ (and main.rs) refers to tui;
//! - nothing but tui/, the CLI (commands/) and main.rs names ratatui;
//! - text/ refers to nothing else in the crate (so never to import/);
//! - the arrows of the code (test modules aside) are exactly the ones docs/architecture.md lists.
//!
//! A reading of the source, not a compiler: comments are left out, and an inline module
//! (`mod tests { … }`) is taken to run to the end of its file, as every one in src/ does (the
//! check fails on a file with a second inline module, so that reading cannot go wrong unseen).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Where the source is read from.
fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// One source file: its module path (`["tui", "ui", "audit"]`; empty for lib.rs) and its code
/// with the comments taken out.
struct Source {
    file: String,
    module: Vec<String>,
    code: String,
    /// Byte offset in `code` where an inline module starts, if any.
    inline_at: Option<usize>,
}

impl Source {
    fn top(&self) -> &str {
        self.module.first().map_or("lib", String::as_str)
    }
}

fn sources() -> Vec<Source> {
    let mut files = Vec::new();
    collect(&src(), &mut files);
    files.sort();
    files
        .into_iter()
        // main.rs is the binary, a crate of its own (it reaches the library as `planlens::`);
        // lib.rs only declares the modules
        .filter(|f| !f.ends_with("main.rs") && !f.ends_with("lib.rs"))
        .map(|path| read(&path))
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn read(path: &Path) -> Source {
    let text = std::fs::read_to_string(path).unwrap();
    let relative = path.strip_prefix(src()).unwrap();
    let mut module: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
        module.pop();
    }
    let code: String = text
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let inline: Vec<usize> = code
        .match_indices("mod ")
        .filter(|&(at, _)| {
            let rest = &code[at + 4..];
            let name_end = rest
                .find(|c: char| !c.is_alphanumeric() && c != '_')
                .unwrap_or(rest.len());
            name_end > 0 && rest[name_end..].trim_start().starts_with('{')
        })
        .map(|(at, _)| at)
        .collect();
    let file = relative.display().to_string();
    assert!(
        inline.len() <= 1,
        "{file}: more than one inline module; this check reads one at the end of a file"
    );
    Source {
        file,
        module,
        code,
        inline_at: inline.first().copied(),
    }
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !c.is_alphanumeric() && c != '_')
        .unwrap_or(s.len());
    &s[..end]
}

/// The first names of a path after `crate::` (or a `super::` chain that reaches the crate
/// root): one name, or each name of a `{a, b::c}` group.
fn first_names(rest: &str) -> Vec<String> {
    let Some(group) = rest.strip_prefix('{') else {
        return vec![ident(rest).to_string()];
    };
    let mut names = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && !c.is_whitespace() => {
                names.push(ident(&group[i..]).to_string());
                start = false;
            }
            _ => {}
        }
    }
    names
}

/// A reference from one file to a top-level module.
struct Reference {
    to: String,
    /// In the file's test module.
    test: bool,
}

fn references(source: &Source) -> Vec<Reference> {
    let code = &source.code;
    let mut found = Vec::new();
    let is_path_start = |at: usize| {
        !code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
    };
    for (at, _) in code.match_indices("crate::") {
        if is_path_start(at) {
            for name in first_names(&code[at + "crate::".len()..]) {
                found.push((at, name));
            }
        }
    }
    for (at, _) in code.match_indices("super::") {
        if !is_path_start(at) {
            continue;
        }
        let mut rest = &code[at..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        let nested = source.inline_at.is_some_and(|i| at > i);
        let depth = source.module.len() + usize::from(nested);
        if ups >= depth {
            for name in first_names(rest) {
                found.push((at, name));
            }
        }
    }
    found
        .into_iter()
        .filter(|(_, name)| !name.is_empty() && name != "*" && name != "self")
        .map(|(at, to)| Reference {
            to,
            test: source.inline_at.is_some_and(|i| at > i),
        })
        .collect()
}

/// Top-level module -> the top-level modules it refers to (itself left out), with whether only
/// tests do.
fn graph(sources: &[Source]) -> BTreeMap<String, BTreeMap<String, bool>> {
    let mut edges: BTreeMap<String, BTreeMap<String, bool>> = BTreeMap::new();
    for source in sources {
        let from = source.top().to_string();
        let targets = edges.entry(from.clone()).or_default();
        for reference in references(source) {
            if reference.to != from {
                let only_tests = targets.entry(reference.to).or_insert(true);
                *only_tests &= reference.test;
            }
        }
    }
    edges
}

/// A cycle among the arrows, as the path that closes it.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

/// The arrows docs/architecture.md lists: the lines `FROM -> A, B` of its fenced `arrows` block.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md"))
            .unwrap();
    let start = doc.find("```arrows\n").expect("an ```arrows block") + "```arrows\n".len();
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (from, to) = line.split_once("->").expect("FROM -> A, B");
            let to = to
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
            (from.trim().to_string(), to)
        })
        .collect()
}

#[test]
fn top_level_modules_point_one_way() {
    let sources = sources();
    let graph = graph(&sources);
    let mut problems = Vec::new();

    let all: BTreeMap<String, BTreeSet<String>> = graph
        .iter()
        .map(|(from, to)| (from.clone(), to.keys().cloned().collect()))
        .collect();
    if let Some(found) = cycle(&all) {
        problems.push(format!("a cycle: {}", found.join(" -> ")));
    }

    for (from, to) in &graph {
        if from != "tui" && to.contains_key("tui") {
            problems.push(format!("{from} refers to tui (only main.rs may)"));
        }
        if from == "text" && !to.is_empty() {
            let names: Vec<&str> = to.keys().map(String::as_str).collect();
            problems.push(format!(
                "text refers to {} (text is the bottom layer)",
                names.join(", ")
            ));
        }
    }

    for source in &sources {
        let may_name_ratatui = matches!(source.top(), "tui" | "commands");
        let names_ratatui = source
            .code
            .match_indices("ratatui")
            .any(|(at, _)| source.code[at + "ratatui".len()..].starts_with("::"));
        if names_ratatui && !may_name_ratatui {
            problems.push(format!(
                "{} names ratatui (only tui/, commands/ and main.rs may)",
                source.file
            ));
        }
    }

    let code: BTreeMap<String, BTreeSet<String>> = graph
        .iter()
        .map(|(from, to)| {
            let to = to
                .iter()
                .filter(|&(_, &only_tests)| !only_tests)
                .map(|(t, _)| t.clone())
                .collect();
            (from.clone(), to)
        })
        .collect();
    let documented = documented();
    if code != documented {
        let show = |g: &BTreeMap<String, BTreeSet<String>>| {
            g.iter()
                .map(|(f, t)| {
                    format!(
                        "{f} -> {}",
                        t.iter().cloned().collect::<Vec<_>>().join(", ")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        problems.push(format!(
            "the arrows of docs/architecture.md are not the code's; the code's are:\n{}",
            show(&code)
        ));
    }

    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Inside the app: the renderers (tui/ui) never see the `App`, only the top screen and a small
/// render context; the screens (tui/screens) never draw.
#[test]
fn renderers_never_see_the_app_and_screens_never_draw() {
    let mut problems = Vec::new();
    // `w` as a whole word (`App`, not `AppState`; `ui::`, not `tui::`)
    let word = |code: &str, w: &str| {
        let part = |c: char| c.is_alphanumeric() || c == '_';
        code.match_indices(w).any(|(at, _)| {
            let before = code[..at].chars().next_back();
            let after = code[at + w.len()..].chars().next();
            !before.is_some_and(part) && (w.ends_with(':') || !after.is_some_and(part))
        })
    };
    for source in sources() {
        let code = match source.inline_at {
            Some(at) => &source.code[..at],
            None => &source.code,
        };
        let under = |folder: &str| source.module.len() > 1 && source.module[..2] == ["tui", folder];
        if under("ui") && (word(code, "App") || word(code, "app::")) {
            problems.push(format!("{} refers to the App", source.file));
        }
        if under("screens") && word(code, "ui::") {
            problems.push(format!("{} refers to tui::ui", source.file));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The reading above sees what it must: a group, a `super::` chain to the crate root, a
/// reference in a test module, and no comment.
#[test]
fn the_reading_finds_groups_supers_and_tests() {
    let source = Source {
        file: "a/b.rs".into(),
        module: vec!["a".into(), "b".into()],
        code: "use crate::{x::Y, z};\nuse super::super::w::V;\nuse super::c;\nmod tests {\nuse crate::t;\n}"
            .into(),
        inline_at: Some(60),
    };
    let found: Vec<(String, bool)> = references(&source)
        .into_iter()
        .map(|r| (r.to, r.test))
        .collect();
    assert_eq!(
        found,
        [
            ("x".to_string(), false),
            ("z".to_string(), false),
            ("t".to_string(), true),
            ("w".to_string(), false),
        ]
    );
}
