// The studio: a day's rundown as an editable table. Every edit is sent (debounced) to
// POST …/rundowns/{date}/preview, whose timeline gives each item its computed start and end and
// whose warnings and issues are shown at their item. Saves carry If-Match: a 409 shows who saved
// meanwhile and lets the producer reload or compare; nothing is ever overwritten silently.
'use strict';

(() => {
  const { t, api } = window.SREtv;
  const root = document.getElementById('studio');
  if (!root) return;
  const channel = root.dataset.channel;
  const date = root.dataset.date;
  const base = `/api/channels/${encodeURIComponent(channel)}/rundowns/${date}`;
  const $ = (id) => document.getElementById(id);
  const rows = $('rows');
  const status = $('status');
  const fields = ['title', 'start', 'in', 'out', 'duration', 'category', 'tags'];

  const blank = () => ({ channel, date, timezone: root.dataset.timezone, ...(root.dataset.filler ? { filler: root.dataset.filler } : {}), items: [] });
  let doc = blank();
  let version = null; // the saved version the edit started from
  let dirty = false;
  let preview = { byItem: new Map(), gapsBefore: new Map(), issues: [], warnings: new Map() };
  let timer = null;

  function say(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  function time(iso) { return iso ? iso.slice(11, 19) : ''; }

  function seconds(value) {
    const total = Math.round(value);
    const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    return (h ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + `:${String(s).padStart(2, '0')}`;
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    node.append(...children);
    return node;
  }

  // The editable value of an item's field, and setting it back into the document.
  function read(item, field) {
    if (field === 'tags') return (item.tags ?? []).join(', ');
    return item[field] ?? '';
  }

  function write(item, field, text) {
    const value = text.trim();
    if (field === 'tags') {
      const tags = value.split(',').map((tag) => tag.trim()).filter(Boolean);
      if (tags.length) item.tags = tags; else delete item.tags;
    } else if (['in', 'out', 'duration'].includes(field)) {
      if (value === '') delete item[field]; else item[field] = Number(value);
    } else if (field === 'start') {
      if (value === '') delete item.start; else item.start = value.length === 5 ? `${value}:00` : value;
    } else if (value === '' && field !== 'title') {
      delete item[field];
    } else {
      item[field] = value;
    }
  }

  function changed() {
    dirty = true;
    $('dirty').hidden = false;
    clearTimeout(timer);
    timer = setTimeout(refreshPreview, 400);
  }

  function input(item, index, field) {
    const label = t(`studio_field_${field}`);
    const attributes = {
      'aria-label': t('studio_field_of_item', { field: label, n: index + 1 }),
      'data-field': field, class: `field-${field}`, value: read(item, field),
    };
    // Text, not type=time: a time input shows AM/PM in some locales, and hard starts are 24-hour.
    if (field === 'start') Object.assign(attributes, { type: 'text', inputmode: 'numeric', placeholder: 'hh:mm:ss', pattern: '[0-9]{2}:[0-9]{2}(:[0-9]{2})?' });
    else if (['in', 'out', 'duration'].includes(field)) Object.assign(attributes, { type: 'number', step: '0.001', min: '0' });
    else attributes.type = 'text';
    const box = element('input', attributes);
    box.addEventListener('input', () => { write(item, field, box.value); changed(); });
    return box;
  }

  function render() {
    rows.replaceChildren();
    doc.items.forEach((item, index) => {
      const row = element('tr', { 'data-index': index, 'data-item': item.id, class: 'item' });
      row.append(
        element('td', { class: 'handle', draggable: 'true', title: t('studio_drag'), text: '⠿' }),
        element('th', { scope: 'row', class: 'number', text: String(index + 1) }),
        element('td', { class: 'computed start' }),
        element('td', { class: 'computed end' }),
        ...fields.map((field) => element('td', {}, input(item, index, field))),
        element('td', { class: 'source' }, element('code', { text: item.source?.uri ?? '' }),
          element('span', { class: 'note', text: ` ${t(`studio_kind_${item.source?.kind ?? 'production'}`)}` })),
        element('td', { class: 'marks' }),
        element('td', { class: 'actions' },
          element('button', { type: 'button', class: 'icon', 'aria-label': t('studio_move_up', { n: index + 1 }), disabled: index === 0, onclick: () => move(index, -1) }, '▲'),
          element('button', { type: 'button', class: 'icon', 'aria-label': t('studio_move_down', { n: index + 1 }), disabled: index === doc.items.length - 1, onclick: () => move(index, 1) }, '▼'),
          element('button', { type: 'button', class: 'icon danger', 'aria-label': t('studio_remove', { n: index + 1 }), onclick: () => remove(index) }, '✕')),
      );
      rows.append(row);
    });
    $('empty').hidden = doc.items.length > 0;
    showPreview();
  }

  /** Puts the item at `from` at `to`, and says so. */
  function reorder(from, to) {
    if (to < 0 || to >= doc.items.length || from === to) return false;
    const [item] = doc.items.splice(from, 1);
    doc.items.splice(to, 0, item);
    render();
    say(t('studio_moved', { title: item.title, n: to + 1 }));
    changed();
    return true;
  }

  function move(index, by) {
    if (!reorder(index, index + by)) return;
    const [up, down] = rows.querySelectorAll(`tr[data-index="${index + by}"] .actions button`);
    const wanted = by < 0 ? up : down;
    (wanted.disabled ? (by < 0 ? down : up) : wanted).focus();
  }

  function remove(index) {
    const [item] = doc.items.splice(index, 1);
    render();
    say(t('studio_removed', { title: item.title }));
    changed();
  }

  // Alt+↑ / Alt+↓ on any field of a row moves the row, keeping the focus on that field.
  rows.addEventListener('keydown', (event) => {
    if (!event.altKey || !['ArrowUp', 'ArrowDown'].includes(event.key)) return;
    const row = event.target.closest('tr.item');
    if (!row) return;
    event.preventDefault();
    const index = Number(row.dataset.index);
    const to = index + (event.key === 'ArrowUp' ? -1 : 1);
    const field = event.target.dataset.field;
    if (reorder(index, to) && field) rows.querySelector(`tr[data-index="${to}"] [data-field="${field}"]`)?.focus();
  });

  // Dragging a row onto another puts it in that row's place.
  let dragged = null;
  rows.addEventListener('dragstart', (event) => {
    const row = event.target.closest?.('tr.item');
    if (!row) return;
    dragged = Number(row.dataset.index);
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', row.dataset.item);
  });
  rows.addEventListener('dragover', (event) => { if (dragged !== null) event.preventDefault(); });
  rows.addEventListener('drop', (event) => {
    const row = event.target.closest('tr.item');
    if (dragged === null || !row) return;
    event.preventDefault();
    const from = dragged;
    dragged = null;
    reorder(from, Number(row.dataset.index));
  });
  rows.addEventListener('dragend', () => { dragged = null; });

  async function refreshPreview() {
    try {
      const answer = await api('POST', `${base}/preview`, doc);
      const byItem = new Map();
      const gapsBefore = new Map();
      let pendingGaps = [];
      for (const entry of answer.timeline?.entries ?? []) {
        if (entry.item && doc.items.some((item) => item.id === entry.item)) {
          if (!byItem.has(entry.item)) { byItem.set(entry.item, { ...entry }); gapsBefore.set(entry.item, pendingGaps); }
          else byItem.get(entry.item).end = entry.end; // a breakout split it: it ends with its last part
          pendingGaps = [];
        } else if (!entry.item && !entry.breakout && byItem.size > 0) {
          pendingGaps.push(entry);
        }
      }
      gapsBefore.set(null, pendingGaps.length && byItem.size ? pendingGaps : []);
      const warnings = new Map();
      for (const warning of answer.warnings) {
        const key = warning.item ?? null;
        warnings.set(key, [...(warnings.get(key) ?? []), warning.message]);
      }
      preview = { byItem, gapsBefore, issues: answer.issues, warnings };
      showPreview();
    } catch (error) {
      say(t('studio_preview_failed', { error: error.message }), true);
    }
  }

  function mark(kind, text) { return element('span', { class: `badge ${kind}`, text }); }

  function gapRow(entry) {
    const filled = entry.plays === 'media' ? t('studio_gap_filler') : t('studio_gap_slate');
    return element('tr', { class: 'gap' },
      element('td'), element('td'),
      element('td', { class: 'computed', text: time(entry.start) }),
      element('td', { class: 'computed', text: time(entry.end) }),
      element('td', { colspan: String(fields.length + 3) }, mark('gap', t('studio_gap', { length: seconds(entry.duration), fill: filled }))));
  }

  function showPreview() {
    rows.querySelectorAll('tr.gap').forEach((row) => row.remove());
    const issuesByIndex = new Map();
    const general = [];
    for (const issue of preview.issues) {
      const match = /^items\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
      if (match && doc.items[Number(match[1])]) {
        const index = Number(match[1]);
        issuesByIndex.set(index, [...(issuesByIndex.get(index) ?? []), { field: match[2], message: issue.message, path: issue.path }]);
      } else {
        general.push(issue);
      }
    }
    for (const row of rows.querySelectorAll('tr.item')) {
      const index = Number(row.dataset.index);
      const item = doc.items[index];
      const entry = preview.byItem.get(item.id);
      row.querySelector('.start').textContent = entry ? time(entry.start) : '—';
      row.querySelector('.end').textContent = entry ? time(entry.end) : '—';
      const marks = row.querySelector('.marks');
      marks.replaceChildren();
      row.querySelectorAll('input').forEach((box) => box.removeAttribute('aria-invalid'));
      row.classList.remove('overrun', 'problem', 'invalid');
      if (entry?.trimmed) { marks.append(mark('overrun', t('studio_cut', { length: seconds(entry.trimmed) }))); row.classList.add('overrun'); }
      if (entry && entry.plays === 'slate') { marks.append(mark('problem', t('studio_slate'))); row.classList.add('problem'); }
      for (const message of preview.warnings.get(item.id) ?? []) marks.append(element('p', { class: 'warning', text: message }));
      for (const issue of issuesByIndex.get(index) ?? []) {
        row.classList.add('invalid');
        const box = issue.field && row.querySelector(`[data-field="${issue.field === 'source' ? 'title' : issue.field}"]`);
        if (box) box.setAttribute('aria-invalid', 'true');
        marks.append(element('p', { class: 'issue', text: `${issue.path}: ${issue.message}` }));
      }
      for (const gap of preview.gapsBefore.get(item.id) ?? []) row.before(gapRow(gap));
    }
    for (const gap of preview.gapsBefore.get(null) ?? []) rows.append(gapRow(gap));
    const list = $('issues');
    list.replaceChildren(...general.map((issue) => element('li', { text: `${issue.path}: ${issue.message}` })),
      ...(preview.warnings.get(null) ?? []).map((message) => element('li', { class: 'warning', text: message })));
    $('issues-box').hidden = list.children.length === 0;
    $('issue-count').textContent = preview.issues.length ? t('studio_issue_count', { n: preview.issues.length }) : '';
  }

  async function load() {
    try {
      const saved = await api('GET', base);
      doc = saved.rundown;
      version = saved.version;
      setVersion(saved);
    } catch (error) {
      if (error.status !== 404) { say(error.message, true); return; }
      doc = blank();
      version = null;
      $('version').textContent = t('studio_new_rundown');
    }
    dirty = false;
    $('dirty').hidden = true;
    $('conflict').hidden = true;
    render();
    refreshPreview();
  }

  function setVersion(saved) {
    const published = saved.published ? t('studio_is_published') : saved.publishedVersion ? t('studio_published_is', { n: saved.publishedVersion }) : t('studio_not_published');
    $('version').textContent = t('studio_version', { n: saved.version, who: saved.savedBy, when: new Date(saved.savedAt).toLocaleString(), published });
  }

  async function save(force) {
    const headers = version ? { 'If-Match': `"${version}"` } : {};
    try {
      const answer = await api('PUT', base, doc, headers);
      version = answer.version;
      dirty = false;
      $('dirty').hidden = true;
      $('conflict').hidden = true;
      $('version').textContent = t('studio_saved_version', { n: version });
      say(t('studio_saved', { n: version }));
      return true;
    } catch (error) {
      if (error.status === 409) showConflict(error.body);
      else if (error.status === 400 && error.body?.issues) { preview.issues = error.body.issues; showPreview(); say(t('studio_not_saved_invalid'), true); }
      else say(error.message, true);
      return false;
    } finally {
      if (force) $('keep-mine').hidden = true;
    }
  }

  let conflict = null;
  function showConflict(body) {
    conflict = body;
    $('conflict-text').textContent = t('studio_conflict', { who: body.savedBy, when: new Date(body.savedAt).toLocaleString(), n: body.current });
    $('compare').replaceChildren();
    $('keep-mine').hidden = true;
    $('conflict').hidden = false;
    $('conflict').focus();
    say(t('studio_conflict_short'), true);
  }

  function describe(item) { return `${item.title} (${item.id})`; }

  async function compare() {
    const theirs = (await api('GET', base)).rundown;
    const mine = new Map(doc.items.map((item) => [item.id, item]));
    const other = new Map(theirs.items.map((item) => [item.id, item]));
    const lines = [];
    for (const item of doc.items) {
      if (!other.has(item.id)) lines.push(t('studio_diff_only_mine', { item: describe(item) }));
      else {
        const differing = ['title', 'start', 'in', 'out', 'duration', 'category', 'tags', 'source']
          .filter((key) => JSON.stringify(item[key] ?? null) !== JSON.stringify(other.get(item.id)[key] ?? null));
        if (differing.length) lines.push(t('studio_diff_changed', { item: describe(item), fields: differing.join(', ') }));
      }
    }
    for (const item of theirs.items) if (!mine.has(item.id)) lines.push(t('studio_diff_only_theirs', { item: describe(item) }));
    const order = (items) => items.map((item) => item.id).filter((id) => mine.has(id) && other.has(id)).join();
    if (order(doc.items) !== order(theirs.items)) lines.push(t('studio_diff_order'));
    if (!lines.length) lines.push(t('studio_diff_none'));
    $('compare').replaceChildren(element('h3', { text: t('studio_diff_title', { n: conflict.current }) }),
      element('ul', {}, ...lines.map((line) => element('li', { text: line }))));
    $('keep-mine').hidden = false;
  }

  async function publish() {
    if (dirty && !(await save())) return;
    if (!version) { say(t('studio_nothing_to_publish'), true); return; }
    try {
      const answer = await api('POST', `${base}/publish`, { version });
      $('version').textContent = t('studio_published_version', { n: answer.version });
      say(t('studio_published', { n: answer.version }));
    } catch (error) { say(error.message, true); }
  }

  function uniqueID(title) {
    const stem = title.normalize('NFD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 40) || 'item';
    let id = stem;
    for (let n = 2; doc.items.some((item) => item.id === id); n += 1) id = `${stem}-${n}`;
    return id;
  }

  function add(asset) {
    const item = { id: uniqueID(asset.title), title: asset.title, source: { kind: asset.kind, uri: asset.uri } };
    if (asset.kind === 'public' && asset.provider) item.source.provider = asset.provider;
    if (asset.category) item.category = asset.category;
    if (asset.tags?.length) item.tags = asset.tags;
    doc.items.push(item);
    render();
    say(t('studio_added', { title: asset.title, n: doc.items.length }));
    changed();
  }

  async function search(event) {
    event?.preventDefault();
    const query = new URLSearchParams();
    for (const name of ['q', 'provider', 'status']) { const value = $(`library-${name}`).value.trim(); if (value) query.set(name, value); }
    try {
      const assets = await api('GET', `/api/media?${query}`);
      $('library-results').replaceChildren(...assets.map((asset) => element('tr', {},
        element('th', { scope: 'row', text: asset.title }),
        element('td', { text: asset.provider ?? t(`studio_kind_${asset.kind}`) }),
        element('td', { text: asset.category ?? '' }),
        element('td', { text: asset.duration ? seconds(asset.duration) : '' }),
        element('td', {}, mark(asset.status === 'ready' ? 'ok' : 'problem', t(`media_status_${asset.status.replace('-', '_')}`))),
        element('td', { class: 'actions' },
          element('button', { type: 'button', 'aria-label': t('studio_add_named', { title: asset.title }), class: 'add', onclick: () => add(asset) }, t('studio_add')),
          element('button', { type: 'button', class: 'secondary', 'aria-label': t('studio_preview_named', { title: asset.title }), onclick: () => showMedia(asset) }, t('studio_preview'))))));
      $('library-count').textContent = t('studio_library_count', { n: assets.length });
    } catch (error) { say(error.message, true); }
  }

  function showMedia(asset) {
    const dialog = $('media-dialog');
    $('media-title').textContent = asset.title;
    const facts = asset.facts?.streams?.map((stream) => [stream.codec, stream.width && `${stream.width}x${stream.height}`].filter(Boolean).join(' ')).join(' · ') ?? '';
    $('media-facts').replaceChildren(
      element('li', { text: `${t('studio_field_duration')}: ${asset.duration ? seconds(asset.duration) : '—'}` }),
      element('li', { text: `${t('media_verdict')}: ${t(`media_status_${asset.status.replace('-', '_')}`)}${asset.error ? ` — ${asset.error}` : ''}` }),
      element('li', { text: facts }), element('li', {}, element('code', { text: asset.uri })));
    const picture = $('media-thumbnail');
    picture.hidden = false;
    picture.onerror = () => { picture.hidden = true; };
    picture.src = `/api/media/${asset.id}/thumbnail`;
    const video = $('media-video');
    const note = $('media-video-note');
    const playable = asset.uri.endsWith('.mp4') && video.canPlayType('video/mp4; codecs="avc1.42E01E"') !== '';
    video.hidden = !playable;
    note.hidden = playable;
    if (playable) video.src = `/api/media/${asset.id}/file`; else video.removeAttribute('src');
    dialog.showModal();
  }

  function exportJSON() {
    const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
    const link = element('a', { href: URL.createObjectURL(blob), download: `${channel}-${date}.json` });
    document.body.append(link);
    link.click();
    link.remove();
  }

  async function importJSON() {
    const file = $('import-file').files[0];
    if (!file) return;
    try {
      const imported = JSON.parse(await file.text());
      if (!imported || !Array.isArray(imported.items)) throw new Error(t('studio_import_not_rundown'));
      doc = imported;
      render();
      say(t('studio_imported', { name: file.name, n: doc.items.length }));
      changed();
    } catch (error) {
      say(t('studio_import_failed', { error: error.message }), true);
    }
    $('import-file').value = '';
  }

  $('save').addEventListener('click', () => save());
  $('publish').addEventListener('click', publish);
  $('export').addEventListener('click', exportJSON);
  $('import-file').addEventListener('change', importJSON);
  $('reload').addEventListener('click', load);
  $('compare-button').addEventListener('click', compare);
  $('keep-mine').addEventListener('click', () => { if (conflict && window.confirm(t('studio_keep_mine_confirm', { n: conflict.current }))) { version = conflict.current; save(true); } });
  $('library-form').addEventListener('submit', search);
  $('media-close').addEventListener('click', () => { $('media-video').pause(); $('media-dialog').close(); });
  window.addEventListener('beforeunload', (event) => { if (dirty) event.preventDefault(); });
  load();
  search();
})();
