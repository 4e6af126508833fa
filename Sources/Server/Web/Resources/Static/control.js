// The control room: what airs with a countdown, what comes next, the channel's output, the live
// sources with their monitored state and a TAKE button each, and RETURN — all kept current by
// the server-sent events of GET /api/channels/{channel}/events, without reloading.
'use strict';

(() => {
  const { t, api } = window.SREtv;
  const root = document.getElementById('control');
  if (!root) return;
  const channel = encodeURIComponent(root.dataset.channel);
  const $ = (id) => document.getElementById(id);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: root.dataset.timezone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const format = (iso) => clock.format(new Date(iso));
  let ends = null; // when the item on air ends, in this browser's clock
  let breakout = null;
  let pending = null; // the take or return waiting for confirmation
  const sourceRows = new Map();

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function announce(text) { setText($('announcer'), text); }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  }

  function countdown() {
    if (ends === null) { setText($('countdown'), ''); return; }
    const left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    setText($('countdown'), t('control_countdown', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` }));
  }

  function showNow(now) {
    if (!now) {
      ends = null;
      setText($('now-title'), t('control_not_on_air'));
      setText($('now-times'), '');
    } else {
      // From the server's position, so a wrong clock in the browser does not matter.
      ends = Date.now() + (Date.parse(now.onAir.end) - Date.parse(now.onAir.start) - now.position * 1000);
      setText($('now-title'), now.onAir.title);
      setText($('now-times'), `${format(now.onAir.start)}–${format(now.onAir.end)}`);
    }
    countdown();
    loadNext();
  }

  async function loadNext() {
    try {
      const timeline = await api('GET', `/api/channels/${channel}/timeline`);
      const upcoming = timeline.entries.filter((entry) => Date.parse(entry.start) > Date.now() - 500).slice(0, 5);
      $('next').replaceChildren(...upcoming.map((entry) => element('li', {},
        element('time', { datetime: entry.start, text: format(entry.start) }), ` ${entry.title}`,
        ...(entry.plays === 'live' ? [' ', element('span', { class: 'badge live', text: t('guide_live') })] : []))));
      if (!upcoming.length) $('next').replaceChildren(element('li', { text: t('watch_nothing_next') }));
    } catch (error) {
      $('next').replaceChildren(element('li', { class: 'error', text: error.message }));
    }
  }

  function formatOf(source) {
    const video = source.videoCodec ? `${source.videoCodec} ${source.width ?? '?'}x${source.height ?? '?'}${source.frameRate ? `@${Math.round(source.frameRate * 100) / 100}` : ''}` : '';
    return [video, source.audioCodec].filter(Boolean).join(' · ') || '—';
  }

  function rowFor(name) {
    if (sourceRows.has(name)) return sourceRows.get(name);
    const cells = {
      name: element('th', { scope: 'row' }),
      state: element('td'), format: element('td'), rate: element('td'),
      level: element('td'), still: element('td', { class: 'still' }), take: element('td', { class: 'actions' }),
    };
    const image = element('img', { alt: t('control_still_of', { name }), width: '160', height: '90' });
    const placeholder = element('span', { class: 'placeholder', text: t('control_no_still') });
    image.addEventListener('error', () => { image.hidden = true; placeholder.hidden = false; });
    image.addEventListener('load', () => { image.hidden = false; placeholder.hidden = true; });
    image.hidden = true;
    image.src = stillURL(name);
    cells.still.append(image, placeholder);
    const mode = element('select', { 'aria-label': t('control_return_mode_of', { name }), class: 'mode' },
      element('option', { value: 'rejoin', text: t('control_rejoin') }), element('option', { value: 'shift', text: t('control_shift') }));
    const take = element('button', { type: 'button', class: 'take', 'aria-label': t('control_take_named', { name }), text: t('control_take') });
    take.addEventListener('click', () => confirmTake(name, mode.value));
    cells.take.append(mode, ' ', take);
    const meter = element('meter', { min: '-60', max: '0', low: '-20', high: '-6', optimum: '-18', 'aria-label': t('control_level_of', { name }) });
    const levelText = element('span', { class: 'level' });
    cells.level.append(meter, ' ', levelText);
    const row = element('tr', { 'data-source': name }, ...Object.values(cells));
    const entry = { row, cells, image, take, mode, meter, levelText, state: null, airable: false };
    sourceRows.set(name, entry);
    return entry;
  }

  function showSources(sources) {
    const names = new Set(sources.map((source) => source.name));
    for (const [name, entry] of sourceRows) if (!names.has(name)) { entry.row.remove(); sourceRows.delete(name); }
    const body = $('sources');
    for (const source of sources) {
      const entry = rowFor(source.name);
      if (!entry.row.isConnected) body.append(entry.row);
      setText(entry.cells.name, source.name);
      if (entry.state && entry.state !== source.state) announce(t('control_source_state', { name: source.name, state: t(`control_state_${source.state}`) }));
      entry.state = source.state;
      entry.cells.state.replaceChildren(element('span', { class: `badge state-${source.state}`, text: t(`control_state_${source.state}`) }),
        ...(source.airable ? [] : [element('p', { class: 'warning', text: source.problems.length ? source.problems.join('; ') : t('control_not_airable') })]),
        ...(source.lastError && source.state !== 'up' ? [element('p', { class: 'note', text: source.lastError })] : []));
      setText(entry.cells.format, formatOf(source));
      setText(entry.cells.rate, source.bitRate ? `${(source.bitRate / 1e6).toFixed(2)} Mb/s` : '—');
      entry.meter.value = source.audioLevel ?? -60;
      setText(entry.levelText, source.audioLevel === null || source.audioLevel === undefined ? '—' : `${source.audioLevel.toFixed(1)} dBFS`);
      entry.airable = source.airable;
      entry.take.title = source.airable ? '' : t('control_not_airable');
    }
    markOnAir();
    $('no-sources').hidden = sources.length > 0;
  }

  function stillURL(name) {
    return `/api/channels/${channel}/sources/${encodeURIComponent(name)}/still.jpg?at=${Date.now()}`;
  }

  function refreshStills() {
    for (const [name, entry] of sourceRows) entry.image.src = stillURL(name);
  }

  function showBreakout(open) {
    const was = breakout;
    breakout = open;
    $('breakout-box').classList.toggle('on-air', Boolean(open));
    $('return').disabled = !open;
    setText($('breakout-state'), open
      ? t('control_live_on_air', { name: open.source, since: format(open.startedAt), mode: t(`control_${open.return}`) })
      : t('control_schedule_on_air'));
    if (Boolean(was) !== Boolean(open) || (was && open && was.id !== open.id)) announce($('breakout-state').textContent);
    markOnAir();
  }

  /** Marks the source on air; TAKE works for the airable sources that are not. */
  function markOnAir() {
    for (const [name, entry] of sourceRows) {
      const onAir = Boolean(breakout) && breakout.source === name;
      entry.row.classList.toggle('on-air', onAir);
      entry.take.disabled = !entry.airable || onAir;
    }
  }

  function confirmTake(name, mode) {
    pending = { kind: 'take', name, mode };
    $('confirm-text').textContent = t('control_confirm_take', { name, mode: t(`control_${mode}`) });
    $('confirm-dialog').showModal();
  }

  function confirmReturn() {
    pending = { kind: 'return' };
    $('confirm-text').textContent = t('control_confirm_return');
    $('confirm-dialog').showModal();
  }

  async function carryOut() {
    const order = pending;
    pending = null;
    $('confirm-dialog').close();
    try {
      if (order?.kind === 'take') {
        showBreakout(await api('POST', `/api/channels/${channel}/breakout`, { source: order.name, return: order.mode }));
      } else if (order?.kind === 'return') {
        await api('DELETE', `/api/channels/${channel}/breakout`);
        showBreakout(null);
      }
    } catch (error) {
      announce(t('control_failed', { error: error.message }));
      setText($('breakout-error'), error.message);
    }
  }

  function follow() {
    const events = new EventSource(`/api/channels/${channel}/events`);
    const read = (handler) => (event) => { setText($('connection'), t('control_connected')); handler(JSON.parse(event.data)); };
    events.addEventListener('now', read(showNow));
    events.addEventListener('sources', read(showSources));
    events.addEventListener('breakout', read((open) => { showBreakout(open); loadNext(); }));
    events.addEventListener('error', () => setText($('connection'), t('control_reconnecting')));
  }

  async function startPreview() {
    const video = $('output');
    try {
      video.src = (await api('POST', `/api/channels/${channel}/playback-url`)).url;
    } catch (error) {
      setText($('output-note'), error.message);
    }
    if (video.canPlayType('application/vnd.apple.mpegurl') === '') $('output-note').hidden = false;
  }

  $('confirm-yes').addEventListener('click', carryOut);
  $('confirm-no').addEventListener('click', () => { pending = null; $('confirm-dialog').close(); });
  $('return').addEventListener('click', confirmReturn);
  startPreview();
  follow();
  setInterval(countdown, 1000);
  setInterval(refreshStills, 5000);
})();
