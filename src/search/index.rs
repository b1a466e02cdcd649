//! The index as files a browser can load from file://: classic scripts, each calling a
//! function of search.js with its data (a `fetch` of local JSON fails from file://).
//!
//! - `search/meta.js`: how many pages and key shards there are, and where each text shard
//!   starts.
//! - `search/k/<n>.js`: the postings of the keys whose hash falls in shard n: for each key,
//!   the pages holding it and where (title, heading or body). A query loads the shards of
//!   its own keys only.
//! - `search/d/<n>.js`: titles, breadcrumbs, addresses and text of a run of pages, loaded
//!   for the pages a query shows, to check each match as a phrase and cut its snippet.
//!
//! Postings are written as numbers in a base-32 code of letters and digits: each number is
//! its 5-bit groups, most significant first, the last group from `0`–`v` and the others
//! from `w`–`z`, `A`–`Z`, `-`, `_`. A posting is `(gap << 2) | field`, where gap is the
//! page number for the first posting and the distance to the previous page minus one after
//! it, and field is 0 body, 1 heading, 2 title.

use rayon::prelude::*;

use super::extract::Doc;
#[cfg(test)]
use super::postings::DIGITS;
use super::postings::{DocKeys, Posting, Seen, doc_keys, postings, push_number};
#[cfg(test)]
use super::text::{Key, key_hash};
use crate::site::OutputFile;

/// The folder of the index in the site.
pub const DIR: &str = "search";
/// Aimed-at size of a key shard.
const KEY_SHARD_BYTES: usize = 16 * 1024;
/// Aimed-at size of a text shard.
const TEXT_SHARD_BYTES: usize = 12 * 1024;
/// Never more key shards than this, however large the site.
const MAX_KEY_SHARDS: usize = 4096;

/// The index files of a set of pages, and a version that changes with their content.
#[derive(Debug, Clone)]
pub struct Index {
    /// Files under `search/`.
    pub files: Vec<OutputFile>,
    /// A hash of every file, to keep browsers from mixing old and new shards.
    pub version: String,
}

/// Writes the index of `docs`, numbered in the order given (the order ties are shown in).
pub fn build_index(docs: &[&Doc]) -> Index {
    let (per_doc, text) = keys_and_text(docs);
    assemble(per_doc, text, docs.len())
}

/// [`build_index`] of pages it may drop as soon as their text is written: the pages' text
/// and the postings made from it are then never held at once, the largest part of a big
/// site's index.
pub fn build_index_owned(docs: Vec<Doc>) -> Index {
    let refs: Vec<&Doc> = docs.iter().collect();
    let (per_doc, text) = keys_and_text(&refs);
    let n = refs.len();
    drop(refs);
    drop(docs);
    assemble(per_doc, text, n)
}

/// Each page's keys, and the text files with the page each starts at.
fn keys_and_text(docs: &[&Doc]) -> (Vec<DocKeys>, (Vec<OutputFile>, Vec<usize>)) {
    let per_doc: Vec<DocKeys> = docs
        .par_iter()
        .map_init(Seen::default, |seen, d| doc_keys(d, seen))
        .collect();
    (per_doc, text_files(docs))
}

fn assemble(per_doc: Vec<DocKeys>, text: (Vec<OutputFile>, Vec<usize>), n: usize) -> Index {
    let postings = postings(&per_doc);
    drop(per_doc);
    let total: usize = postings
        .iter()
        .map(|p| p.key.len() + p.code.len() + 6)
        .sum();
    let shards = total.div_ceil(KEY_SHARD_BYTES).clamp(1, MAX_KEY_SHARDS);
    let mut files = key_files(postings, shards);
    let (text_files, starts) = text;
    files.push(meta_file(n, shards, &starts, &text_files));
    files.extend(text_files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let version = files.iter().fold(0x243f_6a88_85a3_08d3, |h, f| {
        mix(mix(h, f.path.as_bytes()), &f.bytes)
    });
    Index {
        files,
        version: format!("{version:016x}"),
    }
}

/// Mixes bytes into a 64-bit hash, eight at a time: cheap over the whole index, and the
/// same on every machine.
fn mix(h: u64, bytes: &[u8]) -> u64 {
    let step = |h: u64, w: u64| (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = (&mut chunks).fold(h, |h, c| {
        step(h, u64::from_le_bytes(c.try_into().unwrap_or_default()))
    });
    for &b in chunks.remainder() {
        h = step(h, u64::from(b));
    }
    step(h, bytes.len() as u64)
}

fn key_files(mut postings: Vec<Posting>, shards: usize) -> Vec<OutputFile> {
    let shard_of = |p: &Posting| p.hash as usize % shards;
    postings.sort_unstable_by(|a, b| {
        shard_of(a)
            .cmp(&shard_of(b))
            .then_with(|| a.key.cmp(&b.key))
    });
    let mut groups: Vec<&[Posting]> = Vec::with_capacity(shards);
    let mut rest = postings.as_slice();
    for s in 0..shards {
        let n = rest.iter().take_while(|p| shard_of(p) == s).count();
        let (here, after) = rest.split_at(n);
        groups.push(here);
        rest = after;
    }
    groups
        .par_iter()
        .enumerate()
        .map(|(s, ps)| {
            let mut js = format!("nenpoSearch.k({s},{{");
            for (i, p) in ps.iter().enumerate() {
                if i > 0 {
                    js.push(',');
                }
                js.push_str(&json_string(&p.key));
                js.push(':');
                // The code is letters, digits, `-` and `_`: nothing to escape.
                js.push('"');
                js.push_str(&p.code);
                js.push('"');
            }
            js.push_str("});\n");
            OutputFile {
                path: format!("{DIR}/k/{s}.js"),
                bytes: js.into_bytes(),
            }
        })
        .collect()
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_json_string(&mut out, s);
    out
}

/// Appends `s` as a JSON string. The stored text is most of the index, and its only
/// characters to escape are the line breaks between blocks: runs without any are copied
/// whole.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut from = 0;
    while from < bytes.len() {
        let stop =
            memchr::memchr3(b'"', b'\\', b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i);
        let run = &s[from..stop];
        if run.bytes().any(|b| b < 0x20) {
            for c in run.chars() {
                match c {
                    '\u{0}'..='\u{1f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
        } else {
            out.push_str(run);
        }
        match bytes.get(stop) {
            Some(b'"') => out.push_str("\\\""),
            Some(b'\\') => out.push_str("\\\\"),
            Some(b'\n') => out.push_str("\\n"),
            _ => {}
        }
        from = stop + 1;
    }
    out.push('"');
}

/// Appends one page's record in a text shard: address, title, breadcrumbs, then anchor and
/// text of each section.
fn push_doc_record(out: &mut String, d: &Doc) {
    out.push('[');
    push_json_string(out, &d.path);
    out.push(',');
    push_json_string(out, &d.title);
    out.push_str(",[");
    for (i, c) in d.crumbs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(out, c);
    }
    out.push(']');
    for s in &d.sections {
        out.push(',');
        push_json_string(out, &s.anchor);
        out.push(',');
        push_json_string(out, &s.text);
    }
    out.push(']');
}

/// About how many bytes a page's record takes.
fn record_len(d: &Doc) -> usize {
    let crumbs: usize = d.crumbs.iter().map(|c| c.len() + 3).sum();
    let sections: usize = d
        .sections
        .iter()
        .map(|s| s.anchor.len() + s.text.len() + 6)
        .sum();
    d.path.len() + d.title.len() + crumbs + sections + 10
}

/// The text shards, cut where a shard has grown to its aimed-at size (each written in
/// parallel), and the first page of each.
fn text_files(docs: &[&Doc]) -> (Vec<OutputFile>, Vec<usize>) {
    let mut starts = Vec::new();
    let mut size = TEXT_SHARD_BYTES;
    for (i, d) in docs.iter().enumerate() {
        if size >= TEXT_SHARD_BYTES {
            starts.push(i);
            size = 0;
        }
        size += record_len(d);
    }
    let files = starts
        .par_iter()
        .enumerate()
        .map(|(n, &first)| {
            let end = starts.get(n + 1).copied().unwrap_or(docs.len());
            let mut js = String::with_capacity(TEXT_SHARD_BYTES + TEXT_SHARD_BYTES / 2);
            js.push_str(&format!("nenpoSearch.d({n},["));
            for (i, d) in docs[first..end].iter().enumerate() {
                if i > 0 {
                    js.push(',');
                }
                push_doc_record(&mut js, d);
            }
            js.push_str("]);\n");
            OutputFile {
                path: format!("{DIR}/d/{n}.js"),
                bytes: js.into_bytes(),
            }
        })
        .collect();
    (files, starts)
}

/// The counts, where each text shard starts (as gaps) and how large it is in kilobytes
/// (so a query can tell what checking its candidates would load).
fn meta_file(docs: usize, shards: usize, starts: &[usize], text: &[OutputFile]) -> OutputFile {
    let mut code = Vec::new();
    let mut prev = 0;
    for &s in starts {
        push_number(&mut code, (s - prev) as u64);
        prev = s;
    }
    let mut sizes = Vec::new();
    for f in text {
        push_number(&mut sizes, f.bytes.len().div_ceil(1024) as u64);
    }
    let code = String::from_utf8(code).unwrap_or_default();
    let sizes = String::from_utf8(sizes).unwrap_or_default();
    OutputFile {
        path: format!("{DIR}/meta.js"),
        bytes: format!(
            "nenpoSearch.m({{\"docs\":{docs},\"keys\":{shards},\"text\":\"{code}\",\"kb\":\"{sizes}\"}});\n"
        )
        .into_bytes(),
    }
}

/// The pages whose postings hold `key` (a normalised key), read back from the index files
/// the way search.js reads them, with the field of each.
#[cfg(test)]
pub(crate) fn pages_with_key(files: &[OutputFile], key: &str) -> Vec<(String, u8)> {
    let file = |path: String| -> serde_json::Value {
        let f = files.iter().find(|f| f.path == path).expect("index file");
        let text = std::str::from_utf8(&f.bytes).unwrap();
        let args = &text[text.find('(').unwrap() + 1..text.rfind(')').unwrap()];
        let data = args.split_once(',').filter(|_| !args.starts_with('{'));
        serde_json::from_str(data.map_or(args, |(_, d)| d)).unwrap()
    };
    let meta = file(format!("{DIR}/meta.js"));
    let shards = meta["keys"].as_u64().unwrap() as u32;
    let shard = file(format!("{DIR}/k/{}.js", key_hash(&Key::Word(key)) % shards));
    let mut starts = Vec::new();
    let mut at = 0;
    for n in numbers(meta["text"].as_str().unwrap()) {
        at += n as usize;
        starts.push(at);
    }
    let mut next = 0;
    numbers(shard[key].as_str().unwrap_or(""))
        .into_iter()
        .map(|v| {
            let doc = next + (v >> 2) as usize;
            next = doc + 1;
            let n = starts.iter().rposition(|&s| s <= doc).unwrap();
            let records = file(format!("{DIR}/d/{n}.js"));
            let path = records[doc - starts[n]][0].as_str().unwrap().to_string();
            (path, (v & 3) as u8)
        })
        .collect()
}

/// The numbers of a code written by [`push_number`].
#[cfg(test)]
fn numbers(code: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut v = 0u64;
    for c in code.bytes() {
        let d = DIGITS.iter().position(|&x| x == c).unwrap() as u64;
        if d >= 32 {
            v = v * 32 + d - 32;
        } else {
            out.push(v * 32 + d);
            v = 0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::extract::Section;

    fn doc(path: &str, title: &str, body: &str) -> Doc {
        Doc {
            path: path.into(),
            title: title.into(),
            sections: vec![Section {
                anchor: String::new(),
                text: body.into(),
            }],
            ..Doc::default()
        }
    }

    fn postings_of(index: &Index, key: &str) -> Vec<(String, u8)> {
        pages_with_key(&index.files, key)
    }

    fn decode(code: &str) -> Vec<(u32, u8)> {
        let mut next = 0;
        numbers(code)
            .into_iter()
            .map(|v| {
                let doc = next + (v >> 2) as u32;
                next = doc + 1;
                (doc, (v & 3) as u8)
            })
            .collect()
    }

    #[test]
    fn postings_name_each_page_once_with_its_best_field() {
        let docs = [
            doc("a.html", "ごみの量", "家庭ごみの量は減った。"),
            doc("b.html", "大気", "PM2.5 の測定。ＣＯ２も。"),
            doc("c.html", "水", "ごみ拾い"),
        ];
        let index = build_index(&docs.iter().collect::<Vec<_>>());
        let at = |p: &str, f: u8| (p.to_string(), f);
        assert_eq!(
            postings_of(&index, "ごみ"),
            [at("a.html", 2), at("c.html", 0)]
        );
        assert_eq!(postings_of(&index, "pm2.5"), [at("b.html", 0)]);
        assert_eq!(postings_of(&index, "pm2"), [at("b.html", 0)]);
        assert_eq!(postings_of(&index, "co2"), [at("b.html", 0)]);
        assert_eq!(postings_of(&index, "水"), [at("c.html", 2)]);
        assert!(postings_of(&index, "ごみの").is_empty());
    }

    #[test]
    fn stored_text_is_valid_json_with_its_line_breaks_and_quotes() {
        for s in [
            "",
            "一行目\n二行目",
            "「\"引用\"」と \\ 記号",
            "制御\u{1}文字",
            "末尾\n",
        ] {
            let back: String = serde_json::from_str(&json_string(s)).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn numbers_round_trip_through_the_code() {
        for v in [0u64, 1, 31, 32, 1023, 1024, 123_456_789] {
            let mut code = Vec::new();
            push_number(&mut code, v << 2 | 1);
            let s = String::from_utf8(code).unwrap();
            assert_eq!(decode(&s), [((v) as u32, 1)], "{v}");
        }
    }

    #[test]
    fn the_same_pages_give_the_same_files_at_any_thread_count() {
        let docs: Vec<Doc> = (0..300)
            .map(|i| {
                doc(
                    &format!("p{i}.html"),
                    &format!("第{i}回 審議会"),
                    &format!("議題{i}：ごみ{}の量とＣＯ２ sustainability{i}", i % 7),
                )
            })
            .collect();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| build_index(&docs.iter().collect::<Vec<_>>()));
        let four = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap()
            .install(|| build_index(&docs.iter().collect::<Vec<_>>()));
        assert_eq!(one.files, four.files);
        assert_eq!(one.version, four.version);
        // Long words, which do not pack, are indexed too.
        assert_eq!(
            postings_of(&one, "sustainability12"),
            [("p12.html".to_string(), 0)]
        );
    }
}
