// Small inline SVG charts: a sparkline of a queue's depth and stacked hourly job bars.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** A sparkline of the samples (oldest first), scaled to the largest one. */
export function sparkline(samples, { width = 120, height = 22 } = {}) {
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'sparkline', role: 'img' });
  const max = Math.max(1, ...samples);
  const step = samples.length > 1 ? width / (samples.length - 1) : width;
  const points = samples.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`);
  if (samples.length === 1) points.push(`${width},${points[0].split(',')[1]}`);
  if (points.length) root.append(svg('polyline', { points: points.join(' '), class: 'line' }));
  const title = svg('title');
  title.textContent = `last ${samples.length} samples, max ${max}`;
  root.append(title);
  return root;
}

export const STATUS_ORDER = ['queued', 'running', 'waiting', 'retrying', 'succeeded', 'failed', 'dead', 'cancelled'];

/** Stacked bars, one per hour, from [{hour, status, count}]. */
export function hourlyBars(buckets, { width = 560, height = 120 } = {}) {
  const hours = [...new Set(buckets.map((b) => b.hour))].sort();
  const byHour = new Map(hours.map((hour) => [hour, new Map()]));
  for (const b of buckets) byHour.get(b.hour).set(b.status, (byHour.get(b.hour).get(b.status) || 0) + b.count);
  const totals = hours.map((hour) => [...byHour.get(hour).values()].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const root = svg('svg', { width, height: height + 16, viewBox: `0 0 ${width} ${height + 16}`, class: 'bars', role: 'img' });
  const slot = width / Math.max(1, hours.length);
  hours.forEach((hour, i) => {
    let y = height;
    const statuses = [...byHour.get(hour).keys()].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
    for (const status of statuses) {
      const count = byHour.get(hour).get(status);
      const barHeight = (count / max) * (height - 4);
      y -= barHeight;
      const rect = svg('rect', { x: (i * slot + 2).toFixed(1), y: y.toFixed(1), width: Math.max(1, slot - 4).toFixed(1),
        height: barHeight.toFixed(1), class: `status-${status}` });
      const title = svg('title');
      title.textContent = `${hour}: ${count} ${status}`;
      rect.append(title);
      root.append(rect);
    }
    const label = svg('text', { x: (i * slot + slot / 2).toFixed(1), y: height + 12, class: 'axis' });
    label.textContent = hour.slice(11, 16);
    root.append(label);
  });
  return root;
}
