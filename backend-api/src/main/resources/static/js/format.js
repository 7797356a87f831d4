// Formats API values for people: ages, times, rates, maps.

export function age(seconds) {
  if (seconds === undefined || seconds === null || Number.isNaN(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

export function since(iso) {
  if (!iso) return '–';
  return `${age((Date.now() - Date.parse(iso)) / 1000)} ago`;
}

export function until(iso) {
  if (!iso) return '–';
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  return seconds >= 0 ? `in ${age(seconds)}` : `${age(-seconds)} ago`;
}

export function time(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function rate(value) {
  const n = Number(value || 0);
  return n === 0 ? '0/s' : `${n < 10 ? n.toFixed(1) : Math.round(n)}/s`;
}

export function pairs(map) {
  if (!map || typeof map !== 'object') return '–';
  const entries = Object.entries(map);
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : '–';
}

export function shortId(id) {
  return id ? String(id).slice(0, 8) : '–';
}
