// Overview: every queue grouped by kind with depth, consumers, rates and a depth history
// kept in this tab, plus jobs by status per hour.

import { get } from '../api.js';
import { banner, errorBanner, h, replace, table } from '../dom.js';
import { hourlyBars, sparkline, STATUS_ORDER } from '../charts.js';
import { rate, time } from '../format.js';

const GROUPS = [
  ['extract', 'Extract'], ['transform', 'Transform'], ['retry', 'Retry'], ['dead_letter', 'Dead letter'],
];
const HISTORY = 60;
const STATS_HOURS = 6;
// Kept across page switches so the sparklines do not start over.
const history = new Map();

function remember(queue) {
  const depth = (queue.messages_ready || 0) + (queue.messages_unacked || 0);
  const samples = history.get(queue.name) || [];
  samples.push(depth);
  if (samples.length > HISTORY) samples.shift();
  history.set(queue.name, samples);
  return depth;
}

const UNIT_MS = { ms: 1, s: 1000, m: 60000, h: 3600000 };

// Retry tiers by delay (etl.retry.1s before etl.retry.10m); other queues by name.
function byName(a, b) {
  const delay = (q) => {
    const m = /\.(\d+)(ms|s|m|h)$/.exec(q.name);
    return m ? Number(m[1]) * UNIT_MS[m[2]] : null;
  };
  const [da, db] = [delay(a), delay(b)];
  return a.kind === 'retry' && da !== null && db !== null ? da - db : a.name.localeCompare(b.name);
}

function queueRow(queue) {
  const depth = remember(queue);
  const alert = queue.kind === 'dead_letter' && depth > 0;
  return h('tr', { class: alert ? 'alert' : null, dataset: { queue: queue.name, depth: String(depth) } },
    h('td', { class: 'name' }, queue.name),
    h('td', { class: 'num depth' }, String(depth)),
    h('td', { class: 'num' }, String(queue.messages_ready || 0)),
    h('td', { class: 'num' }, String(queue.messages_unacked || 0)),
    h('td', { class: 'num consumers' }, String(queue.consumers || 0)),
    h('td', { class: 'num' }, rate(queue.publish_rate)),
    h('td', { class: 'num' }, rate(queue.deliver_rate)),
    h('td', {}, sparkline(history.get(queue.name))));
}

export function mount(root, ctx) {
  const queuesError = errorBanner();
  const dlqSummary = h('div', { id: 'dlq-summary' });
  const groups = h('div', { class: 'queue-groups' });
  const sampled = h('span', { class: 'muted' });
  const statsError = errorBanner();
  const stats = h('div', { id: 'job-stats', class: 'stats' });
  replace(root,
    h('section', { class: 'card', id: 'queues' },
      h('div', { class: 'card-head' }, h('h2', {}, 'Queues'), sampled), queuesError, dlqSummary, groups),
    h('section', { class: 'card', id: 'jobs-by-status' },
      h('div', { class: 'card-head' }, h('h2', {}, `Jobs by status, last ${STATS_HOURS} hours`)), statsError, stats));

  async function refreshQueues() {
    try {
      const answer = await get('/queues');
      banner(queuesError, null);
      sampled.textContent = answer.sampled_at ? `sampled ${time(answer.sampled_at)}` : '';
      const queues = answer.queues || [];
      const dead = queues.filter((q) => q.kind === 'dead_letter')
        .reduce((sum, q) => sum + (q.messages_ready || 0) + (q.messages_unacked || 0), 0);
      replace(dlqSummary, dead > 0
        ? h('div', { class: 'banner warn' }, `${dead} message${dead === 1 ? '' : 's'} in dead-letter queues `,
          ctx.admin ? h('a', { href: '#/dead-letters' }, 'inspect them') : null)
        : null);
      replace(groups, GROUPS.map(([kind, title]) => {
        const rows = queues.filter((q) => q.kind === kind).sort(byName);
        return h('div', { class: `queue-group kind-${kind}`, dataset: { kind } }, h('h3', {}, title),
          table(['queue', 'depth', 'ready', 'unacked', 'consumers', 'in', 'out', 'history'], rows.map(queueRow),
            { class: 'queues' }));
      }));
    } catch (e) {
      banner(queuesError, e);
    }
  }

  async function refreshStats() {
    try {
      const answer = await get(`/jobs/stats?hours=${STATS_HOURS}`);
      banner(statsError, null);
      const buckets = answer.buckets || [];
      const totals = new Map();
      for (const b of buckets) totals.set(b.status, (totals.get(b.status) || 0) + b.count);
      const statuses = [...totals.keys()].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
      replace(stats,
        buckets.length ? hourlyBars(buckets, STATS_HOURS) : h('p', { class: 'muted' }, 'no jobs in this period'),
        h('ul', { class: 'legend' }, statuses.map((s) => h('li', {},
          h('span', { class: `swatch status-${s}` }), h('a', { href: `#/jobs?status=${s}` }, s), ` ${totals.get(s)}`))));
    } catch (e) {
      banner(statsError, e);
    }
  }

  return { refresh: () => Promise.all([refreshQueues(), refreshStats()]) };
}
