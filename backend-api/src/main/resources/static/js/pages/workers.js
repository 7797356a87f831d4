// Workers: live worker processes, summed per integration type, with stale ones flagged.

import { get, put } from '../api.js';
import { banner, errorBanner, h, replace, table } from '../dom.js';
import { age, pairs, since } from '../format.js';

function perType(workers) {
  const rows = new Map();
  for (const w of workers) {
    for (const type of w.types || []) {
      const key = `${w.kind}/${type}`;
      const row = rows.get(key) || { kind: w.kind, type, workers: 0, stale: 0, concurrency: 0, desired: null, inHand: 0 };
      row.workers += 1;
      if (w.stale) row.stale += 1;
      row.concurrency += Number((w.concurrency || {})[type] || 0);
      const desired = (w.desired_concurrency || {})[type];
      if (desired !== undefined && desired !== null) row.desired = (row.desired || 0) + Number(desired);
      rows.set(key, row);
    }
    // jobs_in_hand is per process; count it under its first type so totals are not doubled
    const first = (w.types || [])[0];
    if (first) rows.get(`${w.kind}/${first}`).inHand += Number(w.jobs_in_hand || 0);
  }
  return [...rows.values()].sort((a, b) => `${a.kind}/${a.type}`.localeCompare(`${b.kind}/${b.type}`));
}

// Admins set the fleet-wide desired concurrency of a worker type; built once, so the refresh
// never wipes what is being typed.
function concurrencyForm(ctx, refresh) {
  const type = h('select', { id: 'concurrency-type', required: true });
  const value = h('input', { id: 'concurrency-value', type: 'number', min: '0', max: '64', required: true, size: 4 });
  const form = h('form', { class: 'filters', id: 'concurrency-form' }, h('label', {}, 'desired concurrency of ', type),
    h('label', {}, 'per worker ', value), h('button', { type: 'submit' }, 'Set'));
  let known = '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const [kind, name] = type.value.split('/');
    try {
      await put(`/worker-types/${encodeURIComponent(kind)}/${encodeURIComponent(name)}/concurrency`, { concurrency: Number(value.value) });
      ctx.notify(`Desired concurrency of ${type.value} set to ${value.value}`);
      await refresh();
    } catch (e) {
      ctx.notify(e.message, 'error');
    }
  });
  return {
    form,
    types(keys) {
      if (keys.join() === known) return;
      known = keys.join();
      const chosen = type.value;
      replace(type, keys.map((k) => h('option', { value: k, selected: k === chosen }, k)));
    },
  };
}

export function mount(root, ctx) {
  const error = errorBanner();
  const summary = h('div');
  const list = h('div');
  const control = concurrencyForm(ctx, () => refresh());
  replace(root,
    h('section', { class: 'card', id: 'worker-types' }, h('h2', {}, 'Per integration type'), error, summary,
      ctx.admin ? control.form : null),
    h('section', { class: 'card', id: 'worker-list' }, h('h2', {}, 'Worker processes'), list));

  async function refresh() {
    try {
      const workers = (await get('/workers')).workers || [];
      banner(error, null);
      const types = perType(workers);
      control.types(types.map((r) => `${r.kind}/${r.type}`));
      replace(summary, table(['kind', 'type', 'workers', 'concurrency', 'desired', 'jobs in hand', 'stale'],
        types.map((r) => h('tr', { class: r.stale ? 'alert' : null, dataset: { type: `${r.kind}/${r.type}` } },
          h('td', {}, r.kind), h('td', {}, r.type), h('td', { class: 'num' }, String(r.workers)),
          h('td', { class: 'num' }, String(r.concurrency)), h('td', { class: 'num' }, r.desired === null ? '–' : String(r.desired)),
          h('td', { class: 'num' }, String(r.inHand)), h('td', { class: 'num' }, String(r.stale))))));
      const sorted = [...workers].sort((a, b) => Number(b.stale) - Number(a.stale) || a.id.localeCompare(b.id));
      replace(list, table(['worker', 'kind', 'types', 'concurrency', 'desired', 'jobs in hand', 'host / pid', 'started', 'heartbeat'],
        sorted.map((w) => h('tr', { class: w.stale ? 'alert stale' : null, dataset: { worker: w.id } },
          h('td', { class: 'name' }, w.id), h('td', {}, w.kind), h('td', {}, (w.types || []).join(', ')),
          h('td', {}, pairs(w.concurrency)), h('td', {}, pairs(w.desired_concurrency)),
          h('td', { class: 'num' }, String(w.jobs_in_hand ?? '–')), h('td', {}, `${w.host || '?'} / ${w.pid ?? '?'}`),
          h('td', {}, since(w.started_at)),
          h('td', { class: 'heartbeat' }, `${age(w.heartbeat_age_seconds)} ago`,
            w.stale ? h('span', { class: 'badge danger' }, 'stale') : null)))));
    } catch (e) {
      banner(error, e);
    }
  }

  return { refresh };
}
