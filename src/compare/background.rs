//! Bigram document frequencies over 966 sentences of 54 real report pages
//! (`data/matching/gov-report-df.tsv`, folded to simplified), made into a sorted table by
//! `build.rs`: what every report says (推进, 服务, 数据) is decided by many reports, not by the
//! one pair on screen.

use crate::compare::similarity::Bigram;

include!(concat!(env!("OUT_DIR"), "/background_df.rs"));

/// Sentences of real reports that have the bigram.
pub fn df(bigram: &Bigram) -> usize {
    BIGRAM_DF
        .binary_search_by(|(b, _)| b.cmp(bigram))
        .map_or(0, |i| BIGRAM_DF[i].1 as usize)
}
