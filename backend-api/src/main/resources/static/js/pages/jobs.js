// Jobs: a filtered list (#/jobs?status=failed...) and one job's detail (#/jobs/<id>) with
// its timeline, counts, error, child transform jobs, and cancel / retry.

import { get, post, query } from '../api.js';
import { banner, errorBanner, h, replace, table } from '../dom.js';
import { STATUS_ORDER } from '../charts.js';
import { pairs, shortId, since, time } from '../format.js';

const PAGE = 50;
const TERMINAL = ['succeeded', 'failed', 'dead', 'cancelled'];
const RETRYABLE = ['failed', 'dead', 'cancelled'];
const FILTERS = ['tenant_id', 'integration_id', 'entity_type', 'status', 'kind'];

const statusBadge = (status) => h('span', { class: `badge status-${status}` }, status);
const jobLink = (job) => h('a', { href: `#/jobs/${job.id}`, class: 'mono', title: job.id }, shortId(job.id));

function options(select, values, chosen, blank) {
  replace(select, h('option', { value: '' }, blank),
    values.map(([value, label]) => h('option', { value, selected: value === chosen }, label)));
}

export function mount(root, ctx, route) {
  return route.id ? mountDetail(root, ctx, route.id) : mountList(root, ctx, route.params);
}

function mountList(root, ctx, params) {
  const chosen = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) || '']));
  const tenant = h('select', { name: 'tenant_id', id: 'filter-tenant' });
  const integration = h('select', { name: 'integration_id', id: 'filter-integration' });
  const entity = h('input', { name: 'entity_type', id: 'filter-entity', value: chosen.entity_type, placeholder: 'e.g. github_issues' });
  const status = h('select', { name: 'status', id: 'filter-status' });
  const kind = h('select', { name: 'kind', id: 'filter-kind' });
  options(status, STATUS_ORDER.map((s) => [s, s]), chosen.status, 'any status');
  options(kind, [['extract', 'extract'], ['transform', 'transform']], chosen.kind, 'any kind');
  options(tenant, [], chosen.tenant_id, 'all tenants');
  options(integration, [], chosen.integration_id, 'any integration');
  const form = h('form', { class: 'filters', id: 'job-filters' },
    ctx.admin ? h('label', {}, 'tenant ', tenant) : null,
    h('label', {}, 'integration ', integration), h('label', {}, 'entity ', entity),
    h('label', {}, 'status ', status), h('label', {}, 'kind ', kind),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', onclick: () => ctx.navigate('#/jobs') }, 'Clear'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    ctx.navigate('#/jobs' + query(Object.fromEntries(FILTERS.map((f) => [f, (values[f] || '').trim()]))));
  });
  const error = errorBanner();
  const lookupError = errorBanner();
  const list = h('div', { id: 'job-list' });
  const more = h('button', { type: 'button', hidden: true, id: 'more-jobs' }, 'Older jobs');
  replace(root, h('section', { class: 'card' }, h('h2', {}, 'Jobs'), form, lookupError, error, list, more));

  let shown = PAGE;
  let names = new Map();
  let tenantNames = new Map();
  more.addEventListener('click', () => { shown = Math.min(500, shown + PAGE); refresh(); });

  async function loadLookups() {
    try {
      const integrations = (await get('/integrations' + query({ limit: 500 }))).integrations || [];
      names = new Map(integrations.map((i) => [i.id, i.name]));
      options(integration, integrations.map((i) => [i.id, `${i.name} (${i.type})`]), chosen.integration_id, 'any integration');
      if (ctx.admin) {
        const tenants = (await get('/tenants')).tenants || [];
        tenantNames = new Map(tenants.map((t) => [t.id, t.name]));
        options(tenant, tenants.map((t) => [t.id, t.name]), chosen.tenant_id, 'all tenants');
      }
      banner(lookupError, null);
    } catch (e) {
      banner(lookupError, e);
    }
  }
  const lookups = loadLookups();

  async function refresh() {
    await lookups;
    try {
      const answer = await get('/jobs' + query({ ...chosen, limit: shown }));
      banner(error, null);
      const jobs = answer.jobs || [];
      more.hidden = !(answer.next_cursor || jobs.length >= shown) || shown >= 500;
      const headers = ['job', 'kind', 'status', ...(ctx.admin ? ['tenant'] : []), 'integration', 'entity', 'attempts', 'counts', 'created', 'finished', 'error'];
      replace(list, table(headers, jobs.map((job) => h('tr', { dataset: { job: job.id } },
        h('td', {}, jobLink(job)), h('td', {}, job.kind), h('td', {}, statusBadge(job.status)),
        ctx.admin ? h('td', { title: job.tenant_id }, tenantNames.get(job.tenant_id) || shortId(job.tenant_id)) : null,
        h('td', {}, names.get(job.integration_id) || shortId(job.integration_id)), h('td', {}, job.entity_type),
        h('td', { class: 'num' }, String(job.attempts ?? '–')), h('td', {}, pairs(job.counts)),
        h('td', { title: time(job.created_at) }, since(job.created_at)),
        h('td', { title: time(job.finished_at) }, job.finished_at ? since(job.finished_at) : '–'),
        h('td', { class: 'error-text' }, job.error || ''))), { class: 'jobs' }));
    } catch (e) {
      banner(error, e);
    }
  }
  return { refresh };
}

function timelineOf(job) {
  if (Array.isArray(job.timeline)) return job.timeline;
  return [['created_at', 'queued'], ['started_at', 'running'], ['finished_at', job.status]]
    .filter(([field]) => job[field]).map(([field, status]) => ({ at: job[field], status, message: `from ${field}` }));
}

// Source records the job (or its transform jobs) could not store or map; the rest loaded.
function rejectionsOf(job) {
  const rejections = job.rejections || [];
  if (!rejections.length) return null;
  const total = job.rejections_total ?? rejections.length;
  return [h('h3', {}, `Rejected records (${total})`),
    total > rejections.length ? h('p', { class: 'muted' }, `first ${rejections.length}; all at /api/v1/jobs/${job.id}/rejections`) : null,
    table(['record', 'stage', 'reason', 'at'], rejections.map((r) => [h('span', { class: 'mono' }, r.external_id),
      r.stage, h('span', { class: 'error-text' }, r.reason), time(r.rejected_at)]), { class: 'rejections' })];
}

function mountDetail(root, ctx, id) {
  const error = errorBanner();
  const body = h('div', { id: 'job-detail' });
  const cancel = h('button', { type: 'button', id: 'cancel-job', class: 'danger' }, 'Cancel');
  const retry = h('button', { type: 'button', id: 'retry-job' }, 'Retry');
  replace(root, h('section', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Job ', h('span', { class: 'mono' }, id)),
      h('span', { class: 'actions' }, cancel, retry, h('a', { href: '#/jobs' }, 'all jobs'))), error, body));

  async function act(verb) {
    if (verb === 'cancel' && !(await ctx.confirm(`Cancel job ${id}?`))) return;
    try {
      const job = await post(`/jobs/${id}/${verb}`);
      ctx.notify(`${verb === 'cancel' ? 'Cancelled' : 'Retried'} job ${shortId(id)}: now ${job && job.status}`);
      if (job && job.id && job.id !== id) ctx.navigate(`#/jobs/${job.id}`);
      else await refresh();
    } catch (e) {
      ctx.notify(e.message, 'error');
    }
  }
  cancel.addEventListener('click', () => act('cancel'));
  retry.addEventListener('click', () => act('retry'));

  async function refresh() {
    let job;
    try {
      job = await get(`/jobs/${id}`);
      banner(error, null);
    } catch (e) {
      banner(error, e);
      cancel.disabled = true;
      retry.disabled = true;
      replace(body);
      return;
    }
    cancel.disabled = TERMINAL.includes(job.status);
    retry.disabled = !RETRYABLE.includes(job.status);
    const field = (label, value) => [h('dt', {}, label), h('dd', {}, value ?? '–')];
    replace(body,
      h('dl', { class: 'fields' },
        field('status', statusBadge(job.status)), field('kind', job.kind), field('entity', job.entity_type),
        field('integration', `${job.integration_type || ''} ${job.integration_id || ''}`), field('tenant', job.tenant_id),
        field('mode', job.mode), field('attempts', String(job.attempts ?? '–')), field('worker', job.worker_id),
        field('parent', job.parent_id ? h('a', { href: `#/jobs/${job.parent_id}`, class: 'mono' }, job.parent_id) : null),
        field('created', time(job.created_at)), field('started', time(job.started_at)), field('finished', time(job.finished_at))),
      job.error ? h('div', { class: 'banner error job-error' }, h('strong', {}, 'error: '), job.error) : null,
      h('h3', {}, 'Counts'),
      table(['count', 'value'], Object.entries(job.counts || {}).map(([k, v]) => [k, String(v)]), { class: 'counts' }),
      rejectionsOf(job),
      h('h3', {}, 'Timeline'),
      table(['at', 'status', 'message'], timelineOf(job).map((t) => [time(t.at), statusBadge(t.status), t.message || '']),
        { class: 'timeline' }),
      job.kind === 'extract' ? [h('h3', {}, `Transform jobs (${(job.children || []).length})`),
        table(['job', 'status', 'entity', 'attempts', 'counts', 'created', 'finished', 'error'],
          (job.children || []).map((c) => h('tr', { dataset: { job: c.id } }, h('td', {}, jobLink(c)),
            h('td', {}, statusBadge(c.status)), h('td', {}, c.entity_type), h('td', { class: 'num' }, String(c.attempts ?? '–')),
            h('td', {}, pairs(c.counts)), h('td', {}, time(c.created_at)), h('td', {}, time(c.finished_at)),
            h('td', { class: 'error-text' }, c.error || ''))), { class: 'children' })] : null);
  }
  return { refresh };
}
