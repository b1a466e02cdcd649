// Shared helpers for the browser suite: where the built site is, a tiny local server that
// publishes it under a sub-path, and Debian's Chromium driven by playwright-core.
//
// The suite never fetches a browser and never talks to another host: Chromium is the one
// installed at /usr/bin/chromium (or $CHROMIUM), the server listens on 127.0.0.1 only.

import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built site under test: $NENPO_SITE, or target/ci-site (what .ci/run builds). */
export const SITE = resolve(process.env.NENPO_SITE ?? join(ROOT, 'target', 'ci-site'));

/** Where screenshots and printed PDFs go (gitignored): $NENPO_SHOTS, or target/screenshots. */
export const SHOTS = resolve(process.env.NENPO_SHOTS ?? join(ROOT, 'target', 'screenshots'));

/** The sub-path the local server publishes the site under, as a city CMS folder would. */
export const BASE_PATH = '/city/report/';

/** Builds the bundled example into SITE unless it is there already. */
export function ensureSite() {
  if (existsSync(join(SITE, 'index.html'))) return;
  const r = spawnSync(
    'cargo',
    ['run', '--quiet', '--release', '--', 'build', '--quiet', '--output', SITE],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`could not build the example into ${SITE}`);
}

/** The release nenpo binary, built when it is not there. */
export function nenpoBinary() {
  const bin = join(ROOT, 'target', 'release', process.platform === 'win32' ? 'nenpo.exe' : 'nenpo');
  if (!existsSync(bin)) {
    const r = spawnSync('cargo', ['build', '--quiet', '--release'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('cargo build --release failed');
  }
  return bin;
}

/** The Chromium the suite drives. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Every file of the site, site-relative with forward slashes, sorted. */
export function siteFiles(dir = SITE) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(SITE, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every HTML page of the site. */
export function sitePages() {
  return siteFiles().filter((f) => f.endsWith('.html'));
}

/** The fiscal years that have a print view. */
export function printYears() {
  return sitePages()
    .map((p) => p.match(/^(\d{4})\/print\/index\.html$/))
    .filter(Boolean)
    .map((m) => m[1]);
}

/** The file:// URL of a site-relative path. */
export function fileUrl(path) {
  return pathToFileURL(join(SITE, path)).href;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript',
};

/**
 * Serves SITE under BASE_PATH on 127.0.0.1 (a free port). Only GET and HEAD, only files
 * inside SITE; everything else is 404, as a strict city web server would answer. A path
 * ending in `/` gets its index.html. `extras` maps further absolute paths (outside
 * BASE_PATH) to `{ type, body }`: the test tools the suite injects (axe-core), served
 * cacheably so Chromium compiles them once. Resolves to `{ origin, base, close() }`.
 */
export async function startServer({ extras = {} } = {}) {
  const server = createServer((req, res) => {
    const fail = (code) => {
      res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${code}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405);
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return fail(400);
    }
    const extra = Object.hasOwn(extras, path) ? extras[path] : null;
    if (extra) {
      res.writeHead(200, { 'content-type': extra.type, 'cache-control': 'max-age=3600' });
      return res.end(req.method === 'HEAD' ? undefined : extra.body);
    }
    // Chromium asks the host's root for a favicon by itself; that icon is the city
    // server's, not the report's.
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (!path.startsWith(BASE_PATH)) return fail(404);
    let file = resolve(SITE, '.' + path.slice(BASE_PATH.length - 1));
    if (file !== SITE && !file.startsWith(SITE + sep)) return fail(404);
    if (path.endsWith('/')) file = join(file, 'index.html');
    let st;
    try {
      st = statSync(file);
    } catch {
      return fail(404);
    }
    if (!st.isFile()) return fail(404);
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': st.size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 1000;
  await new Promise((ok, bad) => {
    server.once('error', bad);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base: origin + BASE_PATH,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}

/**
 * Chromium's flags: headless, and nothing that phones home. Without the background-networking
 * flags Chromium tries Google's services at start-up, which a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the installed Chromium (a fresh temporary profile each time). */
export async function launch() {
  const executablePath = CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM)`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * Registers the hooks every test file needs: the site is built, served under the sub-path
 * and a Chromium is running before the tests, and both are closed after them. The returned
 * object's `server` and `browser` are set once the tests run.
 */
export function useServerAndBrowser(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    ensureSite();
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A directory under SHOTS, created. */
export function shotsDir(...parts) {
  const d = join(SHOTS, ...parts);
  mkdirSync(d, { recursive: true });
  return d;
}

/** A file name for a site-relative page path: `2021/print/index.html` → `2021_print`. */
export function slug(path) {
  return path.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '').replace(/\//g, '_') || 'home';
}

/**
 * Runs `fn(item, index, worker)` over `items` with `n` workers (numbered 0‥n-1), keeping the
 * results in order.
 */
export async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async (w) => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i, w);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, (_, w) => worker(w)));
  return out;
}

/** Runs a command, returns stdout; throws with stderr when it fails. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
