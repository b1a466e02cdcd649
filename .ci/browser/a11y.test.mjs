// axe-core on every page, with every WCAG 2.0, 2.1 and 2.2 level A and AA rule, at a desktop
// and a phone width (the phone layout turns wide tables into cards, so it is checked too).
// JIS X 8341-3:2016 level AA follows WCAG 2.0 AA; we hold the site to WCAG 2.2 AA.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { pool, sitePages, useServerAndBrowser } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const WIDTHS = [1280, 390];

const AXE_PATH = '/__ci/axe.min.js';

// axe-core is served from the test server (outside the site's sub-path) with cache
// headers, so Chromium compiles its 500 kB once instead of on every page.
const env = useServerAndBrowser({ extras: { [AXE_PATH]: { type: 'text/javascript', body: AXE } } });

for (const width of WIDTHS) {
  test(`axe-core: no WCAG 2.2 A/AA violations on any page at ${width}px`, async () => {
    const pages = sitePages();
    const ctx = await env.browser.newContext({ viewport: { width, height: 900 } });
    // Two tabs, each reused from page to page.
    const tabs = [await ctx.newPage(), await ctx.newPage()];
    const found = await pool(pages, tabs.length, async (path, _i, worker) => {
      const page = tabs[worker];
      await page.goto(env.server.base + path, { waitUntil: 'load' });
      await page.addScriptTag({ url: env.server.origin + AXE_PATH });
      const result = await page.evaluate(
        (tags) =>
          window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          }),
        TAGS,
      );
      return result.violations.map((v) => ({
        page: path,
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
        count: v.nodes.length,
      }));
    });
    await ctx.close();
    const violations = found.flat();
    const report = violations
      .map((v) => `${v.page}: [${v.impact}] ${v.rule} (${v.count}×) ${v.help}\n    ${v.nodes.join('\n    ')}`)
      .join('\n');
    assert.equal(violations.length, 0, `axe-core found violations at ${width}px:\n${report}`);
    assert.ok(pages.length > 0, 'no pages');
    console.log(`axe-core: ${pages.length} pages at ${width}px, 0 violations`);
  });
}
