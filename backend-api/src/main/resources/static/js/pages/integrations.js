// Integrations: per integration its last successful sync, cursor age per entity, next
// scheduled run and remaining API budget, with test-connection and sync-now buttons.

import { get, post, query } from '../api.js';
import { banner, errorBanner, h, replace, table } from '../dom.js';
import { age, shortId, since, time, until } from '../format.js';

async function settle(promise) {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

function lastSuccess(entities) {
  const times = entities.map((e) => e.last_success_at).filter(Boolean).sort();
  return times.length ? since(times[times.length - 1]) : 'never';
}

export function mount(root, ctx) {
  const error = errorBanner();
  const list = h('div', { id: 'integration-list' });
  const count = h('span', { class: 'muted' });
  replace(root, h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, 'Integrations'), count), error), list);
  const cards = new Map(); // id -> {card, parts}

  async function testConnection(integration, result) {
    result.textContent = 'testing…';
    result.className = 'result muted';
    try {
      const answer = await post(`/integrations/${integration.id}/test`);
      result.textContent = `${answer.ok ? 'connected' : 'failed'} (${answer.kind})${answer.message ? ': ' + answer.message : ''}`;
      result.className = `result ${answer.ok ? 'ok' : 'bad'}`;
    } catch (e) {
      result.textContent = e.message;
      result.className = 'result bad';
    }
  }

  async function syncNow(integration, result) {
    try {
      const answer = await post('/extractions', { integration_id: integration.id });
      const jobs = answer.jobs || [];
      replace(result, `enqueued ${jobs.length} job${jobs.length === 1 ? '' : 's'}: `,
        jobs.map((j, i) => [i ? ', ' : '', h('a', { href: `#/jobs/${j.id}`, class: 'mono job-link', title: j.id }, `${j.entity_type} ${shortId(j.id)}`)]));
      result.className = 'result ok';
    } catch (e) {
      result.textContent = e.message;
      result.className = 'result bad';
    }
  }

  function cardFor(integration) {
    if (cards.has(integration.id)) return cards.get(integration.id);
    const result = h('span', { class: 'result', 'aria-live': 'polite' });
    const parts = {
      facts: h('dl', { class: 'fields facts' }), errors: h('div'), entities: h('div'), budgets: h('div'), result,
      title: h('h2'),
    };
    const card = h('section', { class: 'card integration', dataset: { integration: integration.id } },
      h('div', { class: 'card-head' }, parts.title, h('span', { class: 'actions' },
        h('button', { type: 'button', class: 'test-connection', onclick: () => testConnection(integration, result) }, 'Test connection'),
        h('button', { type: 'button', class: 'sync-now', onclick: () => syncNow(integration, result) }, 'Sync now'))),
      result, parts.facts, parts.errors, parts.entities, parts.budgets);
    const entry = { card, parts };
    cards.set(integration.id, entry);
    return entry;
  }

  async function refreshOne(integration) {
    const { card, parts } = cardFor(integration);
    const [sync, schedules, limits] = await Promise.all([
      settle(get(`/integrations/${integration.id}/sync-state`)),
      settle(get('/schedules' + query({ integration_id: integration.id }))),
      settle(get(`/integrations/${integration.id}/rate-limit`)),
    ]);
    const entities = (sync.value && sync.value.entities) || [];
    const listed = schedules.value && (Array.isArray(schedules.value) ? schedules.value : schedules.value.schedules);
    const active = (listed || []).filter((s) => s.enabled !== false);
    const budgets = (limits.value && limits.value.budgets) || [];
    const next = active.map((s) => s.next_run_at).filter(Boolean).sort()[0];
    const lowest = budgets.filter((b) => b.limit).sort((a, b) => a.remaining / a.limit - b.remaining / b.limit)[0];
    replace(parts.title, integration.name, ' ', h('span', { class: 'badge' }, integration.type),
      integration.enabled === false ? h('span', { class: 'badge danger' }, 'disabled') : null);
    const field = (label, value, cls) => [h('dt', {}, label), h('dd', { class: cls }, value)];
    replace(parts.facts,
      field('last successful sync', sync.value ? lastSuccess(entities) : '?', 'last-success'),
      field('next schedule', schedules.value ? (next ? `${until(next)} (${time(next)})` : 'none') : '?', 'next-run'),
      field('API budget', limits.value ? (lowest ? `${lowest.remaining} / ${lowest.limit} ${lowest.resource}, resets ${until(lowest.reset_at)}`
        : 'not reported by the source') : '?', 'budget'),
      ctx.admin ? field('tenant', integration.tenant_id || '–', 'mono') : null,
      field('id', integration.id, 'mono'));
    replace(parts.errors, [sync, schedules, limits].filter((r) => r.error).map((r) => {
      const el = errorBanner();
      banner(el, r.error);
      return el;
    }));
    replace(parts.entities, sync.value ? table(['entity', 'scope', 'cursor age', 'last success', 'updated'],
      entities.map((e) => h('tr', { dataset: { entity: e.entity_type } }, h('td', {}, e.entity_type), h('td', {}, e.scope || '–'),
        h('td', { class: 'num' }, age(e.cursor_age_seconds)), h('td', { title: time(e.last_success_at) }, since(e.last_success_at)),
        h('td', {}, time(e.updated_at)))), { class: 'entities' }) : null);
    replace(parts.budgets, budgets.length > 1 ? table(['resource', 'remaining', 'limit', 'resets'],
      budgets.map((b) => [b.resource, String(b.remaining), String(b.limit), until(b.reset_at)]), { class: 'budgets' }) : null);
    return card;
  }

  async function refresh() {
    let integrations;
    try {
      integrations = (await get('/integrations' + query({ limit: 200 }))).integrations || [];
      banner(error, null);
    } catch (e) {
      banner(error, e);
      return;
    }
    count.textContent = `${integrations.length} integration${integrations.length === 1 ? '' : 's'}`;
    const rendered = await Promise.all(integrations.map(refreshOne));
    replace(list, rendered.length ? rendered : h('section', { class: 'card muted' }, 'No integrations yet.'));
  }
  return { refresh };
}
