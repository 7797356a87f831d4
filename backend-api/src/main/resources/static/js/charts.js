// Small inline SVG charts: a sparkline of a queue's depth and stacked hourly job bars.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** A sparkline of the samples (oldest first), scaled to the largest one. */
export function sparkline(samples, { width = 80, height = 20 } = {}) {
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

export const STATUS_ORDER = ['queued', 'running', 'retrying', 'succeeded', 'failed', 'dead', 'cancelled'];

/** Stacked bars, one per hour of the last `hours` (empty hours included), from [{hour, status, count}]. */
export function hourlyBars(buckets, hoursBack, { width = 560, height = 110 } = {}) {
  const start = Math.floor(Date.now() / 3600000) - hoursBack + 1;
  const hours = Array.from({ length: hoursBack }, (_, i) => new Date((start + i) * 3600000).toISOString().slice(0, 13));
  const byHour = new Map(hours.map((hour) => [hour, new Map()]));
  for (const b of buckets) {
    const key = String(b.hour).slice(0, 13);
    if (!byHour.has(key)) continue;
    byHour.get(key).set(b.status, (byHour.get(key).get(b.status) || 0) + Number(b.count || 0));
  }
  const totals = hours.map((hour) => [...byHour.get(hour).values()].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const root = svg('svg', { width, height: height + 16, viewBox: `0 0 ${width} ${height + 16}`, class: 'bars', role: 'img' });
  const slot = width / hours.length;
  const barWidth = Math.min(36, slot - 6);
  hours.forEach((hour, i) => {
    let y = height;
    const x = i * slot + (slot - barWidth) / 2;
    const statuses = [...byHour.get(hour).keys()].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
    for (const status of statuses) {
      const count = byHour.get(hour).get(status);
      const barHeight = (count / max) * (height - 14);
      y -= barHeight;
      const rect = svg('rect', { x: x.toFixed(1), y: y.toFixed(1), width: barWidth.toFixed(1), height: barHeight.toFixed(1),
        class: `status-${status}` });
      const title = svg('title');
      title.textContent = `${hour}:00Z: ${count} ${status}`;
      rect.append(title);
      root.append(rect);
    }
    const total = svg('text', { x: (i * slot + slot / 2).toFixed(1), y: Math.max(10, y - 3).toFixed(1), class: 'axis' });
    total.textContent = totals[i] ? String(totals[i]) : '';
    const label = svg('text', { x: (i * slot + slot / 2).toFixed(1), y: height + 12, class: 'axis' });
    label.textContent = `${hour.slice(11, 13)}:00`;
    root.append(total, label);
  });
  return root;
}
