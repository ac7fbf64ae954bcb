//! Renderers: one [`Report`](crate::report::Report) value, several views that cannot drift apart.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
