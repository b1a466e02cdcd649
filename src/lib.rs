//! nenpo builds the annual progress report of a municipal plan as a static site.
//!
//! The pipeline: [`config`] → [`content`] (loading and checking) → [`model`] →
//! [`evaluate`] (targets, rates, grades, computed once) → [`diagram`] and charts → [`site`]
//! (pages as values, every figure spelt by [`format`]) → [`output`] (written only when
//! everything succeeded), with a [`search`] index of the rendered pages.
//! [`pdf`] prints a year's print view through an installed Chromium.

pub mod build;
pub mod chart;
pub mod config;
pub mod content;
pub mod desktop;
pub mod diag;
pub mod diagram;
pub mod era;
pub mod evaluate;
pub mod figure;
pub mod format;
pub mod glossary;
pub mod i18n;
pub mod init;
pub mod markdown;
pub mod model;
pub mod monitoring;
pub mod new_year;
pub mod num;
pub mod output;
pub mod pdf;
pub mod platform;
pub mod sanitize;
pub mod search;
pub mod serve;
pub mod sheet;
pub mod site;
pub mod source;
pub mod svg;
pub mod xml_id;
