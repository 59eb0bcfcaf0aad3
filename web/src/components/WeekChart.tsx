// Mentions per ISO week as a simple SVG bar chart; weeks without mentions are filled in so gaps show.
import type { PeriodCount } from '../../../src/store/types.js';

/** Monday of ISO week "2021-W33" as a UTC timestamp. */
function weekStart(period: string): number | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Day = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - jan4Day * 86400000 + (Number(m[2]) - 1) * 7 * 86400000;
}

const WEEK = 7 * 86400000;
const MAX_WEEKS = 520;

export function WeekChart({ weeks }: { weeks: PeriodCount[] }) {
  const points = weeks.map((w) => ({ t: weekStart(w.period), ...w })).filter((w) => w.t !== null) as Array<{ t: number; period: string; count: number }>;
  if (!points.length) return <p class="muted">لا توجد إشارات مؤرخة.</p>;
  points.sort((a, b) => a.t - b.t);
  const first = points[0].t;
  const span = Math.round((points[points.length - 1].t - first) / WEEK) + 1;
  // fill the gaps when the range is readable; else show only the weeks with mentions
  const filled = span <= MAX_WEEKS;
  const bars = filled
    ? Array.from({ length: span }, (_, i) => {
        const t = first + i * WEEK;
        const hit = points.find((p) => Math.abs(p.t - t) < 86400000);
        return { t, count: hit?.count ?? 0, period: hit?.period ?? '' };
      })
    : points;
  const max = Math.max(...bars.map((b) => b.count));
  const width = 600;
  const height = 140;
  const barW = width / bars.length;
  const label = (t: number) => new Date(t).toISOString().slice(0, 10);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={`الإشارات أسبوعيا من ${label(first)} (${points.length} أسابيع فيها إشارات، الأعلى ${max})`} preserveAspectRatio="none">
        <line x1="0" y1={height} x2={width} y2={height} class="axis" />
        {bars.map((b, i) => {
          if (!b.count) return null;
          // at least ~4 units wide so a single week stays visible over a range of years
          const w = Math.max(barW * 0.8, 4);
          const x = Math.min(Math.max(width - (i + 1) * barW + (barW - w) / 2, 0), width - w);
          const h = (b.count / max) * (height - 10);
          return (
            <rect key={i} x={x} y={height - h} width={w} height={h} class="bar">
              <title>{`${b.period || label(b.t)}: ${b.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption class="chart-axis">
        <span dir="ltr">{label(first)}</span>
        <span>الأعلى: {max} في الأسبوع</span>
        <span dir="ltr">{label(bars[bars.length - 1].t)}</span>
      </figcaption>
    </figure>
  );
}
