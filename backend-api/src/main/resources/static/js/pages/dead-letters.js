// Dead letters (admin): groups by origin queue and error class; one group's messages; one
// message's headers and body; replay to the origin queue or discard, one or a whole group,
// each after a confirmation.

import { get, post, query } from '../api.js';
import { banner, errorBanner, h, replace, table } from '../dom.js';
import { since, time } from '../format.js';

const LIMIT = 100;

function prettyBody(body) {
  if (body === undefined || body === null) return '';
  if (typeof body !== 'string') return JSON.stringify(body, null, 2);
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch (e) {
    return body;
  }
}

export function mount(root, ctx) {
  const error = errorBanner();
  const groups = h('div', { id: 'dead-letter-groups' });
  const itemsCard = h('section', { class: 'card', id: 'dead-letter-items', hidden: true });
  const messageCard = h('section', { class: 'card', id: 'dead-letter-message', hidden: true });
  replace(root, h('section', { class: 'card' }, h('h2', {}, 'Dead letters'),
    ctx.admin ? null : h('p', { class: 'muted' }, 'Dead letters hold every tenant\'s messages: only admin keys may read them.'),
    error, groups), itemsCard, messageCard);

  let group = null; // {queue, error_class}
  let message = null; // message_id
  let items = [];

  async function act(verb, body, what) {
    if (!(await ctx.confirm(`${verb === 'replay' ? 'Replay' : 'Discard'} ${what}?${verb === 'discard' ? ' This cannot be undone.' : ' They go back to their origin queue.'}`))) return;
    try {
      const answer = await post(`/dead-letters/${verb}`, body);
      const n = verb === 'replay' ? answer.replayed : answer.discarded;
      ctx.notify(`${verb === 'replay' ? 'Replayed' : 'Discarded'} ${n} message${n === 1 ? '' : 's'} from ${body.queue}`);
      if (body.message_ids && body.message_ids.includes(message)) message = null;
      await refresh();
    } catch (e) {
      ctx.notify(e.message, 'error');
    }
  }

  function groupRow(c) {
    const selected = group && group.queue === c.queue && group.error_class === c.error_class;
    const whole = { queue: c.queue, error_class: c.error_class };
    const what = `all ${c.count} message${c.count === 1 ? '' : 's'} of ${c.error_class} in ${c.queue}`;
    return h('tr', { class: selected ? 'selected' : null, dataset: { queue: c.queue, errorClass: c.error_class } },
      h('td', { class: 'name' }, c.origin_queue || '–'), h('td', { class: 'name' }, c.queue),
      h('td', { class: 'mono' }, c.error_class || '–'), h('td', { class: 'num count' }, String(c.count)),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'small show-group', onclick: () => { group = whole; message = null; refresh(); } }, 'Show'),
        h('button', { type: 'button', class: 'small replay-group', onclick: () => act('replay', whole, what) }, 'Replay all'),
        h('button', { type: 'button', class: 'small danger discard-group', onclick: () => act('discard', whole, what) }, 'Discard all')));
  }

  function renderItems() {
    itemsCard.hidden = !group;
    if (!group) return;
    replace(itemsCard, h('h2', {}, `${group.error_class} in ${group.queue}`),
      table(['message', 'stage', 'attempts', 'worker', 'failed', 'error'], items.map((m) => h('tr', {
        class: m.message_id === message ? 'selected clickable' : 'clickable', dataset: { message: m.message_id },
        onclick: () => { message = m.message_id; renderMessage(); renderItems(); },
      }, h('td', { class: 'mono' }, m.message_id), h('td', {}, m.stage || '–'), h('td', { class: 'num' }, String(m.attempts ?? '–')),
      h('td', {}, m.worker_id || '–'), h('td', { title: time(m.failed_at) }, since(m.failed_at)),
      h('td', { class: 'error-text' }, m.error_message || ''))), { class: 'dead-letters' }));
  }

  function renderMessage() {
    const m = items.find((i) => i.message_id === message);
    messageCard.hidden = !m;
    if (!m) return;
    const one = { queue: m.queue, message_ids: [m.message_id] };
    replace(messageCard,
      h('div', { class: 'card-head' }, h('h2', {}, 'Message ', h('span', { class: 'mono' }, m.message_id)),
        h('span', { class: 'actions' },
          h('button', { type: 'button', id: 'replay-message', onclick: () => act('replay', one, `message ${m.message_id}`) }, 'Replay'),
          h('button', { type: 'button', id: 'discard-message', class: 'danger', onclick: () => act('discard', one, `message ${m.message_id}`) }, 'Discard'))),
      h('p', {}, `from ${m.origin_queue} · ${m.error_class}: ${m.error_message || ''}`),
      h('h3', {}, 'Headers'),
      table(['header', 'value'], Object.entries(m.headers || {}).sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [h('span', { class: 'mono' }, k), typeof v === 'object' ? JSON.stringify(v) : String(v)]), { class: 'headers' }),
      h('h3', {}, 'Body'), h('pre', { class: 'body' }, prettyBody(m.body)));
  }

  async function refresh() {
    try {
      const all = await get('/dead-letters' + query({ limit: LIMIT }));
      const counts = (all.counts || []).filter((c) => c.count > 0)
        .sort((a, b) => b.count - a.count || a.queue.localeCompare(b.queue));
      if (group && !counts.some((c) => c.queue === group.queue && c.error_class === group.error_class)) {
        group = null;
        message = null;
      }
      items = group ? ((await get('/dead-letters' + query({ ...group, limit: LIMIT }))).items || []) : [];
      banner(error, null);
      replace(groups, counts.length
        ? table(['origin queue', 'dead-letter queue', 'error class', 'messages', ''], counts.map(groupRow), { class: 'groups' })
        : h('p', { class: 'muted', id: 'no-dead-letters' }, 'No dead letters.'));
    } catch (e) {
      banner(error, e);
    }
    renderItems();
    renderMessage();
  }
  return { refresh };
}
