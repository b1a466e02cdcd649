//! nenpo builds the annual progress report of a municipal plan as a static site.
pub mod chart;
