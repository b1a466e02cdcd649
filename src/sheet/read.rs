//! Reading a spreadsheet file into grids of cells: xlsx, xls and ods through calamine, and
//! CSV (or tab-separated text) in UTF-8 with or without a BOM, UTF-16 with a BOM, or
//! CP932/Shift_JIS, which is what Excel's 「CSV (コンマ区切り)」 writes on Japanese Windows.
//!
//! What the file is comes from its bytes, not its name: a workbook renamed `.csv` is still
//! read as a workbook, and a PDF named `.xlsx` is refused as "not a spreadsheet".

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xls, Xlsx};

use super::number::excel_number_text;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// Nothing in the cell.
    Empty,
    /// Text, as typed (CSV cells are always text: Excel writes what it shows).
    Text(String),
    /// A number cell: the number Excel holds, as its shortest text at Excel's 15 significant
    /// digits, and the cell's number format when the file says (xlsx only).
    Number {
        /// `60.3`, `1234`, `0.853`.
        text: String,
        /// The number format code, `0.00`, `#,##0.0`, `0.0%`, `General`.
        format: Option<String>,
    },
    /// A date or time: Excel turned what was typed (1-2, 3/4) into a date.
    Date(String),
    /// TRUE or FALSE.
    Bool(bool),
    /// #DIV/0!, #N/A, #VALUE!: a formula that failed.
    Error(String),
}

impl Raw {
    /// Whether the cell holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(t) => t.trim().is_empty() || t.chars().all(|c| c.is_whitespace()),
            _ => false,
        }
    }

    /// The cell as text, for matching headers and ids.
    pub fn text(&self) -> String {
        match self {
            Raw::Empty => String::new(),
            Raw::Text(t) => t.clone(),
            Raw::Number { text, .. } => text.clone(),
            Raw::Date(t) | Raw::Error(t) => t.clone(),
            Raw::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }
}

/// One sheet: its name (none for CSV) and its rows from A1.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The sheet's name in a workbook.
    pub sheet: Option<String>,
    /// Rows of cells, row 0 = Excel's row 1, column 0 = column A.
    pub rows: Vec<Vec<Raw>>,
}

/// The text encoding a CSV file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's 「CSV UTF-8」).
    Utf8Bom,
    /// UTF-16 with a byte-order mark (Excel's 「Unicode テキスト」).
    Utf16,
    /// CP932 (Windows' Shift_JIS), what Excel's 「CSV (コンマ区切り)」 writes in Japan.
    ShiftJis,
}

/// What kind of file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Excel 2007 and later.
    Xlsx,
    /// Excel 97-2003.
    Xls,
    /// OpenDocument (LibreOffice Calc).
    Ods,
    /// Comma- or tab-separated text in the encoding found.
    Csv(Encoding),
}

/// A file read: its kind and its sheets, in workbook order.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// What the file is.
    pub kind: Kind,
    /// Its sheets (one for CSV).
    pub grids: Vec<Grid>,
}

/// Why a file could not be read as a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Zero bytes.
    Empty,
    /// An encrypted (password-protected) workbook.
    Password,
    /// A workbook whose parts are damaged: calamine's words.
    Corrupt(String),
    /// Bytes that are neither a workbook nor text.
    NotASpreadsheet,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Files that are often picked by mistake and could pass for text: PDF, PNG, JPEG, GIF,
/// RTF.
const NOT_SHEETS: &[&[u8]] = &[b"%PDF", b"\x89PNG", &[0xFF, 0xD8, 0xFF], b"GIF8", b"{\\rtf"];

/// Reads a spreadsheet from its bytes.
pub fn read(bytes: &[u8]) -> Result<Workbook, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if NOT_SHEETS.iter().any(|m| bytes.starts_with(m)) {
        return Err(ReadError::NotASpreadsheet);
    }
    if bytes.starts_with(ZIP) {
        return read_zip(bytes);
    }
    if bytes.starts_with(OLE) {
        return read_ole(bytes);
    }
    let (text, encoding) = decode(bytes).ok_or(ReadError::NotASpreadsheet)?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(Workbook {
        kind: Kind::Csv(encoding),
        grids: vec![Grid {
            sheet: None,
            rows: parse_csv(&text),
        }],
    })
}

/// A zip is an xlsx or an ods; an ods names its type in its first entry.
fn read_zip(bytes: &[u8]) -> Result<Workbook, ReadError> {
    let is_ods = bytes
        .get(30..80)
        .is_some_and(|h| h.windows(8).any(|w| w == b"mimetype"))
        && bytes
            .get(..200)
            .is_some_and(|h| h.windows(11).any(|w| w == b"opendocumen"));
    if is_ods {
        let mut wb = Ods::new(Cursor::new(bytes)).map_err(|e| match e {
            calamine::OdsError::Password => ReadError::Password,
            e => ReadError::Corrupt(e.to_string()),
        })?;
        let grids = sheets(&mut wb, |_, _| None)?;
        return Ok(Workbook {
            kind: Kind::Ods,
            grids,
        });
    }
    // A zip that names no workbook part (a Word file, an archive) is not a spreadsheet; a
    // truncated xlsx still names its parts near the start.
    if !bytes.windows(3).any(|w| w == b"xl/") {
        return Err(ReadError::NotASpreadsheet);
    }
    let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let mut styles = Vec::new();
    for name in wb.sheet_names() {
        // A sheet whose styles cannot be read still has its values.
        styles.push(wb.worksheet_style(&name).ok());
    }
    let names = wb.sheet_names();
    let grids = sheets(&mut wb, |sheet, pos| {
        let i = names.iter().position(|n| n == sheet)?;
        let style = styles.get(i)?.as_ref()?.get(pos)?;
        style.number_format.as_ref().map(|f| f.format_code.clone())
    })?;
    Ok(Workbook {
        kind: Kind::Xlsx,
        grids,
    })
}

fn xlsx_error(e: calamine::XlsxError) -> ReadError {
    match e {
        calamine::XlsxError::Password => ReadError::Password,
        e => ReadError::Corrupt(e.to_string()),
    }
}

/// An OLE compound file is an Excel 97-2003 workbook or an encrypted xlsx (Excel keeps a
/// password-protected workbook of any kind in one).
fn read_ole(bytes: &[u8]) -> Result<Workbook, ReadError> {
    if let Err(calamine::XlsxError::Password) = Xlsx::new(Cursor::new(bytes)) {
        return Err(ReadError::Password);
    }
    let mut wb = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsError::Password => ReadError::Password,
        e => ReadError::Corrupt(e.to_string()),
    })?;
    let grids = sheets(&mut wb, |_, _| None)?;
    Ok(Workbook {
        kind: Kind::Xls,
        grids,
    })
}

/// Every sheet of a workbook as a grid from A1; `format` gives a cell's number format.
fn sheets<RS, R, F>(wb: &mut R, format: F) -> Result<Vec<Grid>, ReadError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
    F: Fn(&str, (u32, u32)) -> Option<String>,
{
    let mut grids = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| ReadError::Corrupt(e.to_string()))?;
        let mut rows: Vec<Vec<Raw>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            for (r, c, data) in range.used_cells() {
                let (row, col) = (r0 as usize + r, c0 as usize + c);
                if rows.len() <= row {
                    rows.resize(row + 1, Vec::new());
                }
                if rows[row].len() <= col {
                    rows[row].resize(col + 1, Raw::Empty);
                }
                rows[row][col] = cell(data, || format(&name, (row as u32, col as u32)));
            }
        }
        grids.push(Grid {
            sheet: Some(name),
            rows,
        });
    }
    Ok(grids)
}

fn cell(data: &Data, format: impl FnOnce() -> Option<String>) -> Raw {
    match data {
        Data::Empty => Raw::Empty,
        Data::String(s) => Raw::Text(s.clone()),
        Data::Int(i) => Raw::Number {
            text: i.to_string(),
            format: format(),
        },
        Data::Float(f) => match excel_number_text(*f) {
            Some(text) => Raw::Number {
                text,
                format: format(),
            },
            None => Raw::Error(f.to_string()),
        },
        Data::Bool(b) => Raw::Bool(*b),
        Data::DateTime(d) => Raw::Date(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Raw::Date(s.clone()),
        Data::Error(e) => Raw::Error(e.to_string()),
    }
}

/// Decodes CSV bytes: UTF-16 with a BOM, UTF-8 (with or without a BOM), else CP932. Bytes
/// that are none of these, or hold NUL or other control characters no CSV holds, are not
/// a spreadsheet.
pub fn decode(bytes: &[u8]) -> Option<(String, Encoding)> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (
            std::str::from_utf8(rest).ok()?.to_string(),
            Encoding::Utf8Bom,
        )
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (enc, _) = encoding_rs::Encoding::for_bom(bytes)?;
        let (t, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors {
            return None;
        }
        (t.into_owned(), Encoding::Utf16)
    } else if let Ok(t) = std::str::from_utf8(bytes) {
        (t.to_string(), Encoding::Utf8)
    } else {
        // encoding_rs's Shift_JIS is the WHATWG one, which is Windows' CP932 (NEC and IBM
        // extensions: ①, ㈱, 髙).
        let (t, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
        if had_errors {
            return None;
        }
        (t.into_owned(), Encoding::ShiftJis)
    };
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    (!binary).then_some((text, encoding))
}

/// Splits CSV text into rows of text cells: commas, or tabs when the first line has tabs
/// and no commas (Excel's tab-separated 「テキスト」). Quotes as RFC 4180 and Excel write them;
/// CRLF, LF or CR line ends. An empty line is an empty row, as Excel shows it, so that row
/// numbers in the report are the ones the editor sees.
pub fn parse_csv(text: &str) -> Vec<Vec<Raw>> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') && !first.contains(',') {
        '\t'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let end_field = |field: &mut String, row: &mut Vec<Raw>| {
        let f = std::mem::take(field);
        row.push(if f.is_empty() {
            Raw::Empty
        } else {
            Raw::Text(f)
        });
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            c if quoted => field.push(c),
            c if c == delimiter => end_field(&mut field, &mut row),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_field(&mut field, &mut row);
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        end_field(&mut field, &mut row);
        rows.push(row);
    }
    for r in &mut rows {
        while r.last().is_some_and(|c| *c == Raw::Empty) {
            r.pop();
        }
    }
    rows
}
