//! Related terms: words real reports use for one thing (民意速办 / 民生诉求, 跨省通办 /
//! 跨域通办), from `data/matching/related-terms.lst` and the user's own file. Matching folds every term of
//! a group to the group's first term; the text shown never changes. No I/O: the caller reads the
//! user's file and hands its text to [`install`].

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::text::normalize::fold_str;

const BUILT_IN: &str = include_str!("../../data/matching/related-terms.lst");

/// A term, folded, and the index of its group.
type Related = (Vec<char>, usize);

/// Groups of related terms, folded, looked up by their first character.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// For each first character: (term, its group), longest term first.
    by_first: HashMap<char, Vec<Related>>,
    /// Each group's first term, which stands for the group.
    groups: Vec<Vec<char>>,
}

static INSTALLED: OnceLock<Lexicon> = OnceLock::new();

/// Installs the built-in groups plus the user's (`user`: the text of their related-terms file).
/// Call it before the first match; the first call wins. The error names the line of the user's
/// text that is not a group (nothing is installed then but the built-in groups).
pub fn install(user: Option<&str>) -> Result<(), String> {
    let (lexicon, error) = match user.map(|text| Lexicon::parse(&[BUILT_IN, text])) {
        Some(Ok(lexicon)) => (lexicon, None),
        Some(Err(e)) => (built_in(), Some(e)),
        None => (built_in(), None),
    };
    let _ = INSTALLED.set(lexicon);
    error.map_or(Ok(()), Err)
}

fn built_in() -> Lexicon {
    // the built-in file is checked by a test
    Lexicon::parse(&[BUILT_IN]).unwrap_or_default()
}

/// The installed lexicon (the built-in groups when nothing was installed).
pub fn current() -> &'static Lexicon {
    INSTALLED.get_or_init(built_in)
}

impl Lexicon {
    /// Reads groups: one a line, terms separated by `/`; `#` starts a comment. A line with one
    /// term is an error (`line N: …`), in the last text given (the user's).
    pub fn parse(texts: &[&str]) -> Result<Self, String> {
        let mut lexicon = Lexicon::default();
        for text in texts {
            for (n, line) in text.lines().enumerate() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.is_empty() {
                    continue;
                }
                let terms: Vec<String> = line
                    .split('/')
                    .map(|t| fold_str(t.trim()))
                    .filter(|t| !t.is_empty())
                    .collect();
                let [first, rest @ ..] = terms.as_slice() else {
                    continue;
                };
                if rest.is_empty() {
                    return Err(format!(
                        "line {}: a group needs two terms or more: {line}",
                        n + 1
                    ));
                }
                let group = lexicon.groups.len();
                lexicon.groups.push(first.chars().collect());
                for term in terms.iter() {
                    let chars: Vec<char> = term.chars().collect();
                    if let Some(&c) = chars.first() {
                        lexicon.by_first.entry(c).or_default().push((chars, group));
                    }
                }
            }
        }
        for terms in lexicon.by_first.values_mut() {
            terms.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
        }
        Ok(lexicon)
    }

    /// Folded text with every related term written as its group's first term, scanning left to
    /// right and taking the longest term at each place.
    pub fn canonical(&self, folded: &[char]) -> Vec<char> {
        let mut out = Vec::with_capacity(folded.len());
        let mut i = 0;
        while i < folded.len() {
            match self.term_at(folded, i) {
                Some((len, group)) => {
                    out.extend_from_slice(&self.groups[group]);
                    i += len;
                }
                None => {
                    out.push(folded[i]);
                    i += 1;
                }
            }
        }
        out
    }

    /// The groups folded text names a term of (民意速办 and 民生诉求 name one group), sorted and
    /// distinct: what it is about, as far as the lexicon knows.
    pub fn subjects(&self, folded: &[char]) -> Vec<usize> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < folded.len() {
            match self.term_at(folded, i) {
                Some((len, group)) => {
                    found.push(group);
                    i += len;
                }
                None => i += 1,
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// A group's name: its first term, folded.
    pub fn name(&self, group: usize) -> String {
        self.groups[group].iter().collect()
    }

    /// The longest term starting at `i`: its length in characters and its group.
    fn term_at(&self, folded: &[char], i: usize) -> Option<(usize, usize)> {
        self.by_first
            .get(&folded[i])?
            .iter()
            .find(|(term, _)| folded[i..].starts_with(term))
            .map(|(term, group)| (term.len(), *group))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(lexicon: &Lexicon, text: &str) -> String {
        let chars: Vec<char> = fold_str(text).chars().collect();
        lexicon.canonical(&chars).into_iter().collect()
    }

    #[test]
    fn the_built_in_groups_parse() {
        let lexicon =
            Lexicon::parse(&[BUILT_IN]).expect("data/matching/related-terms.lst is well formed");
        assert_eq!(canonical(&lexicon, "推进民意速办改革"), "推进民生诉求改革");
        assert_eq!(canonical(&lexicon, "跨省通辦"), "跨域通办");
        assert_eq!(canonical(&lexicon, "数字孪生底板"), "数字孪生底板");
    }

    #[test]
    fn the_longest_term_wins_and_nothing_is_matched_twice() {
        let lexicon = Lexicon::parse(&["数字孪生 / 孪生 / CIM", "秒批 / 秒报秒批"]).unwrap();
        assert_eq!(
            canonical(&lexicon, "cim平台与孪生底板"),
            "数字孪生平台与数字孪生底板"
        );
        assert_eq!(canonical(&lexicon, "秒报秒批事项"), "秒批事项");
    }

    #[test]
    fn texts_naming_terms_of_one_group_have_that_subject() {
        let lexicon = Lexicon::parse(&[BUILT_IN]).unwrap();
        let subjects = |text: &str| {
            let chars: Vec<char> = fold_str(text).chars().collect();
            lexicon.subjects(&chars)
        };
        assert_eq!(
            subjects("推进民意速办走向深入"),
            subjects("民生诉求服务水平实现新提升")
        );
        assert_eq!(subjects("推进民意速办走向深入").len(), 1);
        assert!(subjects("加强政务信息化项目统筹管理").is_empty());
    }

    #[test]
    fn a_line_with_one_term_is_an_error_naming_it() {
        let err = Lexicon::parse(&[BUILT_IN, "# mine\n一网统管 / 城运\n只有一个\n"]).unwrap_err();
        assert_eq!(err, "line 3: a group needs two terms or more: 只有一个");
    }
}
