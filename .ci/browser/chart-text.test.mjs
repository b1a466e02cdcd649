// Chart text at body size: at a phone width (390 px) and a desktop width (1280 px), every
// visible chart and diagram draws its text near the page's body size. An SVG scales with
// its box, so a chart laid out for 480 units and drawn 960 px wide would double its text,
// and drawn 358 px wide shrink it to three quarters; nenpo draws each chart at most at its
// own size and lays it out twice (page and phone), the diagram at its own size. Each
// visible <text> is measured as rendered (its font size times the SVG's scale on screen);
// a table per chart kind is printed, and every text must fall inside the band below.
// Screenshots of the pages go to target/screenshots/chart-text/.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { shotsDir, slug, useServerAndBrowser } from './lib.mjs';

const WIDTHS = [390, 1280];
/** Pages that hold every kind: plan summary (year page), goal summary, trends and budgets
 * (goal page), a lone trend (indicator page), the 推進体制図 (bodies page). */
const PAGES = ['2021/index.html', '2021/kankyo/1/index.html', 'indicators/ghg-emission/index.html', 'bodies/index.html'];
/** Rendered text size allowed, in CSS px, against a 15–16 px body: tick labels and notes
 * down to 12 px, titles up to 17 px. (Before the charts were laid out per width class they
 * measured 9–11 px at 390 px and 24–30 px at 1280 px.) */
const MIN_PX = 12;
const MAX_PX = 17;

const env = useServerAndBrowser();

/** Rendered font size of every visible <text> in every visible chart, by chart kind. */
function measure() {
  const kindOf = (svg) => {
    if (svg.classList.contains('nenpo-diagram')) return 'diagram';
    const c = [...svg.classList].find((c) => c.startsWith('nenpo-') && c !== 'nenpo-chart');
    const kind = c ? c.slice('nenpo-'.length) : 'chart';
    // The plan summary is a goal-summary chart of goals; its ids start with plan-.
    return kind === 'goal-summary' && svg.getAttribute('aria-labelledby')?.startsWith('plan-') ? 'plan-summary' : kind;
  };
  const body = parseFloat(getComputedStyle(document.body).fontSize);
  const out = {};
  for (const svg of document.querySelectorAll('svg.nenpo-chart, svg.nenpo-diagram')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || getComputedStyle(svg).display === 'none') continue;
    const kind = kindOf(svg);
    const sizes = [];
    for (const t of svg.querySelectorAll('text')) {
      if (t.getBoundingClientRect().width === 0) continue;
      const ctm = t.getScreenCTM();
      const scale = Math.hypot(ctm.a, ctm.b);
      sizes.push(parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    (out[kind] ??= { drawn: [], sizes: [] }).drawn.push(box.width);
    out[kind].sizes.push(...sizes);
  }
  return { body, kinds: out };
}

const round = (v) => Math.round(v * 10) / 10;

for (const width of WIDTHS) {
  test(`chart text at ${width}px stays within ${MIN_PX}–${MAX_PX} px`, async () => {
    const dir = shotsDir(join('chart-text', String(width)));
    const ctx = await env.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    const seen = {};
    let body = 16;
    for (const path of PAGES) {
      await page.goto(env.server.base + path, { waitUntil: 'load' });
      const m = await page.evaluate(measure);
      body = m.body;
      for (const [kind, v] of Object.entries(m.kinds)) {
        const s = (seen[kind] ??= { drawn: [], sizes: [], pages: new Set() });
        s.drawn.push(...v.drawn);
        s.sizes.push(...v.sizes);
        s.pages.add(path);
      }
      await page.screenshot({ path: join(dir, `${slug(path)}.png`), fullPage: true });
    }
    await ctx.close();
    const problems = [];
    console.log(`chart text at ${width}px (body ${body}px): kind, drawn width, text min / median / max px`);
    for (const [kind, s] of Object.entries(seen).sort()) {
      const sizes = s.sizes.sort((a, b) => a - b);
      const median = sizes[Math.floor(sizes.length / 2)];
      const drawn = [...new Set(s.drawn.map(Math.round))].sort((a, b) => a - b).join('/');
      console.log(`  ${kind.padEnd(13)} ${drawn.padStart(9)} px  ${round(sizes[0])} / ${round(median)} / ${round(sizes.at(-1))}`);
      if (round(sizes[0]) < MIN_PX || round(sizes.at(-1)) > MAX_PX) {
        problems.push(`${kind} on ${[...s.pages].join(', ')}: ${round(sizes[0])}–${round(sizes.at(-1))} px`);
      }
    }
    for (const kind of ['trend', 'goal-summary', 'plan-summary', 'budgets', 'diagram']) {
      if (!seen[kind]) problems.push(`no visible ${kind} chart on ${PAGES.join(', ')}`);
    }
    assert.deepEqual(problems, [], `chart text outside ${MIN_PX}–${MAX_PX} px at ${width}px`);
  });
}
