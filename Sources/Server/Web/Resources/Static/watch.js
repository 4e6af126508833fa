// The watch page: says where HLS does not play, and keeps "on air" and "up next" current by
// polling /api/channels/{channel}/now (the progress bar moves every second in between).
'use strict';

(() => {
  const { t, api } = window.SREtv;
  const video = document.getElementById('player');
  if (video && video.canPlayType('application/vnd.apple.mpegurl') === '') {
    document.getElementById('hls-note').hidden = false;
  }
  const now = document.getElementById('now');
  if (!now) return;
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: now.dataset.timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const title = document.getElementById('now-title');
  const times = document.getElementById('now-times');
  const progress = document.getElementById('now-progress');
  const next = document.getElementById('next');
  let playing = null; // { start, end } in milliseconds

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text; // unchanged text is not announced again
  }

  function tick() {
    if (!playing) return;
    const length = playing.end - playing.start;
    progress.value = length > 0 ? Math.min(100, Math.max(0, ((Date.now() - playing.start) / length) * 100)) : 0;
  }

  async function poll() {
    try {
      const state = await api('GET', `/api/channels/${encodeURIComponent(now.dataset.channel)}/now`);
      const start = Date.parse(state.onAir.start);
      const end = Date.parse(state.onAir.end);
      // Measured from the server's position, so a wrong clock in the browser does not matter.
      playing = { start: Date.now() - state.position * 1000, end: Date.now() - state.position * 1000 + (end - start) };
      setText(title, state.onAir.title);
      setText(times, `${clock.format(start)}–${clock.format(end)}`);
      setText(next, state.next ? `${clock.format(Date.parse(state.next.start))} ${state.next.title}` : t('watch_nothing_next'));
    } catch (error) {
      if (error.status === 404) {
        playing = null;
        setText(title, t('watch_not_on_air'));
        setText(times, '');
      }
    }
    tick();
  }

  poll();
  setInterval(poll, 5000);
  setInterval(tick, 1000);
})();
