//! Searching a view's text: the query being typed or kept, its hits, the current one; matching
//! is the library's (`crate::search`: script, width, quotes, pinyin glosses folded), shared with
//! the search across reports. Used by the reader and the comparison. No drawing, no files.

pub use crate::search::{find, needle};

/// A search of one view: `H` says where a hit is (a block of the reader, a side of a pair).
#[derive(Debug, Clone)]
pub struct Search<H> {
    pub query: String,
    /// The query is being typed (the footer is the search field).
    pub editing: bool,
    pub hits: Vec<H>,
    pub current: Option<usize>,
}

impl<H> Default for Search<H> {
    fn default() -> Self {
        Search {
            query: String::new(),
            editing: false,
            hits: Vec::new(),
            current: None,
        }
    }
}

impl<H> Search<H> {
    /// A new, empty query being typed.
    pub fn start() -> Self {
        Search {
            editing: true,
            ..Search::default()
        }
    }

    /// Nothing searched for and nothing found: Back leaves the view.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty() && self.hits.is_empty()
    }

    /// Back within the search: ends typing the query, else clears the search; false when there
    /// is none, so Back goes on to leave the view.
    pub fn back(&mut self) -> bool {
        if self.editing {
            self.editing = false;
            return true;
        }
        if !self.is_empty() {
            *self = Search::default();
            return true;
        }
        false
    }

    /// Moves the current hit by `delta`, around the ends; false when there is no hit.
    pub fn step(&mut self, delta: isize) -> bool {
        let count = self.hits.len();
        if count == 0 {
            return false;
        }
        let current = self.current.unwrap_or(0) as isize;
        self.current = Some((current + delta).rem_euclid(count as isize) as usize);
        true
    }

    pub fn current_hit(&self) -> Option<&H> {
        self.current.and_then(|i| self.hits.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_ends_typing_then_clears_then_lets_the_view_go() {
        let mut search: Search<usize> = Search::start();
        search.query = "数据".to_string();
        search.hits = vec![3];
        assert!(search.back() && !search.editing && !search.is_empty());
        assert!(search.back() && search.is_empty());
        assert!(!search.back());
    }

    #[test]
    fn simplified_finds_traditional_and_steps_around() {
        let text = "數據要素, 数据";
        let found = find(text, &needle(" 数据 "));
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].clone()], "數據");
        let mut search = Search {
            hits: found,
            ..Search::default()
        };
        assert!(search.step(-1));
        assert_eq!(search.current, Some(1));
        assert!(search.step(1));
        assert_eq!(search.current, Some(0));
        assert!(find(text, &needle("  ")).is_empty());
    }
}
