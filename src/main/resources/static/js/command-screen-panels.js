// The big screen's panels of people and money, and its risk alerts with their one-click card. The main script
// (command-screen.js) hands over its helpers; every figure is the snapshot's, every step the sentinel desk's own
// (the card offers exactly the steps the alert's policy allows the viewer, and shows its refusals as it words them).
window.zhizhiScreenPanels = function (ctx) {
  const { t, el, time, fetchJson, openCard, post, data, refreshSoon } = ctx;

  // how long an alert has waited, in the wall's short words
  function age(instant, now) {
    const minutes = Math.max(0, Math.floor((new Date(now) - new Date(instant)) / 60000));
    if (minutes < 60) return t('command.screen.ageMinutes', minutes);
    if (minutes < 48 * 60) return t('command.screen.ageHours', Math.floor(minutes / 60));
    return t('command.screen.ageDays', Math.floor(minutes / 1440));
  }
  function owner(a) {
    return a.ownerName || t('role.' + a.ownerRole);
  }
  function measure(a) {
    return t('command.measure.' + a.kind, a.measure, a.threshold, a.windowDays);
  }

  // ---- people on duty: the party's members (drawn by the main script) and the volunteers checked in now ---------
  function renderVolunteers(s) {
    const panel = document.getElementById('panel-volunteers');
    const v = s.volunteers;
    panel.hidden = v == null;
    if (panel.hidden) return false;
    document.getElementById('volunteers-count').textContent = String(v.people);
    document.getElementById('volunteers-posts').textContent = t('command.screen.volunteerPosts', v.postsHeld);
    const list = document.getElementById('volunteers-list');
    list.replaceChildren();
    if (!v.first.length) list.append(el('li', { class: 'muted', text: t('command.screen.volunteersNone') }));
    // the wall names four; the count says how many serve on the spot in all
    for (const p of v.first.slice(0, 4)) {
      list.append(el('li', { text: t('command.screen.volunteerLine', p.personName, p.activityTitle, p.place, time(p.endsAt)) }));
    }
    return true;
  }

  // ---- self-run fees: this month so far, and last month with its buildings below the line --------------------
  function renderFees(s) {
    const panel = document.getElementById('panel-fees');
    const f = s.fees;
    panel.hidden = f == null;
    if (panel.hidden) return false;
    const m = f.month;
    document.getElementById('fees-rate').textContent = m.ratePercent == null ? '—' : m.ratePercent + '%';
    document.getElementById('fees-rate').dataset.rate = m.ratePercent == null ? '' : String(m.ratePercent);
    document.getElementById('fees-detail').textContent = m.ratePercent == null
      ? t('command.screen.feesNoBills', m.bodies)
      : t('command.screen.feesDetail', Number(m.month.slice(5)), m.paid, m.billed - m.exempt, m.bodies, m.buildings);
    const l = f.lastMonth;
    document.getElementById('fees-last').textContent = t('command.screen.feesLast',
      l.ratePercent == null ? '—' : l.ratePercent + '%', l.flagged);
    return true;
  }

  // ---- risk alerts ---------------------------------------------------------------------------------------------
  function renderAlerts(s) {
    const panel = document.getElementById('panel-alerts');
    const a = s.alerts;
    panel.hidden = a == null;
    if (panel.hidden) return;
    document.getElementById('alerts-count').textContent = String(a.open);
    document.getElementById('alerts-states').textContent = ['NEW', 'ACKNOWLEDGED', 'HANDLED']
      .map(state => t('command.alertState.' + state) + ' ' + (a.counts[state] || 0)).join(' · ');
    const list = document.getElementById('alerts-list');
    list.replaceChildren();
    if (!a.first.length) list.append(el('li', { class: 'muted', text: t('command.screen.alertsNone') }));
    for (const alert of a.first) {
      const late = alert.state !== 'HANDLED' && new Date(alert.dueAt) < new Date(a.at);
      const li = el('li', { tabindex: '0', 'data-id': alert.id, 'data-state': alert.state },
        el('span', { class: 'what', text: t('command.kind.' + alert.kind) + ' · ' + alert.subjectName },
          late ? el('span', { class: 'badge late', text: t('command.screen.late') }) : null),
        el('span', { class: 'when', text: t('command.alertState.' + alert.state) }),
        el('span', { class: 'desc', text: owner(alert) + ' · ' + age(alert.raisedAt, a.at) + ' · ' + measure(alert) }));
      li.addEventListener('click', () => openAlert(alert.id));
      li.addEventListener('keydown', e => { if (e.key === 'Enter') openAlert(alert.id); });
      list.append(li);
    }
  }

  // the fields each offered step asks for: handling needs its note, dismissing its reason, closing may say a word
  const STEPS = {
    ACKNOWLEDGE: { path: 'acknowledge', field: null },
    HANDLE: { path: 'handle', field: 'note' },
    CLOSE: { path: 'close', field: 'note' },
    DISMISS: { path: 'dismiss', field: 'reason' }
  };
  function proposals(title, list) {
    if (!list.length) return null;
    return el('div', { class: 'advice' }, el('h3', { text: title }),
      el('ul', null, ...list.map(p => el('li', null, el('strong', { text: p.name }), ' ', el('span', { class: 'muted', text: p.reason })))));
  }
  function renderAlertCard(c, message) {
    const a = c.alert;
    const nodes = [
      el('h3', { text: t('command.kind.' + a.kind) + ' · ' + a.subjectName }),
      el('dl', null,
        el('dt', { text: t('command.screen.state') }), el('dd', { id: 'alert-state', 'data-state': a.state,
          text: t('command.alertState.' + a.state) + (c.late ? ' · ' + t('command.screen.late') : '') }),
        el('dt', { text: t('command.screen.measure') }), el('dd', { text: measure(a) }),
        el('dt', { text: t('command.screen.owner') }), el('dd', { text: owner(a) }),
        el('dt', { text: t('command.screen.raisedAt') }), el('dd', { text: new Date(a.raisedAt).toLocaleString() }))
    ];
    if (message) nodes.push(message);
    nodes.push(proposals(t('command.screen.adviceUnits'), c.units), proposals(t('command.screen.advicePeople'), c.people));
    if (!c.actions.length) nodes.push(el('p', { class: 'muted', text: t('command.screen.alertNoActions') }));
    for (const action of c.actions) {
      const spec = STEPS[action];
      const form = el('form', { 'data-alert-action': action }, el('h3', { text: t('command.alertAction.' + action) }),
        spec.field ? el('label', null, t('command.screen.' + spec.field), el('textarea', { name: spec.field, rows: '2', maxlength: '500' })) : null,
        el('button', { type: 'submit', text: t('command.alertAction.' + action) }));
      form.addEventListener('submit', e => { e.preventDefault(); step(a.id, spec.path, form); });
      nodes.push(form);
    }
    // 一键处置 for the alert's area: the emergency whistle's form with its grid ticked, for those who blow it
    if (c.emergency && data.emergencyUrl) {
      nodes.push(el('p', null, el('a', { class: 'button danger', id: 'alert-blow-emergency', href: data.emergencyUrl + '?gridId=' + a.gridId, text: t('command.screen.blowEmergency') })));
    }
    nodes.push(el('p', null, el('a', { href: data.alertPageUrl + a.id, target: '_blank', rel: 'noopener', text: t('command.screen.openAlert') })));
    openCard(nodes, { alertId: a.id, state: a.state }, t('command.screen.alertCard'));
  }
  async function openAlert(id) {
    try {
      renderAlertCard(await fetchJson(data.alertCardUrl + id));
    } catch (problem) {
      openCard([el('p', { class: 'problem', text: problem.detail || String(problem) })], {});
    }
  }
  async function step(id, path, form) {
    try {
      const c = await post(data.alertCardUrl + id + '/' + path, form);
      renderAlertCard(c, el('p', { class: 'done', role: 'status', text: t('command.screen.done') + ' · ' + t('command.alertAction.' + form.dataset.alertAction) }));
      refreshSoon();
    } catch (problem) {
      form.querySelectorAll('.problem').forEach(p => p.remove());
      const errors = (problem.errors || []).map(e => e.message).join('；');
      form.prepend(el('p', { class: 'problem', role: 'alert', text: (problem.detail || '') + (errors ? '：' + errors : '') }));
    }
  }

  // open alerts are taken up at the desks and on phones while no report moves the stream: their panel alone is read
  // again every 10 s (the calling whistles' cadence), not the whole snapshot
  let alertTimer = null;
  function pollAlerts() {
    clearTimeout(alertTimer);
    alertTimer = setTimeout(async () => {
      try {
        const alerts = await fetchJson(data.alertsUrl);
        renderAlerts({ alerts });
      } catch (e) { /* the next snapshot draws it again */ }
      pollAlerts();
    }, 10000);
  }

  return {
    // answers whether the people's and the modules' panels drew anything
    render(s) {
      renderAlerts(s);
      if (s.alerts != null) pollAlerts();
      return { volunteers: renderVolunteers(s), fees: renderFees(s) };
    },
    openAlert,
    // the open alerts of a grid, for its card on the map
    alertsOf(s, gridId) {
      return s && s.alerts ? s.alerts.first.filter(a => a.gridId === gridId) : [];
    },
    alertItem(a) {
      const li = el('li', { tabindex: '0', 'data-id': a.id },
        el('span', { class: 'what', text: t('command.kind.' + a.kind) + ' · ' + a.subjectName }),
        el('span', { class: 'when', text: t('command.alertState.' + a.state) }));
      li.addEventListener('click', () => openAlert(a.id));
      return li;
    }
  };
};
