//! Related terms: words real reports use for one thing (民意速办 / 民生诉求, 跨省通办 /
//! 跨域通办), from `data/matching/related-terms.lst` and the user's own file. Matching folds every term of
//! a group to the group's first term; the text shown never changes. A group whose terms hold `～`
//! is a pattern (智慧～ / 数字～ / ～数字化): titles naming it around one word (智慧教育, 教育数字化)
//! have one subject, and nothing is folded. No I/O: the caller reads the user's file and hands
//! its text to [`install`].

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::compare::terms::GENERIC_WORDS;
use crate::text::normalize::fold_str;

const BUILT_IN: &str = include_str!("../../data/matching/related-terms.lst");

/// A term, folded, and the index of its group.
type Related = (Vec<char>, usize);

/// The place-holder of a pattern group's terms, folded (`～` folds to it).
const WORD: char = '~';
/// The characters of the word a pattern's place-holder stands for.
const WORD_LEN: usize = 2;
/// Set in the subject number of a pattern's word (see [`Lexicon::subjects`]), above any group's.
const PATTERN_SUBJECT: usize = 1 << 62;

/// A pattern group: each term as the text before and after its place-holder, folded.
type Pattern = Vec<(Vec<char>, Vec<char>)>;

/// Groups of related terms, folded, looked up by their first character.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// For each first character: (term, its group), longest term first.
    by_first: HashMap<char, Vec<Related>>,
    /// Each group's first term, which stands for the group.
    groups: Vec<Vec<char>>,
    patterns: Vec<Pattern>,
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
                if terms.iter().any(|t| t.contains(WORD)) {
                    let forms = terms.iter().map(|t| t.split_once(WORD));
                    let pattern: Option<Pattern> = forms
                        .map(|f| f.map(|(a, b)| (a.chars().collect(), b.chars().collect())))
                        .collect();
                    match pattern {
                        Some(p) if terms.iter().all(|t| t.matches(WORD).count() == 1) => {
                            lexicon.patterns.push(p);
                        }
                        _ => {
                            return Err(format!(
                                "line {}: every term of a pattern holds one ～: {line}",
                                n + 1
                            ));
                        }
                    }
                    continue;
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
        // around a group's first term (智慧城管, 城市管理数字化 → 城管数字化)
        let canonical = self.canonical(folded);
        for (p, pattern) in self.patterns.iter().enumerate() {
            found.extend(pattern_words(pattern, &canonical).map(|w| pattern_subject(p, w)));
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// A subject's name: its group's first term, or its pattern's first term around its word,
    /// folded.
    pub fn name(&self, subject: usize) -> String {
        if subject & PATTERN_SUBJECT == 0 {
            return self.groups[subject].iter().collect();
        }
        let p = (subject & !PATTERN_SUBJECT) >> (2 * CHAR_BITS);
        let word = [(subject >> CHAR_BITS) & CHAR_MASK, subject & CHAR_MASK].map(|c| {
            u32::try_from(c)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('?')
        });
        let (before, after) = &self.patterns[p][0];
        before.iter().chain(&word).chain(after).collect()
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

/// Bits of a character in a pattern subject's number.
const CHAR_BITS: usize = 21;
const CHAR_MASK: usize = (1 << CHAR_BITS) - 1;

/// A pattern's word as a subject number: the pattern and the word's two characters, with
/// [`PATTERN_SUBJECT`] set (a number, not an index, so that the installed lexicon stays as it is).
fn pattern_subject(pattern: usize, word: [char; WORD_LEN]) -> usize {
    PATTERN_SUBJECT
        | pattern << (2 * CHAR_BITS)
        | (word[0] as usize) << CHAR_BITS
        | word[1] as usize
}

/// The words folded text names by the pattern (教育 in 智慧教育 and in 教育数字化): two Han
/// characters where the place-holder stands, not a generic word (推进数字化 names nothing), and not
/// the start of a longer term of the pattern at the same place (数字～ in 数字化转型 is ～数字化's).
fn pattern_words<'a>(
    pattern: &'a Pattern,
    folded: &'a [char],
) -> impl Iterator<Item = [char; WORD_LEN]> + 'a {
    let han = |c: &char| ('\u{4E00}'..='\u{9FFF}').contains(c);
    let literal_at = |i: usize, len: usize| {
        pattern.iter().any(|(before, after)| {
            let term = if before.is_empty() { after } else { before };
            term.len() > len && folded[i..].starts_with(term)
        })
    };
    (0..folded.len()).flat_map(move |i| {
        pattern.iter().filter_map(move |(before, after)| {
            let (start, literal) = if before.is_empty() {
                (i.checked_sub(WORD_LEN)?, after)
            } else {
                (i + before.len(), before)
            };
            if !folded[i..].starts_with(literal) || literal_at(i, literal.len()) {
                return None;
            }
            let word: [char; WORD_LEN] = folded.get(start..start + WORD_LEN)?.try_into().ok()?;
            let text: String = word.iter().collect();
            (word.iter().all(han) && !GENERIC_WORDS.contains(&text.as_str())).then_some(word)
        })
    })
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
    fn a_pattern_names_one_subject_around_one_word() {
        let lexicon = Lexicon::parse(&["智慧～ / 数字～ / ～数字化"]).unwrap();
        let subjects = |text: &str| {
            let chars: Vec<char> = fold_str(text).chars().collect();
            lexicon.subjects(&chars)
        };
        assert_eq!(subjects("推进智慧教育建设"), subjects("加快教育数字化转型"));
        assert_eq!(subjects("推进智慧健康建设"), subjects("建设数字健康罗湖"));
        assert_ne!(subjects("推进智慧教育建设"), subjects("推进智慧健康建设"));
        assert_eq!(subjects("加快教育数字化转型").len(), 1);
        // around a related term's first form
        let with_groups = Lexicon::parse(&["城管 / 城市管理\n智慧～ / 数字～ / ～数字化"]).unwrap();
        let subjects_of = |text: &str| {
            let chars: Vec<char> = fold_str(text).chars().collect();
            with_groups.subjects(&chars)
        };
        assert_eq!(
            subjects_of("推进智慧城管建设"),
            subjects_of("加快城市管理数字化转型")
        );
        // a generic word is no subject
        assert!(subjects("推动数字化转型").is_empty());
        let name = lexicon.name(subjects("教育数字化")[0]);
        assert_eq!(name, "智慧教育");
        // nothing is folded
        let chars: Vec<char> = "数字健康".chars().collect();
        assert_eq!(lexicon.canonical(&chars), chars);
    }

    #[test]
    fn a_line_with_one_term_is_an_error_naming_it() {
        let err = Lexicon::parse(&[BUILT_IN, "# mine\n一网统管 / 城运\n只有一个\n"]).unwrap_err();
        assert_eq!(err, "line 3: a group needs two terms or more: 只有一个");
    }
}
