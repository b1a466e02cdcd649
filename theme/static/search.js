/*
 * nenpo site search. On every page it shows the search box in the header (hidden without
 * JavaScript); on the 検索 page it answers the query from the index nenpo wrote under
 * search/. Classic script, no modules and no fetch: the index files are scripts that call
 * nenpoSearch.m/k/d, loaded by <script> tags, which works from file:// and under any
 * sub-path. Nothing is sent anywhere.
 *
 * Normalisation and keys follow src/search/text.rs; change both together.
 */
(function () {
  'use strict';

  var me = document.currentScript;
  if (!me || !window.URL) return;
  // This file is static/search.js: the site root is one folder up.
  var ROOT = new URL('../', me.src).href;
  var PER_PAGE = 10;
  // What one search, or one さらに表示, may load in kB of text shards to check candidates
  // (beyond its first batch).
  var FILL_KB = 200;
  // What a query may load (in kB of text shards) to check every candidate before it shows
  // the first results, so that their count is exact.
  var CHEAP_KB = 200;

  /* ---------- Normalisation: NFKC per cluster, katakana → hiragana, lower case ---------- */

  var EXTENDS = /^[\p{M}\uFF9E\uFF9F]$/u;
  var WORD = /^[\p{Alphabetic}\p{N}]$/u;
  var ASCII_ALNUM = /^[0-9a-z]$/;
  // One kana alone has no key (see is_kana in text.rs).
  var KANA = /^[\u3041-\u309f\u30fc]$/;

  function fold(c, out) {
    var u = c.codePointAt(0);
    if ((u >= 0x30a1 && u <= 0x30f6) || u === 0x30fd || u === 0x30fe) {
      out.push(String.fromCodePoint(u - 0x60));
    } else {
      out.push(c.toLowerCase());
    }
  }

  /* The normalised text and, for each of its UTF-16 units, where its cluster starts and
     ends in the original (to mark a match in the text as written). */
  function normalize(s) {
    var cps = Array.from(s);
    var text = [];
    var from = [];
    var to = [];
    var pos = 0;
    for (var i = 0; i < cps.length; ) {
      var start = pos;
      var cluster = cps[i];
      pos += cps[i].length;
      i++;
      while (i < cps.length && EXTENDS.test(cps[i])) {
        cluster += cps[i];
        pos += cps[i].length;
        i++;
      }
      var out = [];
      Array.from(cluster.normalize('NFKC')).forEach(function (c) { fold(c, out); });
      var piece = out.join('');
      for (var j = 0; j < piece.length; j++) {
        from.push(start);
        to.push(pos);
      }
      text.push(piece);
    }
    return { text: text.join(''), from: from, to: to };
  }

  /* The keys to look up for one normalised term: ASCII words whole; runs of other
     letters as character pairs (every other pair of a long run suffices, since every
     candidate is checked for the whole phrase), or the character itself when alone
     (but for a lone kana, which has no key). */
  function termKeys(t) {
    var cps = Array.from(t);
    var keys = [];
    var word = '';
    var run = [];
    function endWord() {
      if (word) keys.push(word);
      word = '';
    }
    function endRun() {
      var n = run.length;
      if (n === 1 && !KANA.test(run[0])) keys.push(run[0]);
      for (var i = 0; i + 1 < n; i += 2) keys.push(run[i] + run[i + 1]);
      if (n > 2 && n % 2 === 1) keys.push(run[n - 2] + run[n - 1]);
      run = [];
    }
    for (var i = 0; i < cps.length; i++) {
      var c = cps[i];
      if (ASCII_ALNUM.test(c)) {
        endRun();
        word += c;
      } else if (c === '.' && word && i + 1 < cps.length && ASCII_ALNUM.test(cps[i + 1])) {
        word += c;
      } else {
        endWord();
        if (c.codePointAt(0) > 0x7f && WORD.test(c)) run.push(c);
        else endRun();
      }
    }
    endWord();
    endRun();
    return keys;
  }

  /* FNV-1a over code points, as src/search/text.rs key_hash. */
  function keyHash(key) {
    var h = 0x811c9dc5;
    for (var c of key) {
      h ^= c.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  /* ---------- Loading the index ---------- */

  var store = { meta: null, keys: {}, docs: {} };
  window.nenpoSearch = {
    m: function (data) { store.meta = data; },
    k: function (n, data) { store.keys[n] = data; },
    d: function (n, data) { store.docs[n] = data; }
  };
  var version = '';
  var loads = {};

  function load(rel) {
    if (!loads[rel]) {
      loads[rel] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = ROOT + 'search/' + rel + '?v=' + encodeURIComponent(version);
        s.onload = function () { resolve(); };
        s.onerror = function () {
          delete loads[rel];
          reject(new Error(rel));
        };
        document.head.appendChild(s);
      });
    }
    return loads[rel];
  }

  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charAt(d)] = d;

  /* The numbers of the index's base-32 code (see src/search/index.rs). */
  function numbers(code) {
    var out = [];
    var v = 0;
    for (var i = 0; i < code.length; i++) {
      var x = VALUE[code.charAt(i)];
      if (x >= 32) {
        v = v * 32 + x - 32;
      } else {
        out.push(v * 32 + x);
        v = 0;
      }
    }
    return out;
  }

  /* A key's postings: page number → best field (0 body, 1 heading, 2 title). */
  function postings(key) {
    var shard = store.keys[keyHash(key) % store.meta.keys] || {};
    var out = new Map();
    if (!Object.prototype.hasOwnProperty.call(shard, key)) return out;
    var next = 0;
    numbers(shard[key]).forEach(function (v) {
      var doc = next + Math.floor(v / 4);
      out.set(doc, v % 4);
      next = doc + 1;
    });
    return out;
  }

  var textStarts = null;
  var textKb = null;
  function textShard(doc) {
    var lo = 0;
    var hi = textStarts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (textStarts[mid] <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function record(doc) {
    var n = textShard(doc);
    return store.docs[n][doc - textStarts[n]];
  }

  /* ---------- Answering a query ---------- */

  var POINTS = [1, 10, 100];

  function parse(q) {
    var terms = [];
    q.split(/\s+/).forEach(function (raw) {
      var t = normalize(raw).text;
      var keys = termKeys(t);
      if (keys.length && terms.every(function (x) { return x.text !== t; })) {
        terms.push({ text: t, keys: keys, exact: keys.length === 1 && keys[0] === t });
      }
    });
    return terms;
  }

  /* Pages holding every key of every term, with the best field each term can be in
     there (the phrase itself is checked later). */
  function candidates(terms) {
    var found = null;
    terms.forEach(function (term, t) {
      var lists = term.keys.map(postings).sort(function (a, b) { return a.size - b.size; });
      var here = new Map();
      lists[0].forEach(function (field, doc) {
        if (found && !found.has(doc)) return;
        var best = field;
        for (var i = 1; i < lists.length; i++) {
          var f = lists[i].get(doc);
          if (f === undefined) return;
          best = Math.min(best, f);
        }
        var fields = found ? found.get(doc) : [];
        fields[t] = best;
        here.set(doc, fields);
      });
      found = here;
    });
    var list = [];
    found.forEach(function (fields, doc) { list.push({ doc: doc, fields: fields, score: score(fields) }); });
    list.sort(byScore);
    return list;
  }

  function score(fields) {
    return fields.reduce(function (sum, f) { return sum + POINTS[f]; }, 0);
  }

  function byScore(a, b) {
    return b.score - a.score || a.doc - b.doc;
  }

  function contains(norm, term) {
    return norm.text.indexOf(term.text) >= 0;
  }

  /* Checks a page for every term as a phrase; returns what to show, or null. A term in
     the title counts as a title match; elsewhere the postings tell heading from body. */
  function verify(c, terms) {
    var r = record(c.doc);
    var title = normalize(r[1]);
    var sections = [];
    for (var i = 3; i + 1 < r.length; i += 2) {
      sections.push({ anchor: r[i], raw: r[i + 1], norm: null });
    }
    var fields = [];
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t];
      if (contains(title, term)) {
        fields.push(2);
        continue;
      }
      var hit = sections.some(function (s) {
        if (!s.norm) s.norm = normalize(s.raw);
        return contains(s.norm, term);
      });
      if (!hit) return null;
      fields.push(Math.min(c.fields[t], 1));
    }
    return { doc: c.doc, score: score(fields), record: r, title: title, sections: sections };
  }

  /* ---------- Showing results ---------- */

  function ranges(norm, terms) {
    var out = [];
    terms.forEach(function (term) {
      var at = norm.text.indexOf(term.text);
      while (at >= 0) {
        out.push([norm.from[at], norm.to[at + term.text.length - 1]]);
        at = norm.text.indexOf(term.text, at + term.text.length);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0]; });
    return out;
  }

  /* Appends `text[start, end)` to `el`, with the matches in <mark>; line breaks between
     blocks read as spaces. */
  function marked(el, text, start, end, hits) {
    var pos = start;
    function plain(a, b) {
      if (b > a) el.appendChild(document.createTextNode(text.slice(a, b).replace(/\n/g, ' ')));
    }
    hits.forEach(function (h) {
      var a = Math.max(h[0], pos);
      var b = Math.min(h[1], end);
      if (b <= a) return;
      plain(pos, a);
      var m = document.createElement('mark');
      m.textContent = text.slice(a, b).replace(/\n/g, ' ');
      el.appendChild(m);
      pos = b;
    });
    plain(pos, end);
  }

  var BEFORE = 30;
  var LENGTH = 110;

  /* Where to cut a snippet around a match at `at`: from the start of its block, or a little
     before the match, to a readable length (into the next blocks when the block is short). */
  function fragment(s, at, hits) {
    var lineStart = s.raw.lastIndexOf('\n', at - 1) + 1;
    var start = Math.max(lineStart, at - BEFORE);
    var end = Math.min(s.raw.length, start + LENGTH);
    return { section: s, start: start, end: end, hits: hits, cutStart: start > lineStart, cutEnd: end < s.raw.length };
  }

  /* Snippets around the first match of each term: one when the terms meet, up to three
     when they are far apart. */
  function snippets(hit, terms) {
    var frags = [];
    terms.forEach(function (term) {
      if (frags.length >= 3) return;
      for (var i = 0; i < hit.sections.length; i++) {
        var s = hit.sections[i];
        if (!s.norm) s.norm = normalize(s.raw);
        var own = ranges(s.norm, [term]);
        if (!own.length) continue;
        var at = own[0][0];
        var inside = frags.some(function (f) { return f.section === s && at >= f.start && own[0][1] <= f.end; });
        if (!inside) frags.push(fragment(s, at, ranges(s.norm, terms)));
        return;
      }
    });
    if (!frags.length && hit.sections.length) frags.push(fragment(hit.sections[0], 0, []));
    return frags;
  }

  function item(hit, terms) {
    var r = hit.record;
    var li = document.createElement('li');
    li.className = 'search-result';
    var frags = snippets(hit, terms);
    var anchor = frags.length ? frags[0].section.anchor : '';
    var h = document.createElement('h2');
    h.className = 'sr-title';
    var a = document.createElement('a');
    a.href = new URL(r[0], ROOT).href + (anchor ? '#' + encodeURIComponent(anchor) : '');
    marked(a, r[1], 0, r[1].length, ranges(hit.title, terms));
    h.appendChild(a);
    li.appendChild(h);
    if (r[2].length) {
      var crumbs = document.createElement('p');
      crumbs.className = 'sr-crumbs';
      crumbs.textContent = r[2].join(' ＞ ');
      li.appendChild(crumbs);
    }
    if (frags.length) {
      var p = document.createElement('p');
      p.className = 'sr-snippet';
      frags.forEach(function (f, i) {
        if (f.cutStart || i > 0) p.appendChild(document.createTextNode(i > 0 && !f.cutStart ? ' … ' : i > 0 ? ' …' : '…'));
        marked(p, f.section.raw, f.start, f.end, f.hits);
        if (f.cutEnd && i === frags.length - 1) p.appendChild(document.createTextNode('…'));
      });
      li.appendChild(p);
    }
    return li;
  }

  /* ---------- The 検索 page ---------- */

  function searchPage(form) {
    var input = form.querySelector('input[name="q"]');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var more = document.getElementById('search-more');
    var baseTitle = document.title;
    var run = 0;
    var state = null;

    function say(text) {
      // Emptied first, so the same count said twice is announced twice.
      status.textContent = '';
      setTimeout(function () { status.textContent = text; }, 50);
    }

    // The page's words, from the catalogue of the report's language.
    var msg = form.dataset;
    var locale = document.documentElement.lang || undefined;
    function words(pattern, q, n) {
      return pattern.replace('{q}', q).replace('{n}', n === undefined ? '' : n.toLocaleString(locale));
    }

    function countText(st) {
      var checked = st.next >= st.cands.length;
      var total = st.exact ? st.cands.length : checked ? st.shown + st.waiting.length : null;
      if (total === 0) return words(msg.msgNone, st.query);
      if (total !== null) return words(msg.msgFound, st.query, total);
      if (st.shown === 0) return words(msg.msgNoneYet, st.query);
      return words(msg.msgAtLeast, st.query, st.shown);
    }

    /* Checks candidates, best first, until a page of results is waiting (all of them when
       `all`) or none are left, loading the text shards of a batch at a time; and stops
       after loading FILL_KB, so that a query whose candidates are mostly not the phrase
       loads little (さらに表示 goes on). */
    function fill(st, all, kb) {
      kb = kb || 0;
      var full = !all && st.waiting.length >= PER_PAGE;
      if (full || st.next >= st.cands.length) return Promise.resolve();
      var batch = st.cands.slice(st.next, st.next + PER_PAGE);
      var shards = {};
      var cost = 0;
      batch.forEach(function (c) {
        var t = textShard(c.doc);
        if (!shards[t] && !loads['d/' + t + '.js']) cost += textKb[t];
        shards[t] = true;
      });
      // The first batch always; the next ones while they fit.
      if (kb > 0 && kb + cost > FILL_KB) return Promise.resolve();
      kb += cost;
      var loading = Object.keys(shards).map(function (n) { return load('d/' + n + '.js'); });
      return Promise.all(loading).then(function () {
        st.next += batch.length;
        var hits = batch.map(function (c) { return verify(c, st.terms); }).filter(Boolean);
        hits.sort(byScore);
        st.waiting = st.waiting.concat(hits);
        return fill(st, all, kb);
      });
    }

    /* Whether checking every candidate loads little: then the count is exact from the
       start. (A common word on a large site needs too much; its count says 「以上」.) */
    function cheap(st) {
      var shards = {};
      var kb = 0;
      for (var i = 0; i < st.cands.length && kb <= CHEAP_KB; i++) {
        var t = textShard(st.cands[i].doc);
        if (!shards[t] && !loads['d/' + t + '.js']) {
          shards[t] = true;
          kb += textKb[t];
        }
      }
      return kb <= CHEAP_KB;
    }

    function show(st, focusFirst) {
      var firstLink = null;
      st.waiting.splice(0, PER_PAGE).forEach(function (h) {
        var li = item(h, st.terms);
        list.appendChild(li);
        st.shown++;
        if (!firstLink) firstLink = li.querySelector('a');
      });
      more.hidden = st.waiting.length === 0 && st.next >= st.cands.length;
      say(countText(st));
      if (focusFirst && firstLink) firstLink.focus();
    }

    function search(q) {
      var mine = ++run;
      state = null;
      list.textContent = '';
      more.hidden = true;
      var terms = parse(q);
      if (!terms.length) {
        document.title = baseTitle;
        say(q.trim() ? msg.msgNoTerms : '');
        return;
      }
      document.title = words(msg.msgTitle, q.trim()).replace('{title}', baseTitle);
      status.textContent = msg.msgSearching;
      load('meta.js')
        .then(function () {
          textStarts = [];
          var at = 0;
          numbers(store.meta.text).forEach(function (n) { at += n; textStarts.push(at); });
          textKb = numbers(store.meta.kb);
          var shards = {};
          terms.forEach(function (t) {
            t.keys.forEach(function (k) { shards[keyHash(k) % store.meta.keys] = true; });
          });
          return Promise.all(Object.keys(shards).map(function (n) { return load('k/' + n + '.js'); }));
        })
        .then(function () {
          if (mine !== run) return null;
          var st = {
            query: q.trim(),
            terms: terms,
            exact: terms.every(function (t) { return t.exact; }),
            cands: candidates(terms),
            next: 0,
            shown: 0,
            waiting: []
          };
          state = st;
          return fill(st, st.exact ? false : cheap(st)).then(function () {
            if (st === state) show(st, false);
          });
        })
        .catch(function () {
          if (mine === run) say(msg.msgLoadFailed);
        });
    }

    more.addEventListener('click', function () {
      var st = state;
      if (!st) return;
      more.hidden = true;
      fill(st, false).then(function () {
        if (st === state) show(st, true);
      });
    });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var q = input.value;
      try {
        history.replaceState(null, '', '?q=' + encodeURIComponent(q));
      } catch (err) {
        /* Some browsers refuse this on file://; the search runs all the same. */
      }
      search(q);
    });

    version = form.getAttribute('data-version') || '';
    form.hidden = false;
    var q = new URLSearchParams(location.search).get('q');
    if (q) {
      input.value = q;
      search(q);
    }
  }

  function start() {
    var boxes = document.querySelectorAll('form.site-search');
    for (var i = 0; i < boxes.length; i++) boxes[i].hidden = false;
    var form = document.getElementById('search-form');
    if (form) searchPage(form);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
