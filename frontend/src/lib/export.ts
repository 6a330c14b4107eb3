// The tables of the team dashboard as CSV, with the same columns as on screen.

import type { AgentStats } from '../api/types';
import { toCSV } from './csv';

export function teamsCSV(rows: AgentStats[]): string {
  return toCSV(
    ['team', 'conversations', 'mean_score', 'critical_failed', 'needs_review'],
    rows.map((r) => [r.team ?? '', r.conversations, round1(r.mean_score), r.critical_failed, r.needs_review]),
  );
}

export function agentsCSV(rows: AgentStats[]): string {
  return toCSV(
    ['agent_id', 'team', 'conversations', 'mean_score', 'critical_failed', 'needs_review', 'worst_item', 'worst_item_pass_rate'],
    rows.map((r) => {
      const w = r.worst_items?.[0];
      return [r.agent_id ?? '', r.team ?? '', r.conversations, round1(r.mean_score), r.critical_failed, r.needs_review, w?.item_id ?? '', w ? round1(w.pass_rate * 100) : ''];
    }),
  );
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** csvFilename names an export after what and when: qa-agents-2026-11-26.csv */
export function csvFilename(what: string, now = new Date()): string {
  return `qa-${what}-${now.toISOString().slice(0, 10)}.csv`;
}
