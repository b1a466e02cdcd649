// Site search in Chromium, from file:// and under the sub-path /city/report/:
// - queries in hiragana, katakana (full and half width), kanji, full- and half-width ASCII,
//   one character, and with no hits find exactly the pages whose text holds the phrase
//   (checked against every page's stored text, so bigram false hits would show), with the
//   match marked and the count announced politely;
// - the header box is shown only with JavaScript and leads to the 検索 page; the page says
//   that search needs JavaScript when it is off;
// - keyboard only: search, reach the results, load more;
// - no request leaves the machine, no JavaScript error; axe (WCAG 2.2 AA) clean on the page
//   with results at 390 and 1280 px (screenshots in target/screenshots/search/).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';

import { fileUrl, SITE, shotsDir, useServerAndBrowser } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_PATH = '/__ci/axe.min.js';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const env = useServerAndBrowser({ extras: { [AXE_PATH]: { type: 'text/javascript', body: AXE } } });

/** Folds text as a reader would not tell apart: NFKC, katakana as hiragana, lower case. */
function fold(s) {
  return [...s.normalize('NFKC')]
    .map((c) => {
      const u = c.codePointAt(0);
      return u >= 0x30a1 && u <= 0x30f6 ? String.fromCodePoint(u - 0x60) : c;
    })
    .join('')
    .toLowerCase();
}

let stored = null;
/** Every indexed page's title and text, read from the index's text shards. */
function storedPages() {
  if (stored) return stored;
  const dir = join(SITE, 'search', 'd');
  const records = [];
  const sandbox = { nenpoSearch: { d: (_n, recs) => records.push(...recs) } };
  for (const f of readdirSync(dir)) vm.runInNewContext(readFileSync(join(dir, f), 'utf8'), sandbox);
  stored = records.map((r) => ({
    path: r[0],
    text: fold([r[1], ...r.slice(3).filter((_, i) => i % 2 === 1)].join('\n')),
  }));
  return stored;
}

/** The pages a query must find: those whose text holds every word of it. */
function expected(q) {
  const words = q.split(/\s+/).filter(Boolean).map(fold);
  return storedPages()
    .filter((d) => words.every((w) => d.text.includes(w)))
    .map((d) => d.path)
    .sort();
}

/** Watches a page for JavaScript errors and for requests that leave `own`. */
function watch(page, own) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`JavaScript error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!own(r.url())) problems.push(`request to another host: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  return problems;
}

/** Waits until the search has said its outcome (any status but empty or 検索しています…),
 *  in the report's language: the page carries its messages in the form's data attributes. */
async function waitForStatus(page) {
  await page.waitForFunction(() => {
    const text = document.getElementById('search-status').textContent;
    return text !== '' && text !== document.getElementById('search-form').dataset.msgSearching;
  });
  return page.textContent('#search-status');
}

/** A message of the page for the query `q` (and `n` pages). */
async function message(page, key, q, n) {
  const { pattern, lang } = await page.$eval('#search-form', (f, k) => ({ pattern: f.dataset[k], lang: document.documentElement.lang }), key);
  return pattern.replace('{q}', q).replace('{n}', n === undefined ? '' : n.toLocaleString(lang));
}

/** Whether `status` gives the count for `q`: exactly `total` pages, or (when checking every
 *  candidate would load too much) at least the pages shown so far. */
async function assertCount(page, status, q, total) {
  const shown = await page.locator('.search-result').count();
  const said = [await message(page, 'msgFound', q, total), await message(page, 'msgAtLeast', q, shown)];
  assert.ok(said.includes(status), `${q}: count: ${status} (want one of ${said.join(' / ')})`);
}

/** Every result of a query (pressing さらに表示 until there are no more). */
async function allResults(page, root, q) {
  await page.goto(`${root}search/index.html?q=${encodeURIComponent(q)}`);
  let status = await waitForStatus(page);
  while (await page.isVisible('#search-more')) {
    const before = await page.locator('.search-result').count();
    await page.click('#search-more');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
    status = await waitForStatus(page);
  }
  const results = await page.$$eval('.search-result', (lis) =>
    lis.map((li) => ({
      href: li.querySelector('.sr-title a').href,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
      crumbs: li.querySelector('.sr-crumbs')?.textContent ?? '',
    })),
  );
  return {
    status,
    results: results.map((r) => ({ ...r, path: r.href.slice(root.length).replace(/#.*$/, '') })),
  };
}

const QUERIES = [
  ['ごみ', 'hiragana'],
  ['カーボン', 'katakana'],
  ['ｶｰﾎﾞﾝ', 'half-width katakana'],
  ['審議会', 'kanji'],
  ['温室効果ガス', 'kanji and katakana'],
  ['ＣＯ２', 'full-width ASCII'],
  ['CO2', 'half-width ASCII'],
  ['PM2.5', 'a word with a dot'],
  ['森', 'one character'],
  ['環境政策 審議', 'two words'],
  ['環境会議', 'bigrams on the site, never side by side'],
  ['ぴよぴよ', 'no hits'],
];

async function checkQueries(root, own) {
  const page = await env.browser.newPage();
  const problems = watch(page, own);
  const found = {};
  for (const [q, what] of QUERIES) {
    const { status, results } = await allResults(page, root, q);
    const want = expected(q);
    const got = results.map((r) => r.path).sort();
    assert.deepEqual(got, want, `${q} (${what}): the pages holding it`);
    if (want.length === 0) {
      assert.equal(status, await message(page, 'msgNone', q), `${q}: says nothing was found`);
    } else {
      assert.equal(status, await message(page, 'msgFound', q, want.length), `${q}: count`);
    }
    for (const r of results) {
      const marked = r.marks.map(fold);
      for (const w of q.split(/\s+/)) {
        assert.ok(marked.includes(fold(w)), `${q}: ${r.path} marks ${w} (marks: ${r.marks.join(', ')})`);
      }
    }
    found[q] = got;
  }
  assert.deepEqual(found['ＣＯ２'], found.CO2, 'ＣＯ２ and CO2 find the same pages');
  assert.deepEqual(found['カーボン'], found['ｶｰﾎﾞﾝ'], 'full- and half-width katakana find the same pages');
  assert.ok(found['ごみ'].length > 0 && found['森'].length > 0 && found['PM2.5'].length > 0);
  assert.ok(found['ＣＯ２'].includes('indicators/ghg-emission/index.html'), 'ＣＯ２ finds the indicator in t-CO2');
  assert.ok(found['審議会'].includes('bodies/shingikai/index.html'), '審議会 finds the body');
  // Both bigrams of 環境会議 are on many pages; the phrase is on none.
  assert.ok(expected('環境').length > 0 && expected('会議').length > 0);
  assert.deepEqual(problems, []);
  await page.close();
}

test('file://: every kind of query finds exactly the pages holding it, nothing loads from elsewhere', async () => {
  await checkQueries(fileUrl('index.html').replace(/index\.html$/, ''), (u) => u.startsWith('file:'));
});

test('under /city/report/: the same queries, and a result opens its page at the match', async () => {
  const root = env.server.base;
  await checkQueries(root, (u) => u.startsWith(env.server.origin + '/'));
  const page = await env.browser.newPage();
  const problems = watch(page, (u) => u.startsWith(env.server.origin + '/'));
  await page.goto(`${root}search/index.html?q=${encodeURIComponent('出席者')}`);
  await waitForStatus(page);
  const href = await page.getAttribute('.search-result .sr-title a', 'href');
  assert.ok(href.startsWith(root), `result link stays under the sub-path: ${href}`);
  const resp = await page.goto(href);
  assert.equal(resp.status(), 200);
  const hash = new URL(href).hash;
  if (hash) assert.ok(await page.$(decodeURIComponent(hash).replace(/^#(.*)$/, '[id="$1"]')), `${href}: anchor exists`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the header box: shown with JavaScript, submits to the 検索 page; hidden without it', async () => {
  const page = await env.browser.newPage();
  const problems = watch(page, (u) => u.startsWith('file:'));
  await page.goto(fileUrl('2021/index.html'));
  const box = page.locator('form.site-search input[name="q"]');
  assert.ok(await box.isVisible(), 'box shown');
  await box.fill('審議会');
  await box.press('Enter');
  await page.waitForURL(/search\/index\.html\?q=/);
  await assertCount(page, await waitForStatus(page), '審議会', expected('審議会').length);
  assert.deepEqual(problems, []);
  await page.close();

  const ctx = await env.browser.newContext({ javaScriptEnabled: false });
  const off = await ctx.newPage();
  await off.goto(fileUrl('2021/index.html'));
  assert.equal(await off.locator('form.site-search').isVisible(), false, 'box hidden without JavaScript');
  assert.ok(await off.locator('main h1').isVisible(), 'the page itself shows');
  await off.goto(fileUrl('search/index.html'));
  assert.equal(await off.locator('#search-form').isVisible(), false);
  assert.match(await off.textContent('main'), /JavaScript/, 'says search needs JavaScript');
  await ctx.close();
});

test('keyboard only: type, search, reach the results, load more', async () => {
  const page = await env.browser.newPage();
  const problems = watch(page, (u) => u.startsWith('file:'));
  await page.goto(fileUrl('search/index.html'));
  assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
  // From the top of the page: skip link, site title, then … the search field is reachable.
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'search-q');
  }
  assert.ok(reached, 'Tab reaches the search field');
  await page.keyboard.type('環境');
  await page.keyboard.press('Enter');
  const status = await waitForStatus(page);
  const total = expected('環境').length;
  await assertCount(page, status, '環境', total);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q', 'focus stays in the field');
  assert.ok(total > 10, 'enough results for a second page');
  assert.equal(await page.locator('.search-result').count(), 10);
  // Tab: the 検索 button, then the first result.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null), 'Tab reaches a result');
  await page.focus('#search-more');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
  const focused = await page.evaluate(() => {
    const items = [...document.querySelectorAll('.search-result')];
    return items.indexOf(document.activeElement?.closest('.search-result'));
  });
  assert.equal(focused, 10, 'focus moves to the first new result');
  assert.deepEqual(problems, []);
  await page.close();
});

for (const width of [1280, 390]) {
  test(`axe: the 検索 page with results has no WCAG 2.2 A/AA violation at ${width}px`, async () => {
    const ctx = await env.browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${env.server.base}search/index.html?q=${encodeURIComponent('PM2.5 環境')}`);
    await waitForStatus(page);
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(shotsDir('search'), `results-${width}.png`), fullPage: true });
    await page.addScriptTag({ url: env.server.origin + AXE_PATH });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      TAGS,
    );
    const report = result.violations
      .map((v) => `[${v.impact}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      .join('\n');
    assert.equal(result.violations.length, 0, report);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no sideways scrolling');
    await ctx.close();
  });
}
