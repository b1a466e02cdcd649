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

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::extract::Doc;
use super::text::{Key, key_hash, keys};
use crate::site::OutputFile;

/// The folder of the index in the site.
pub const DIR: &str = "search";
/// Aimed-at size of a key shard.
const KEY_SHARD_BYTES: usize = 16 * 1024;
/// Aimed-at size of a text shard.
const TEXT_SHARD_BYTES: usize = 12 * 1024;
/// Never more key shards than this, however large the site.
const MAX_KEY_SHARDS: usize = 4096;

const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Where a key occurs on a page; the best place counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Field {
    /// The text.
    Body = 0,
    /// A heading.
    Heading = 1,
    /// The title.
    Title = 2,
}

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
    let per_doc: Vec<DocKeys> = docs
        .par_iter()
        .map_init(Seen::new, |seen, d| doc_keys(d, seen))
        .collect();
    let postings = postings(&per_doc);
    let total: usize = postings
        .iter()
        .map(|p| p.key.len() + p.code.len() + 6)
        .sum();
    let shards = total.div_ceil(KEY_SHARD_BYTES).clamp(1, MAX_KEY_SHARDS);
    let mut files = key_files(postings, shards);
    let (text_files, starts) = text_files(docs);
    files.push(meta_file(docs.len(), shards, &starts, &text_files));
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

/// Keys are built in this many groups, in parallel.
const GROUPS: usize = 16;

/// The group of a packed key.
fn group(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 60) as usize
}

/// The distinct keys of a page with their best field, as `(packed key << 2) | field` (see
/// [`pack`]) sorted into groups, and the words too long to pack.
struct DocKeys {
    entries: Vec<u64>,
    /// Where each group's entries start, and the end.
    starts: [u32; GROUPS + 1],
    long: Vec<(String, Field)>,
}

/// The distinct keys of one page: an open-addressing table reused from page to page (a
/// slot belongs to the page whose number it carries).
struct Seen {
    slots: Vec<(u64, u32)>,
    page: u32,
    used: Vec<usize>,
    /// Kanji (U+4E00–U+9FFF) seen alone, by code point: 1 + best field, 0 when not seen.
    kanji: Vec<u8>,
    kanji_used: Vec<u32>,
}

const KANJI: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

impl Seen {
    fn new() -> Seen {
        Seen {
            slots: vec![(0, 0); 4096],
            page: 0,
            used: Vec::new(),
            kanji: vec![0; KANJI.clone().count()],
            kanji_used: Vec::new(),
        }
    }

    fn next_page(&mut self) {
        self.page += 1;
        self.used.clear();
        for &k in &self.kanji_used {
            self.kanji[k as usize] = 0;
        }
        self.kanji_used.clear();
    }

    /// Adds a key; single kanji, the most frequent keys, go to a plain table.
    fn add_key(&mut self, key: &Key, field: Field) -> Result<(), ()> {
        if let Key::Single(c) = key
            && KANJI.contains(&(*c as u32))
        {
            let i = (*c as u32 - KANJI.start()) as usize;
            if self.kanji[i] == 0 {
                self.kanji_used.push(i as u32);
            }
            self.kanji[i] = self.kanji[i].max(field as u8 + 1);
            return Ok(());
        }
        let p = pack(key).ok_or(())?;
        self.add(p << 2 | field as u64);
        Ok(())
    }

    /// Adds an entry, keeping the best field of its key.
    fn add(&mut self, entry: u64) {
        if self.used.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        // The high bits of the product depend on every bit of the key.
        let bits = self.slots.len().trailing_zeros();
        let mut i = ((entry >> 2).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        loop {
            let slot = &mut self.slots[i];
            if slot.1 != self.page {
                *slot = (entry, self.page);
                self.used.push(i);
                return;
            }
            if slot.0 >> 2 == entry >> 2 {
                // The field is in the low bits: the larger entry has the better field.
                slot.0 = slot.0.max(entry);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let entries: Vec<u64> = self.used.iter().map(|&i| self.slots[i].0).collect();
        self.slots = vec![(0, 0); self.slots.len() * 2];
        self.used.clear();
        for e in entries {
            self.add(e);
        }
    }

    fn entries(&self) -> impl Iterator<Item = u64> + '_ {
        let kanji = self.kanji_used.iter().map(|&i| {
            let key = TAG_SINGLE | u64::from(KANJI.start() + i);
            key << 2 | u64::from(self.kanji[i as usize] - 1)
        });
        self.used.iter().map(|&i| self.slots[i].0).chain(kanji)
    }
}

fn doc_keys(doc: &Doc, seen: &mut Seen) -> DocKeys {
    seen.next_page();
    let mut long = Vec::new();
    let mut add = |text: &str, field: Field, seen: &mut Seen| {
        keys(text, |k| {
            if seen.add_key(&k, field).is_err() {
                long.push((k.text(), field));
            }
        });
    };
    add(&doc.title, Field::Title, seen);
    for h in &doc.headings {
        add(h, Field::Heading, seen);
    }
    for s in &doc.sections {
        add(&s.text, Field::Body, seen);
    }
    // Sorted into groups by counting.
    let mut starts = [0u32; GROUPS + 1];
    for e in seen.entries() {
        starts[group(e >> 2) + 1] += 1;
    }
    for g in 0..GROUPS {
        starts[g + 1] += starts[g];
    }
    let mut entries = vec![0u64; seen.used.len() + seen.kanji_used.len()];
    let mut at = starts;
    for e in seen.entries() {
        let g = group(e >> 2);
        entries[at[g] as usize] = e;
        at[g] += 1;
    }
    long.sort();
    long.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 = a.1.max(b.1);
            true
        } else {
            false
        }
    });
    DocKeys {
        entries,
        starts,
        long,
    }
}

const TAG_SINGLE: u64 = 1 << 58;
const TAG_WORD: u64 = 2 << 58;

/// A key as one number: a pair as its two code points, a character as its code point, a word
/// of up to 8 ASCII characters as 7 bits each; a longer word does not fit.
fn pack(k: &Key) -> Option<u64> {
    Some(match k {
        Key::Pair(a, b) => (*a as u64) << 21 | *b as u64,
        Key::Single(a) => TAG_SINGLE | *a as u64,
        Key::Word(w) if w.len() <= 8 => {
            TAG_WORD | w.bytes().fold(0u64, |acc, b| acc << 7 | u64::from(b)) << (7 * (8 - w.len()))
        }
        Key::Word(_) => return None,
    })
}

/// A packed key, back as characters.
enum Unpacked {
    Pair(char, char),
    Single(char),
    Word(String),
}

impl Unpacked {
    fn as_key(&self) -> Key<'_> {
        match self {
            Unpacked::Pair(a, b) => Key::Pair(*a, *b),
            Unpacked::Single(a) => Key::Single(*a),
            Unpacked::Word(w) => Key::Word(w),
        }
    }
}

fn unpack(p: u64) -> Unpacked {
    let ch = |v: u64| char::from_u32((v & 0x1F_FFFF) as u32).unwrap_or('\u{FFFD}');
    match p & (3 << 58) {
        TAG_SINGLE => Unpacked::Single(ch(p)),
        TAG_WORD => Unpacked::Word(
            (0..8)
                .rev()
                .map(|i| ((p >> (7 * i)) & 0x7F) as u8)
                .filter(|&b| b != 0)
                .map(char::from)
                .collect(),
        ),
        _ => Unpacked::Pair(ch(p >> 21), ch(p)),
    }
}

/// A key's postings, written.
struct Posting {
    key: String,
    hash: u32,
    code: String,
}

/// Postings under construction: the last page added and the code so far.
#[derive(Default)]
struct Builder {
    next: u32,
    code: Vec<u8>,
}

impl Builder {
    fn add(&mut self, doc: u32, field: u64) {
        push_number(&mut self.code, u64::from(doc - self.next) << 2 | field);
        self.next = doc + 1;
    }
}

/// A hasher for packed keys, which are spread well enough by one multiplication.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // The table indexes by the low bits: fold the well-mixed high bits into them.
        self.0 ^ (self.0 >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Every key's postings, built in parallel over groups of keys; each group walks the pages
/// in order, so the result does not depend on the number of threads.
fn postings(per_doc: &[DocKeys]) -> Vec<Posting> {
    let mut out: Vec<Posting> = (0..GROUPS)
        .into_par_iter()
        .flat_map_iter(|g| {
            let mut map: HashMap<u64, Builder, BuildHasherDefault<KeyHasher>> = HashMap::default();
            for (d, dk) in per_doc.iter().enumerate() {
                let range = dk.starts[g] as usize..dk.starts[g + 1] as usize;
                for &e in &dk.entries[range] {
                    map.entry(e >> 2).or_default().add(d as u32, e & 3);
                }
            }
            map.into_iter().map(|(k, b)| {
                let key = unpack(k);
                Posting {
                    hash: key_hash(&key.as_key()),
                    key: key.as_key().text(),
                    code: String::from_utf8(b.code).unwrap_or_default(),
                }
            })
        })
        .collect();
    let mut long: BTreeMap<&str, Builder> = BTreeMap::new();
    for (d, dk) in per_doc.iter().enumerate() {
        for (w, f) in &dk.long {
            long.entry(w).or_default().add(d as u32, *f as u64);
        }
    }
    out.extend(long.into_iter().map(|(w, b)| Posting {
        hash: key_hash(&Key::Word(w)),
        key: w.to_string(),
        code: String::from_utf8(b.code).unwrap_or_default(),
    }));
    out
}

/// Appends a number in the index's base-32 code.
fn push_number(out: &mut Vec<u8>, v: u64) {
    if v < 32 {
        // Most postings: the next page or one soon after it.
        out.push(DIGITS[v as usize]);
        return;
    }
    let mut groups = [0u8; 13];
    let mut n = 0;
    let mut v = v;
    loop {
        groups[n] = (v & 31) as u8;
        n += 1;
        v >>= 5;
        if v == 0 {
            break;
        }
    }
    for i in (1..n).rev() {
        out.push(DIGITS[32 + groups[i] as usize]);
    }
    out.push(DIGITS[groups[0] as usize]);
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
