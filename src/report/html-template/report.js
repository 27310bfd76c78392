// The report page's script: reads the embedded JSON (never HTML), builds the tables with textContent only and
// draws the charts with uPlot. Runs under a CSP that allows this script and uPlot by hash and nothing else.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var L = data.labels;
  var loc = data.locale;

  // --- formats ------------------------------------------------------------------------------------------------
  var numberFormats = {};
  function num(x, decimals, signed) {
    if (x === null || x === undefined) return '';
    var key = decimals + (signed ? '+' : '');
    var f = numberFormats[key] || (numberFormats[key] = new Intl.NumberFormat(loc, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto' }));
    return f.format(x);
  }
  function pct(x, decimals) {
    return x === null || x === undefined ? '' : num(x, decimals === undefined ? 1 : decimals) + ' %';
  }
  var monthFormat = new Intl.DateTimeFormat(loc, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  var dayFormat = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeZone: 'UTC' });
  var stampFormat = new Intl.DateTimeFormat(loc, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  /** A period key in the locale's words: 2025-03 → "mar. 2025", 2025-W07 → "uke 7 2025", 2025-Q1 → "K1 2025". */
  function periodLabel(key) {
    var m;
    if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key))) return dayFormat.format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if ((m = /^(\d{4})-(\d{2})$/.exec(key))) return monthFormat.format(Date.UTC(+m[1], +m[2] - 1, 1));
    if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) return L.week + ' ' + +m[2] + ' ' + m[1];
    if ((m = /^(\d{4})-Q(\d)$/.exec(key))) return L.quarter + m[2] + ' ' + m[1];
    if (key === 'undated') return L.undated;
    return key;
  }

  // --- DOM helpers: text goes in through textContent only ------------------------------------------------------
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function byId(id) {
    return document.getElementById(id);
  }
  /** A table with a header row; `rows` are arrays of cells: a string, or { text, cls, style } . */
  function table(caption, headers, rows) {
    var t = el('table');
    if (caption) t.appendChild(el('caption', null, caption));
    var head = el('thead');
    var hr = el('tr');
    headers.forEach(function (h) {
      hr.appendChild(el('th', { scope: 'col' }, h));
    });
    head.appendChild(hr);
    t.appendChild(head);
    var body = el('tbody');
    rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (c, i) {
        var cell = c !== null && typeof c === 'object' ? c : { text: c };
        var td = el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : null, cell.text);
        if (cell.cls) td.className = cell.cls;
        if (cell.bg) td.style.backgroundColor = cell.bg;
        if (cell.fg) td.style.color = cell.fg;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    return t;
  }
  function changeCell(x, decimals, suffix) {
    if (x === null || x === undefined) return { text: '' };
    return { text: num(x, decimals, true) + (suffix || ''), cls: x > 0 ? 'num up' : x < 0 ? 'num down' : 'num' };
  }
  function n(text) {
    return { text: text, cls: 'num' };
  }
  function t(text) {
    return { text: text, cls: 't' };
  }

  // --- header ---------------------------------------------------------------------------------------------------
  byId('generated').textContent = L.generated + ': ' + stampFormat.format(new Date(data.startedAt)) + ' UTC · ' + L.records + ': ' +
    num(data.totals.read, 0) + ' ' + L.read + ', ' + num(data.totals.scored, 0) + ' ' + L.scored + ', ' + num(data.totals.rejected, 0) + ' ' + L.rejected;

  // --- overview -------------------------------------------------------------------------------------------------
  var products = data.products;
  var series = data.series;
  var overviewRows = series.map(function (s, i) {
    var latest = s.latest;
    return [
      t(products[i]), periodLabel(data.periods[s.p[latest]]), n(num(s.n[latest], 0)), n(num(s.r[latest], 2)), changeCell(s.ch[0], 2),
      n(num(s.s[latest], 3)), changeCell(s.ch[1], 3), s.prev === null ? '' : periodLabel(data.periods[s.prev]),
      n(s.nps[latest] === null ? '' : num(s.nps[latest], 1) + ' ± ' + num(s.m[latest], 1)), changeCell(s.ch[2], 1),
      n(pct(s.c[latest])), changeCell(s.ch[3], 1, ' %'), t(s.top || ''),
    ];
  });
  var overviewTable = table(null, [L.product, L.latestPeriod, L.reviews, L.meanRating, L.change, L.meanSentiment, L.change, L.comparedWith, L.nps, L.change, L.csat, L.change, L.topPainPoints], overviewRows);
  overviewTable.id = 'overview-table';
  byId('overview').appendChild(overviewTable);

  // --- product filter -------------------------------------------------------------------------------------------
  var select = byId('product');
  products.forEach(function (name, i) {
    select.appendChild(el('option', { value: String(i) }, name));
  });

  // --- charts ---------------------------------------------------------------------------------------------------
  var charts = [];
  function width(box) {
    return Math.max(320, Math.min(960, box.clientWidth || 720));
  }
  function xAxis(labels) {
    return {
      values: function (u, splits) {
        return splits.map(function (v) {
          return Number.isInteger(v) && labels[v] !== undefined ? labels[v] : '';
        });
      },
      incrs: [1, 2, 3, 4, 6, 12, 24, 52],
      space: 60,
    };
  }
  function yAxis(decimals, scale, side, label) {
    return { scale: scale, side: side, label: label, values: function (u, splits) { return splits.map(function (v) { return num(v, decimals); }); } };
  }
  /** uPlot's own legend shows the x value: the period label instead of an index. */
  function xSeries(labels) {
    return { label: L.period, value: function (u, v) { return v === null || v === undefined ? '' : labels[v] || ''; } };
  }
  function draw(id, opts, cols) {
    var box = byId(id);
    box.textContent = '';
    // Room on the right for the last period's label.
    var u = new uPlot(Object.assign({ width: width(box), height: 280, padding: [12, 44, 0, 0], legend: { live: true } }, opts), cols, box);
    // What the page drew, for a reader of the page (and the browser test): uPlot's own data.
    box.setAttribute('data-points', String(u.data[0].length));
    var canvas = box.querySelector('canvas');
    if (canvas) {
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', opts.title || '');
    }
    charts.push(u);
  }
  function dataTable(id, headers, rows) {
    var box = byId(id);
    box.textContent = '';
    box.appendChild(table(null, headers, rows));
  }
  var fmtChange = function (x, d) {
    return x === null || x === undefined ? '–' : num(x, d, true);
  };

  function show(i) {
    charts.forEach(function (u) {
      u.destroy();
    });
    charts = [];
    var s = series[i];
    var name = products[i];
    var labels = s.p.map(function (k) {
      return periodLabel(data.periods[k]);
    });
    var xs = s.p.map(function (_, k) {
      return k;
    });
    document.querySelectorAll('.product-name').forEach(function (e) {
      e.textContent = name;
    });
    // The latest change: the latest dated period and the one it is compared with, marked on both lines.
    var mark = s.p.map(function () {
      return null;
    });
    var markS = mark.slice();
    if (s.prev !== null) {
      var from = s.p.indexOf(s.prev);
      [from, s.latest].forEach(function (k) {
        mark[k] = s.r[k];
        markS[k] = s.s[k];
      });
    }
    byId('change-note').textContent = s.prev === null ? '' : L.latestChange + ' (' + periodLabel(data.periods[s.prev]) + ' → ' + labels[s.latest] + '): ' +
      L.meanRating + ' ' + fmtChange(s.ch[0], 2) + ', ' + L.meanSentiment + ' ' + fmtChange(s.ch[1], 3);
    draw('chart-satisfaction', {
      title: L.satisfactionTitle,
      scales: { x: { time: false }, r: { range: [1, 5] }, s: { range: [-1, 1] } },
      series: [
        xSeries(labels),
        { label: L.meanRating, scale: 'r', stroke: '#1f5fa8', width: 2, points: { show: true, size: 5 }, spanGaps: true, value: function (u, v) { return num(v, 2); } },
        { label: L.meanSentiment, scale: 's', stroke: '#c76b00', width: 2, dash: [6, 3], points: { show: true, size: 5 }, spanGaps: true, value: function (u, v) { return num(v, 3); } },
        { label: L.latestChange + ' (' + L.meanRating + ')', scale: 'r', stroke: '#b00020', width: 3, points: { show: true, size: 11, stroke: '#b00020', fill: '#fff' }, spanGaps: true, value: function (u, v) { return num(v, 2); } },
        { label: L.latestChange + ' (' + L.meanSentiment + ')', scale: 's', stroke: '#b00020', width: 3, dash: [6, 3], points: { show: true, size: 11, stroke: '#b00020', fill: '#fff' }, spanGaps: true, value: function (u, v) { return num(v, 3); } },
      ],
      axes: [xAxis(labels), yAxis(1, 'r', 3, L.meanRating), yAxis(1, 's', 1, L.meanSentiment)],
    }, [xs, s.r, s.s, mark, markS]);
    dataTable('table-satisfaction', [L.period, L.reviews, L.meanRating, L.change, L.meanSentiment, L.change], s.p.map(function (_, k) {
      return [labels[k], n(num(s.n[k], 0)), n(num(s.r[k], 2)), changeCell(s.cr[k], 2), n(num(s.s[k], 3)), changeCell(s.cs[k], 3)];
    }));

    var lo = s.nps.map(function (v, k) {
      return v === null ? null : v - s.m[k];
    });
    var hi = s.nps.map(function (v, k) {
      return v === null ? null : v + s.m[k];
    });
    draw('chart-nps', {
      title: L.npsTitle,
      scales: { x: { time: false }, y: { range: function (u, min, max) { return [Math.max(-100, Math.min(min === null ? 0 : min, 0) - 5), Math.min(100, (max === null ? 0 : max) + 5)]; } } },
      series: [
        xSeries(labels),
        { label: L.nps, stroke: '#2e7d32', width: 2, points: { show: true, size: 5 }, spanGaps: true, value: function (u, v) { return num(v, 1); } },
        { label: L.npsBand + ' +', stroke: 'rgba(46,125,50,0.35)', width: 1, spanGaps: true, value: function (u, v) { return num(v, 1); } },
        { label: L.npsBand + ' −', stroke: 'rgba(46,125,50,0.35)', width: 1, spanGaps: true, value: function (u, v) { return num(v, 1); } },
      ],
      bands: [{ series: [2, 3], fill: 'rgba(46,125,50,0.15)' }],
      axes: [xAxis(labels), yAxis(0, 'y', 3, L.nps)],
    }, [xs, s.nps, hi, lo]);
    dataTable('table-nps', [L.period, L.nps, L.npsMargin, L.csat], s.p.map(function (_, k) {
      var interval = s.cl[k] === null ? '' : ' (' + num(s.cl[k], 1) + '–' + pct(s.ch95[k]) + ')';
      return [labels[k], n(num(s.nps[k], 1)), n(s.m[k] === null ? '' : '± ' + num(s.m[k], 1)), n(pct(s.c[k]) + interval)];
    }));

    draw('chart-volume', {
      title: L.volumeTitle,
      scales: { x: { time: false }, y: { range: function (u, min, max) { return [0, Math.max(1, max || 0) * 1.1]; } } },
      series: [
        xSeries(labels),
        { label: L.reviews, stroke: '#455a64', fill: 'rgba(69,90,100,0.55)', width: 1, paths: uPlot.paths.bars({ size: [0.7, 48] }), points: { show: false }, value: function (u, v) { return num(v, 0); } },
      ],
      axes: [xAxis(labels), yAxis(0, 'y', 3, L.reviews)],
    }, [xs, s.n]);
    dataTable('table-volume', [L.period, L.reviews], s.p.map(function (_, k) {
      return [labels[k], n(num(s.n[k], 0))];
    }));

    // The chosen product's row is marked in the overview and the heat map.
    document.querySelectorAll('tr[aria-current]').forEach(function (r) {
      r.removeAttribute('aria-current');
    });
    [byId('overview-table'), byId('heat-table')].forEach(function (tbl) {
      var row = tbl && tbl.tBodies[0] && tbl.tBodies[0].rows[i];
      if (row) row.setAttribute('aria-current', 'true');
    });
    alertRows.forEach(function (r) {
      r.row.hidden = byId('only-product').checked && r.product !== i;
    });
  }

  // --- heat map: product × topic, negative share over all periods --------------------------------------------
  var heatRows = data.heat.map(function (cells, i) {
    return [t(products[i])].concat(cells.map(function (c) {
      if (c === null) return { text: '', cls: 'heat' };
      var share = c[0];
      var light = 97 - 0.55 * share; // 0 % → near white, 100 % → deep red
      return { text: pct(share, 0) + ' (' + num(c[1], 0) + ')', cls: 'heat num', bg: 'hsl(4, 75%, ' + light.toFixed(1) + '%)', fg: light < 62 ? '#fff' : '#222' };
    }));
  });
  var heat = table(null, [L.product].concat(data.topics), heatRows);
  heat.id = 'heat-table';
  heat.className = 'heat-table';
  byId('heat').appendChild(heat);

  // --- emerging pain points with example quotes ----------------------------------------------------------------
  var alertRows = [];
  var alertsBox = byId('emerging');
  if (data.alerts.length === 0) alertsBox.appendChild(el('p', null, L.noEmerging));
  else {
    var list = el('ol', { class: 'alerts' });
    data.alerts.forEach(function (a) {
      var li = el('li');
      var head = el('p', { class: 'alert-head' });
      head.appendChild(el('strong', { class: 't' }, products[a.pr]));
      head.appendChild(document.createTextNode(' · ' + a.topic + ' · ' + periodLabel(data.periods[a.p]) + ': ' + num(a.neg, 0) + ' ' + L.negative.toLowerCase() +
        ', ' + num(a.rate, 2) + ' ' + L.per100.toLowerCase() + ' (' + L.baseline.toLowerCase() + ' ' + num(a.base, 2) + ')'));
      li.appendChild(head);
      var q = el('blockquote', { class: 't quote' }, a.quote === null ? L.noQuote : a.quote);
      li.appendChild(q);
      list.appendChild(li);
      alertRows.push({ row: li, product: a.pr });
    });
    alertsBox.appendChild(list);
    var tableBox = el('details');
    tableBox.appendChild(el('summary', null, L.dataTable));
    tableBox.appendChild(table(null, [L.product, L.period, L.topic, L.negative, L.reviews, L.per100, L.baseline, L.ratio, L.quote], data.alerts.map(function (a) {
      return [t(products[a.pr]), periodLabel(data.periods[a.p]), a.topic, n(num(a.neg, 0)), n(num(a.rev, 0)), n(num(a.rate, 2)), n(num(a.base, 2)), n(a.ratio === null ? '∞' : num(a.ratio, 2)), t(a.quote === null ? '' : a.quote)];
    })));
    alertsBox.appendChild(tableBox);
  }

  select.addEventListener('change', function () {
    show(Number(select.value));
  });
  byId('only-product').addEventListener('change', function () {
    show(Number(select.value));
  });
  if (products.length > 0) show(0);
  else document.querySelectorAll('.chart').forEach(function (c) {
    c.textContent = L.noData;
  });
  document.body.setAttribute('data-ready', 'true');
})();
