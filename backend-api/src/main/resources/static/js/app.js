// The monitor's shell: sign-in, navigation between pages (hash routes), the live refresh
// loop, notices and the confirmation dialog. Pages live in ./pages and export mount().

import { ApiError, request, session, whenUnauthorized } from './api.js';
import { h, replace } from './dom.js';
import * as overview from './pages/overview.js';
import * as workers from './pages/workers.js';
import * as jobs from './pages/jobs.js';
import * as deadLetters from './pages/dead-letters.js';
import * as integrations from './pages/integrations.js';

const REFRESH_MS = 4000;
const PAGES = { overview, workers, jobs, 'dead-letters': deadLetters, integrations };
const $ = (id) => document.getElementById(id);

const state = { admin: false, current: null, route: null, timer: null, paused: false, refreshing: null };

const ctx = {
  get admin() { return state.admin; },
  navigate: (hash) => { window.location.hash = hash; },
  notify,
  confirm: confirmAction,
  refresh: () => refreshNow(),
};

function notify(message, kind = 'info') {
  const note = h('div', { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('span', {}, message), h('button', { type: 'button', class: 'small close', onclick: () => note.remove() }, '×'));
  $('notices').prepend(note);
  if (kind !== 'error') setTimeout(() => note.remove(), 8000);
}

function confirmAction(text) {
  const dialog = $('confirm');
  $('confirm-text').textContent = text;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}

function parseRoute() {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = raw.split('?');
  const [page, ...rest] = path.split('/');
  return { page: PAGES[page] ? page : 'overview', id: rest.join('/') || null, params: new URLSearchParams(search) };
}

// One refresh at a time per page; a page just shown refreshes at once even while the one
// it replaced is still loading.
async function refreshNow() {
  const page = state.current;
  if (!page || state.refreshing === page) return;
  state.refreshing = page;
  try {
    await page.refresh();
    if (state.current === page) $('refreshed').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (e) {
    notify(e.message, 'error');
  } finally {
    if (state.refreshing === page) state.refreshing = null;
  }
}

function showPage() {
  const route = parseRoute();
  const key = `${route.page}/${route.id || ''}?${route.params}`;
  if (state.route === key && state.current) return;
  state.route = key;
  if (state.current && state.current.unmount) state.current.unmount();
  for (const link of document.querySelectorAll('#nav a')) link.classList.toggle('active', link.dataset.page === route.page);
  $('refreshed').textContent = 'loading…';
  const root = replace($('page'));
  root.dataset.page = route.page;
  state.current = PAGES[route.page].mount(root, ctx, route);
  refreshNow();
}

function startLoop() {
  clearInterval(state.timer);
  state.timer = setInterval(() => {
    if (!state.paused && document.visibilityState === 'visible') refreshNow();
  }, REFRESH_MS);
}

/** Checks the key with a request any key may make, then whether it is an admin's. */
async function identify(key) {
  await request('GET', '/jobs?limit=1', undefined, key);
  try {
    await request('GET', '/tenants', undefined, key);
    return { admin: true };
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return { admin: false };
    throw e;
  }
}

async function enter(key) {
  const who = await identify(key);
  session.save(key);
  state.admin = who.admin;
  $('who').textContent = who.admin ? 'admin' : 'tenant';
  $('who').className = `badge ${who.admin ? 'admin' : 'tenant'}`;
  document.body.classList.toggle('admin', who.admin);
  $('sign-in').hidden = true;
  $('shell').hidden = false;
  state.route = null;
  showPage();
  startLoop();
}

function signOut(message) {
  session.clear();
  clearInterval(state.timer);
  if (state.current && state.current.unmount) state.current.unmount();
  state.current = null;
  replace($('page'));
  $('shell').hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !message;
  error.textContent = message || '';
  $('api-key').value = '';
  $('api-key').focus();
}

function start() {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = $('sign-in-button');
    button.disabled = true;
    try {
      await enter($('api-key').value.trim());
    } catch (e) {
      $('sign-in-error').hidden = false;
      $('sign-in-error').textContent = e.status === 401 ? `The API key was refused: ${e.message}` : e.message;
    } finally {
      button.disabled = false;
    }
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('pause').addEventListener('click', () => {
    state.paused = !state.paused;
    $('pause').textContent = state.paused ? 'Resume' : 'Pause';
    if (!state.paused) refreshNow();
  });
  window.addEventListener('hashchange', () => { if (!$('shell').hidden) showPage(); });
  whenUnauthorized((error) => signOut(`Signed out: ${error.message}`));
  const saved = session.key();
  if (saved) enter(saved).catch((e) => signOut(e.message));
  else signOut();
}

start();
