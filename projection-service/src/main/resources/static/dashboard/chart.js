// The burn-down chart: the regime's totals after every event, drawn by uPlot (served from its webjar) as step
// lines over time, with the cap as a line. Values stay in ppb, exact; the axis and legend show them as percent.

import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { percent, ppb } from './format.js';

/** At most this many points are kept; older ones scroll off. */
const MAX_POINTS = 10_000;

export class BurnDownChart {
  constructor(container) {
    this.container = container;
    this.points = [];
    this.capPpb = 0;
    this.plot = null;
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(container);
  }

  /** Replaces the series: points of the burn-down API, and the regime's cap. */
  show(points, capPpb) {
    this.points = points.slice(-MAX_POINTS);
    this.capPpb = capPpb;
    this.plot?.destroy();
    this.plot = new uPlot(this.options(), this.data(), this.container);
  }

  /** Adds the point of one applied change, unless it is already there. */
  add(point) {
    const last = this.points[this.points.length - 1];
    if (last && point.sequence <= last.sequence) {
      return;
    }
    this.points.push(point);
    if (this.points.length > MAX_POINTS) {
      this.points.shift();
    }
    this.plot?.setData(this.data());
  }

  size() {
    return { width: Math.max(320, this.container.clientWidth), height: 280 };
  }

  data() {
    const seconds = this.points.map((point) => Date.parse(point.occurredAt) / 1000);
    return [
      seconds,
      this.points.map(() => this.capPpb),
      this.points.map((point) => point.spentPpb),
      this.points.map((point) => point.spentPpb + point.reservedPpb),
      this.points.map((point) => point.remainingPpb),
    ];
  }

  options() {
    const stepped = uPlot.paths.stepped({ align: 1 });
    const exact = (plot, value) => (value == null ? '–' : `${percent(value)} (${ppb(value)})`);
    return {
      ...this.size(),
      title: 'Budget after every event',
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true } },
      axes: [
        {},
        { size: 90, values: (plot, splits) => splits.map((split) => percent(Math.round(split))) },
      ],
      series: [
        { label: 'Time' },
        { label: 'Cap', stroke: '#b00020', width: 2, dash: [6, 4], value: exact },
        { label: 'Spent', stroke: '#333', fill: 'rgba(51, 51, 51, 0.15)', width: 2, paths: stepped, value: exact },
        { label: 'Spent + reserved', stroke: '#c77700', width: 1.5, paths: stepped, value: exact },
        { label: 'Remaining', stroke: '#1b7f3b', width: 2, paths: stepped, value: exact },
      ],
    };
  }
}
