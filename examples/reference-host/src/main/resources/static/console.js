// The operator console: plain DOM over the host's REST API, no build step. Every value from the
// server is written with textContent, never as HTML (lead names come from ad forms).
'use strict';

const view = document.getElementById('view');
const keyInput = document.getElementById('key');
const PAGE = 50;

document.getElementById('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('apiKey', keyInput.value.trim());
  keyInput.value = '';
  route();
});
window.addEventListener('hashchange', route);
route();

async function api(path, options = {}) {
  const headers = { 'X-Api-Key': sessionStorage.getItem('apiKey') || '' };
  const response = await fetch(path, { ...options, headers: { ...headers, ...(options.headers || {}) } });
  const text = await response.text();
  const body = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const message = body && body.message ? body.message : response.statusText;
    throw new Error(response.status + ' ' + (body && body.error ? body.error + ': ' : '') + message);
  }
  return body;
}

function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function table(headings, rows) {
  const t = el('table');
  const head = el('tr');
  headings.forEach((h) => head.appendChild(el('th', h)));
  t.appendChild(head);
  rows.forEach((cells) => {
    const tr = el('tr');
    cells.forEach((cell) => {
      const td = el('td');
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? '' : String(cell);
      tr.appendChild(td);
    });
    t.appendChild(tr);
  });
  return t;
}

function show(...nodes) {
  view.replaceChildren(...nodes);
}

async function route() {
  const [page, arg] = (location.hash.slice(1) || 'leads').split('/');
  try {
    if (page === 'lead') await lead(decodeURIComponent(arg));
    else if (page === 'sequences') await sequences();
    else if (page === 'sequence') await sequence(decodeURIComponent(arg));
    else if (page === 'health') await health();
    else await leads(Number(arg) || 0);
  } catch (e) {
    show(el('p', e.message, { class: 'error' }),
      el('p', 'Management calls need the API key (X-Api-Key); enter it above.', { class: 'muted' }));
  }
}

async function leads(offset) {
  const page = await api('/api/leads?offset=' + offset + '&limit=' + PAGE);
  const rows = page.items.map((l) => [link('#lead/' + encodeURIComponent(l.id), l.id), name(l), l.email, l.phone,
    l.source, l.status, l.contactCount, l.createdAt]);
  const pager = el('p', null, { class: 'pager' });
  if (offset > 0) pager.appendChild(link('#leads/' + Math.max(0, offset - PAGE), '← previous'));
  pager.appendChild(el('span', ' ' + (offset + 1) + '–' + (offset + page.items.length) + ' of ' + page.total + ' '));
  if (offset + page.items.length < page.total) pager.appendChild(link('#leads/' + (offset + PAGE), 'next →'));
  show(el('h1', 'Leads'), table(['id', 'name', 'email', 'phone', 'source', 'status', 'contacts', 'created'], rows), pager);
}

async function lead(id) {
  const [l, enrollments] = await Promise.all([api('/api/leads/' + encodeURIComponent(id)),
    api('/api/leads/' + encodeURIComponent(id) + '/enrollments')]);
  const fields = table(['field', 'value'], [['id', l.id], ['name', name(l)], ['email', l.email], ['phone', l.phone],
    ['source', l.source], ['status', l.status], ['contacts', l.contactCount], ['external id', l.externalId],
    ['created', l.createdAt], ['updated', l.updatedAt]]);
  const rows = enrollments.items.map((e) => [e.id, link('#sequence/' + encodeURIComponent(e.sequenceId), e.sequenceId),
    e.status, e.currentStep, e.nextExecuteAt, e.exitReason]);
  show(el('h1', 'Lead ' + l.id), fields, el('h2', 'Enrollments'),
    table(['enrollment', 'sequence', 'status', 'step', 'next step at', 'exit reason'], rows));
}

async function sequences() {
  const list = await api('/api/sequences');
  const rows = list.map((s) => [link('#sequence/' + encodeURIComponent(s.id), s.id), s.name, s.status, s.campaignId,
    s.steps.length, s.updatedAt]);
  show(el('h1', 'Sequences'), table(['id', 'name', 'status', 'campaign', 'steps', 'updated'], rows));
}

async function sequence(id) {
  const [s, stats] = await Promise.all([api('/api/sequences/' + encodeURIComponent(id)),
    api('/api/sequences/' + encodeURIComponent(id) + '/stats')]);
  const steps = s.steps.map((step) => [step.order, step.channel, step.delayValue + ' ' + step.delayUnit, step.anchor,
    step.scriptId || '(campaign script)', step.enabled ? 'yes' : 'no']);
  const figures = Object.entries(stats).map(([name, value]) => [name, typeof value === 'object' ? JSON.stringify(value) : value]);
  show(el('h1', 'Sequence ' + s.name), el('p', s.id + ' · ' + s.status, { class: 'muted' }),
    el('h2', 'Steps'), table(['order', 'channel', 'delay', 'counted from', 'script', 'enabled'], steps),
    el('h2', 'Stats'), table(['figure', 'value'], figures));
}

async function health() {
  const [status, stats, metrics] = await Promise.all([api('/actuator/health'), api('/api/stats'),
    api('/actuator/prometheus')]);
  const components = Object.entries(status.components || {}).map(([name, c]) => [name, c.status]);
  const engine = Object.entries(stats).map(([name, value]) => [name, value]);
  const meters = String(metrics).split('\n').filter((line) => line.startsWith('retention_'))
    .map((line) => { const cut = line.lastIndexOf(' '); return [line.slice(0, cut), line.slice(cut + 1)]; });
  show(el('h1', 'Health: ' + status.status), table(['component', 'status'], components),
    el('h2', 'Engine'), table(['figure', 'value'], engine),
    el('h2', 'Meters'), table(['meter', 'value'], meters));
}

function link(href, text) {
  return el('a', text, { href });
}

function name(l) {
  return [l.firstName, l.lastName].filter(Boolean).join(' ');
}
