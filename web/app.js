/* whosaid web page: one script, no libraries. Every view is a hash route
 * (#/speaker/3?since=2024-12-01) so any view can be shared as a link.
 * Text from articles is hostile: the DOM is built with createElement and
 * text nodes only; no HTML string is ever parsed. */
'use strict';

const API = 'api/v1/';

/* ---- DOM ---- */

/* el('a', {href: '#/x', class: 'c'}, 'text', child...) */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/* Only web links leave the page: a stored URL could be javascript:. */
function safeUrl(u) {
  if (typeof u !== 'string') return null;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null;
  } catch (e) {
    return null;
  }
}

function day(d) {
  return d ? String(d).slice(0, 10) : 'undated';
}

/* "2025-03-14 14:40" from a record date (seconds and offset left out). */
function when(d) {
  if (!d) return 'undated';
  const m = /^(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d))?/.exec(String(d));
  return m ? (m[2] ? m[1] + ' ' + m[2] : m[1]) : String(d);
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

/* A badge's colour class from its outlet name, stable across views. */
function badge(outlet) {
  const name = outlet || 'unknown outlet';
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return el('span', {class: 'badge b' + (h % 8), title: 'outlet'}, name);
}

/* ---- API ---- */

class ApiError extends Error {}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {}))
    if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const url = API + path + (qs.toString() ? '?' + qs : '');
  let res;
  try {
    res = await fetch(url, {headers: {Accept: 'application/json'}});
  } catch (e) {
    throw new ApiError('The server cannot be reached.');
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.statusText;
    throw new ApiError(msg + ' (' + res.status + ')');
  }
  return body;
}

/* ---- routes ---- */

function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const q = h.indexOf('?');
  const path = (q < 0 ? h : h.slice(0, q)).split('/').filter(Boolean);
  const params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
  return {path, params};
}

function hashOf(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {}))
    if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const s = qs.toString();
  return '#/' + path + (s ? '?' + s : '');
}

const view = () => document.getElementById('view');
let generation = 0; // a newer route wins over a slow older one

async function route() {
  const mine = ++generation;
  const {path, params} = parseHash();
  const v = view();
  clear(v);
  v.appendChild(el('p', {class: 'muted'}, 'Loading…'));
  const show = (...nodes) => {
    if (mine !== generation) return;
    clear(v);
    append(v, nodes);
  };
  const id = path[1];
  const numeric = id !== undefined && /^[0-9]{1,18}$/.test(id);
  try {
    if (path.length === 0) show(...await home());
    else if (path[0] === 'speaker' && numeric) show(...await speakerView(id, params));
    else if (path[0] === 'statement' && numeric) show(...await statementView(id));
    else if (path[0] === 'story' && numeric) show(...await storyView(id));
    else if (path[0] === 'article' && numeric) show(...await articleView(id));
    else if (path[0] === 'statements') show(...await statementsView(params));
    else if (path[0] === 'stories') show(...await storiesView(params));
    else show(el('h1', {}, 'Not found'), el('p', {}, 'No such view. ',
                 el('a', {href: '#/'}, 'Back to the start')));
  } catch (e) {
    show(el('p', {class: 'error', role: 'alert'},
            e instanceof ApiError ? e.message : 'Something went wrong.'));
    if (!(e instanceof ApiError)) console.error(e);
  }
  if (mine === generation) document.title = titleOf(v);
}

function titleOf(v) {
  const h = v.querySelector('h1');
  return (h ? h.textContent.slice(0, 80) + ' — ' : '') + 'whosaid';
}

/* ---- pieces ---- */

function speakerLink(name, id) {
  if (!name) return el('span', {class: 'muted'}, 'unknown speaker');
  return id ? el('a', {href: '#/speaker/' + id}, name) : el('span', {}, name);
}

/* One statement as a row: date, words, outlets, report count. */
function statementRow(s, opts) {
  const o = opts || {};
  const under = el('div', {class: 'under'},
    s.outlets.map(badge),
    el('a', {href: '#/statement/' + s.id, class: 'reports-link'},
       plural(s.reports.length, 'report', 'reports')));
  if (o.speaker && s.speaker)
    under.insertBefore(el('span', {},
      el('a', {href: hashOf('statements', {speaker: s.speaker}), class: 'who'},
         s.speaker), ' ·'), under.firstChild);
  if (o.story && s.story)
    under.appendChild(el('a', {href: '#/story/' + s.story.id, class: 'muted'},
                         'story'));
  return el('div', {class: 'statement', 'data-id': s.id},
    el('div', {class: 'date'}, day(s.date)),
    el('blockquote', {class: 'text'}, s.text),
    under);
}

/* A filter form whose submit rewrites the hash (so it can be shared). */
function filterForm(base, params, fields) {
  const inputs = {};
  const form = el('form', {class: 'filters'});
  for (const f of fields) {
    let input;
    if (f.options) {
      input = el('select', {name: f.name},
        el('option', {value: ''}, f.any || 'any'),
        f.options.map(o => el('option', {value: o, selected: params.get(f.name) === o}, o)));
      if (params.get(f.name) && !f.options.includes(params.get(f.name)))
        input.appendChild(el('option', {value: params.get(f.name), selected: true},
                             params.get(f.name)));
    } else {
      input = el('input', {name: f.name, type: f.type || 'text',
                           placeholder: f.placeholder || '', maxlength: 200,
                           value: params.get(f.name) || ''});
    }
    inputs[f.name] = input;
    form.appendChild(el('label', {}, f.label, input));
  }
  form.appendChild(el('button', {type: 'submit'}, 'Apply'));
  form.appendChild(el('button', {type: 'button', onclick: () => {
    location.hash = hashOf(base, {});
  }}, 'Clear'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = {};
    for (const [k, input] of Object.entries(inputs)) p[k] = input.value.trim();
    location.hash = hashOf(base, p);
  });
  return form;
}

/* ---- views ---- */

async function home() {
  const [sp, recent, health] = await Promise.all([
    api('speakers', {limit: 60}),
    api('statements', {limit: 8}),
    api('health')]);
  return [
    el('h1', {}, 'Who said what, and who reported it'),
    el('p', {class: 'meta'},
       el('span', {}, plural(health.speakers, 'speaker', 'speakers')),
       el('span', {}, plural(health.statements, 'statement', 'statements')),
       el('span', {}, plural(health.articles, 'article', 'articles')),
       el('span', {}, plural(health.stories, 'story', 'stories'))),
    el('h2', {}, 'Speakers'),
    sp.items.length
      ? el('ul', {class: 'speakers'}, sp.items.map(s => el('li', {},
          el('a', {href: '#/speaker/' + s.id}, s.name), ' ',
          el('span', {class: 'count'}, '(' + s.statements + ')'))))
      : el('p', {class: 'muted'}, 'No speakers yet: ingest some news.'),
    el('h2', {}, 'Latest statements'),
    el('div', {class: 'list'}, recent.items.map(s => statementRow(s, {speaker: true}))),
    el('p', {}, el('a', {href: '#/statements'}, 'All statements →')),
  ];
}

async function speakerView(id, params) {
  const filters = {};
  for (const k of ['since', 'until', 'outlet', 'kind', 'about'])
    if (params.get(k)) filters[k] = params.get(k);
  const tl = await api('speakers/' + id + '/timeline', filters);
  const sp = tl.speaker;
  // Outlets to filter on: those of this speaker's statements (unfiltered
  // when a filter is on, so the choice does not shrink to itself).
  const all = Object.keys(filters).length
    ? await api('speakers/' + id + '/timeline') : tl;
  const outlets = [...new Set(all.stories.flatMap(g =>
    g.statements.flatMap(s => s.outlets)))].sort();
  const head = [
    el('h1', {class: 'speaker-name'}, sp.name),
    el('p', {class: 'meta'},
       el('span', {}, sp.kind),
       el('span', {}, plural(sp.statements, 'statement', 'statements')),
       sp.aliases.length ? el('span', {}, 'also: ' + sp.aliases.join(', ')) : null),
  ];
  if (sp.titles.length)
    head.push(el('ul', {class: 'titles'}, sp.titles.map(t => el('li', {},
      t.title, ' ', el('span', {class: 'muted'},
        '(' + (t.from || '…') + ' – ' + (t.until || 'now') + ')')))));
  head.push(filterForm('speaker/' + id, params, [
    {name: 'since', label: 'From', type: 'date'},
    {name: 'until', label: 'Until', type: 'date'},
    {name: 'outlet', label: 'Outlet', options: outlets, any: 'all outlets'},
    {name: 'kind', label: 'Kind', options: ['direct', 'mixed', 'indirect'], any: 'any'},
    {name: 'about', label: 'Words', placeholder: 'peace talks'},
  ]));
  if (!tl.stories.length)
    return [...head, el('p', {class: 'muted'}, 'No statements match.')];
  const groups = tl.stories.map(g => el('section', {class: 'story'},
    el('h2', {}, g.story
      ? el('a', {href: '#/story/' + g.story.id}, g.story.title || 'untitled story')
      : el('span', {class: 'muted'}, 'Not in a story')),
    g.statements.map(s => statementRow(s))));
  const foot = tl.truncated
    ? el('p', {class: 'muted'}, 'Showing the first ' + tl.count +
         ' statements; narrow the dates to see the rest.')
    : null;
  return [...head, el('div', {class: 'timeline'}, groups), foot];
}

async function statementView(id) {
  const s = await api('statements/' + id);
  let speakerId = null;
  if (s.speaker) {
    const found = await api('speakers', {q: s.speaker, limit: 5});
    const m = found.items.find(x => x.name === s.speaker);
    if (m) speakerId = m.id;
  }
  const reports = s.reports.map(r => {
    const url = safeUrl(r.url);
    return el('article', {class: 'report'},
      el('div', {class: 'head'}, badge(r.outlet),
         el('span', {class: 'date'}, when(r.date)),
         el('span', {class: 'kind'}, r.kind)),
      el('p', {class: 'text'}, r.text),
      el('div', {class: 'links'},
         url ? el('a', {href: url, rel: 'noopener noreferrer nofollow',
                         target: '_blank', class: 'source'}, 'source ↗') : null,
         el('a', {href: '#/article/' + r.article}, 'article'),
         url ? null : el('span', {class: 'muted', title: 'where it was read'}, r.source)));
  });
  return [
    el('p', {class: 'meta'}, el('span', {}, speakerLink(s.speaker, speakerId)),
       el('span', {}, day(s.date)),
       s.story ? el('span', {}, el('a', {href: '#/story/' + s.story.id},
                                       s.story.title || 'story')) : null),
    el('h1', {class: 'statement-title'}, (s.speaker || 'Someone') + ' said'),
    el('blockquote', {class: 'big'}, s.text),
    el('h2', {}, plural(s.reports.length, 'report', 'reports') + ' in ' +
       plural(s.outlets.length, 'outlet', 'outlets')),
    el('div', {class: 'reports'}, reports),
  ];
}

async function storyView(id) {
  const st = await api('stories/' + id);
  return [
    el('p', {class: 'meta'}, el('span', {}, 'story'), el('span', {}, day(st.date)),
       el('span', {}, plural(st.articles.length, 'article', 'articles'))),
    el('h1', {}, st.title || 'Untitled story'),
    el('h2', {}, 'Articles'),
    el('ul', {class: 'articles'}, st.articles.map(a => {
      const url = safeUrl(a.url);
      return el('li', {}, badge(a.outlet), ' ', el('span', {class: 'muted'}, day(a.date)),
        ' ', el('a', {href: '#/article/' + a.id}, a.title || a.source),
        url ? [' ', el('a', {href: url, rel: 'noopener noreferrer nofollow',
                             target: '_blank'}, '↗')] : null);
    })),
    el('h2', {}, 'Statements'),
    st.statements.length
      ? el('div', {class: 'list'}, st.statements.map(s => statementRow(s, {speaker: true})))
      : el('p', {class: 'muted'}, 'No statements in this story.'),
  ];
}

async function articleView(id) {
  const a = await api('articles/' + id);
  const url = safeUrl(a.url);
  const paras = (a.text || '').split(/\n\s*\n/).filter(p => p.trim());
  return [
    el('p', {class: 'meta'}, a.outlet ? badge(a.outlet) : null,
       el('span', {}, day(a.date)),
       a.authors && a.authors.length ? el('span', {}, a.authors.join(', ')) : null,
       a.language ? el('span', {}, a.language) : null),
    el('h1', {}, a.title || 'Untitled article'),
    el('p', {class: 'meta'}, url
      ? el('a', {href: url, rel: 'noopener noreferrer nofollow', target: '_blank'}, url)
      : el('span', {}, a.source)),
    el('div', {class: 'article-text'}, paras.map(p => el('p', {}, p))),
    a.quotes && a.quotes.length ? [
      el('h2', {}, 'Quotes'),
      el('ul', {class: 'quotes'}, a.quotes.map(q => el('li', {},
        el('strong', {}, q.speaker || 'unknown'), ' ',
        el('span', {class: 'kind'}, q.kind), ': ', q.text))),
    ] : null,
  ];
}

/* A list with "More": the next page is appended in place. */
function pager(list, fetchPage, render, first) {
  const more = el('button', {class: 'more', type: 'button'}, 'More');
  let next = first.next;
  const wrap = el('div', {}, list, more);
  const sync = () => { more.hidden = !next; };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await fetchPage(next);
      append(list, page.items.map(render));
      next = page.next;
    } catch (e) {
      wrap.appendChild(el('p', {class: 'error'}, e.message));
    }
    more.disabled = false;
    sync();
  });
  append(list, first.items.map(render));
  sync();
  return wrap;
}

async function statementsView(params) {
  const filters = {};
  for (const k of ['speaker', 'about', 'since', 'until', 'outlet', 'kind'])
    if (params.get(k)) filters[k] = params.get(k);
  const first = await api('statements', Object.assign({limit: 50}, filters));
  const render = s => statementRow(s, {speaker: true, story: true});
  return [
    el('h1', {}, 'Statements'),
    filterForm('statements', params, [
      {name: 'speaker', label: 'Speaker', placeholder: 'any name or alias'},
      {name: 'about', label: 'Words', placeholder: 'peace talks'},
      {name: 'since', label: 'From', type: 'date'},
      {name: 'until', label: 'Until', type: 'date'},
      {name: 'outlet', label: 'Outlet', placeholder: 'any outlet'},
      {name: 'kind', label: 'Kind', options: ['direct', 'mixed', 'indirect'], any: 'any'},
    ]),
    first.items.length
      ? pager(el('div', {class: 'list'}),
              cursor => api('statements', Object.assign({limit: 50, cursor}, filters)),
              render, first)
      : el('p', {class: 'muted'}, 'No statements match.'),
  ];
}

async function storiesView(params) {
  const filters = {};
  for (const k of ['since', 'until']) if (params.get(k)) filters[k] = params.get(k);
  const first = await api('stories', Object.assign({limit: 50}, filters));
  const render = st => el('li', {},
    el('span', {class: 'muted'}, day(st.date)), ' ',
    el('a', {href: '#/story/' + st.id}, st.title || 'Untitled story'), ' ',
    el('span', {class: 'count'}, '(' + plural(st.articles.length, 'article', 'articles') + ')'));
  return [
    el('h1', {}, 'Stories'),
    filterForm('stories', params, [
      {name: 'since', label: 'From', type: 'date'},
      {name: 'until', label: 'Until', type: 'date'},
    ]),
    first.items.length
      ? pager(el('ul', {class: 'articles'}),
              cursor => api('stories', Object.assign({limit: 50, cursor}, filters)),
              render, first)
      : el('p', {class: 'muted'}, 'No stories match.'),
  ];
}

/* ---- search box with alias suggestions ---- */

function setupSearch() {
  const input = document.getElementById('q');
  const list = document.getElementById('suggest');
  const form = document.getElementById('search');
  let items = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const pick = s => {
    close();
    input.value = '';
    location.hash = '#/speaker/' + s.id;
  };
  const mark = () => {
    [...list.children].forEach((li, i) =>
      li.setAttribute('aria-selected', i === active ? 'true' : 'false'));
  };
  const render = () => {
    clear(list);
    const typed = input.value.trim().toLowerCase();
    items.forEach((s, i) => {
      // Show the alias that matched when it is not the name itself.
      const alias = s.aliases.find(a => a.toLowerCase().startsWith(typed));
      const showAlias = alias && !s.name.toLowerCase().startsWith(typed);
      list.appendChild(el('li', {role: 'option', id: 'sugg-' + i,
                                 'data-id': s.id,
                                 onmousedown: ev => { ev.preventDefault(); pick(s); }},
        el('span', {}, s.name,
           showAlias ? el('span', {class: 'alias'}, ' “' + alias + '”') : null),
        el('span', {class: 'count'}, String(s.statements))));
    });
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    mark();
  };
  const ask = async () => {
    const text = input.value.trim();
    const mine = ++asked;
    if (!text) {
      items = [];
      render();
      return;
    }
    try {
      const res = await api('speakers', {q: text.slice(0, 200), limit: 8});
      if (mine !== asked) return;
      items = res.items;
      active = items.length ? 0 : -1;
      render();
    } catch (e) {
      items = [];
      render();
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });
  input.addEventListener('keydown', ev => {
    if (ev.key === 'ArrowDown' && items.length) {
      active = (active + 1) % items.length;
      mark();
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp' && items.length) {
      active = (active - 1 + items.length) % items.length;
      mark();
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    if (active >= 0 && items[active]) pick(items[active]);
    else if (input.value.trim())
      location.hash = hashOf('statements', {speaker: input.value.trim()});
  });
}

window.addEventListener('hashchange', route);
document.addEventListener('DOMContentLoaded', () => {
  setupSearch();
  route();
});
