// The operator console: plain DOM over the host's REST API, no build step. Every value from the
// server is written with textContent, never as HTML (lead names come from ad forms).
'use strict';

const view = document.getElementById('view');
const keyInput = document.getElementById('key');
const PAGE = 50;
const LEAD_STATUSES = ['NEW', 'IN_PROGRESS', 'CONTACTED', 'CONVERTED', 'REJECTED', 'DO_NOT_CONTACT'];
const SORTS = ['CREATED', 'UPDATED', 'NAME', 'STATUS'];

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
  const [path, query] = (location.hash.slice(1) || 'leads').split('?');
  const [page, arg] = path.split('/');
  if (!sessionStorage.getItem('apiKey')) {
    show(keyHint());
    return;
  }
  try {
    if (page === 'lead') await lead(decodeURIComponent(arg));
    else if (page === 'dashboard') await dashboard();
    else if (page === 'conversions') await conversions();
    else if (page === 'sequences') await sequences();
    else if (page === 'sequence') await sequence(decodeURIComponent(arg));
    else if (page === 'health') await health();
    else if (page === 'learning') await learning();
    else await leads(new URLSearchParams(query || ''));
  } catch (e) {
    show(el('p', e.message, { class: 'error' }), keyHint());
  }
}

function keyHint() {
  return el('p', 'Management calls need the API key (X-Api-Key); enter it above.', { class: 'muted' });
}

// The leads page: the search form's fields live in the hash (#leads?text=..&status=..), so that a
// search can be bookmarked and the pager keeps the filter.
async function leads(params) {
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  params.set('offset', offset);
  params.set('limit', PAGE);
  const page = await api('/api/leads/search?' + params);
  const rows = page.items.map((l) => [link('#lead/' + encodeURIComponent(l.id), l.id), name(l), l.email, l.phone,
    l.source, l.status, l.contactCount, l.createdAt]);
  const pager = el('p', null, { class: 'pager' });
  const at = (o) => { const p = new URLSearchParams(params); p.set('offset', o); return '#leads?' + p; };
  if (offset > 0) pager.appendChild(link(at(Math.max(0, offset - PAGE)), '← previous'));
  pager.appendChild(el('span', ' ' + (page.total === 0 ? 0 : offset + 1) + '–' + (offset + page.items.length)
    + ' of ' + page.total + ' '));
  if (offset + page.items.length < page.total) pager.appendChild(link(at(offset + PAGE), 'next →'));
  show(el('h1', 'Leads'), searchForm(params), table(['id', 'name', 'email', 'phone', 'source', 'status', 'contacts',
    'created'], rows), pager);
}

function searchForm(params) {
  const form = el('form', null, { id: 'lead-search', class: 'card' });
  const text = el('input', null, { id: 'search-text', type: 'search', placeholder: 'name, email, phone, external id' });
  text.value = params.get('text') || '';
  const status = select('search-status', [''].concat(LEAD_STATUSES), params.get('status') || '', 'any status');
  const sort = select('search-sort', SORTS, params.get('sort') || 'CREATED');
  const descending = el('input', null, { id: 'search-descending', type: 'checkbox' });
  descending.checked = params.get('descending') !== 'false';
  form.append(labelled('Search ', text), labelled(' Status ', status), labelled(' Sort ', sort),
    labelled(' newest/last first ', descending), el('button', 'Search', { type: 'submit' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.value.trim()) next.set('text', text.value.trim());
    if (status.value) next.set('status', status.value);
    next.set('sort', sort.value);
    next.set('descending', descending.checked);
    location.hash = 'leads?' + next;
  });
  return form;
}

async function lead(id) {
  const [l, enrollments] = await Promise.all([api('/api/leads/' + encodeURIComponent(id)),
    api('/api/leads/' + encodeURIComponent(id) + '/enrollments')]);
  const fields = table(['field', 'value'], [['id', l.id], ['name', name(l)], ['email', l.email], ['phone', l.phone],
    ['source', l.source], ['status', l.status], ['contacts', l.contactCount], ['external id', l.externalId],
    ['created', l.createdAt], ['updated', l.updatedAt]]);
  const rows = enrollments.items.map((e) => [e.id, link('#sequence/' + encodeURIComponent(e.sequenceId), e.sequenceId),
    e.status, e.currentStep, e.nextExecuteAt, e.exitReason]);
  const timeline = await api('/api/leads/' + encodeURIComponent(id) + '/timeline');
  const events = timeline.map((e) => [e.at, e.kind, details(e)]);
  show(el('h1', 'Lead ' + l.id), fields, el('h2', 'Edit'), editForm(l), el('h2', 'Enrollments'),
    table(['enrollment', 'sequence', 'status', 'step', 'next step at', 'exit reason'], rows),
    el('h2', 'Timeline'), table(['at', 'event', 'details'], events));
}

// PUT /api/leads/{id} replaces the editable fields: a blank one is cleared.
function editForm(l) {
  const form = el('form', null, { id: 'lead-edit', class: 'card' });
  const inputs = {};
  ['firstName', 'lastName', 'email', 'phone'].forEach((field) => {
    inputs[field] = el('input', null, { name: field });
    inputs[field].value = l[field] || '';
    form.appendChild(labelled(field + ' ', inputs[field]));
  });
  inputs.notes = el('textarea', null, { name: 'notes', rows: 3 });
  inputs.notes.value = l.notes || '';
  const message = el('p', null, { class: 'muted' });
  form.append(labelled('notes ', inputs.notes), el('button', 'Save', { type: 'submit' }), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    Object.entries(inputs).forEach(([field, input]) => { body[field] = input.value; });
    try {
      await api('/api/leads/' + encodeURIComponent(l.id), { method: 'PUT', body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' } });
      route();
    } catch (e) {
      message.textContent = e.message;
      message.className = 'error';
    }
  });
  return form;
}

async function dashboard() {
  const today = new Date();
  const from = new Date(today.getTime() - 13 * 86400000);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const [daily, byStatus, upcoming, recent] = await Promise.all([
    api('/api/dashboards/daily?from=' + isoDate(from) + '&to=' + isoDate(today) + '&zone=' + encodeURIComponent(zone)),
    api('/api/dashboards/leads-by-status'), api('/api/dashboards/upcoming-steps?limit=20'),
    api('/api/dashboards/recent-activity?limit=20')]);
  const days = daily.map((d) => [d.date, d.counts.leads, sum(d.counts.attempts), sum(d.counts.conversions),
    d.counts.revenue]);
  show(el('h1', 'Dashboard'), el('h2', 'New leads per day (' + zone + ')'), bars(daily.map((d) => [d.date, d.counts.leads])),
    table(['day', 'leads', 'attempts', 'conversions', 'revenue'], days),
    el('h2', 'Leads by status'), table(['status', 'leads'], Object.entries(byStatus)),
    el('h2', 'Upcoming steps'), table(['due', 'lead', 'sequence', 'step', 'channel'], upcoming.map((u) => [u.dueAt,
      link('#lead/' + encodeURIComponent(u.lead.id), name(u.lead) || u.lead.id), u.sequenceName, u.stepOrder, u.channel])),
    el('h2', 'Recent activity'), table(['at', 'lead', 'event', 'details'], recent.map((e) => [e.at,
      link('#lead/' + encodeURIComponent(e.leadId), e.leadId), e.kind, details(e)])));
}

async function conversions() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const [today, week, list, unmatched] = await Promise.all([
    api('/api/conversions/today?zone=' + encodeURIComponent(zone)),
    api('/api/conversions/this-week?zone=' + encodeURIComponent(zone)),
    api('/api/conversions?limit=' + PAGE), api('/api/conversions/unmatched?limit=' + PAGE)]);
  const totals = [today, week].map((t, i) => [i === 0 ? 'today' : 'this week', t.conversions, t.sales, t.rejected,
    t.revenue]);
  show(el('h1', 'Conversions'), table(['period', 'conversions', 'sales', 'rejected', 'revenue'], totals),
    el('h2', 'Latest (' + list.total + ')'), table(['occurred', 'lead', 'campaign', 'channel', 'status', 'revenue'],
      list.items.map((c) => [c.occurredAt, link('#lead/' + encodeURIComponent(c.leadId), c.leadId), c.campaignId,
        c.channel, c.status, c.revenue + (c.currency ? ' ' + c.currency : '')])),
    el('h2', 'Unmatched postbacks (' + unmatched.total + ')'),
    el('p', 'Postbacks whose sub id matched no lead; POST /api/conversions/unmatched/rematch links one to a lead.',
      { class: 'muted' }),
    table(['received', 'sub id', 'parameters', 'matched lead'], unmatched.items.map((u) => [u.receivedAt, u.subId,
      JSON.stringify(u.params), u.matchedLeadId])));
}

// A bar per day as inline SVG (attributes only: the page's CSP allows no inline styles).
function bars(points) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 24;
  const height = 100;
  const max = Math.max(1, ...points.map(([, v]) => v));
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + points.length * width + ' ' + (height + 14));
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  points.forEach(([label, value], i) => {
    const h = Math.round(value / max * height);
    const rect = document.createElementNS(ns, 'rect');
    Object.entries({ x: i * width + 3, y: height - h, width: width - 6, height: h, fill: '#1d3557' })
      .forEach(([k, v]) => rect.setAttribute(k, v));
    const title = document.createElementNS(ns, 'title');
    title.textContent = label + ': ' + value;
    rect.appendChild(title);
    const text = document.createElementNS(ns, 'text');
    Object.entries({ x: i * width + width / 2, y: height + 11, 'text-anchor': 'middle', 'font-size': 8 })
      .forEach(([k, v]) => text.setAttribute(k, v));
    text.textContent = String(label).slice(8);
    svg.append(rect, text);
  });
  return svg;
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

// The Learning report is the host's own HTML page (inline CSS and SVG, no scripts): fetched with the
// key and shown in a sandboxed frame (no scripts, an opaque origin). The frame's document inherits
// this page's CSP, whose style-src lets the report's one style block in by its hash.
async function learning() {
  const html = await api('/api/learning/report.html');
  const frame = el('iframe', null, { id: 'learning-report', class: 'report', sandbox: '', title: 'Learning report' });
  frame.srcdoc = html;
  show(el('h1', 'Learning'), el('p', 'The last 30 days; the same report as JSON: GET /api/learning/report.',
    { class: 'muted' }), frame);
}

function select(id, values, current, emptyLabel) {
  const s = el('select', null, { id });
  values.forEach((v) => s.appendChild(el('option', v || emptyLabel, { value: v })));
  s.value = current;
  return s;
}

function labelled(text, input) {
  const label = el('label', text);
  label.appendChild(input);
  return label;
}

// A line about a timeline event: the status move, the attempt's channel and status, the step's
// outcome or the conversion's status and revenue.
function details(e) {
  const r = e.event;
  if (r.change) return r.change.from + ' → ' + r.change.to;
  if (r.attempt) return [r.attempt.channel, r.attempt.kind, r.attempt.status].join(' · ');
  if (r.execution) return 'step ' + r.execution.stepOrder + ' · ' + r.execution.status;
  if (r.conversion) return r.conversion.status + ' · ' + r.conversion.revenue;
  return e.recordId;
}

// The total of a map of counts, or of a map of maps of counts.
function sum(counts) {
  return Object.values(counts || {}).reduce((total, v) => total + (typeof v === 'object' ? sum(v) : Number(v)), 0);
}

function isoDate(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

function link(href, text) {
  return el('a', text, { href });
}

function name(l) {
  return [l.firstName, l.lastName].filter(Boolean).join(' ');
}
