// Charts over time for the story page, as SVG strings: coverage (articles per outlet per day or week)
// and the timeline's dated entries. Pure functions (types: charts.d.ts); every label escaped. Colours
// are SVG attributes and classes, never inline styles (the page's policy allows none).
import { escapeHtml } from './render.js';

const DAY = 86_400_000;
const COLORS = ['#1d3557', '#e76f51', '#2a9d8f', '#e9c46a', '#8d5a97', '#457b9d', '#98a2b3'];
const dayOf = (iso) => {
  const t = Date.parse(`${String(iso).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : Math.floor(t / DAY);
};
const dateOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Articles per outlet over time, stacked bars: one bar per day, or per week past 60 days; the six
 * outlets with most articles in their own colours, the rest as "other". Undated articles are counted
 * in the caption, not drawn.
 */
export function renderCoverageChart(articles) {
  const dated = articles.flatMap((a) => {
    const day = a.publishedAt ? dayOf(a.publishedAt) : undefined;
    return day === undefined ? [] : [{ day, outlet: a.outlet ?? 'unknown outlet' }];
  });
  if (dated.length === 0) return '<p class="empty">No dated articles.</p>';
  const first = Math.min(...dated.map((d) => d.day));
  const last = Math.max(...dated.map((d) => d.day));
  const step = last - first > 60 ? 7 : 1;
  const buckets = Math.floor((last - first) / step) + 1;
  const counts = new Map();
  for (const d of dated) counts.set(d.outlet, (counts.get(d.outlet) ?? 0) + 1);
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([o]) => o);
  const series = [...top, ...(counts.size > top.length ? ['other'] : [])];
  const grid = Array.from({ length: buckets }, () => new Array(series.length).fill(0));
  for (const d of dated) {
    const s = top.includes(d.outlet) ? top.indexOf(d.outlet) : series.length - 1;
    grid[Math.floor((d.day - first) / step)][s] += 1;
  }
  const width = 640;
  const height = 160;
  const pad = 24;
  const max = Math.max(...grid.map((b) => b.reduce((x, y) => x + y, 0)));
  const barWidth = (width - 2 * pad) / buckets;
  const bars = grid.map((bucket, i) => {
    let y = height - pad;
    return bucket
      .map((n, s) => {
        if (n === 0) return '';
        const h = ((height - 2 * pad) * n) / max;
        y -= h;
        const x = pad + i * barWidth;
        return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(barWidth - 1, 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[s % COLORS.length]}"><title>${escapeHtml(`${dateOf(first + i * step)}: ${series[s]}, ${n}`)}</title></rect>`;
      })
      .join('');
  });
  const axis =
    `<text x="${pad}" y="${height - 6}" class="axis">${dateOf(first)}</text>` +
    `<text x="${width - pad}" y="${height - 6}" class="axis" text-anchor="end">${dateOf(last)}</text>` +
    `<text x="${pad}" y="${pad - 8}" class="axis">${max} per ${step === 1 ? 'day' : 'week'}</text>`;
  const label = `Coverage: ${dated.length} dated articles from ${counts.size} outlets, ${dateOf(first)} to ${dateOf(last)}`;
  const legend = series
    .map((s, i) => `<li><span class="swatch s${i % COLORS.length}"></span>${escapeHtml(s)}</li>`)
    .join('');
  const undated = articles.length - dated.length;
  return (
    `<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}${axis}</svg>` +
    `<figcaption><ul class="chart-legend">${legend}</ul>${undated ? `<small>${undated} undated article(s) not drawn</small>` : ''}</figcaption></figure>`
  );
}

/** The timeline's dated entries as points on a time axis, each with its label on hover and in a list below. */
export function renderTimelineChart(entries) {
  const dated = entries.flatMap((e) => {
    const start = dayOf(e.start);
    const end = dayOf(e.end);
    return start === undefined ? [] : [{ ...e, from: start, to: end ?? start }];
  });
  if (dated.length < 2) return '';
  const first = Math.min(...dated.map((d) => d.from));
  const last = Math.max(...dated.map((d) => d.to));
  const width = 640;
  const pad = 24;
  const span = Math.max(last - first, 1);
  const x = (day) => pad + ((width - 2 * pad) * (day - first)) / span;
  const rows = dated.map((d, i) => {
    const y = 20 + (i % 4) * 14;
    const x1 = x(d.from);
    const x2 = Math.max(x(d.to), x1 + 3);
    return `<rect x="${x1.toFixed(1)}" y="${y}" width="${(x2 - x1).toFixed(1)}" height="8" rx="3" class="span"><title>${escapeHtml(`${d.start}${d.end !== d.start ? ` to ${d.end}` : ''}: ${d.label}`)}</title></rect>`;
  });
  const height = 90;
  const label = `Timeline: ${dated.length} dated entries from ${dateOf(first)} to ${dateOf(last)}`;
  return (
    `<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}` +
    `<text x="${pad}" y="${height - 6}" class="axis">${dateOf(first)}</text><text x="${width - pad}" y="${height - 6}" class="axis" text-anchor="end">${dateOf(last)}</text></svg></figure>`
  );
}
