// The KPI page's charts (ECharts, from its WebJar): the six rates over time, fetched as JSON once the page is there,
// and the distribution of handling times and the grid ranking, drawn from the tables the server wrote beside them.
// Each chart shows the table behind it (查看数据) and every rate is the number the cards show: the server writes it
// once (KpiCharts), this script only draws. It decides nothing about what anybody may do.
(function () {
  'use strict';
  if (!window.echarts) return;

  const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif';
  const INK = '#1f2933';
  const MUTED = '#5f6b7a';
  const LINE = '#dde2e8';
  const RATE_COLOURS = {
    handling: '#1d5fbf', closure: '#c8102e', onTime: '#17702f',
    satisfaction: '#c77700', rework: '#7b3fa0', selfHandled: '#0f7c8c'
  };
  const TIME_COLOURS = ['#1d5fbf', '#c77700', '#17702f'];
  const SIDE_COLOURS = { top: '#2e7d32', bottom: '#c77700' };

  const charts = new Map();

  function chartOf(element) {
    let chart = charts.get(element.id);
    if (!chart) {
      chart = echarts.init(element, null, { renderer: 'canvas' });
      charts.set(element.id, chart);
      // a details opened, a phone turned, the side menu folded: the chart follows its box
      if (window.ResizeObserver) new ResizeObserver(() => chart.resize()).observe(element);
    }
    return chart;
  }
  window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));

  function narrow(element) {
    return element.clientWidth < 560;
  }

  function draw(element, option) {
    const chart = chartOf(element);
    delete element.dataset.ready;
    // drawn, animations done: what a test (or a person exporting) waits for
    chart.off('finished');
    chart.on('finished', () => { element.dataset.ready = 'true'; });
    // no animation: the figures are there at once, as the cards are
    chart.setOption(Object.assign({ textStyle: { fontFamily: FONT, color: INK }, animation: false }, option),
      { notMerge: true });
    document.querySelectorAll('.kpi-export[data-chart="' + element.id + '"]').forEach(b => { b.hidden = false; });
    return chart;
  }

  const axisLine = { lineStyle: { color: LINE } };
  const splitLine = { lineStyle: { color: LINE, type: 'dashed' } };

  // --- the trend: JSON from /incidents/kpi/trend.json, drawn and written into its table ---------------------------

  const trend = document.getElementById('kpi-trend-chart');
  const status = document.getElementById('kpi-trend-status');
  const granularity = document.querySelector('#kpi-trend .kpi-granularity');
  const loadingText = status ? status.textContent : '';

  function say(text) {
    status.hidden = !text;
    status.textContent = text || '';
  }

  function loadTrend(cut) {
    const url = trend.dataset.src + (cut ? (trend.dataset.src.includes('?') ? '&' : '?') + 'granularity=' + cut : '');
    say(loadingText);
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(response => {
        const type = response.headers.get('Content-Type') || '';
        // a session that has ended answers with the login page, not JSON
        if (!type.includes('json')) throw new Error('not JSON');
        return response.json().then(body => ({ ok: response.ok, body }));
      })
      .then(({ ok, body }) => {
        if (!ok) {
          const field = body.errors && body.errors[0];
          say(field ? field.message : body.detail || status.dataset.failed);
          return;
        }
        drawTrend(body);
      })
      .catch(() => say(status.dataset.failed));
  }

  function drawTrend(data) {
    const small = narrow(trend);
    const series = data.series.map(s => ({
      name: s.name, type: 'line', data: s.values, connectNulls: false, symbol: 'circle', symbolSize: 7,
      itemStyle: { color: RATE_COLOURS[s.key] }, lineStyle: { width: 2 }, emphasis: { focus: 'series' }
    }));
    const highest = Math.max(100, ...data.series.flatMap(s => s.values.filter(v => v != null)));
    draw(trend, {
      color: data.series.map(s => RATE_COLOURS[s.key]),
      legend: { type: small ? 'scroll' : 'plain', top: 0, left: 0, itemWidth: 16, itemHeight: 10, itemGap: small ? 8 : 16,
        textStyle: { fontFamily: FONT, color: INK, fontSize: small ? 12 : 13 } },
      grid: { left: 4, right: small ? 12 : 24, top: 40, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis', confine: true, textStyle: { fontFamily: FONT },
        formatter: points => {
          const i = points[0].dataIndex;
          const lines = [escape(data.labels[i]) + ' <span style="color:' + MUTED + '">' + escape(data.days[i]) + '</span>'];
          for (const p of points) {
            const s = data.series[p.seriesIndex];
            lines.push(p.marker + escape(s.name) + ' <b>' + escape(s.texts[i]) + '</b> <span style="color:' + MUTED
              + '">' + escape(s.fractions[i]) + '</span>');
          }
          return lines.join('<br>');
        }
      },
      xAxis: { type: 'category', data: data.labels, boundaryGap: data.labels.length < 3, axisLine,
        axisLabel: { color: MUTED, hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: Math.ceil(highest / 20) * 20, interval: 20, splitLine,
        axisLabel: { color: MUTED, formatter: '{value}%' } },
      series
    });
    writeTrendTable(data);
    for (const button of granularity.querySelectorAll('button')) {
      const on = button.dataset.granularity === data.granularity;
      button.classList.toggle('primary', on);
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    granularity.hidden = false;
    trend.dataset.granularity = data.granularity;
    const anything = data.series.some(s => s.values.some(v => v != null));
    say(anything ? '' : status.dataset.none);
  }

  function writeTrendTable(data) {
    const table = document.getElementById('kpi-trend-table');
    const keys = [...table.tHead.querySelectorAll('th[data-kpi]')].map(th => th.dataset.kpi);
    const body = table.tBodies[0];
    body.replaceChildren();
    data.labels.forEach((label, i) => {
      const row = body.insertRow();
      row.dataset.key = data.keys[i];
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = label;
      row.appendChild(name);
      row.insertCell().textContent = data.days[i];
      for (const key of keys) {
        const s = data.series.find(x => x.key === key);
        const cell = row.insertCell();
        cell.className = 'num';
        cell.dataset.kpi = key;
        cell.textContent = s ? s.texts[i] : '—';
        if (s) cell.title = s.fractions[i];
      }
    });
  }

  if (trend && status && granularity) {
    granularity.addEventListener('click', event => {
      const button = event.target.closest('button[data-granularity]');
      if (button && button.dataset.granularity !== trend.dataset.granularity) loadTrend(button.dataset.granularity);
    });
    loadTrend(null);
  }

  // --- the distribution of times, from its table ------------------------------------------------------------------

  const times = document.getElementById('kpi-times-chart');
  if (times) {
    const table = document.getElementById(times.dataset.table);
    const names = [...table.tHead.querySelectorAll('th[data-series]')].map(th => th.textContent.trim());
    const rows = [...table.tBodies[0].rows];
    const labels = rows.map(r => r.cells[0].textContent.trim());
    const small = narrow(times);
    draw(times, {
      color: TIME_COLOURS,
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontFamily: FONT, color: INK } },
      grid: { left: 4, right: 12, top: 36, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, textStyle: { fontFamily: FONT } },
      xAxis: { type: 'category', data: labels, axisLine,
        // every bucket named where there is room, every other one or so on a phone
        axisLabel: { color: MUTED, interval: small ? 'auto' : 0, rotate: labels.length > 6 ? 40 : 0, fontSize: small ? 10 : 11 } },
      yAxis: { type: 'value', minInterval: 1, splitLine, axisLabel: { color: MUTED } },
      series: names.map((name, j) => ({
        name, type: 'bar', barMaxWidth: 18,
        data: rows.map(r => Number(r.cells[j + 1].textContent.trim()))
      }))
    });
  }

  // --- the grid ranking, from its table ---------------------------------------------------------------------------

  const ranking = document.getElementById('kpi-rank-chart');
  if (ranking) {
    const table = document.getElementById(ranking.dataset.table);
    const rows = [...table.tBodies[0].rows];
    // one bar a row, tall enough to read the grid's name beside it
    ranking.style.height = Math.max(180, rows.length * 34 + 24) + 'px';
    const small = narrow(ranking);
    const texts = rows.map(r => r.querySelector('[data-rate]').textContent.trim());
    draw(ranking, {
      grid: { left: 4, right: small ? 48 : 56, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item', confine: true, textStyle: { fontFamily: FONT },
        formatter: p => escape(p.name) + ' <b>' + escape(texts[p.dataIndex]) + '</b>' },
      xAxis: { type: 'value', min: 0, max: Math.max(100, ...texts.map(t => parseFloat(t) || 0)),
        splitLine, axisLabel: { color: MUTED, formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map(r => r.cells[1].textContent.trim()), axisLine,
        axisLabel: { color: INK, width: Math.min(170, Math.round(ranking.clientWidth * 0.38)), overflow: 'truncate' } },
      series: [{
        type: 'bar', barMaxWidth: 20,
        data: rows.map((r, i) => ({ value: parseFloat(texts[i]), itemStyle: { color: SIDE_COLOURS[r.dataset.side] } })),
        label: { show: true, position: 'right', color: INK, formatter: p => texts[p.dataIndex] }
      }]
    });
  }

  // --- PNG export: the chart under a line naming what it shows, for whoever it is sent to ----------------------------

  document.addEventListener('click', event => {
    const button = event.target.closest('.kpi-export');
    if (!button) return;
    const element = document.getElementById(button.dataset.chart);
    const chart = element && charts.get(element.id);
    if (!chart) return;
    const ratio = 2;
    const image = new Image();
    image.onload = () => {
      const card = element.closest('.kpi-chart-card');
      const title = [card.querySelector('h2').textContent.trim(), textOf('kpi-unit'), textOf('kpi-period')]
        .filter(Boolean).join(' · ');
      const head = 44 * ratio;
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height + head;
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.fillStyle = INK;
      g.font = '600 ' + (16 * ratio) + 'px ' + FONT;
      g.textBaseline = 'middle';
      g.fillText(title, 12 * ratio, head / 2, canvas.width - 24 * ratio);
      g.drawImage(image, 0, head);
      const link = document.createElement('a');
      link.href = canvas.toDataURL('image/png');
      link.download = element.dataset.filename || 'chart.png';
      document.body.appendChild(link);
      link.click();
      link.remove();
    };
    image.src = chart.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: '#fff' });
  });

  function textOf(id) {
    const element = document.getElementById(id);
    return element ? element.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }
})();
