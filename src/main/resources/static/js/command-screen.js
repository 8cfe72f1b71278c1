// The command centre's big screen. The server decides every figure and every step: this script draws the snapshot
// (/command/screen/snapshot.json), adds the reports the stream sends (Server-Sent Events: no reload, and the browser
// reconnects by itself with the last event's id, from which the server replays), and sends one-click steps to the
// incident module's own steps, showing its refusals as it words them.
(function () {
  const data = JSON.parse(document.getElementById('screen-data').textContent);
  const labels = data.labels;
  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const gridNames = new Map(data.grids.map(g => [g.id, g.name]));
  const LIVE_KEPT = 200; // rows the live list keeps; older ones are on the desk
  const shown = new Set();
  let liveCount = 0;
  let snapshot = null;

  function t(key, ...args) {
    return (labels[key] || key).replace(/\{(\d+)\}/g, (m, i) => args[Number(i)]);
  }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }
  function pct(rate) {
    return rate == null ? '—' : (Math.round(rate * 1000) / 10).toFixed(1) + '%';
  }
  // times in the platform's zone (the page names it), not the browser's: a screen's computer may well be set to UTC
  const zone = document.body.dataset.zone || 'Asia/Shanghai';
  const clockFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
  function time(instant) {
    return clockFormat.format(new Date(instant));
  }
  async function fetchJson(url, options) {
    const response = await fetch(url, Object.assign({ headers: { Accept: 'application/json' } }, options));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw body;
    return body;
  }

  // ---- the map: each grid coloured by its load ---------------------------------------------------------------
  const mapElement = document.getElementById('screen-map');
  const layers = new Map();
  const discs = new Map();
  let loads = new Map();
  let map = null;
  let markers = null;
  function colour(load) {
    const open = load ? load.open : 0;
    if (open === 0) return '#2e7d32';
    if (open <= 2) return '#f9a825';
    if (open <= 5) return '#ef6c00';
    return '#c62828';
  }
  function style(id) {
    const load = loads.get(id);
    return {
      color: load && load.alerts > 0 ? '#ab47bc' : load && load.overdue > 0 ? '#ff1744' : '#4fc3f7',
      weight: load && (load.overdue > 0 || load.alerts > 0) ? 3 : 1,
      dashArray: load && load.alerts > 0 ? '6 4' : null,
      fillColor: colour(load), fillOpacity: load && load.open > 0 ? 0.55 : 0.18
    };
  }
  function discStyle(id) {
    const load = loads.get(id);
    const open = load ? load.open : 0;
    return { radius: 5 + 3 * Math.sqrt(open), color: style(id).color, weight: style(id).weight,
      fillColor: colour(load), fillOpacity: 0.85 };
  }
  function gridTip(id) {
    const load = loads.get(id) || { open: 0, overdue: 0, alerts: 0 };
    return t('command.screen.gridIncidents', gridNames.get(id), load.open, load.overdue)
      + (load.alerts > 0 ? ' · ' + t('command.screen.alerts') + ' ' + load.alerts : '');
  }
  function initMap() {
    if (!window.L || !mapElement) return;
    map = L.map(mapElement, { zoomSnap: 0.25 });
    if (window.zhizhiBasemap) window.zhizhiBasemap(map, mapElement);
    const group = L.featureGroup().addTo(map);
    for (const grid of data.grids) {
      if (!grid.boundary) continue;
      const layer = L.geoJSON(JSON.parse(grid.boundary), { style: style(grid.id) });
      layer.bindTooltip(() => gridTip(grid.id), { sticky: true, className: 'map-tip' });
      layer.on('click', () => openGrid(grid.id));
      layer.addTo(group);
      layers.set(grid.id, layer);
      // a district's grids are small at the district's zoom: a disc at each grid's centre carries its load there too
      const disc = L.circleMarker(layer.getBounds().getCenter(), discStyle(grid.id));
      disc.bindTooltip(() => gridTip(grid.id), { className: 'map-tip' });
      disc.on('click', () => openGrid(grid.id));
      disc.addTo(group);
      discs.set(grid.id, disc);
    }
    markers = L.layerGroup().addTo(map);
    if (layers.size) map.fitBounds(group.getBounds(), { padding: [8, 8] }); else map.setView([29.38, 106.54], 11);
    new ResizeObserver(() => map.invalidateSize()).observe(mapElement);
  }
  function applyLoads(list) {
    loads = new Map(list.map(l => [l.gridId, l]));
    for (const [id, layer] of layers) layer.setStyle(style(id));
    for (const [id, disc] of discs) { const s = discStyle(id); disc.setStyle(s); disc.setRadius(s.radius); }
    mapElement.dataset.loaded = 'true';
  }

  // ---- panels --------------------------------------------------------------------------------------------------
  const RATES = [['handlingRate', 'handling'], ['closureRate', 'closure'], ['onTimeClosureRate', 'onTime'],
    ['satisfactionRate', 'satisfaction'], ['reworkRate', 'rework'], ['selfHandledRate', 'selfHandled']];
  const COUNTS = [['reported', 'reported'], ['dispatched', 'dispatched'], ['closed', 'closed']];
  const charts = {};
  function chart(id) {
    if (!window.echarts) return null;
    if (!charts[id]) {
      const element = document.getElementById(id);
      charts[id] = echarts.init(element, null, { renderer: 'canvas' });
      new ResizeObserver(() => charts[id].resize()).observe(element);
    }
    return charts[id];
  }
  function renderKpis(s) {
    const rows = document.getElementById('kpi-rows');
    rows.replaceChildren();
    for (const [field, key] of COUNTS) {
      rows.append(el('tr', { 'data-count': field }, el('th', { text: t('command.screen.' + key) }),
        el('td', { text: String(s.today.figures[field]) }), el('td', { text: String(s.month.figures[field]) })));
    }
    for (const [field, key] of RATES) {
      rows.append(el('tr', { 'data-rate': field }, el('th', { text: t('kpi.rate.' + key) }),
        el('td', { text: pct(s.today.figures[field]) }), el('td', { text: pct(s.month.figures[field]) })));
    }
  }
  function renderTrend(s) {
    const c = chart('screen-trend');
    if (!c) return;
    const points = s.trend.points;
    c.setOption({
      animation: false, textStyle: { color: '#c9d8ea' },
      legend: { type: 'scroll', top: 0, textStyle: { color: '#c9d8ea' } },
      grid: { left: 36, right: 8, top: 28, bottom: 20 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map(p => Number(p.key.slice(5)) + '月') },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#21406a' } } },
      series: RATES.map(([field, key]) => ({
        name: t('kpi.rate.' + key), type: 'line', connectNulls: false,
        data: points.map(p => p.figures[field] == null ? null : Math.round(p.figures[field] * 1000) / 10)
      }))
    }, true);
    document.getElementById('screen-trend').dataset.ready = 'true';
  }
  function renderWhistles(s) {
    const c = chart('screen-whistles');
    if (!c) return;
    c.setOption({
      animation: false, textStyle: { color: '#c9d8ea' }, tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#c9d8ea' } }, grid: { left: 40, right: 8, top: 26, bottom: 20 },
      xAxis: { type: 'category', data: s.whistles.map(w => t('whistleType.' + w.type)) },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#21406a' } } },
      series: [
        { name: t('command.screen.open'), type: 'bar', data: s.whistles.map(w => w.open), itemStyle: { color: '#ffb300' } },
        { name: t('command.screen.total'), type: 'bar', data: s.whistles.map(w => w.total), itemStyle: { color: '#4fc3f7' } }
      ]
    }, true);
    document.getElementById('screen-whistles').dataset.ready = 'true';
  }
  function incidentItem(i, extra) {
    const li = el('li', { tabindex: '0', 'data-id': i.id },
      el('span', { class: 'what', text: (i.categoryName || '') + (gridNames.has(i.gridId) ? ' · ' + gridNames.get(i.gridId) : '') }),
      el('span', { class: 'when', text: time(i.reportedAt) + ' ' + t('incidentState.' + i.state) }),
      el('span', { class: 'desc', text: i.description || '' }));
    if (extra) extra(li);
    li.addEventListener('click', () => openIncident(i.id));
    li.addEventListener('keydown', e => { if (e.key === 'Enter') openIncident(i.id); });
    return li;
  }
  function renderOverdue(s) {
    document.getElementById('overdue-count').textContent = t('command.screen.overdueCount', s.overdue.count);
    const list = document.getElementById('overdue-list');
    list.replaceChildren();
    if (!s.overdue.first.length) list.append(el('li', { class: 'muted', text: t('command.screen.overdueNone') }));
    for (const i of s.overdue.first) {
      list.append(incidentItem(i, li => {
        const what = li.querySelector('.what');
        if (i.redCards > 0) what.append(el('span', { class: 'badge red', text: t('urgeCard.RED') + ' ' + i.redCards }));
        if (i.yellowCards > 0) what.append(el('span', { class: 'badge yellow', text: t('urgeCard.YELLOW') + ' ' + i.yellowCards }));
      }));
    }
  }
  function renderOnDuty(s) {
    const panel = document.getElementById('panel-on-duty');
    panel.hidden = !s.onDuty || s.onDuty.members === 0;
    if (panel.hidden) return false;
    document.getElementById('on-duty-count').textContent = String(s.onDuty.members);
    const list = document.getElementById('on-duty-list');
    list.replaceChildren();
    // the wall names four; the count says how many stand at their posts in all
    for (const d of s.onDuty.first.slice(0, 4)) {
      list.append(el('li', { text: t('command.screen.onDutyLine', d.memberName, d.postName, d.gridName, time(d.until)) }));
    }
    return true;
  }
  function renderModules(s) {
    const onDuty = renderOnDuty(s);
    const drawn = panels.render(s);
    document.getElementById('panel-people').hidden = !onDuty && !drawn.volunteers;
    const partnership = document.getElementById('panel-partnership');
    const wishes = document.getElementById('panel-wishes');
    partnership.hidden = s.partnership == null;
    if (s.partnership) {
      document.getElementById('match-rate').textContent = pct(s.partnership.matchRate);
      document.getElementById('match-detail').textContent =
        t('command.screen.matchRate') + ' · ' + t('command.screen.needsPublished', s.partnership.published, s.partnership.claimed);
    }
    wishes.hidden = s.wishes == null;
    if (s.wishes) {
      const dl = document.getElementById('wish-counts');
      dl.replaceChildren();
      for (const [state, n] of Object.entries(s.wishes)) {
        dl.append(el('dt', { text: t('wishState.' + state) }), el('dd', { 'data-state': state, text: String(n) }));
      }
    }
    const property = document.getElementById('panel-property');
    property.hidden = s.property == null || s.property.length === 0;
    if (!property.hidden) {
      document.getElementById('property-title').textContent = t('command.screen.property', s.property[0].year);
      const dl = document.getElementById('property-ratings');
      dl.replaceChildren();
      for (const r of s.property) {
        dl.append(el('dt', { text: r.companyName }), el('dd', { text: t('property.grade.' + r.grade)
          + (r.titled ? ' · ' + t('property.title') : '') }));
      }
    }
    document.getElementById('panel-modules').hidden = !drawn.fees && partnership.hidden && wishes.hidden && property.hidden;
  }
  // 应急哨 still calling: who is coming, who is there — read again every 10 s while any calls, since people answer
  // on their phones and no report moves the stream meanwhile
  let emergencyTimer = null;
  function renderEmergencies(s) {
    const box = document.getElementById('emergency-calling');
    const list = document.getElementById('emergency-list');
    const calling = s.emergencies || [];
    box.hidden = calling.length === 0;
    list.replaceChildren();
    for (const w of calling) {
      const n = state => (w.counts && w.counts[state]) || 0;
      const called = Object.values(w.counts || {}).reduce((a, b) => a + b, 0);
      list.append(el('li', { 'data-id': w.id },
        el('a', { href: data.emergencyBoardUrl + w.id, target: '_blank', rel: 'noopener', class: 'what',
          text: '【' + t('command.emergencyKind.' + w.kind) + '】' + w.title + ' · ' + w.area.map(g => g.name).join('、') }),
        el('span', { class: 'emergency-counts', text: t('command.screen.emergencyCounts', called, n('COMING'), n('ARRIVED'), n('CANNOT'), n('CALLED')) })));
    }
    clearTimeout(emergencyTimer);
    if (calling.length) emergencyTimer = setTimeout(() => refresh().catch(() => {}), 10000);
  }
  function render(s) {
    snapshot = s;
    renderEmergencies(s);
    renderKpis(s);
    renderTrend(s);
    renderWhistles(s);
    renderOverdue(s);
    renderModules(s);
    applyLoads(s.grids);
    document.getElementById('screen-clock').textContent = t('command.screen.updatedAt', time(s.at));
    document.body.dataset.snapshot = String(s.position);
  }
  async function refresh() {
    const s = await fetchJson(data.snapshotUrl);
    render(s);
    return s;
  }
  // new reports move today's counts: the panels are read again a few seconds after the first of them, once for a
  // whole burst, so that a hundred reports a second cost the wall one redraw every five seconds, not a hundred
  let refreshing = null;
  function refreshSoon() {
    if (refreshing) return;
    refreshing = setTimeout(() => { refreshing = null; refresh().catch(() => {}); }, 5000);
  }

  // ---- live reports --------------------------------------------------------------------------------------------
  const liveList = document.getElementById('live-list');
  function addIncidents(incidents, fresh) {
    if (!incidents.length) return;
    // one fragment a batch: a burst of a hundred reports is one insertion and one layout, not a hundred
    const fragment = document.createDocumentFragment();
    for (let k = incidents.length - 1; k >= 0; k--) {
      const i = incidents[k];
      if (shown.has(i.id)) continue;
      shown.add(i.id);
      liveCount++;
      fragment.append(incidentItem(i, li => { if (fresh) li.classList.add('fresh'); }));
      if (fresh && markers && i.lat != null) {
        const marker = L.circleMarker([i.lat, i.lng], { radius: 7, color: '#fff', weight: 1.5, fillColor: '#4fc3f7', fillOpacity: 0.9 })
          .on('click', () => openIncident(i.id)).addTo(markers);
        setTimeout(() => markers.removeLayer(marker), 120000);
      }
    }
    liveList.prepend(fragment);
    while (liveList.children.length > LIVE_KEPT) liveList.lastElementChild.remove();
    document.getElementById('live-count').textContent = String(liveCount);
    liveList.dataset.received = String(shown.size);
    liveList.zhizhiShown = shown; // for the browser tests: every id the list has shown
  }
  function connect(position) {
    const live = document.getElementById('screen-live');
    const source = new EventSource(data.streamUrl + '&from=' + position);
    source.onopen = () => { live.dataset.state = 'on'; live.textContent = t('command.screen.liveOn'); };
    source.onerror = () => { live.dataset.state = 'off'; live.textContent = t('command.screen.liveOff'); };
    source.addEventListener('screen', e => {
      const batch = JSON.parse(e.data);
      addIncidents(batch.incidents, true);
      if (batch.loads) applyLoads(batch.loads);
      if (batch.incidents.length || batch.resync) refreshSoon();
    });
  }

  // ---- one click ---------------------------------------------------------------------------------------------
  const card = document.getElementById('screen-card');
  const cardBody = document.getElementById('card-body');
  const cardTitle = document.getElementById('card-title');
  document.getElementById('card-close').addEventListener('click', () => { card.hidden = true; });
  const FORMS = {
    ACCEPT: { path: 'accept', fields: ['note'] },
    TRIAGE: { path: 'triage', fields: ['triage', 'note'] },
    WHISTLE: { path: 'whistle', fields: ['type', 'unit', 'note'] },
    ASSIGN: { path: 'call-unit', fields: ['unit', 'note'] },
    ESCALATE: { path: 'escalate', fields: ['note'] },
    URGE: { path: 'urge', fields: ['card', 'note'] },
    EXTENSION_APPROVE: { path: 'extension', fields: ['approve', 'note'] }
  };
  function field(name, c) {
    switch (name) {
      case 'triage': return el('label', null, t('command.screen.action.TRIAGE'), el('select', { name: 'triage' },
        ...['PUBLIC', 'COMMUNITY', 'PRIVATE'].map(v => el('option', { value: v, text: t('triage.' + v) }))));
      case 'type': return el('label', null, t('command.screen.type'), el('select', { name: 'type' },
        ...['QUICK', 'EMERGENCY', 'TOUGH'].map(v => el('option', { value: v, text: t('whistleType.' + v) }))));
      case 'unit': return el('label', null, t('command.screen.unit'), el('select', { name: 'unitId' },
        el('option', { value: '', text: t('command.screen.unitNone') }),
        ...c.units.map(u => el('option', { value: u.id, text: u.name }))));
      case 'card': return el('label', null, t('urgeCard.RED') + ' / ' + t('urgeCard.YELLOW'), el('select', { name: 'card' },
        ...['YELLOW', 'RED'].map(v => el('option', { value: v, text: t('urgeCard.' + v) }))));
      case 'approve': return el('label', null, t('command.screen.action.EXTENSION_APPROVE'), el('select', { name: 'approve' },
        el('option', { value: 'true', text: t('command.screen.approve') }), el('option', { value: 'false', text: t('command.screen.refuse') })));
      default: return el('label', null, t('command.screen.note'), el('textarea', { name: 'note', rows: '2', maxlength: '500' }));
    }
  }
  function renderCard(c, message) {
    cardBody.replaceChildren();
    cardTitle.textContent = t('command.screen.card');
    delete cardBody.dataset.alertId;
    cardBody.dataset.id = c.id;
    cardBody.dataset.state = c.state;
    cardBody.append(el('h3', { text: c.categoryName + (gridNames.has(c.gridId) ? ' · ' + gridNames.get(c.gridId) : '') }),
      el('p', { text: c.description || '' }),
      el('dl', null, el('dt', { text: t('command.screen.state') }), el('dd', { id: 'card-state', text: t('incidentState.' + c.state) + (c.overdue ? ' · ' + t('command.screen.overdueShort') : '') }),
        el('dt', { text: t('command.screen.reportedAt') }), el('dd', { text: dateTimeFormat.format(new Date(c.reportedAt)) })));
    if (message) cardBody.append(message);
    if (!c.actions.length) cardBody.append(el('p', { class: 'muted', text: t('command.screen.noActions') }));
    for (const action of c.actions) {
      const spec = FORMS[action];
      const form = el('form', { 'data-action': action }, el('h3', { text: t('command.screen.action.' + action) }),
        ...spec.fields.map(f => field(f, c)), el('button', { type: 'submit', text: t('command.screen.action.' + action) }));
      form.addEventListener('submit', e => { e.preventDefault(); step(c.id, spec.path, form); });
      cardBody.append(form);
    }
    cardBody.append(el('p', null, el('a', { href: data.deskUrl + c.id, target: '_blank', rel: 'noopener', text: t('command.screen.openDesk') })));
    card.hidden = false;
  }
  async function openIncident(id) {
    try {
      renderCard(await fetchJson(data.cardUrl + id));
    } catch (problem) {
      cardBody.replaceChildren(el('p', { class: 'problem', text: problem.detail || String(problem) }));
      card.hidden = false;
    }
  }
  async function step(id, path, form) {
    const headers = { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
    if (csrf && csrfHeader) headers[csrfHeader.content] = csrf.content;
    const body = new URLSearchParams(new FormData(form));
    try {
      const c = await fetchJson(data.cardUrl + id + '/' + path, { method: 'POST', headers, body });
      renderCard(c, el('p', { class: 'done', role: 'status', text: t('command.screen.done') + ' · ' + t('command.screen.action.' + form.dataset.action) }));
      refreshSoon();
    } catch (problem) {
      form.querySelectorAll('.problem').forEach(p => p.remove());
      const errors = (problem.errors || []).map(e => e.message).join('；');
      form.prepend(el('p', { class: 'problem', role: 'alert', text: (problem.detail || '') + (errors ? '：' + errors : '') }));
    }
  }
  function openCard(nodes, dataset, title) {
    cardTitle.textContent = title || t('command.screen.card');
    cardBody.replaceChildren(...nodes.filter(n => n != null));
    for (const k of Object.keys(cardBody.dataset)) delete cardBody.dataset[k];
    Object.assign(cardBody.dataset, dataset || {});
    card.hidden = false;
  }
  function post(url, form) {
    const headers = { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
    if (csrf && csrfHeader) headers[csrfHeader.content] = csrf.content;
    return fetchJson(url, { method: 'POST', headers, body: new URLSearchParams(new FormData(form)) });
  }
  const panels = window.zhizhiScreenPanels({ t, el, time, fetchJson, openCard, post, data, refreshSoon });
  function openGrid(id) {
    const load = loads.get(id) || { open: 0, overdue: 0, alerts: 0 };
    cardTitle.textContent = t('command.screen.card');
    cardBody.replaceChildren(el('h3', { text: gridNames.get(id) }), el('p', { text: gridTip(id) }));
    const list = el('ol', { class: 'incident-list' });
    const seen = new Set();
    for (const i of (snapshot ? snapshot.overdue.first : []).concat(snapshot ? snapshot.latest : [])) {
      if (i.gridId === id && !seen.has(i.id)) { seen.add(i.id); list.append(incidentItem(i)); }
    }
    const alerts = panels.alertsOf(snapshot, id);
    if (alerts.length) {
      cardBody.append(el('h3', { text: t('command.screen.riskAlerts') }), el('ol', { class: 'incident-list' }, ...alerts.map(panels.alertItem)));
    }
    cardBody.append(list, el('p', null, el('a', { href: data.deskUrl + '?grid=' + id + (load.overdue ? '&overdue=true' : ''), target: '_blank', rel: 'noopener', text: t('command.screen.openDesk') })));
    // 一键处置 for an area: the emergency whistle's form with this grid ticked (offered to those who may blow it)
    if (data.emergencyUrl) {
      cardBody.append(el('p', null, el('a', { class: 'button danger', id: 'screen-blow-emergency', href: data.emergencyUrl + '?gridId=' + id, text: t('command.screen.blowEmergency') })));
    }
    card.hidden = false;
  }

  // ---- start ---------------------------------------------------------------------------------------------------
  initMap();
  refresh().then(s => {
    addIncidents(s.latest.slice().reverse(), false);
    connect(s.position);
  }).catch(() => connect(Date.now()));
  // the day's figures move with every step, not only with reports: read them again every minute
  setInterval(() => refresh().catch(() => {}), 60000);
})();
