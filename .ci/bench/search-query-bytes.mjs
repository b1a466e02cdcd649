// Benchmark (not a test): what one site-search query loads, in a real Chromium.
//
//   node .ci/bench/search-query-bytes.mjs <built site> [query ...]
//
// Serves the site on 127.0.0.1, opens the 検索 page with each query, waits until the count is
// announced and prints the bytes of index files (search/meta.js, key and text shards) the
// query loaded, and of search.js, which every page loads anyway.

import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';

import { chromium } from 'playwright-core';

const [site, ...given] = process.argv.slice(2);
if (!site) {
  console.error('usage: node .ci/bench/search-query-bytes.mjs <site> [query ...]');
  process.exit(2);
}
const queries = given.length ? given : ['ごみ', '環境', '審議会', 'カーボン', 'PM2.5', 'ＣＯ２', '森', '温室効果ガス 削減', 'ぴよぴよ'];

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
  try {
    const body = readFileSync(join(site, path.endsWith('/') || path === '' ? `${path}index.html` : path));
    res.writeHead(200, { 'content-length': body.length });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage();
let loaded = [];
page.on('requestfinished', (req) => loaded.push(new URL(req.url()).pathname.slice(1)));

const size = (p) => statSync(join(site, p)).size;
let worst = 0;
for (const q of queries) {
  loaded = [];
  const t = Date.now();
  await page.goto(`${base}search/index.html?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => /\d|見つかりませんでした|探せる|No pages/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 60000 });
  const ms = Date.now() - t;
  const index = [...new Set(loaded.filter((p) => p.startsWith('search/') && p.endsWith('.js')))];
  const bytes = index.reduce((s, p) => s + size(p), 0);
  worst = Math.max(worst, bytes);
  const status = await page.locator('#search-status').textContent();
  console.log(`${q}\t${index.length} files\t${(bytes / 1024).toFixed(1)} KB\t${ms} ms\t${status}`);
}
console.log(`search.js: ${(size('static/search.js') / 1024).toFixed(1)} KB; largest query: ${(worst / 1024).toFixed(1)} KB of index`);
await browser.close();
server.close();
