//! The example in docs/format.md is what the importer really produces.

use planlens::import::{check_lossless, import_text};

/// The contents of the first fenced block of this language after `from`.
fn fenced<'a>(doc: &'a str, lang: &str, from: usize) -> (&'a str, usize) {
    let open = format!("```{lang}\n");
    let start = doc[from..].find(&open).unwrap() + from + open.len();
    let end = doc[start..].find("\n```").unwrap() + start;
    (&doc[start..=end], end)
}

#[test]
fn format_doc_example_is_a_real_import() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md")).unwrap();
    let example = doc.find("## A full example").unwrap();
    let (page, after) = fenced(&doc, "text", example);
    let (json, _) = fenced(&doc, "json", after);
    let report = import_text(page).unwrap();
    check_lossless(page, &report).unwrap();
    let documented: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_value(&report).unwrap(), documented);
}

/// Every key of the keymap table appears in the README's key reference.
#[test]
fn readme_key_reference_covers_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("## Keys").unwrap();
    let end = readme[start + 1..]
        .find("\n## ")
        .map_or(readme.len(), |i| start + 1 + i);
    let section = &readme[start..end];
    for binding in planlens::tui::action::KEYMAP {
        for key in binding.keys {
            let label = format!("`{}`", key.label());
            assert!(
                section.contains(&label),
                "README key reference lacks {label} ({})",
                binding.help
            );
        }
    }
}
