//! Reading content files as text: UTF-8 only (with a clear word when a file looks like
//! Shift_JIS), a byte-order mark dropped, and Markdown front matter split off with its line.

use std::path::Path;

use crate::diag::{Diagnostic, Lang};

/// Reads a file as UTF-8 text; `rel` is how diagnostics name it.
pub fn read_text(path: &Path, rel: &str, lang: Lang) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(rel, 0, 0, crate::tr!(lang, msg.cannot_read, error = e)))?;
    decode_text(&bytes, rel, lang)
}

/// Decodes bytes as UTF-8 (dropping a BOM); other encodings are an error that says which
/// line first went wrong and whether the file looks like Shift_JIS.
pub fn decode_text(bytes: &[u8], rel: &str, lang: Lang) -> Result<String, Diagnostic> {
    if let Some(endian) = utf16(bytes) {
        let message = match lang {
            Lang::Ja => format!(
                "文字コードが UTF-8 ではありません（UTF-16{endian} で保存されているようです）"
            ),
            Lang::En => format!("the file is not UTF-8 (it looks like UTF-16{endian})"),
        };
        return Err(Diagnostic::error(rel, 1, 1, message).with_hint(save_as_utf8(lang)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.replace("\r\n", "\n")),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or("");
            let line = valid.matches('\n').count() as u32 + 1;
            let column = valid.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
            let (_, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
            let sjis = !had_errors;
            let m = &lang.text().msg;
            let message = if sjis { m.not_utf8_sjis } else { m.not_utf8 };
            Err(Diagnostic::error(rel, line, column, message).with_hint(m.utf8_hint))
        }
    }
}

fn save_as_utf8(lang: Lang) -> &'static str {
    lang.pick(
        "エディタの「文字コードを指定して保存」で UTF-8 を選んで保存し直してください",
        "save the file again with the UTF-8 encoding",
    )
}

/// " LE" or " BE" when the bytes are UTF-16 text: by its byte-order mark, or, without one, by
/// the zero bytes every ASCII character (a newline, a colon) has on the same side. Plain
/// UTF-8 text never holds a zero byte, and ASCII-only UTF-16 would even pass as UTF-8.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(" LE");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(" BE");
    }
    let zeros_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Most characters of a content file are ASCII; require a clear majority of zeros on one
    // side so a stray zero byte elsewhere is not taken for UTF-16.
    let pairs = bytes.len() / 2;
    if pairs == 0 {
        return None;
    }
    if odd * 4 >= pairs && even * 10 <= odd {
        Some(" LE")
    } else if even * 4 >= pairs && odd * 10 <= even {
        Some(" BE")
    } else {
        None
    }
}

/// A Markdown file split into its YAML front matter and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The YAML between the `---` lines, if any.
    pub yaml: Option<&'a str>,
    /// Lines before the YAML starts (1 when there is front matter): add it to YAML line numbers.
    pub yaml_line_offset: u32,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// The 1-based line the body starts on.
    pub body_line: u32,
}

/// Splits front matter off a Markdown file. A file that opens with `---` but never closes it
/// is an error at line 1, since the whole file would otherwise be read as YAML or as text.
pub fn split_front_matter<'a>(
    text: &'a str,
    rel: &str,
    lang: Lang,
) -> Result<FrontMatter<'a>, Diagnostic> {
    let first_line = text.split('\n').next().unwrap_or("");
    if first_line.trim_end() != "---" {
        return Ok(FrontMatter {
            yaml: None,
            yaml_line_offset: 0,
            body: text,
            body_line: 1,
        });
    }
    let yaml_start = first_line.len() + 1;
    let mut pos = yaml_start.min(text.len());
    let mut line_no = 2u32;
    while pos <= text.len() {
        let line_end = text[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(text.len());
        let line = &text[pos..line_end];
        if line.trim_end() == "---" || line.trim_end() == "..." {
            let body_start = (line_end + 1).min(text.len());
            return Ok(FrontMatter {
                yaml: Some(&text[yaml_start..pos]),
                yaml_line_offset: 1,
                body: &text[body_start..],
                body_line: line_no + 1,
            });
        }
        if line_end == text.len() {
            break;
        }
        pos = line_end + 1;
        line_no += 1;
    }
    let m = &lang.text().msg;
    Err(Diagnostic::error(rel, 1, 1, m.front_matter_open).with_hint(m.front_matter_open_hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_jis_is_named_with_its_line() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("title: ok\nname: 緑地保全\n");
        let err = decode_text(&sjis, "content/x.yaml", Lang::Ja).unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.column, 7);
        assert!(err.message.contains("Shift_JIS"), "{}", err.message);
    }

    #[test]
    fn utf16_is_named_as_utf16_with_or_without_a_bom() {
        let text = "title: 緑地保全\nperiod: [2019, 2028]\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with_bom = [&b"\xFF\xFE"[..], &le].concat();
        for (bytes, name) in [
            (&le, "UTF-16 LE"),
            (&be, "UTF-16 BE"),
            (&with_bom, "UTF-16 LE"),
        ] {
            let err = decode_text(bytes, "content/plans/a.yaml", Lang::Ja).unwrap_err();
            assert!(err.message.contains(name), "{}", err.message);
            assert!(!err.message.contains("Shift_JIS"), "{}", err.message);
            assert!(err.hint.unwrap().contains("UTF-8"));
        }
        // ASCII-only UTF-16 is valid UTF-8 byte for byte, and must still be caught.
        let ascii: Vec<u8> = "a: 1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(decode_text(&ascii, "x", Lang::Ja).is_err());
    }

    #[test]
    fn bom_and_crlf_are_dropped() {
        let text = decode_text(b"\xEF\xBB\xBFa: 1\r\nb: 2\r\n", "x", Lang::Ja).unwrap();
        assert_eq!(text, "a: 1\nb: 2\n");
    }

    #[test]
    fn front_matter_keeps_line_numbers() {
        let fm = split_front_matter("---\ntitle: x\nweight: 2\n---\n# 本文\n", "a.md", Lang::Ja)
            .unwrap();
        assert_eq!(fm.yaml, Some("title: x\nweight: 2\n"));
        assert_eq!(fm.yaml_line_offset, 1);
        assert_eq!(fm.body, "# 本文\n");
        assert_eq!(fm.body_line, 5);
        let none = split_front_matter("# 本文\n", "a.md", Lang::Ja).unwrap();
        assert_eq!(none.yaml, None);
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_line_one() {
        let err = split_front_matter("---\ntitle: x\n本文\n", "a.md", Lang::Ja).unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
        assert!(err.message.contains("閉じられていません"));
    }
}
