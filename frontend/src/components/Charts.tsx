// Charts of the agent and team pages (recharts). Each chart has a text alternative: the same
// figures are in the tables beside it.

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekPoint } from '../api/types';

export interface TrendSeries {
  name: string;
  points: WeekPoint[];
  color: string;
}

/** mergeTrends lines up several weekly series on the union of their weeks. */
export function mergeTrends(series: TrendSeries[]): Record<string, string | number | null>[] {
  const weeks = [...new Set(series.flatMap((s) => s.points.map((p) => p.week)))].sort();
  return weeks.map((w) => {
    const row: Record<string, string | number | null> = { week: w };
    for (const s of series) row[s.name] = s.points.find((p) => p.week === w)?.mean_score ?? null;
    return row;
  });
}

export function TrendChart({ series, label }: { series: TrendSeries[]; label: string }) {
  const data = mergeTrends(series);
  return (
    <figure className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="week" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line key={s.name} type="monotone" dataKey={s.name} stroke={s.color} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function MeanBarChart({ rows, label, nameKey, valueName }: { rows: { name: string; value: number }[]; label: string; nameKey: string; valueName: string }) {
  return (
    <figure className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows.map((r) => ({ [nameKey]: r.name, [valueName]: r.value }))} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey={nameKey} tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar dataKey={valueName} fill="#2563eb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** RateBar draws a pass rate (0..1) as a small horizontal bar with its percentage. */
export function RateBar({ rate, kind }: { rate: number | undefined; kind: 'agent' | 'team' }) {
  if (rate === undefined || rate === null) return <span className="muted">—</span>;
  const pct = Math.round(rate * 100);
  return (
    <span className={`ratebar ratebar-${kind}`}>
      <span className="ratebar-fill" style={{ width: `${pct}%` }} />
      <span className="ratebar-text">{pct}%</span>
    </span>
  );
}
