// Builds DOM nodes without innerHTML, so API data is always text, never markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table with a header row; rows are arrays of cells or <tr> elements. */
export function table(headers, rows, attrs = {}) {
  return h('table', attrs,
    h('thead', {}, h('tr', {}, headers.map((title) => h('th', {}, title)))),
    h('tbody', {}, rows.length ? rows.map((row) => (row instanceof Node ? row : h('tr', {}, row.map((cell) => cell instanceof Node && cell.tagName === 'TD' ? cell : h('td', {}, cell)))))
      : h('tr', { class: 'empty' }, h('td', { colspan: headers.length }, 'nothing here'))));
}

/** A section's error banner: visible with the message, or hidden when there is none. */
export function banner(el, error) {
  if (error) {
    el.hidden = false;
    el.textContent = error.message || String(error);
  } else {
    el.hidden = true;
    el.textContent = '';
  }
}

export function errorBanner() {
  return h('div', { class: 'banner error', role: 'alert', hidden: true });
}
