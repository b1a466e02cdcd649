//! Reading and marking the printed PDF with lopdf: the page each named destination points
//! to (for the 目次 pass), the page count, and nenpo's name in the document information,
//! so a later `nenpo pdf -o` knows the file is its own to replace.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId};

/// What nenpo writes as the PDF's /Creator (the application the content came from);
/// Chromium's /Producer stays.
const CREATOR: &str = concat!("nenpo ", env!("CARGO_PKG_VERSION"));

/// The named destinations of a PDF: element id → 1-based page. Chromium names a
/// destination after the id of every element a link in the page points to, in the
/// catalog's /Dests dictionary; a /Names /Dests name tree (other writers) is read too.
/// Names are percent-decoded, as Chromium percent-encodes ids that are not ASCII. An
/// unreadable PDF has none.
pub fn destinations(pdf: &[u8]) -> HashMap<String, usize> {
    let Ok(doc) = Document::load_mem(pdf) else {
        return HashMap::new();
    };
    let page_of: HashMap<ObjectId, usize> = doc
        .get_pages()
        .into_iter()
        .map(|(n, id)| (id, n as usize))
        .collect();
    let mut out = HashMap::new();
    let Ok(catalog) = doc.catalog() else {
        return out;
    };
    let mut add = |name: &[u8], dest: &Object| {
        if let Some(page) = dest_page(&doc, dest).and_then(|id| page_of.get(&id)) {
            out.insert(percent_decode(name), *page);
        }
    };
    if let Ok(dests) = catalog.get_deref(b"Dests", &doc).and_then(Object::as_dict) {
        for (name, dest) in dests.iter() {
            add(name, dest);
        }
    }
    if let Ok(tree) = catalog
        .get_deref(b"Names", &doc)
        .and_then(Object::as_dict)
        .and_then(|names| names.get_deref(b"Dests", &doc))
        .and_then(Object::as_dict)
    {
        let mut named = indexmap::IndexMap::new();
        if doc.get_named_destinations(tree, &mut named).is_ok() {
            for (name, dest) in &named {
                if let Ok(page) = dest.page() {
                    add(name, &Object::Array(vec![page.clone()]));
                }
            }
        }
    }
    out
}

/// The page object a destination points to: `[page /XYZ …]`, or a dictionary whose /D is
/// that array, either possibly behind a reference.
fn dest_page(doc: &Document, dest: &Object) -> Option<ObjectId> {
    let (_, dest) = doc.dereference(dest).ok()?;
    let array = match dest {
        Object::Array(a) => a,
        Object::Dictionary(d) => d.get_deref(b"D", doc).ok()?.as_array().ok()?,
        _ => return None,
    };
    array.first()?.as_reference().ok()
}

/// `%XX` escapes back to bytes, then UTF-8 (lossy).
fn percent_decode(name: &[u8]) -> String {
    let mut out = Vec::with_capacity(name.len());
    let mut i = 0;
    while i < name.len() {
        if name[i] == b'%'
            && let Some(hex) = name.get(i + 1..i + 3)
            && let Some(b) = std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(name[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Pages in a PDF; `None` when it cannot be read.
pub fn page_count(pdf: &[u8]) -> Option<usize> {
    let n = Document::load_mem(pdf).ok()?.get_pages().len();
    (n > 0).then_some(n)
}

/// The PDF with nenpo named as its /Creator, added as an incremental update: the printed
/// bytes stay as they are and a new document-information dictionary is appended.
pub fn mark_as_nenpo(pdf: &[u8]) -> Result<Vec<u8>, lopdf::Error> {
    let prev = Document::load_mem(pdf)?;
    let info_id = prev
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok();
    let mut doc = IncrementalDocument::create_from(pdf.to_vec(), prev);
    let info_id = match info_id {
        Some(id) => {
            doc.opt_clone_object_to_new_document(id)?;
            id
        }
        None => {
            let id = doc.new_document.add_object(Dictionary::new());
            doc.new_document.trailer.set("Info", Object::Reference(id));
            id
        }
    };
    doc.new_document
        .get_dictionary_mut(info_id)?
        .set("Creator", lopdf::text_string(CREATOR));
    let mut out = Vec::with_capacity(pdf.len() + 1024);
    doc.save_to(&mut out)?;
    Ok(out)
}

/// Whether `bytes` are a PDF nenpo wrote: the %PDF header, and nenpo as its /Creator.
pub fn written_by_nenpo(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"%PDF-") {
        return false;
    }
    let Ok(doc) = Document::load_mem(bytes) else {
        return false;
    };
    doc.trailer
        .get_deref(b"Info", &doc)
        .and_then(Object::as_dict)
        .and_then(|info| info.get(b"Creator"))
        .and_then(lopdf::decode_text_string)
        .is_ok_and(|c| c.starts_with("nenpo "))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use lopdf::dictionary;

    /// A two-page PDF laid out as Chromium writes one (pages under an intermediate
    /// page-tree node, the catalog's /Dests naming element ids, a non-ASCII id
    /// percent-encoded), plus one destination in a /Names name tree as other writers do.
    pub(crate) fn sample_pdf() -> Vec<u8> {
        let mut doc = Document::with_version("1.4");
        let root_pages = doc.new_object_id();
        let mid = doc.new_object_id();
        let p1 = doc.add_object(dictionary! { "Type" => "Page", "Parent" => mid });
        let p2 = doc.add_object(dictionary! { "Type" => "Page", "Parent" => mid });
        doc.objects.insert(
            mid,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Parent" => root_pages, "Count" => 2,
                "Kids" => vec![p1.into(), p2.into()],
            }),
        );
        doc.objects.insert(
            root_pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Count" => 2, "Kids" => vec![mid.into()],
            }),
        );
        let xyz = |page: ObjectId, y: i64| -> Object {
            vec![page.into(), "XYZ".into(), 0.into(), y.into(), 0.into()].into()
        };
        let dests = doc.add_object(dictionary! {
            "p-overview" => xyz(p1, 800),
            "g-kankyo-1" => xyz(p2, 841),
            "ch-%E7%8F%BE" => dictionary! { "D" => xyz(p2, 400) },
        });
        let tree = dictionary! {
            "Names" => vec![Object::string_literal("from-tree"), xyz(p2, 100)],
        };
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => root_pages, "Dests" => dests,
            "Names" => dictionary! { "Dests" => tree },
        });
        let info = doc.add_object(dictionary! { "Producer" => Object::string_literal("Skia/PDF") });
        doc.trailer.set("Root", catalog);
        doc.trailer.set("Info", info);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn named_destinations_give_the_page_of_each_id() {
        let d = destinations(&sample_pdf());
        assert_eq!(d.get("p-overview"), Some(&1), "{d:?}");
        assert_eq!(d.get("g-kankyo-1"), Some(&2), "{d:?}");
        assert_eq!(d.get("ch-現"), Some(&2), "{d:?}");
        assert_eq!(d.get("from-tree"), Some(&2), "{d:?}");
        assert_eq!(d.len(), 4, "{d:?}");
        assert!(destinations(b"%PDF-1.4 nothing").is_empty());
        assert_eq!(page_count(&sample_pdf()), Some(2));
        assert_eq!(page_count(b"not a pdf"), None);
    }

    #[test]
    fn marking_keeps_the_printed_bytes_and_names_nenpo() {
        let printed = sample_pdf();
        assert!(!written_by_nenpo(&printed));
        let marked = mark_as_nenpo(&printed).unwrap();
        assert!(
            marked.starts_with(&printed),
            "an incremental update appends"
        );
        assert!(written_by_nenpo(&marked));
        // Still the same document: pages and destinations read as before.
        assert_eq!(page_count(&marked), Some(2));
        assert_eq!(destinations(&marked).get("ch-現"), Some(&2));
        // Chromium's producer stays.
        let doc = Document::load_mem(&marked).unwrap();
        let info = doc
            .trailer
            .get_deref(b"Info", &doc)
            .unwrap()
            .as_dict()
            .unwrap();
        assert_eq!(
            info.get(b"Producer").unwrap().as_str().unwrap(),
            b"Skia/PDF"
        );
        assert!(!written_by_nenpo(b"# not a pdf\n"));
    }
}
