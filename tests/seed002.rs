//! The published 平成30年度 政策評価表 (seed 002) rebuilt: the rates nenpo prints must be the
//! rates the city printed.

mod common;

use common::{cell_after, fixture, page};

#[test]
fn indicator_rates_match_the_published_sheet() {
    let (_, files, _) = nenpo::build::render_report(&fixture("seed002")).unwrap();
    let html = page(&files, "2017/kizuna/1/index.html");
    for (id, rate) in [
        ("kanshin", "93.7%"),
        ("tsunagari", "69.5%"),
        ("kyoryoku", "86.9%"),
    ] {
        let anchor = format!("indicators/{id}/index.html");
        assert_eq!(cell_after(html, &anchor, "num rate"), rate, "{id}");
    }
}

#[test]
fn project_outcome_rates_are_whole_percent_as_published() {
    let (_, files, _) = nenpo::build::render_report(&fixture("seed002")).unwrap();
    let html = page(&files, "2017/kizuna/1/index.html");
    let projects = &html[html.find("class=\"projects-table").unwrap()..];
    let rates: Vec<&str> = projects
        .match_indices("<td class=\"num rate\"")
        .map(|(i, _)| {
            let s = &projects[i..];
            let s = &s[s.find('>').unwrap() + 1..];
            &s[..s.find('<').unwrap()]
        })
        .collect();
    assert_eq!(rates, ["91%", "101%", "75%", "92%", "188%", "106%", "100%"]);
    assert!(projects.contains(">9,973</td>"), "決算額 with separators");
    assert!(projects.contains("<span class=\"flag\">新規</span>"));
}

#[test]
fn open_data_carries_the_same_rates_and_the_city_code() {
    let (_, files, _) = nenpo::build::render_report(&fixture("seed002")).unwrap();
    let csv = page(&files, "data/2017-indicators.csv");
    assert!(
        csv.starts_with("\u{feff}全国地方公共団体コード,年度,年度（和暦）"),
        "{csv}"
    );
    assert!(csv.contains("112089,2017,平成29年度,kizuna"));
    assert!(csv.contains(",50.2,93.7,計算,B,"), "{csv}");
}

#[test]
fn meeting_page_shows_materials_and_questions_as_city_sites_do() {
    let (_, files, _) = nenpo::build::render_report(&fixture("seed002")).unwrap();
    let html = page(&files, "2017/meetings/seisaku-2/index.html");
    assert!(html.contains("<h1>第2回 政策会議</h1>"), "{html}");
    assert!(html.contains("資料1 政策評価表（PDF:762KB）"), "{html}");
    assert!(html.contains("href=\"../../../assets/2017/shiryo1.pdf\""));
    assert!(html.contains("財政局長（代理）"));
    assert!(html.contains("平成30年3月20日（火）"));
    assert!(html.contains("午後3時～午後3時30分"));
    assert!(html.contains("<dl class=\"qa\">"));
    let body = page(&files, "bodies/seisaku-kaigi/index.html");
    assert!(
        body.contains("href=\"../../2017/meetings/seisaku-2/index.html\""),
        "body links to its meeting"
    );
    assert!(body.contains("市長</a>へ報告"));
    assert!(body.contains("市長</a>から指示"));
}
