// The site opened two ways a city uses it — from a USB stick (file://) and from a web server
// under a sub-path (/city/report/) — and crawled from the home page in Chromium:
// - every internal link, stylesheet, image, SVG, PDF, CSV and JSON it names exists (a link to
//   a folder counts as broken: file:// would show a directory listing), stays inside the
//   site, and every #fragment names an id on its target page;
// - every HTML page of the site is reached (404.html is opened directly; the 検索 page
//   through the search forms' action);
// - every request the browser makes goes to the site itself: none to other hosts;
// - no JavaScript error and no console error on any page.

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { BASE_PATH, fileUrl, SITE, sitePages, useServerAndBrowser } from './lib.mjs';

const env = useServerAndBrowser();

/** Every reference a page makes, read from the DOM (resolved against the page's URL). */
function collectRefs() {
  const out = [];
  const add = (el, attr, raw, nav) => {
    if (raw == null || raw === '') return;
    let url;
    try {
      url = new URL(raw, document.baseURI).href;
    } catch {
      url = `invalid:${raw}`;
    }
    out.push({ tag: el.tagName.toLowerCase(), attr, raw, url, nav });
  };
  for (const el of document.querySelectorAll('a[href], area[href]')) {
    add(el, 'href', el.getAttribute('href'), true);
  }
  // A search form leads to the 検索 page as a link does.
  for (const el of document.querySelectorAll('form[action]')) {
    add(el, 'action', el.getAttribute('action'), true);
  }
  // Link types that name a page rather than load something.
  const navRel = /\b(canonical|alternate|prev|next|help|license|author|search)\b/i;
  for (const el of document.querySelectorAll('link[href]')) {
    add(el, 'href', el.getAttribute('href'), navRel.test(el.rel));
  }
  for (const el of document.querySelectorAll('[src]')) add(el, 'src', el.getAttribute('src'), false);
  for (const el of document.querySelectorAll('object[data]')) add(el, 'data', el.getAttribute('data'), false);
  for (const el of document.querySelectorAll('[srcset]')) {
    for (const part of el.getAttribute('srcset').split(',')) {
      add(el, 'srcset', part.trim().split(/\s+/)[0], false);
    }
  }
  // SVG inside the page: <use href>, <image href>, and links inside charts and diagrams.
  for (const el of document.querySelectorAll('svg [href], svg [*|href]')) {
    const raw = el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    add(el, 'href', raw, el.tagName.toLowerCase() === 'a');
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  ids.push(...[...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name')));
  return { refs: out, ids };
}

/**
 * Crawls the site from `start`. `locate(url)` maps an absolute URL (no fragment) to the
 * site-relative file it names, or returns a reason string when it leaves the site.
 * `ownOrigin(url)` says whether a request stays on the site's own host.
 */
async function crawl({ start, extraStarts, locate, ownOrigin, fetchOk }) {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  const foreign = [];
  const requests = new Set();
  ctx.on('request', (r) => {
    const u = r.url();
    requests.add(u);
    if (!/^(data|blob|about):/.test(u) && !ownOrigin(u)) foreign.push(u);
  });
  ctx.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  ctx.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const page = await ctx.newPage();
  let current = '';
  page.on('pageerror', (e) => problems.push(`${current}: JavaScript error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${current}: console error: ${m.text()}`);
  });

  const visited = new Map(); // site-relative HTML path → ids on the page
  const queue = [start, ...extraStarts];
  const seen = new Set(queue);
  const fragments = []; // { from, path, frag }
  const assets = new Map(); // site-relative path → first page naming it
  const external = new Set();

  while (queue.length) {
    const url = queue.shift();
    const path = locate(url);
    current = path;
    const resp = await page.goto(url, { waitUntil: 'load' });
    if (resp && resp.status() >= 400) continue; // already recorded by the response listener
    const { refs, ids } = await page.evaluate(collectRefs);
    visited.set(path, new Set(ids));
    for (const ref of refs) {
      const where = `${path}: <${ref.tag} ${ref.attr}="${ref.raw}">`;
      if (ref.url.startsWith('invalid:')) {
        problems.push(`${where}: not a valid URL`);
        continue;
      }
      const u = new URL(ref.url);
      if (u.protocol === 'mailto:' || u.protocol === 'tel:') continue;
      if (u.protocol === 'javascript:') {
        problems.push(`${where}: javascript: link`);
        continue;
      }
      const frag = decodeURIComponent(u.hash.slice(1));
      u.hash = '';
      const target = locate(u.href);
      if (typeof target !== 'string') {
        // Another host: fine for a link a citizen follows, never for something loaded.
        if (ref.nav && /^https?:$/.test(u.protocol) && !ownOrigin(u.href)) {
          external.add(u.href);
        } else {
          problems.push(`${where}: ${target.reason}`);
        }
        continue;
      }
      let st;
      try {
        st = statSync(`${SITE}/${target}`);
      } catch {
        problems.push(`${where}: no such file ${target}`);
        continue;
      }
      if (!st.isFile()) {
        problems.push(`${where}: names a folder (${target || '/'}), which file:// cannot open`);
        continue;
      }
      if (target.endsWith('.html')) {
        if (frag) fragments.push({ where, path: target, frag });
        if (!seen.has(u.href)) {
          seen.add(u.href);
          queue.push(u.href);
        }
      } else if (!assets.has(target)) {
        assets.set(target, { where, url: u.href });
      }
    }
  }
  // Files that are not pages are fetched the way the browser would (over HTTP), or must
  // exist (file://, checked above).
  if (fetchOk) {
    for (const [target, { where, url }] of assets) {
      const status = await fetchOk(url);
      if (status !== 200) problems.push(`${where}: ${target} answered HTTP ${status}`);
    }
  }
  for (const { where, path, frag } of fragments) {
    const ids = visited.get(path);
    if (ids && !ids.has(frag)) problems.push(`${where}: no id="${frag}" on ${path}`);
  }
  const unreached = sitePages().filter((p) => !visited.has(p));
  if (unreached.length) problems.push(`pages no link leads to: ${unreached.join(', ')}`);
  await ctx.close();
  return { problems, foreign, visited, assets, external, requests };
}

function summary(mode, r) {
  return (
    `${mode}: ${r.visited.size} pages, ${r.assets.size} other files, ` +
    `${r.requests.size} distinct requests, ${r.external.size} external links (not followed)`
  );
}

test('file://: every link and asset resolves, nothing loads from other hosts, no JS errors', async () => {
  const root = `${SITE}${sep}`;
  const r = await crawl({
    start: fileUrl('index.html'),
    extraStarts: [fileUrl('404.html')],
    locate: (url) => {
      if (!url.startsWith('file:')) return { reason: `leaves the site: ${url}` };
      const p = fileURLToPath(url);
      if (p !== SITE && !p.startsWith(root)) return { reason: `leaves the site folder: ${p}` };
      return relative(SITE, p).split(sep).join('/');
    },
    ownOrigin: (url) => url.startsWith('file:'),
  });
  assert.deepEqual(r.foreign, [], 'requests to other hosts');
  assert.deepEqual(r.problems, [], 'broken links or errors');
  console.log(summary('file://', r));
});

test(`http://127.0.0.1${BASE_PATH}: every link and asset resolves, nothing loads from other hosts, no JS errors`, async () => {
  const r = await crawl({
    start: env.server.base + 'index.html',
    extraStarts: [env.server.base + '404.html'],
    locate: (url) => {
      const u = new URL(url);
      if (u.origin !== env.server.origin) return { reason: `leaves the site: ${url}` };
      const p = decodeURIComponent(u.pathname);
      if (!p.startsWith(BASE_PATH)) return { reason: `leaves the sub-path ${BASE_PATH}: ${p}` };
      return p.slice(BASE_PATH.length);
    },
    ownOrigin: (url) => url.startsWith(env.server.origin + '/'),
    fetchOk: async (url) => (await fetch(url, { method: 'HEAD' })).status,
  });
  assert.deepEqual(r.foreign, [], 'requests to other hosts');
  assert.deepEqual(r.problems, [], 'broken links or errors');
  console.log(summary(`http ${BASE_PATH}`, r));
});
