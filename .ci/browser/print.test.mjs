// Each year's print view printed by Chromium to an A4 PDF (Chromium's own print layout, the
// one a citizen gets from 印刷 → PDF に保存), then read back with poppler:
// - more than one page; 目次 present; every page after the cover carries "n / N";
// - every achievement rate of the year's open data (data/<year>-indicators.csv, column
//   達成率（%）, or Achievement rate (%) in an English site) appears in the PDF's text as
//   "<rate>%";
// - no table and no chart is cut across pages (see `cutAcrossPages` for how);
// - the pages as PNGs in target/screenshots/print/<year>/ for a person to look at.
// And `nenpo pdf` itself, on a copy of the example, with this Chromium: an outline, and a
// 目次 whose page numbers point at the pages where those chapters begin.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { CHROMIUM, nenpoBinary, printYears, ROOT, run, shotsDir, SITE, useServerAndBrowser } from './lib.mjs';

const env = useServerAndBrowser();
let tmp;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nenpo-print-'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The PDF options: A4 from the stylesheet's @page, backgrounds, outline from headings. */
const PDF = { format: 'A4', preferCSSPageSize: true, printBackground: true, outline: true, tagged: true };

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF), dropping a BOM. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The year's achievement rates from its open data: the CSV writes a rate with the digits the
 * pages print (87.0 is 87.0% on the page), so the text is compared as it is.
 */
function expectedRates(year) {
  const [head, ...rows] = parseCsv(readFileSync(join(SITE, 'data', `${year}-indicators.csv`), 'utf8'));
  const column = (...names) => Math.max(...names.map((n) => head.indexOf(n)));
  const col = column('達成率（%）', 'Achievement rate (%)');
  assert.ok(col >= 0, `no 達成率（%） column in data/${year}-indicators.csv: ${head.join(',')}`);
  const name = column('指標名', 'Indicator');
  return rows
    .filter((r) => r.length === head.length && r[col] !== '')
    .map((r) => ({ rate: r[col], name: r[name] }));
}

/** The text of each page of a PDF (pdftotext separates pages with form feeds). */
function pageTexts(pdf) {
  const text = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
  const pages = text.split('\f');
  if (pages.at(-1).trim() === '') pages.pop();
  return pages;
}

function pageCount(pdf) {
  const m = run('pdfinfo', [pdf]).match(/^Pages:\s+(\d+)/m);
  return Number(m[1]);
}

/** The size of every page, as pdfinfo names it ("A4"), deduplicated. */
function pageSizes(pdf) {
  const info = run('pdfinfo', ['-f', '1', '-l', '100000', pdf]);
  return [...new Set([...info.matchAll(/^Page\s+\d+ size:.*\((\w+)\)/gm)].map((m) => m[1]))];
}

/**
 * Which tables and charts Chromium's print layout cut across pages.
 *
 * How: every outermost table, figure, .chart and svg in <main> is wrapped in a
 * `position: relative` box holding two tiny absolutely positioned text markers, one at its
 * top edge and one at its bottom edge. Absolutely positioned boxes take no room in the flow,
 * so the page breaks Chromium chooses are the same as without them; and when Chromium splits
 * a box across pages, a marker at `top: 0` lands on the first fragment and one at
 * `bottom: 0` on the last. We print that marked page to a PDF with the same options and ask
 * pdftotext on which page each marker is: a start and an end on different pages means the
 * element was cut. This uses Chromium's real pagination (break-inside, orphans, @page
 * margins), not an estimate.
 */
async function cutAcrossPages(page, pdfPath, cleanPages) {
  const described = await page.evaluate(() => {
    const all = [...document.querySelectorAll('main table, main figure, main .chart, main svg')];
    const set = new Set(all);
    const outer = all.filter((el) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      return true;
    });
    const marker = (text, edge) => {
      const m = document.createElement('span');
      m.textContent = text;
      m.setAttribute('aria-hidden', 'true');
      m.style.cssText = `position:absolute;left:0;${edge}:0;font:6px/6px monospace;color:#000;white-space:nowrap;`;
      return m;
    };
    return outer.map((el, i) => {
      const wrap = document.createElement('div');
      wrap.style.cssText = 'position:relative;margin:0;padding:0;border:0;';
      el.replaceWith(wrap);
      wrap.append(marker(`NNPS${i}X`, 'top'), el, marker(`NNPE${i}X`, 'bottom'));
      const caption = el.querySelector?.('caption, figcaption, title')?.textContent?.trim();
      const heading = el.closest('section')?.querySelector('h2, h3, h4')?.textContent?.trim();
      return `${el.tagName.toLowerCase()} «${(caption || heading || '').slice(0, 60)}»`;
    });
  });
  await page.pdf({ ...PDF, path: pdfPath });
  // The markers must not have moved a break: same page count as the clean print.
  assert.equal(pageCount(pdfPath), cleanPages, 'the marked print has a different page count');
  const start = new Map();
  const end = new Map();
  pageTexts(pdfPath).forEach((text, p) => {
    for (const m of text.matchAll(/NNP([SE])(\d+)X/g)) (m[1] === 'S' ? start : end).set(Number(m[2]), p + 1);
  });
  const problems = [];
  described.forEach((what, i) => {
    if (!start.has(i) || !end.has(i)) problems.push(`${what}: marker not found in the PDF`);
    else if (start.get(i) !== end.get(i)) problems.push(`${what}: cut across pages ${start.get(i)}–${end.get(i)}`);
  });
  return { count: described.length, problems };
}

/** The language of the site's print view (`<html lang>`): ja or en. */
function siteLang(year) {
  const html = readFileSync(join(SITE, year, 'print', 'index.html'), 'utf8');
  return html.match(/<html lang="([a-z]+)/)?.[1] ?? 'ja';
}

/** The 目次 heading in the print view's language: 目次, or Contents. */
function tocHeading(year) {
  return siteLang(year) === 'en' ? /Contents/ : /目\s*次/;
}

for (const year of printYears()) {
  test(`print view ${year}: A4 PDF with 目次, page numbers, the year's rates, nothing cut`, async () => {
    const dir = shotsDir('print', year);
    const pdf = join(dir, `nenpo-${year}.pdf`);
    const page = await env.browser.newPage();
    try {
      await page.goto(`${env.server.base}${year}/print/index.html`, { waitUntil: 'load' });
      await page.pdf({ ...PDF, path: pdf });

      const n = pageCount(pdf);
      assert.ok(n > 1, `the PDF has ${n} page`);
      assert.deepEqual(pageSizes(pdf), ['A4'], 'page sizes');
      const texts = pageTexts(pdf);
      assert.equal(texts.length, n, 'pdftotext pages');
      const all = texts.join('\n');
      assert.match(all, tocHeading(year), '目次 missing');
      const unnumbered = [];
      for (let i = 2; i <= n; i++) {
        if (!new RegExp(`(^|\\s)${i}\\s*/\\s*${n}(\\s|$)`).test(texts[i - 1])) unnumbered.push(i);
      }
      assert.deepEqual(unnumbered, [], `pages without "n / ${n}"`);

      const compact = all.replace(/\s+/g, '');
      const rates = expectedRates(year);
      const missing = rates.filter((r) => !compact.includes(`${r.rate}%`));
      assert.deepEqual(missing, [], 'rates from the open data missing in the PDF text');

      const cut = await cutAcrossPages(page, join(tmp, `${year}-marked.pdf`), n);
      assert.deepEqual(cut.problems, [], 'tables or charts cut across pages');

      run('pdftoppm', ['-png', '-r', '50', pdf, join(dir, 'page')]);
      console.log(
        `print ${year}: ${n} pages, ${rates.length} rates found, ${cut.count} tables/charts, none cut`,
      );
    } finally {
      await page.close();
    }
  });
}

test('nenpo pdf: outline, and 目次 page numbers that match the pages', () => {
  const years = printYears();
  const year = years.at(-1);
  // A copy of the example's sources, so the build nenpo pdf makes stays out of the checkout.
  const root = join(tmp, 'report');
  for (const part of ['book.toml', 'content', 'assets', 'themes']) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(root, part), { recursive: true });
  }
  // The report in the language of the site under test, so an English run prints an English PDF.
  const lang = siteLang(year);
  const book = join(root, 'book.toml');
  writeFileSync(book, readFileSync(book, 'utf8').replace(/^language = "ja"/m, `language = "${lang}"`));
  const out = join(shotsDir('print'), `nenpo-pdf-${year}.pdf`);
  run(nenpoBinary(), ['-C', root, '--quiet', 'pdf', year, '-o', out, '--chromium', CHROMIUM]);
  const bytes = readFileSync(out);
  assert.ok(bytes.includes('/Outlines'), 'no PDF outline');
  const texts = pageTexts(out);
  assert.ok(texts.length > 1, 'one page');
  // 目次 lines end in a page number; that page must begin with the entry's title.
  const heading = lang === 'en' ? /^\s*Contents/m : /^\s*目\s*次/m;
  const tocPage = texts.findIndex((t) => heading.test(t));
  assert.ok(tocPage >= 0, '目次 missing');
  const layout = run('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(tocPage + 1), '-l', String(tocPage + 1), out, '-']);
  const entries = [...layout.matchAll(/^\s*(?:\d+\.\s*)?(\S.*?)[\s.]{2,}(\d+)\s*$/gm)]
    .map((m) => ({ title: m[1].trim(), page: Number(m[2]) }))
    .filter((e) => !e.title.includes('/')); // not the page's own "2 / 26" footer
  assert.ok(entries.length >= 4, `too few numbered 目次 entries:\n${layout}`);
  const squash = (s) => s.replace(/\s+/g, '');
  const wrong = entries.filter((e) => !squash(texts[e.page - 1] ?? '').includes(squash(e.title).slice(0, 12)));
  assert.deepEqual(wrong, [], '目次 entries whose page does not hold their title');
  console.log(`nenpo pdf ${year}: ${texts.length} pages, ${entries.length} numbered 目次 entries, all on the right page`);
});
