//! The words figures are spelt with, per language: the symbol for "no figure", the statuses
//! of a rate, the unit of a change, project statuses and outlooks. Kept apart from the
//! formatting rules so a label catalogue can take them over as they are.

/// The words of one language.
#[derive(Debug)]
pub struct Words {
    /// A table cell with no figure: —.
    pub no_figure: &'static str,
    /// No actual yet: 未集計.
    pub not_collected: &'static str,
    /// No target for the year: 目標値なし.
    pub no_target: &'static str,
    /// A target met where no rate is defined: 達成.
    pub met: &'static str,
    /// A target not met where no rate is defined: 未達成.
    pub not_met: &'static str,
    /// A rate computed by the formula, in open data: 計算.
    pub computed: &'static str,
    /// A rate the city published by hand, in open data: 公表値.
    pub published: &'static str,
    /// After a change of rate: ポイント.
    pub points: &'static str,
    /// Before a fall (△1.3ポイント).
    pub fall: &'static str,
    /// Before a rise.
    pub rise: &'static str,
    /// Before no change.
    pub even: &'static str,
    /// 新規, 充実, 継続.
    pub project_status: [&'static str; 3],
    /// 拡充, 継続, 見直し, 縮小, 廃止.
    pub outlook: [&'static str; 5],
}

/// Japanese, as cities print it.
pub const JA: Words = Words {
    no_figure: "—",
    not_collected: "未集計",
    no_target: "目標値なし",
    met: "達成",
    not_met: "未達成",
    computed: "計算",
    published: "公表値",
    points: "ポイント",
    fall: "△",
    rise: "+",
    even: "±",
    project_status: ["新規", "充実", "継続"],
    outlook: ["拡充", "継続", "見直し", "縮小", "廃止"],
};

/// English.
pub const EN: Words = Words {
    no_figure: "—",
    not_collected: "Not collected",
    no_target: "No target",
    met: "Met",
    not_met: "Not met",
    computed: "computed",
    published: "published",
    points: " pts",
    fall: "-",
    rise: "+",
    even: "±",
    project_status: ["New", "Enhanced", "Continued"],
    outlook: ["Expand", "Continue", "Review", "Reduce", "Abolish"],
};
