//! Writes a synthetic report for benchmarks: `cargo run --release --example synthetic -- DIR
//! [YEARS] [CHAPTERS_PER_YEAR] [INDICATORS]`. The default is 10 years × 1,000 chapters
//! (10,000 chapter pages) and 100 indicators.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("target/synthetic"),
    );
    let years: i32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let chapters: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let indicators: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(100);
    write_report(dir, years, chapters, indicators)
}

fn write_report(dir: &Path, years: i32, chapters: usize, indicators: usize) -> std::io::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir.join("content/plans"))?;
    fs::write(
        dir.join("book.toml"),
        "[report]\ntitle = \"ベンチマーク市の環境\"\norganization = \"ベンチマーク市\"\ncontact = \"環境政策課\"\n",
    )?;
    fs::write(
        dir.join("content/index.md"),
        "# ベンチマーク\n\n合成したレポートです。\n",
    )?;
    fs::write(
        dir.join("content/glossary.yaml"),
        "緑地保全制度: 緑地を守るための制度です。\n",
    )?;
    let first = 2015;
    let mut plan = format!(
        "title: 合成計画\nperiod: [{first}, {}]\ngoals:\n",
        first + years
    );
    let goals = (indicators / 10).max(1);
    for g in 0..goals {
        let _ = write!(
            plan,
            "  - id: \"{g}\"\n    title: 目標{g}の「生物生息空間」を守ります\n    measures:\n"
        );
        for m in 0..2 {
            let _ = write!(
                plan,
                "      - id: \"{g}-{m}\"\n        title: 施策{g}-{m}\n        department: 環境政策課\n        indicators:\n"
            );
            for i in 0..(indicators / goals / 2) {
                let id = format!("ind-{g}-{m}-{i}");
                let down = (g + m + i) % 3 == 0;
                let _ = write!(
                    plan,
                    "          - id: {id}\n            name: 「緑地保全制度＊」による指標{g}-{m}-{i}\n            unit: ha\n            direction: {}\n            baseline: {{ year: {first}, value: 100.0 }}\n            target: {{ year: {}, value: {} }}\n            per_year: {}\n",
                    if down { "down" } else { "up" },
                    first + years,
                    if down { 50 } else { 150 },
                    if down { "-5.0" } else { "5.0" },
                );
            }
        }
    }
    fs::write(dir.join("content/plans/plan.yaml"), plan)?;
    for y in 0..years {
        let year = first + y;
        let ydir = dir.join(format!("content/{year}"));
        fs::create_dir_all(&ydir)?;
        fs::write(
            ydir.join("index.md"),
            format!(
                "---\npublished: {}-09-30\n---\n{year}年度の概要です。\n",
                year + 1
            ),
        )?;
        let mut actuals = String::new();
        for g in 0..goals {
            for m in 0..2 {
                for i in 0..(indicators / goals / 2) {
                    let v = 100 + (y as usize * 4 + i * 7 + g) % 60;
                    let _ = writeln!(actuals, "ind-{g}-{m}-{i}: {{ actual: {v}.5 }}");
                }
            }
        }
        fs::write(ydir.join("actuals.yaml"), actuals)?;
        for c in 0..chapters {
            let text = format!(
                "---\ntitle: 第{c}章 環境の現況\nweight: {c}\n---\n## 大気\n\n本市では**「二酸化窒素」**の測定を{year}年度も継続しました。緑地保全制度＊による指定も進みました。\n\n| 測定局 | 年平均値 | 環境基準 |\n|---|---:|---|\n| 本町 | 0.0{} ppm | 達成 |\n| 緑町 | 0.01{} ppm | 達成 |\n\n## 水質\n\n- 河川のBOD は良好でした。\n- 地下水の調査を行いました。\n\n## 騒音\n\n道路交通騒音の測定を行いました。\n\n## 自然\n\n生きもの調査を実施しました。\n",
                c % 10,
                c % 7
            );
            fs::write(ydir.join(format!("ch{c:04}.md")), text)?;
        }
    }
    Ok(())
}
