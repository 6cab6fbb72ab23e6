//! Script folding: traditional characters to simplified, one character for one, for matching
//! only (displayed text stays as written). Depends on nothing in the crate.

/// Folds traditional characters to simplified, one character for one (callers that map offsets
/// back check that the character count was kept).
pub fn to_simplified(text: &str) -> String {
    fast2s::convert(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_folds_to_simplified_character_for_character() {
        let text = "數據要素價值";
        assert_eq!(to_simplified(text), "数据要素价值");
    }
}
