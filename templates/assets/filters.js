// Paddock: combined filters with live counts, sorting and accent-tolerant search on the listing
// pages, from the index the build writes ({lang}/index-horses.json, index-animals.json; see
// docs/theme.md). The state lives in the URL. Without this script the pre-rendered pages work.
// The panel's shell is in the page (partials/filter-panel), shown by site.css from the first paint
// when scripting is on: this script fills it (sort options, facets, counts) and moves nothing.
(function () {
  'use strict';
  var host = document.querySelector('[data-filter-index]');
  if (!host) return;
  var page = document.documentElement;
  // Back to the pre-rendered filter links (the page moves, but only on failure).
  function off() { page.removeAttribute('data-filters-on'); page.setAttribute('data-filters-off', ''); }
  if (!window.fetch || !window.URLSearchParams || !history.pushState) { off(); return; }
  page.setAttribute('data-filters-on', '');   // for browsers without the `scripting` media feature
  var root = host.getAttribute('data-filter-root') || '';
  var home = new URL(host.getAttribute('data-filter-home'), location.href).pathname;
  var ownURL = location.pathname;
  var preset = host.getAttribute('data-filter-preset') || '';
  fetch(host.getAttribute('data-filter-index'))
    .then(function (r) { if (!r.ok) throw r.status; return r.json(); })
    .then(start)
    .catch(function (error) { off(); if (window.console) console.warn('Paddock filters are off:', error); });

  function fold(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/ß/g, 'ss').replace(/[æ]/g, 'ae').replace(/[œ]/g, 'oe').replace(/[ø]/g, 'o').replace(/[ł]/g, 'l').replace(/[đð]/g, 'd');
  }
  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) if (attrs[k] != null) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    return node;
  }

  function start(index) {
    var n = index.n, cols = index.cols, t = index.t, horses = index.kind === 'horses';
    var text = function (name, r) { var c = cols[name]; return c.s ? c.s[r] : (c.i[r] < 0 ? '' : c.d[c.i[r]]); };
    var num = function (name, r) { return cols[name].n[r]; };
    var facets = index.facets.map(function (f, i) {
      var col = cols[f.p];
      return { i: i, p: f.p, title: f.t, kind: f.kind, labels: col.d, keys: col.k, one: col.i, many: col.m,
               byKey: new Map(col.k.map(function (k, j) { return [k, j]; })),
               mask: new Uint8Array(col.d.length), modes: new Int8Array(col.d.length), count: new Int32Array(col.d.length),
               total: new Int32Array(col.d.length), active: false, inputs: [] };
    });
    // Search text of every card, folded once.
    var hay = new Array(n);
    for (var r = 0; r < n; r++) {
      var parts = index.search.map(function (name) {
        if (name === 'genes') return cols.genes.m[r].map(function (c) { return cols.genes.d[(c / 3) | 0]; }).join(' ');
        return text(name, r);
      });
      hay[r] = fold(parts.join(' \u0001'));
    }
    // Counts over the whole catalogue: values no card has are not offered.
    facets.forEach(function (f) { for (var r = 0; r < n; r++) addCounts(f, r, f.total); });

    var orders = {};
    var collator = new Intl.Collator(index.lang, { sensitivity: 'base', numeric: true });
    function order(key) {
      if (orders[key]) return orders[key];
      var rows = Array.from({ length: n }, function (_, r) { return r; });
      var name = horses ? 'name' : 'title';
      var by = function (value, descending) {
        return function (a, b) {
          var x = value(a), y = value(b);
          if (x == null || y == null) return x == null ? (y == null ? a - b : 1) : -1;
          return x === y ? a - b : (descending ? y - x : x - y);
        };
      };
      var compare = {
        newest: function (a, b) { return a - b; },
        name: function (a, b) { return collator.compare(text(name, a), text(name, b)) || a - b; },
        age: horses ? by(function (r) { return num('age', r); }, false) : by(function (r) { return num('born', r); }, true),
        'age-desc': horses ? by(function (r) { return num('age', r); }, true) : by(function (r) { return num('born', r); }, false),
        height: by(function (r) { return num('height', r); }, true),
        price: by(function (r) { return num('price', r); }, false),
        'price-desc': by(function (r) { return num('price', r); }, true)
      }[key] || function (a, b) { return a - b; };
      return (orders[key] = rows.sort(compare));
    }

    function addCounts(f, r, into) {
      if (f.kind === 'one') { if (f.one[r] >= 0) into[f.one[r]]++; return; }
      var codes = f.many[r];
      if (f.kind === 'many') { for (var j = 0; j < codes.length; j++) into[codes[j]]++; return; }
      var last = -1;
      for (var k = 0; k < codes.length; k++) { var g = (codes[k] / 3) | 0; if (g !== last) into[g]++; last = g; }
    }
    // Gene modes: 1 any form, 2 visual, 3 het, 4 possible het, 5 without.
    var geneModes = ['', 'any', 'visual', 'het', 'pos', 'without'];
    function passes(f, r) {
      if (f.kind === 'one') return f.one[r] >= 0 && f.mask[f.one[r]] === 1;
      var codes = f.many[r], j;
      if (f.kind === 'many') { for (j = 0; j < codes.length; j++) if (f.mask[codes[j]]) return true; return false; }
      for (var g = 0; g < f.modes.length; g++) {
        var mode = f.modes[g];
        if (!mode) continue;
        var found = false;
        for (j = 0; j < codes.length; j++) {
          if (((codes[j] / 3) | 0) !== g) continue;
          var zygosity = codes[j] % 3;
          if (mode === 1 || mode === 5 || zygosity === mode - 2) { found = true; break; }
        }
        if (found === (mode === 5)) return false;
      }
      return true;
    }

    // State: selected values per facet, the search text, the sort.
    var state = { q: '', sort: index.sorts[0].k };
    function readState() {
      var own = location.pathname === ownURL && !location.search;
      var params = new URLSearchParams(own ? preset : location.search.slice(1));
      state.q = params.get('q') || '';
      state.sort = params.get('sort') || index.sorts[0].k;
      facets.forEach(function (f) {
        f.mask.fill(0); f.modes.fill(0);
        params.getAll(f.p).forEach(function (value) {
          if (f.kind === 'genes') {
            var parts = value.split(':'), g = f.byKey.get(parts[0]), mode = geneModes.indexOf(parts[1] || 'any');
            if (g != null && mode > 0) f.modes[g] = mode;
          } else {
            value.split(',').forEach(function (key) { var j = f.byKey.get(key); if (j != null) f.mask[j] = 1; });
          }
        });
        f.active = f.kind === 'genes' ? f.modes.some(Boolean) : f.mask.some(Boolean);
      });
      // The pre-rendered cards stay only on a listing without filters; a facet page's cards are
      // drawn below its open drawer, so none of them is pushed down when the drawer opens.
      return own && !preset;
    }
    function query() {
      var params = new URLSearchParams();
      facets.forEach(function (f) {
        if (f.kind === 'genes') {
          f.modes.forEach(function (mode, g) { if (mode) params.append(f.p, f.keys[g] + (mode === 1 ? '' : ':' + geneModes[mode])); });
        } else {
          var keys = f.keys.filter(function (_, j) { return f.mask[j]; });
          if (keys.length) params.set(f.p, keys.join(','));
        }
      });
      if (state.q) params.set('q', state.q);
      if (state.sort !== index.sorts[0].k) params.set('sort', state.sort);
      return params.toString();
    }
    function writeState(push) {
      var q = query();
      var url = q ? home + '?' + q : home;
      history[push ? 'pushState' : 'replaceState']({ paddockFilters: true }, '', url);
    }

    // The panel and the results: the page's shell, filled once; a change updates counts and cards only.
    var listing = host;
    var heading = listing.querySelector('h1');
    if (!listing.querySelector('.filter-panel')) insertShell(heading, t);
    var form = listing.querySelector('.filter-panel');
    var search = form.querySelector('input[name=q]'), sort = form.querySelector('select[name=sort]');
    var drawer = form.querySelector('.filter-drawer'), badge = form.querySelector('.filter-active');
    var groups = form.querySelector('.facets'), clear = form.querySelector('.filter-clear');
    var count = listing.querySelector('.filter-count'), results = listing.querySelector('.filter-results');
    var cards = results.querySelector('.cards'), empty = results.querySelector('.empty'), more = results.querySelector('.filter-more');
    var shell = [form, count, results];
    var prerendered = Array.prototype.filter.call(listing.children, function (c) {
      return c !== heading && c.tagName !== 'SCRIPT' && shell.indexOf(c) < 0;
    });
    listing.querySelectorAll('[data-swap]').forEach(function (a) { a.removeAttribute('data-swap'); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    sort.textContent = '';
    index.sorts.forEach(function (s) { sort.append(el('option', { value: s.k }, s.t)); });
    var boxes = document.createDocumentFragment();
    facets.forEach(function (f) {
      var box = el('fieldset', { 'class': 'facet facet-' + f.kind });
      box.append(el('legend', {}, f.title));
      var list = el('ul', { 'class': 'facet-values' });
      // Bands and sexes keep the index's order; other values go by name.
      var ordered = f.labels.map(function (_, j) { return j; });
      if (!/^(sex|ageBand|heightBand|priceBand)$/.test(f.p)) ordered.sort(function (a, b) { return collator.compare(f.labels[a], f.labels[b]); });
      f.inputs = new Array(f.labels.length).fill(null);
      ordered.forEach(function (j) {
        if (!f.total[j]) return;
        var item = el('li'), id = 'f-' + f.p + '-' + j, count = el('span', { 'class': 'facet-count' });
        if (f.kind === 'genes') {
          var label = el('label', { 'for': id }, f.labels[j] + ' ');
          label.append(count);
          var select = el('select', { id: id, 'data-gene': j });
          ['–', t.filter_gene_any, t.filter_gene_visual, t.filter_gene_het, t.filter_gene_possible_het, t.filter_gene_exclude]
            .forEach(function (name, mode) { select.append(el('option', { value: mode }, name)); });
          item.append(label, select);
          f.inputs[j] = { input: select, count: count, item: item, shown: -1 };
        } else {
          var box2 = el('input', { type: 'checkbox', id: id, value: f.keys[j] });
          var text2 = el('label', { 'for': id }, f.labels[j] + ' ');
          text2.append(count);
          item.append(box2, text2);
          f.inputs[j] = { input: box2, count: count, item: item, shown: -1 };
        }
        list.append(item);
      });
      box.append(list);
      box.addEventListener('change', function (e) {
        var target = e.target, g = target.getAttribute('data-gene');
        if (g != null) f.modes[+g] = +target.value;
        else f.mask[f.byKey.get(target.value)] = target.checked ? 1 : 0;
        f.active = f.kind === 'genes' ? f.modes.some(Boolean) : f.mask.some(Boolean);
        changed(true);
      });
      if (list.children.length > 1 || f.kind === 'genes') boxes.append(box);
    });
    groups.replaceChildren(boxes);

    search.addEventListener('input', function () { state.q = search.value; changed(false); });
    search.addEventListener('change', function () { writeState(true); });
    sort.addEventListener('change', function () { state.sort = sort.value; changed(true); });
    clear.addEventListener('click', function () {
      facets.forEach(function (f) { f.mask.fill(0); f.modes.fill(0); f.active = false; });
      state.q = ''; search.value = ''; sort.value = state.sort = index.sorts[0].k;
      syncInputs(); changed(true);
    });
    more.addEventListener('click', function () { draw(shown + index.perPage); });
    window.addEventListener('popstate', function () { apply(readState()); });

    function syncInputs() {
      search.value = state.q; sort.value = state.sort;
      facets.forEach(function (f) {
        f.inputs.forEach(function (x, j) {
          if (!x) return;
          if (f.kind === 'genes') x.input.value = f.modes[j]; else x.input.checked = f.mask[j] === 1;
        });
      });
    }

    var matches = [], shown = 0;
    function run() {
      var tokens = fold(state.q).split(/\s+/).filter(Boolean);
      var active = facets.filter(function (f) { return f.active; });
      facets.forEach(function (f) { f.count.fill(0); });
      var pass = new Uint8Array(n), total = 0;
      for (var r = 0; r < n; r++) {
        var ok = true;
        for (var k = 0; k < tokens.length; k++) if (hay[r].indexOf(tokens[k]) < 0) { ok = false; break; }
        if (!ok) continue;
        var failed = null, fails = 0;
        for (var a = 0; a < active.length; a++) {
          if (!passes(active[a], r)) { fails++; failed = active[a]; if (fails > 1) break; }
        }
        if (fails === 0) { pass[r] = 1; total++; for (var c = 0; c < facets.length; c++) addCounts(facets[c], r, facets[c].count); }
        else if (fails === 1) addCounts(failed, r, failed.count);
      }
      var sorted = order(state.sort);
      matches = [];
      for (var s = 0; s < n; s++) if (pass[sorted[s]]) matches.push(sorted[s]);
      // Only counts that changed are written: each write makes the browser lay the panel out again.
      facets.forEach(function (f) {
        f.inputs.forEach(function (x, j) {
          if (!x || x.shown === f.count[j]) return;
          if (x.shown === -1 || (x.shown === 0) !== (f.count[j] === 0)) x.item.classList.toggle('is-empty', f.count[j] === 0);
          x.shown = f.count[j];
          x.count.textContent = f.count[j];
        });
      });
      count.textContent = t.filter_results.replace('{n}', total).replace('{total}', n);
      var chosen = 0;
      facets.forEach(function (f) { (f.kind === 'genes' ? f.modes : f.mask).forEach(function (on) { if (on) chosen++; }); });
      badge.hidden = chosen === 0;
      badge.textContent = chosen ? (t.filter_active || '{n}').replace('{n}', chosen) : '';
    }
    function draw(limit) {
      shown = Math.min(limit, matches.length);
      var html = '';
      for (var k = 0; k < shown; k++) html += horses ? horseCard(matches[k]) : animalCard(matches[k]);
      cards.innerHTML = html;
      cards.hidden = shown === 0;
      empty.hidden = matches.length !== 0;
      more.hidden = shown >= matches.length;
    }
    function apply(own) {
      syncInputs();
      run();
      if (results.hidden !== own) {
        results.hidden = own;
        count.hidden = own;
        prerendered.forEach(function (node) { node.hidden = !own; });
      }
      if (!own) draw(index.perPage);
    }
    function changed(push) {
      writeState(push);
      apply(false);
    }

    function picture(r, alt) {
      var p = cols.picture, folder = p.d.i[r] < 0 ? '' : p.d.d[p.d.i[r]], file = p.f.s[r];
      if (!folder && !file) return '<img class="card-image" src="' + esc(root + index.placeholder) + '" alt="" width="320" height="240">';
      var src = folder + file;
      if (src.charAt(0) === '~') src = root + src.slice(1);
      return '<img class="card-image" src="' + esc(src) + '" alt="' + esc(alt) + '" width="320" height="240" loading="lazy" decoding="async">';
    }
    function fact(label, value) { return value ? '<div><dt>' + esc(label) + '</dt><dd>' + esc(value) + '</dd></div>' : ''; }
    function horseCard(r) {
      return '<li class="card"><a class="card-link" href="' + esc(root + index.base + cols.slug.s[r] + '/') + '">' + picture(r, '')
        + '<h3 class="card-title">' + esc(cols.name.s[r]) + '</h3></a><dl class="card-facts">'
        + fact(t.fact_sex, text('sexText', r)) + fact(t.fact_age, text('ageText', r)) + fact(t.fact_studbook, text('studbook', r))
        + fact(t.fact_color, text('color', r)) + fact(t.fact_height, text('heightText', r)) + '</dl></li>';
    }
    function animalCard(r) {
      var badges = cols.badges.m[r].map(function (c) {
        var parts = cols.badges.d[c].split('|');
        return '<li class="badge"><span class="badge-name">' + esc(parts[0]) + '</span>'
          + (parts[1] ? ' <span class="badge-trait">' + esc(parts[1]) + '</span>' : '') + '</li>';
      }).join('');
      var born = text('bornText', r), price = cols.price.n[r];
      return '<li class="card"><a class="card-link" href="' + esc(root + index.base + cols.slug.s[r] + '/') + '">' + picture(r, '')
        + '<h3 class="card-title">' + esc(cols.title.s[r]) + '</h3></a>'
        + (cols.descriptor.s[r] ? '<p class="card-sub">' + esc(cols.descriptor.s[r]) + '</p>' : '')
        + (badges ? '<ul class="badges" aria-label="' + esc(t.genetics_title) + '">' + badges + '</ul>' : '')
        + '<dl class="card-facts">' + fact(t.fact_sex, text('sex', r))
        + (born ? '<div><dt>' + esc(t.fact_born) + '</dt><dd><time datetime="' + esc(text('bornISO', r)) + '">' + esc(born) + '</time></dd></div>' : '')
        + '</dl>' + (cols.reserved.n[r] ? '<p class="status status-reserved">' + esc(t.reserved) + '</p>' : '')
        + '<p class="price' + (price == null ? ' on-request' : '') + '">' + esc(text('priceText', r)) + '</p></li>';
    }

    var typed = search.value;   // typed while the index was loading
    history.replaceState({ paddockFilters: true }, '', location.href);
    var own = readState();
    // Phone first, the facets stay folded, unless the address already filters (a shared link, a facet page).
    if (facets.some(function (f) { return f.active; })) drawer.open = true;
    if (typed && !state.q) { state.q = typed; changed(false); } else apply(own);
    host.setAttribute('data-filter-ready', '');
  }

  // Themes whose listing templates predate partials/filter-panel: the same shell, built here
  // (then the page moves once, when the index has loaded).
  function insertShell(heading, t) {
    var html = '<form class="filter-panel" role="search" aria-label="' + esc(t.filter_title) + '">'
      + '<h2 class="visually-hidden">' + esc(t.filter_title) + '</h2><div class="filter-top">'
      + '<label class="filter-field"><span>' + esc(t.filter_search) + '</span><input type="search" name="q" placeholder="'
      + esc(t.filter_search_hint) + '" autocomplete="off"></label>'
      + '<label class="filter-field"><span>' + esc(t.filter_sort) + '</span><select name="sort"></select></label></div>'
      + '<details class="filter-drawer"><summary class="filter-summary">' + esc(t.filter_drawer || t.filter_title)
      + ' <span class="filter-active" hidden></span></summary><div class="facets"></div>'
      + '<button type="button" class="button button-quiet filter-clear">' + esc(t.filter_clear) + '</button></details></form>'
      + '<p class="count filter-count" aria-live="polite" hidden></p><div class="filter-results" hidden><ul class="cards"></ul>'
      + '<p class="empty" hidden>' + esc(t.filter_no_results) + '</p>'
      + '<button type="button" class="button button-quiet filter-more" hidden>' + esc(t.filter_show_more) + '</button></div>';
    if (heading) heading.insertAdjacentHTML('afterend', html); else host.insertAdjacentHTML('afterbegin', html);
  }
})();
