// Occupancy: the rate of each day as bars (uPlot, served from the jar). The table below the chart
// holds the same figures for screen readers and for browsers without JavaScript.
(function () {
  var holder = document.getElementById('graphique-occupation');
  if (!holder || !window.uPlot) {
    return;
  }
  var labels = holder.dataset.labels ? holder.dataset.labels.split(',') : [];
  var rates = holder.dataset.rates ? holder.dataset.rates.split(',').map(function (v) { return v === '' ? null : Number(v); }) : [];
  var xs = labels.map(function (_, i) { return i; });
  var width = Math.max(280, holder.clientWidth || 600);
  var options = {
    width: width,
    height: 260,
    legend: { show: false },
    scales: { x: { time: false, range: [-0.5, Math.max(0.5, xs.length - 0.5)] }, y: { range: [0, 100] } },
    axes: [
      { values: function (u, splits) { return splits.map(function (i) { return labels[i] !== undefined && Number.isInteger(i) ? labels[i] : ''; }); },
        splits: function () { return xs; } },
      { values: function (u, splits) { return splits.map(function (v) { return v + ' %'; }); } }
    ],
    series: [
      {},
      { label: 'Taux', stroke: '#1f4e79', fill: 'rgba(31, 78, 121, 0.6)', width: 1,
        paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } }
    ]
  };
  new uPlot(options, [xs, rates], holder);
})();
