//! Postings: which pages hold each key, and where (title, heading or body), built from the
//! pages' text in parallel and written in the index's number code (see [`super::index`]).

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::extract::Doc;
use super::text::{Key, key_hash, keys};

/// The index's 64 digits: `0`–`v` end a number, the others carry on.
pub const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

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

/// Keys are built in this many groups, in parallel.
const GROUPS: usize = 16;

/// The group of a packed key.
fn group(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 60) as usize
}

/// The distinct keys of a page with their best field, as `(packed key << 2) | field` (see
/// [`pack`]) sorted into groups, and the words too long to pack.
pub struct DocKeys {
    entries: Vec<u64>,
    /// Where each group's entries start, and the end.
    starts: [u32; GROUPS + 1],
    long: Vec<(String, Field)>,
}

/// The distinct keys of one page: an open-addressing table reused from page to page (a
/// slot belongs to the page whose number it carries).
pub struct Seen {
    slots: Vec<(u64, u32)>,
    page: u32,
    used: Vec<usize>,
    /// Kanji (U+4E00–U+9FFF) seen alone, by code point: 1 + best field, 0 when not seen.
    kanji: Vec<u8>,
    kanji_used: Vec<u32>,
}

const KANJI: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

impl Default for Seen {
    fn default() -> Seen {
        Seen::new()
    }
}

impl Seen {
    /// An empty table.
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
    #[inline]
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
    #[inline(always)]
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

    #[cold]
    #[inline(never)]
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

pub fn doc_keys(doc: &Doc, seen: &mut Seen) -> DocKeys {
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
pub struct Posting {
    /// The key as written in the index.
    pub key: String,
    /// Its hash, which picks its shard.
    pub hash: u32,
    /// The postings in the number code.
    pub code: String,
}

/// Postings under construction: the last page added and the code so far.
#[derive(Default)]
struct Builder {
    next: u32,
    code: Vec<u8>,
}

impl Builder {
    #[inline]
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
pub fn postings(per_doc: &[DocKeys]) -> Vec<Posting> {
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
#[inline]
pub fn push_number(out: &mut Vec<u8>, v: u64) {
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
