//! Synthetic reports in the style of real pages, for tests and benchmarks (deterministic).
