//! 日本語: the default catalogue. City staff are the readers; words follow how cities print
//! their reports.

use super::keys::*;

/// The Japanese catalogue.
pub const CATALOGUE: Catalogue = Catalogue {
    page: PAGE,
    cal: CALENDAR,
    words: super::ja_words::WORDS,
    chart: super::ja_words::CHART,
    data: super::ja_words::DATA,
    msg: MESSAGES,
    files: FILES,
    cli: CLI,
    fig: super::published_ja::FIGURES,
    content: super::published_ja::CONTENT,
    mon: super::monitoring::JA,
    desk: super::desk::JA,
    search: super::search::JA,
    money: super::money::JA,
};

const PAGE: Page = Page {
    list_sep: "、",
    paren: "（{x}）",
    lparen: "（",
    rparen: "）",
    gap: "　",
    meta_sep: "　",

    skip_link: "本文へ移動",
    nav_main: "主なページ",
    nav_breadcrumbs: "現在位置",
    year_switcher: "年度の切り替え",
    year_switcher_label: "年度",
    year_switcher_none: "この年度には該当するページがありません",
    updated: "更新日：",
    print_link: "印刷用ページ（この年度の報告書全体）",
    toc_title: "このページの目次",
    pager: "前後のページ",
    pager_prev: "前へ",
    pager_next: "次へ",
    feedback: "この報告書へのご意見・ご感想をお寄せください",
    contact: "お問い合わせ先",
    footer: "{org}　{title}",

    not_found: "お探しのページは見つかりませんでした。移動または削除された可能性があります。",
    not_found_before: "お手数ですが、",
    not_found_home: "ホーム",
    not_found_after: "または下の年度の一覧からお探しください。",

    plan: "計画",
    goal: "目標",
    measure: "施策",
    department: "担当課",
    unit: "単位",
    year: "年度",
    baseline: "基準値",
    target: "目標値",
    actual: "実績値",
    rate: "達成率",
    grade: "評価",
    change: "前年度からの変化",
    note: "備考",
    final_target: "最終目標",
    not_collected: "未集計",
    rate_given: "市が公表した達成率",
    grade_manual: "手動で評価",
    svg_download: "SVG 形式でダウンロード",
    secretariat: "事務局",
    chair: "会長・議長",
    meetings_held: "会議の開催状況",
    glossary: "用語解説",
    goals_status: "目標ごとの達成状況",
    summary_caption: "{plan}の目標ごとの評価（指標の数）",

    latest_report: "最新の報告：{year}",
    read_report: "{year}の報告を読む",
    years_title: "年度別の報告",

    plan_period: "計画期間：{period}",
    year_chart_caption: "図：目標ごとの達成率の平均（数値は上の表にあります）",
    year_chapters: "この年度の章",
    year_meetings: "この年度の会議",

    goal_grade: "目標の評価",
    indicators_status: "指標の達成状況",
    indicator_count: "指標の数",
    outlook: "今後の方向性",
    summary_chart_caption: "図：指標ごとの達成率（表は下の各施策の欄にあります）",
    managed_by: "この計画の進行管理：",
    measure_id: "施策 {id}",
    measure_department: "担当課：{department}",
    measure_indicators: "施策 {id} の指標",
    indicator_name: "指標名",
    indicator_unit: "単位：{unit}",
    cumulative: "累計",
    indicator_final: "最終目標 {target}（{year}）",
    trend_caption: "{name}の推移（単位：{unit}）",
    trend_figcaption: "図と表：{name}の推移",
    trend_download: "図を SVG 形式でダウンロード",
    projects_title: "主な事業",
    budget_chart_caption: "図：事業ごとの決算額と予算額（数値は下の表にあります）",
    evaluation: "評価",
    legend: "※ 評価欄の「※」は担当課が手動で付けた評価、達成率欄の「※」は市が公表した値をそのまま掲載したものです。「未集計」は実績値がまだ集計されていない指標です。",

    indicator_definition: "指標の説明",
    direction: "望ましい方向",
    value_kind: "値の種類",
    per_year_target: "年度ごとの目標",
    formula: "達成率の計算",
    source: "出典",
    history_title: "年度ごとの推移",
    history_chart_caption: "図：年度ごとの目標値と実績値（数値は下の表にあります）",
    history_caption: "{name}の年度ごとの目標値・実績値・達成率（単位：{unit}）",

    bodies_intro: "計画を着実に進めるため、次の会議体が点検・評価や調整を行っています。",
    diagram_caption: "推進体制図",
    bodies_relations: "会議体どうしの関係",
    bodies_list: "会議体の一覧",
    body_kind: "種別",
    body_basis: "設置根拠",
    body_members: "構成員",
    body_member_total: "計 {total}",
    body_plans: "進行管理する計画",
    body_role: "役割・所掌事務",
    body_relations: "ほかの会議体との関係",
    relation_to_before: "",
    relation_to_after: "へ{kind}",
    relation_from_before: "",
    relation_from_after: "から{kind}",
    body_no_meetings: "掲載している会議はありません。",

    meeting_body: "会議",
    meeting_when: "日時",
    meeting_place: "場所",
    meeting_chair: "議長",
    meeting_attendees: "出席者",
    meeting_absent: "欠席者",
    meeting_open: "公開・非公開",
    meeting_public: "公開",
    meeting_closed: "非公開",
    meeting_observers: "傍聴者数",
    meeting_agenda: "議題",
    meeting_materials: "会議資料",
    meeting_material: "{title}（{kind}:{size}）",
    meeting_minutes: "会議録",

    print_published: "{date} 発行",
    print_hint: "このページは印刷用です。ブラウザの「印刷」から A4 で印刷するか、PDF に保存してください。",
    print_back: "通常の表示に戻る",
    print_toc: "目次",
    print_overview: "概要",

    glossary_intro: "本文中で「＊」の付いた用語の解説です。",

    data_intro: "この報告書に掲載している指標と事業の数値を、機械で読み取りやすい形式で公開しています。どなたでも自由にご利用いただけます。",
    data_caption: "年度別のデータファイル",
    data_indicators_csv: "指標（CSV）",
    data_projects_csv: "事業（CSV）",
    data_json: "指標と事業（JSON）",
    data_indicators: "指標 {count}件",
    data_projects: "事業 {count}件",
    data_format: "ファイルの形式",
    data_encoding: "文字コードは UTF-8、改行は CRLF です。",
    data_encoding_bom: "文字コードは UTF-8（BOM 付き。Excel でそのまま開けます）、改行は CRLF です。",
    data_cells: "1つのセルに1つの値を入れています。単位は「単位」の列にあり、数値の列には数字だけが入ります。",
    data_numbers: "数値は、ページに表示する数字から桁区切りの「,」と「%」を除いたもので、小数点以下の桁もページと同じです（ページの「1,234.5」は 1234.5、「87.0%」は 87.0）。JSON では数値を文字列（\"87.0\"）で書き、値がないときは null です。",
    data_years: "年度は西暦の列と和暦の列の両方があります。",
    data_code: "1列目は全国地方公共団体コード（{code}）です。",
    data_not_collected: "実績値が未集計の指標は、実績値と達成率の列が空欄で、「達成率の状態」が「未集計」です。その年度の目標値がない指標は「目標値なし」です。",
};

const CALENDAR: CalendarWords = CalendarWords {
    eras: ["令和", "平成", "昭和", "大正", "明治"],
    first_year: "元",
    fy_wareki: "{era}{n}年度",
    fy_seireki: "{year}年度",
    fy_both: "{wareki}（{seireki}）",
    date_wareki: "{era}{n}年{month}月{day}日",
    date_seireki: "{year}年{month}月{day}日",
    date_weekday: "{date}（{weekday}）",
    weekdays: ["月", "火", "水", "木", "金", "土", "日"],
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
};

const MESSAGES: Messages = Messages {
    list_sep: "、",

    error: "エラー",
    warning: "警告",
    hint: "修正方法",
    summary: "エラー {errors} 件、警告 {warnings} 件",

    did_you_mean: "「{name}」の誤りではありませんか",
    did_you_mean_keys: "「{name}」の誤りではありませんか（使えるキー: {keys}）",
    did_you_mean_values: "「{name}」の誤りではありませんか（使える値: {values}）",
    did_you_mean_scales: "「{name}」の誤りではありませんか（定義済み: {names}）",
    valid_keys: "使えるキー: {keys}",
    valid_values: "使える値: {values}",
    defined_scales: "定義済みの尺度: {names}",
    missing_key: "必須のキー「{key}」がありません",

    no_book: "book.toml がありません",
    no_book_hint: "レポートのフォルダで実行するか、`nenpo init <フォルダ>` で新しいレポートを作ってください",
    book_unknown_key: "book.toml に不明なキー「{key}」があります",
    book_title_hint: "[report] に title = \"…\" を書いてください",
    book_syntax: "book.toml の書き方に誤りがあります: {detail}",
    title_empty: "title が空です",
    scale_undefined: "評価の尺度「{name}」が定義されていません",
    scale_order: "尺度「{name}」の評価は min の大きい順に並べてください（「{mark}」）",
    scale_twice: "尺度「{name}」に評価「{mark}」が2回あります",
    scale_no_min: "尺度「{name}」には min のある評価が少なくとも1つ必要です",
    decimals_range: "小数点以下の桁数は 0 から 4 までです",
    code_digits: "全国地方公共団体コード「{code}」は6桁の数字ではありません",
    code_check_digit: "全国地方公共団体コード「{code}」の検査数字が正しくありません（{expected} になるはずです）",
    code_hint: "総務省の「全国地方公共団体コード」の6桁（検査数字を含む）を書いてください",

    yaml_unknown_key: "不明なキー「{key}」があります",
    yaml_add_key: "「{key}: …」を書き加えてください",
    yaml_bad_value: "「{value}」は使えない値です",
    yaml_key_twice: "キー「{key}」が2回書かれています",
    yaml_a_key_twice: "同じキーが2回書かれています",
    yaml_remove_one: "どちらか一方を消してください",
    yaml_syntax: "YAML の書き方に誤りがあります（{detail}）",
    yaml_syntax_hint: "字下げ（行頭の空白）、「キー: 値」のコロンの後の空白、引用符の閉じ忘れを確かめてください",
    yaml_type: "{expected}が必要なところに {found} が書かれています",
    yaml_found_text: "文字列 {text}",
    yaml_found_list: "リスト",
    yaml_found_map: "「キー: 値」の組",
    expect_fiscal_year: "年度（2023、令和5年度、R5 など）",
    expect_date: "日付（2023-11-20 など）",
    expect_number: "数値",
    expect_integer: "整数",
    expect_id: "ID（英数字）",
    expect_text: "文字列",
    expect_bool: "true か false",
    expect_list: "リスト（- で始まる行、または [ ] ）",
    expect_map: "「キー: 値」の組",
    expect_other: "「{what}」",
    hint_number: "単位や「約」「,」を付けず、数字だけを書いてください（未集計なら null）",
    hint_fiscal_year: "2023、2023年度、令和5年度、R5、H29 のように書いてください",
    hint_date: "2023-11-20 または 令和5年11月20日 のように書いてください",
    hint_quote_bool: "YAML では no・yes・on・off・true・false を真偽値として読みます。ID や文字として書くときは \"no\": のように引用符で囲んでください",

    no_content: "content フォルダがありません",
    no_content_hint: "book.toml と同じ場所に content フォルダを作ってください",
    unknown_place: "このファイルの置き場所が content の構成に合いません",
    unknown_place_hint: "このファイルは読み込まれません。SPEC のフォルダ構成（plans/、bodies/、年度フォルダ、glossary.yaml、index.md）に置くか、assets/ に移してください",
    year_dir_hint: "年度のフォルダは「2023」のように西暦の数字で名付けます（「{dir}」は年度として読めません）",
    no_front_matter: "前付け（フロントマター）がありません",
    no_front_matter_hint: "ファイルの先頭に「---」で挟んで設定を書いてください（例: ---\n{example}\n---）",
    front_matter_open: "前付け（フロントマター）が閉じられていません",
    front_matter_open_hint: "先頭の「---」に対応する「---」だけの行を、設定の終わりに書いてください",
    cannot_read: "ファイルを読み込めません: {error}",
    not_utf8: "文字コードが UTF-8 ではありません",
    not_utf8_sjis: "文字コードが UTF-8 ではありません（Shift_JIS で保存されているようです）",
    utf8_hint: "エディタの「文字コードを指定して保存」で UTF-8 を選んで保存し直してください",

    output_is_project: "出力先「{path}」がレポートのフォルダそのもの（またはその親）です。book.toml の [build] output を public などにしてください",
    output_inside: "出力先「{path}」が {dir}/ の中にあります。原稿と混ざらないよう、別のフォルダにしてください",
    output_not_ours: "出力先「{path}」には nenpo が作っていないファイルがあります。消してよいか確かめてから空にするか、別の出力先を指定してください",
    cannot_create: "{path} を作れません: {error}",
    cannot_write: "{path} に書き込めません: {error}",
    cannot_remove: "{path} を消せません: {error}",
    cannot_move: "{path} を移せません: {error}",
    output_marker: "このフォルダは nenpo が作りました。build のたびに作り直されます。\n",

    stage_load: "原稿の読み込み",
    stage_evaluate: "達成率の計算",
    stage_render: "ページの作成",
    stage_write: "書き出し",
    timings: "所要時間: {list}",
    timing: "{stage} {secs} 秒",
    build_done: "{pages} ページ（ファイル {files} 個）を {dir} に出力しました（{secs} 秒）",
    build_failed: "出力先は変更していません。",
    check_ok: "問題は見つかりませんでした。",
    pdf_done: "{year}の報告書を PDF（{pages} ページ）にしました：{pdf}（{browser}、{secs} 秒）",
    pdf_failed: "内容に誤りがあるため、PDF は作りませんでした。",
    serving: "プレビューを {url} で表示しています。ブラウザで開いてください。\n原稿を保存すると自動で更新されます。終了するには Ctrl+C を押してください。",
    serve_built: "サイトを作りました",
    serve_rebuilt: "更新しました",
    serve_changed_only: "、変更したページのみ",
    serve_log: "[{time}] {done}（{pages} ページ、{secs} 秒{how}）",
    serve_failed: "原稿に誤りがあります。ブラウザにも表示しています。直して保存すると自動で更新されます。",
    watch_problem: "ファイルの監視で問題がありました: {error}",
    watch_failed: "ファイルの監視を始められません: {error}",
    port_busy: "ポート {port} を使えません（{error}）。--port 3001 のように別の番号を指定してください",
    ports_busy: "ポート 3000〜3010 がすべて使用中です（{error}）。--port で空いている番号を指定してください",
    serve_not_found: "ページが見つかりません",
    serve_page_title: "原稿に誤りがあります",
    serve_page_lead: "次の箇所を直して保存してください。保存すると、このページは自動で更新されます。",
    serve_page_details: "詳しい内容",
    init_done: "新しいレポートを {dir} に作りました（ファイル {files} 個）。次のように進めてください。\n\n\
\x20 cd {dir}\n\
\x20 nenpo serve    編集しながらブラウザで確認します（Ctrl+C で終了）\n\
\x20 nenpo check    原稿の誤りを調べます\n\
\x20 nenpo build    public/ に公開用のサイトを出力します\n\n\
まず book.toml の市の名前と問い合わせ先を、次に content/ の原稿を書き換えてください。\n\
書き方は、各ファイルの「#」で始まる説明を読んでください。",
    init_not_empty: "フォルダ {dir} は空ではないため、何も書き込んでいません。新しいフォルダの名前を指定してください",
    new_year_bad_year: "「{year}」を年度として読めません。2025、令和7年度、R7 のように書いてください。",
    new_year_failed: "原稿に誤りがあるため、年度のフォルダは作っていません。",
    new_year_exists: "{dir} は既にあります。上書きしないよう、何も作っていません",
    new_year_done: "{dir} を作りました（{year}）。\n\
\x20 index.md       年度の概要です。本文を書いてください\n\
\x20 actuals.yaml   指標 {indicators} 件（目標値を記入 {targets} 件）。実績値を actual: に書いてください\n\
\x20 projects.yaml  {projects}\n\
書き終えたら nenpo check で確かめてください。",
    new_year_projects: "{from}から事業 {count} 件を引き継ぎました。決算額・予算額・成果の実績を書いてください",
    new_year_no_projects: "前の年度の事業がないため、書き方の例だけを入れました",

    page_error: "{path}（{template}）: {error}",
    page_clash: "ページ「{path}」が {first} のページと同じ場所になります",
    page_clash_hint: "ファイル名を変えてください（print、meetings や計画のIDと同じ名前の章は使えません）",
    templates_unreadable: "テンプレートを読み込めません: {error}",
    broken_link: "リンク先「{url}」がありません（{page} のページ）",
    broken_link_hint: "リンク先のパスを確かめてください。資料は assets/ からのパスで書きます",

    overflow: "{what}が、計算できる範囲（約±7.9×10の28乗）を超えます",
    overflow_hint: "数値の桁を確かめてください（単位の誤りや、桁区切りの入れ忘れはありませんか）",
    overflow_mean: "目標「{goal}」の指標の達成率の平均",
    overflow_target: "指標「{id}」の{year}の目標値（baseline + per_year × 年数）",
    overflow_entry: "指標「{id}」の{year}の{figure}",
    overflow_outcome: "事業「{name}」の成果指標の達成率",
    overflow_rate: "達成率",
    overflow_change: "前年度からの変化（ポイント）",

    pdf_bad_year: "年度「{text}」が読めません。2023、令和5年度、R5 のように書いてください",
    pdf_no_report: "{wareki}（{year}年度）の報告はありません。ある年度：{years}",
    pdf_year_item: "{wareki}（{year}）",
    pdf_nothing: "年度のフォルダ（content/2023/ など）がないため、印刷するものがありません",
    pdf_chromium_given: "--chromium で指定された「{path}」が見つかりません。",
    pdf_no_chromium: "PDF を作るための Chromium（または Google Chrome、Microsoft Edge）が見つかりません。",
    pdf_install: "次のどれかを入れてから、もう一度実行してください。
  Debian・Ubuntu：sudo apt install chromium
  Fedora：sudo dnf install chromium
  macOS：brew install --cask chromium（または Google Chrome を入れる）
  Windows：Microsoft Edge（標準で入っています）か Google Chrome
入っているのに見つからないときは、--chromium でその場所を指定してください
（例：nenpo pdf --chromium /usr/bin/chromium）。
ブラウザーの「印刷」→「PDF に保存」で、印刷用ページから PDF を作ることもできます。",
    pdf_cannot_start: "{path} を起動できませんでした：{error}",
    pdf_timeout: "{path} が {secs} 秒たっても終わらないため、止めました",
    pdf_print_failed: "{path} で PDF を作れませんでした（終了コード {code}）。\n{log}",
    pdf_not_pdf: "PDF の保存先「{path}」の名前が .pdf で終わっていません。原稿などを上書きしないよう、-o には「令和5年度版.pdf」のような .pdf の名前を指定してください",
    pdf_is_book: "PDF の保存先「{path}」は book.toml です。別の名前を指定してください",
    pdf_inside: "PDF の保存先「{path}」がレポートの {dir}/ の中にあります。原稿や素材と混ざらないよう、{dir}/ の外を指定してください",
    pdf_symlink: "PDF の保存先「{path}」はシンボリックリンクです。リンク先を上書きしないよう、ふつうのファイル名を指定してください",
    pdf_is_dir: "PDF の保存先「{path}」はフォルダです。「{example}」のようにファイル名まで指定してください",
    pdf_example_name: "報告書.pdf",
    pdf_not_ours: "「{path}」はすでにあり、nenpo が作った PDF ではないため、上書きしません。不要なら消してから、または別の名前を指定して、もう一度実行してください",
    pdf_cannot_write: "「{path}」に書き込めませんでした：{error}",
};

const FILES: Files = Files {
    index_md: "---\n# {year}の概要です。前付け（---の間）の書き方は docs/writing-content.md の5章にあります。\n\
title: {year}の概要\n\
# 版の表示：発行する年度と、実績の年度\n\
edition: {next}版（{year}実績）\n\
# 発行日が決まったら、先頭の「# 」を消して書きます。\n\
# published: {published}\n\
# 書きかけの年度は公開されません（build で除かれ、serve では表示されます）。書き終えたら次の行を消します。\n\
draft: true\n\
---\n\
{year}の取組の概要を、3〜6段落程度で書いてください。\n\n\
## 主な取組\n\n\
見出しを付けると、ページの目次に表示されます。\n",
    actuals_head: "# {year}の指標の実績値です（nenpo new-year で作成）。\n\
# actual: 実績値を書きます。まだ集計できていないときは null のままにします（「未集計」と表示されます）。\n\
# target: この年度の目標値です。計画ファイルから計算して記入しました。\n\
# 備考は note:、手動の評価は grade: と grade_note: に書けます（docs/writing-content.md の6章）。\n",
    actuals_goal: "\n# ── {plan} 目標{goal} {title}\n",
    actuals_details: "（{list}）",
    cumulative: "累計",
    lower_is_better: "低いほど良い",
    no_target: " 目標値は計画から計算できません。あれば target: を書いてください",
    projects_head: "# {year}の主要事業です（nenpo new-year で作成）。\n",
    projects_example: "# 1事業ずつ「-」で始めて書き、最後の行の [] を消してください（docs/writing-content.md の7章）。\n\
# - name: 事業名\n\
#   measure: \"計画ID:施策番号\"\n\
#   department: 担当課\n\
#   status: new\n\
#   settled: 1000\n\
#   budget: 1200\n\
#   outcome: {{ name: 成果指標, unit: 件, actual: 10, target: 12 }}\n\
[]\n",
    projects_carried: "# {prev}の事業を引き継ぎました。次を書いてください。\n\
#   settled: {year}の決算額（千円）  budget: {next}の予算額（千円）  outcome の actual: 成果の実績\n\
# 新規の事業は status: new、内容を充実した事業は enhanced にします。終わった事業は消してください。\n",
};

const CLI: Cli = Cli {
    about: "nenpo（年報）— 自治体の計画の年次報告書を、ウェブサイトとして作ります。",
    usage: "nenpo [オプション] <コマンド>",
    usage_label: "使い方: ",
    commands: "コマンド",
    options: "オプション",
    arguments: "引数",
    after_help: "\
よく使う順に:
  nenpo init sakuradai     新しいレポートのフォルダを作る
  nenpo serve              編集しながらブラウザで確認する（Ctrl+C で終了）
  nenpo check              原稿の誤りを調べる
  nenpo build              public/ にサイトを出力する
  nenpo new-year 2025      2025年度（令和7年度）のフォルダを作る
  nenpo pdf                最新の年度の報告書を A4 の PDF にする

各コマンドの説明: nenpo <コマンド> --help
終了コード: 0 成功、1 原稿の誤り、2 コマンドの書き方の誤り",
    help: "この説明を表示する",
    version: "版を表示する",
    root: "レポートのフォルダ（book.toml のある場所）。省略時は今いるフォルダ",
    quiet: "途中経過を表示しない（誤りは表示します）",
    verbose: "処理の段階ごとにかかった時間も表示する",
    value_folder: "フォルダ",
    value_file: "ファイル",
    value_port: "番号",
    value_year: "年度",
    value_place: "場所",
    build: "レポートをウェブサイトとして出力します（既定の出力先は public/）",
    build_usage: "nenpo build [-o フォルダ]",
    build_output: "出力先のフォルダ（book.toml の [build] output より優先）",
    check: "内容を検査し、問題をすべて表示します（ファイル名・行・列・直し方）",
    check_usage: "nenpo check [--strict]",
    check_strict: "警告があるときも失敗として終了します（終了コード 1）",
    serve: "編集しながらブラウザで確認します（保存するたびに自動で更新されます）",
    serve_usage: "nenpo serve [--port 番号]",
    serve_after: "表示されたアドレス（http://127.0.0.1:3000/ など）をブラウザで開きます。\n\
原稿を保存すると、開いているページが自動で更新されます。原稿に誤りがあるときは、\n\
ページに誤りの場所と直し方が表示されます。このパソコンの中だけで見られ、公開はされません。",
    serve_port: "使うポート番号（省略時は 3000 から空いている番号）",
    init: "新しいレポートを、見本の原稿つきで作ります",
    init_usage: "nenpo init <フォルダ>",
    init_after: "例: nenpo init kankyo-nenpo\n\
book.toml と content/ に、架空の「わかば市」の見本の原稿ができます。\n\
各ファイルの「#」で始まる行が、項目の説明です。",
    init_dir: "作るフォルダ（ないときは作ります。空でなければ何もしません）",
    new_year: "新しい年度のフォルダを作ります（指標の一覧と各年度の目標値を記入済み）",
    new_year_usage: "nenpo new-year <年度>",
    new_year_after: "例: nenpo new-year 2025（nenpo new-year 令和7年度 も同じです）\n\
content/2025/ に index.md、actuals.yaml（その年度の指標と目標値）、\n\
projects.yaml（前の年度の事業を引き継いだもの）を作ります。既にあるフォルダは上書きしません。",
    new_year_year: "年度（2025、令和7年度、R7 など）",
    pdf: "サイトを出力し、年度の印刷用ページを、この PC の Chromium で A4 の PDF にします",
    pdf_usage: "nenpo pdf [年度] [-o ファイル] [--chromium 場所]",
    pdf_after: "例: nenpo pdf（最新の年度）、nenpo pdf 令和5年度 -o 令和5年度版.pdf\n\
Chromium・Google Chrome・Microsoft Edge のどれかを PATH とふつうのインストール先から探します。\n\
目次に各章のページ番号が入り、見出しから PDF のしおりができます。",
    pdf_year: "年度（2023、令和5年度、R5 など）。省略時は最新の年度",
    pdf_output: "PDF の保存先（.pdf で終わる名前。省略時は <出力先>/<年度>/nenpo-<年度>.pdf）。原稿のフォルダの中や、nenpo が作ったのではない既存のファイルには書きません",
    pdf_chromium: "使うブラウザー（Chromium、Google Chrome、Microsoft Edge）の場所。省略時は自動で探します",
    no_command: "「{name}」というコマンドはありません。",
    no_option: "「{name}」というオプションはありません。",
    missing_argument: "{name} を指定してください。",
    bad_value: "「{value}」は {name} に使えません。",
    see_help: "使い方は nenpo --help で確かめてください。",
};
