// Every page at a phone width (390 px) and a desktop width (1280 px): the page must not
// scroll sideways (wide tables may scroll inside their own box, the page may not), and a
// full-page screenshot goes to target/screenshots/<width>/ for a person to look at.
// NENPO_SCREENSHOTS=0 skips the screenshots (the overflow check still runs).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { pool, shotsDir, sitePages, slug, useServerAndBrowser } from './lib.mjs';

const WIDTHS = [390, 1280];
const SHOOT = process.env.NENPO_SCREENSHOTS !== '0';

const env = useServerAndBrowser();

/** The page's horizontal overflow and the elements that stick out past the viewport. */
function overflow() {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const excess = Math.max(doc.scrollWidth, document.body.scrollWidth) - width;
  if (excess <= 0) return null;
  // Boxes that clip or scroll their content keep it off the page.
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible') return true;
    }
    return false;
  };
  const name = (el) =>
    el.tagName.toLowerCase() +
    (el.id ? `#${el.id}` : '') +
    (el.classList.length ? `.${[...el.classList].join('.')}` : '');
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 0.5 || clipped(el)) continue;
    // Report the outermost offender only.
    if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5) continue;
    culprits.push(`${name(el.parentElement)} > ${name(el)} (right edge ${Math.round(r.right)}px)`);
    if (culprits.length >= 5) break;
  }
  return { excess, culprits };
}

for (const width of WIDTHS) {
  test(`layout at ${width}px: no page scrolls sideways${SHOOT ? ' (screenshots)' : ''}`, async () => {
    const pages = sitePages();
    const dir = shotsDir(String(width));
    const ctx = await env.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    const tabs = [await ctx.newPage(), await ctx.newPage()];
    const found = await pool(pages, tabs.length, async (path, _i, worker) => {
      const page = tabs[worker];
      await page.goto(env.server.base + path, { waitUntil: 'load' });
      const o = await page.evaluate(overflow);
      if (SHOOT) await page.screenshot({ path: join(dir, `${slug(path)}.png`), fullPage: true });
      return o && `${path}: ${o.excess}px too wide\n    ${o.culprits.join('\n    ')}`;
    });
    await ctx.close();
    const problems = found.filter(Boolean);
    assert.deepEqual(problems, [], `pages wider than ${width}px`);
    console.log(`layout ${width}px: ${pages.length} pages, none scrolls sideways`);
  });
}
