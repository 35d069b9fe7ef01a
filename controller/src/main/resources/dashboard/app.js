// rmqfleet dashboard: logs in with the admin token (the server answers with an HttpOnly session cookie, so this
// script never keeps the token), then polls the REST API every few seconds. No framework, no build step.
'use strict';

const REFRESH_MS = 3000;
let timer = null;

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function badge(word, title) {
  return el('span', { class: 'badge ' + word, title: title || word }, word);
}

async function api(path, options) {
  const res = await fetch(path, Object.assign({ credentials: 'same-origin', headers: { 'Accept': 'application/json' } }, options || {}));
  if (res.status === 401) {
    showLogin();
    throw new Error('unauthorized');
  }
  return res;
}

function showLogin() {
  if (timer) { clearInterval(timer); timer = null; }
  $('#app').hidden = true;
  $('#logout').hidden = true;
  $('#login').hidden = false;
  $('#token').focus();
}

function showApp() {
  $('#login').hidden = true;
  $('#app').hidden = false;
  $('#logout').hidden = false;
  refresh();
  if (!timer) timer = setInterval(refresh, REFRESH_MS);
}

function ago(iso) {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.round(s / 60) + ' min ago';
  return Math.round(s / 3600) + ' h ago';
}

function gib(bytes) {
  return (bytes / 1073741824).toFixed(1) + ' GiB';
}

function fillTable(selector, rows) {
  const body = $(selector + ' tbody');
  body.replaceChildren(...rows);
}

function renderHosts(page) {
  const counts = {};
  const rows = page.items.map((h) => {
    counts[h.liveness] = (counts[h.liveness] || 0) + 1;
    const containers = h.containers === null
      ? el('span', { class: 'muted' }, h.last_report ? 'unknown' : '-')
      : el('span', { class: 'containers' }, ...h.containers.map((c) => el('span', { 'data-container': c.name },
           badge(c.state, c.name + ': ' + c.state + ' (' + c.image + ')'), ' ', el('code', {}, c.name))));
    const r = h.last_report;
    return el('tr', { 'data-host': h.name, 'data-liveness': h.liveness },
      el('td', {}, h.name),
      el('td', {}, h.address || ''),
      el('td', {}, badge(h.liveness)),
      el('td', {}, r ? ago(r.observed_at) + ' (#' + r.sequence + ')' : 'never'),
      el('td', {}, containers),
      el('td', {}, r && r.load ? r.load.avg_1m.toFixed(2) : ''),
      el('td', {}, r && r.disk ? gib(r.disk.free_bytes) : ''));
  });
  fillTable('#hosts', rows);
  $('#host-counts').textContent = page.total + ' hosts: ' +
    Object.entries(counts).map(([k, v]) => v + ' ' + k).join(', ');
}

function node(n, label) {
  const state = n.container ? n.container.state : 'missing';
  return el('div', { class: 'node ' + n.status, 'data-node': n.container_name, 'data-status': n.status },
    badge(n.status, n.host + ' ' + n.liveness),
    el('span', {}, label),
    el('code', {}, n.endpoint || (n.address + ':' + n.port)),
    el('span', { class: 'muted' }, n.host + ', ' + state));
}

function renderTopology(t) {
  $('#namesrv-addr').textContent = t.namesrv_addr || '(none in the inventory)';
  const cards = [];
  if (t.name_servers.length) {
    cards.push(el('div', { class: 'card' }, el('h3', {}, 'NameServers'), ...t.name_servers.map((n) => node(n, 'namesrv'))));
  }
  for (const c of t.clusters) {
    for (const g of c.broker_groups) {
      cards.push(el('div', { class: 'card', 'data-broker-group': g.broker_name },
        el('h3', {}, c.name + ' / ' + g.broker_name),
        g.master ? node(g.master, 'master') : el('div', { class: 'error' }, 'no master (broker_id 0)'),
        ...g.slaves.map((s) => node(s, 'slave ' + s.broker_id))));
    }
  }
  if (t.dashboards.length) {
    cards.push(el('div', { class: 'card' }, el('h3', {}, 'Dashboards'), ...t.dashboards.map((n) => node(n, 'dashboard'))));
  }
  if (!cards.length) cards.push(el('p', { class: 'muted' }, 'No inventory configured (serve --config with inventory:).'));
  $('#topology').replaceChildren(...cards);
}

function renderDrift(d) {
  if (!d) {
    $('#drift-summary').textContent = 'no check yet';
    fillTable('#drift', []);
    return;
  }
  $('#drift-summary').textContent = (d.clean ? 'clean' : d.findings.length + ' findings') + ', checked ' + ago(d.checked_at);
  fillTable('#drift', d.findings.map((f) => el('tr', { 'data-kind': f.kind },
    el('td', {}, f.host), el('td', {}, f.container || ''), el('td', {}, badge(f.kind === 'missing' || f.kind === 'stopped' ? 'down' : 'degraded', f.kind), ' ', f.kind), el('td', {}, f.detail))));
}

function renderRuns(page) {
  fillTable('#runs', page.items.map((r) => el('tr', {},
    el('td', {}, el('code', {}, r.id)),
    el('td', {}, badge(r.status === 'ok' ? 'up' : (r.status === 'incomplete' ? 'unknown' : 'down'), r.status), ' ', r.status),
    el('td', {}, r.started_at ? new Date(r.started_at).toLocaleString() : ''),
    el('td', {}, r.elapsed_ms === null ? '' : (r.elapsed_ms / 1000).toFixed(1) + ' s'),
    el('td', {}, r.plays.join(', ')))));
}

function renderEvents(page) {
  fillTable('#events', page.items.map((e) => el('tr', {},
    el('td', {}, new Date(e.at).toLocaleTimeString()), el('td', {}, e.kind), el('td', {}, e.host || ''), el('td', {}, e.summary))));
}

async function refresh() {
  try {
    const [hosts, topo, drift, runs, events] = await Promise.all([
      api('/api/v1/hosts?limit=1000'), api('/api/v1/clusters'), api('/api/v1/drift'),
      api('/api/v1/runs?limit=10'), api('/api/v1/events?limit=15')]);
    renderHosts(await hosts.json());
    renderTopology(await topo.json());
    renderDrift(drift.status === 404 ? null : await drift.json());
    renderRuns(await runs.json());
    renderEvents(await events.json());
    $('#status').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    if (e.message !== 'unauthorized') $('#status').textContent = 'cannot reach the controller: ' + e.message;
  }
}

async function login(ev) {
  ev.preventDefault();
  $('#login-error').textContent = '';
  const res = await fetch('/api/v1/session', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: $('#token').value }),
  });
  $('#token').value = '';
  if (res.ok) {
    showApp();
  } else {
    $('#login-error').textContent = res.status === 401 ? 'Wrong token.' : 'Login failed (' + res.status + ').';
  }
}

async function logout() {
  await fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin' });
  showLogin();
}

async function checkDrift() {
  await api('/api/v1/drift/checks', { method: 'POST' });
  refresh();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('#login-form').addEventListener('submit', login);
  $('#logout').addEventListener('click', logout);
  $('#check-drift').addEventListener('click', checkDrift);
  const res = await fetch('/api/v1/session', { credentials: 'same-origin' });
  if (res.ok) showApp(); else showLogin();
});
