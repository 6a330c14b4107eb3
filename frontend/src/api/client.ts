// The HTTP client of /api/v1. Every request sends the session cookie; unsafe methods also send
// the CSRF token (X-CSRF-Token) that POST /auth/login returned, or that the server left in a
// cookie. Answers are normalised here, so pages see one shape even where the server may wrap a
// list ({items,total}) or embed related records.

import type {
  AgentStats,
  Assignment,
  AuditEntry,
  Calibration,
  CalibrationSession,
  CalibrationSummary,
  ChecklistVersion,
  CoachingNote,
  ConversationDetail,
  CustomerZones,
  Dispute,
  Filter,
  Page,
  Person,
  RescoreProgress,
  Review,
  ReviewItemRequest,
  RubricVersion,
  SamplingRule,
  Scorecard,
  ScorecardDetail,
  StoredConversation,
  StoredScorecard,
  User,
} from './types';

export const API_BASE = '/api/v1';
const CSRF_HEADER = 'X-CSRF-Token';
const CSRF_STORAGE = 'qa.csrf';
const CSRF_COOKIES = ['csrf', 'csrf_token', 'qa_csrf', 'XSRF-TOKEN'];

/** An error answered by the server, with the line numbers its message names (YAML errors). */
export class ApiError extends Error {
  readonly status: number;
  readonly lines: { line: number; message: string }[];
  constructor(status: number, message: string, lines: { line: number; message: string }[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.lines = lines;
  }
}

let csrfToken: string | null = readStoredCsrf();
let onUnauthorized: (() => void) | null = null;

function readStoredCsrf(): string | null {
  try {
    return sessionStorage.getItem(CSRF_STORAGE);
  } catch {
    return null;
  }
}

export function setCsrf(token: string | null): void {
  csrfToken = token;
  try {
    if (token) sessionStorage.setItem(CSRF_STORAGE, token);
    else sessionStorage.removeItem(CSRF_STORAGE);
  } catch {
    // storage may be disabled; the in-memory token still works until reload
  }
}

/** csrfFromCookie reads the token from a cookie the server may set for scripts to read. */
export function csrfFromCookie(cookie: string): string | null {
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (CSRF_COOKIES.includes(name)) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function currentCsrf(): string | null {
  return csrfToken ?? (typeof document !== 'undefined' ? csrfFromCookie(document.cookie) : null);
}

export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

/** errorLines finds "line N" in an error message (the rubric loader names the line of a fault). */
export function errorLines(message: string): { line: number; message: string }[] {
  const out: { line: number; message: string }[] = [];
  // One message may hold several errors separated by newlines or "; ".
  for (const part of message.split(/\n|;\s+(?=.*line \d)/)) {
    const m = /\bline (\d+)(?::\s*)?/i.exec(part);
    if (m) out.push({ line: Number(m[1]), message: part.trim() });
  }
  return out;
}

function errorMessage(body: unknown, fallback: string): string {
  if (typeof body === 'string' && body.trim() !== '') return body.trim();
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const e = b.error ?? b.message ?? b.detail;
    if (typeof e === 'string') return e;
    if (e && typeof e === 'object' && typeof (e as Record<string, unknown>).message === 'string') {
      return (e as Record<string, string>).message;
    }
    if (Array.isArray(b.errors)) {
      return b.errors
        .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? formatErrorObject(x as Record<string, unknown>) : ''))
        .filter(Boolean)
        .join('\n');
    }
  }
  return fallback;
}

function formatErrorObject(x: Record<string, unknown>): string {
  const msg = String(x.message ?? x.error ?? '');
  return typeof x.line === 'number' && !/\bline \d+/.test(msg) ? `line ${x.line}: ${msg}` : msg;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function queryString(q?: Query): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = currentCsrf();
    if (token) headers[CSRF_HEADER] = token;
  }
  const res = await fetch(API_BASE + path + queryString(query), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && path !== '/auth/login' && onUnauthorized) onUnauthorized();
    const message = errorMessage(data, `${res.status} ${res.statusText}`);
    throw new ApiError(res.status, message, errorLines(message));
  }
  return data as T;
}

// ---- normalisers -------------------------------------------------------------------------

/** asPage accepts a bare array or an object holding the list under a usual key. */
export function asPage<T>(data: unknown, ...keys: string[]): Page<T> {
  if (Array.isArray(data)) return { items: data as T[], total: data.length };
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    for (const k of [...keys, 'items', 'data', 'results']) {
      if (Array.isArray(d[k])) {
        const items = d[k] as T[];
        return { items, total: typeof d.total === 'number' ? d.total : items.length };
      }
    }
  }
  return { items: [], total: 0 };
}

export function asList<T>(data: unknown, ...keys: string[]): T[] {
  return asPage<T>(data, ...keys).items;
}

/** asConversationDetail accepts {conversation: StoredConversation, scorecards} or a
 * StoredConversation carrying its scorecards. */
export function asConversationDetail(data: unknown): ConversationDetail {
  const d = data as Record<string, unknown>;
  const zones = d.customer_zones as CustomerZones | undefined;
  if (typeof d.key === 'number') {
    const { scorecards, customer_zones: _zones, ...conv } = d;
    return { conversation: conv as unknown as StoredConversation, scorecards: asList<StoredScorecard>(scorecards ?? []), customer_zones: zones };
  }
  return {
    conversation: d.conversation as StoredConversation,
    scorecards: asList<StoredScorecard>(d.scorecards ?? []),
    customer_zones: zones,
  };
}

/** asScorecardDetail accepts {scorecard: StoredScorecard, reviews} or a StoredScorecard
 * carrying its reviews. */
export function asScorecardDetail(data: unknown): ScorecardDetail {
  const d = data as Record<string, unknown>;
  if (typeof d.id === 'number' && typeof d.conversation_key === 'number') {
    const { reviews, ...card } = d;
    return { scorecard: card as unknown as StoredScorecard, reviews: asList<Review>(reviews ?? []) };
  }
  return { scorecard: d.scorecard as StoredScorecard, reviews: asList<Review>(d.reviews ?? []) };
}

function asUser(data: unknown): User {
  const d = data as Record<string, unknown>;
  return (d && typeof d.user === 'object' ? d.user : d) as User;
}

function filterQuery(f: Filter): Query {
  return { ...f };
}

// ---- the API -------------------------------------------------------------------------------

export const api = {
  async login(email: string, password: string): Promise<User> {
    const data = await request<Record<string, unknown>>('POST', '/auth/login', { email, password });
    const token = typeof data.csrf === 'string' ? data.csrf : csrfFromCookie(document.cookie);
    setCsrf(token);
    return asUser(data);
  },
  async logout(): Promise<void> {
    try {
      await request('POST', '/auth/logout');
    } finally {
      setCsrf(null);
    }
  },
  async me(): Promise<User> {
    const data = await request<Record<string, unknown>>('GET', '/me');
    if (typeof data.csrf === 'string') setCsrf(data.csrf);
    return asUser(data);
  },

  async conversations(f: Filter): Promise<Page<StoredConversation>> {
    return asPage(await request('GET', '/conversations', undefined, filterQuery(f)), 'conversations');
  },
  async conversation(key: number): Promise<ConversationDetail> {
    return asConversationDetail(await request('GET', `/conversations/${key}`));
  },
  async scorecards(f: Filter & { agent?: string }): Promise<Page<StoredScorecard>> {
    return asPage(await request('GET', '/scorecards', undefined, filterQuery(f)), 'scorecards');
  },
  async scorecard(id: number): Promise<ScorecardDetail> {
    return asScorecardDetail(await request('GET', `/scorecards/${id}`));
  },

  async agentStats(f: Filter): Promise<AgentStats[]> {
    return asList(await request('GET', '/stats/agents', undefined, filterQuery(f)), 'agents', 'stats');
  },
  async teamStats(f: Filter): Promise<AgentStats[]> {
    return asList(await request('GET', '/stats/teams', undefined, filterQuery(f)), 'teams', 'stats');
  },

  async rubrics(): Promise<RubricVersion[]> {
    return asList(await request('GET', '/rubrics'), 'rubrics');
  },
  async rubricVersions(id: string): Promise<RubricVersion[]> {
    return asList(await request('GET', `/rubrics/${encodeURIComponent(id)}/versions`), 'versions');
  },
  /** publishRubric answers the new version (the server wraps it: {version, enqueued}). */
  async publishRubric(id: string, yaml: string): Promise<RubricVersion> {
    const data = await request<Record<string, unknown>>('POST', `/rubrics/${encodeURIComponent(id)}/versions`, { yaml });
    return (data.version && typeof data.version === 'object' ? data.version : data) as RubricVersion;
  },
  async previewRubric(yaml: string, conversationKey: number): Promise<Scorecard> {
    const data = await request<Record<string, unknown>>('POST', '/rubrics/preview', { yaml, conversation_key: conversationKey });
    return (Array.isArray(data.items) ? data : data.scorecard) as Scorecard;
  },
  async rescoreProgress(id: string, version: number): Promise<RescoreProgress> {
    return request('GET', `/rubrics/${encodeURIComponent(id)}/versions/${version}/progress`);
  },
  async checklists(): Promise<ChecklistVersion[]> {
    return asList(await request('GET', '/checklists'), 'checklists');
  },
  // A checklist path has a slash (ru/core.yaml): it travels as one escaped path segment.
  async checklistVersions(path: string): Promise<ChecklistVersion[]> {
    return asList(await request('GET', `/checklists/${encodeURIComponent(path)}/versions`), 'versions');
  },
  async publishChecklist(path: string, yaml: string): Promise<ChecklistVersion> {
    const data = await request<Record<string, unknown>>('POST', `/checklists/${encodeURIComponent(path)}/versions`, { yaml });
    return (data.version && typeof data.version === 'object' ? data.version : data) as ChecklistVersion;
  },

  /** queue lists the caller's assignments, completed ones too (?all=true). */
  async queue(): Promise<Assignment[]> {
    return asList(await request('GET', '/queue', undefined, { all: true }), 'assignments');
  },
  async pullQueue(rule: SamplingRule, max: number): Promise<Assignment[]> {
    return asList(await request('POST', '/queue/pull', { rule, max }), 'assignments');
  },
  /** saveReview creates a draft (no draftId), updates one, or submits. Items carry only the
   * reviewer's side (item_id, result, comment): the server fills in the automatic result. A
   * review in a calibration session names it (calibrationId). */
  async saveReview(scorecardId: number, items: ReviewItemRequest[], comment: string, submit: boolean, draftId?: number, calibrationId?: number): Promise<Review> {
    return request('POST', '/reviews', {
      ...(draftId ? { id: draftId } : {}),
      scorecard_id: scorecardId,
      ...(calibrationId ? { calibration_id: calibrationId } : {}),
      items,
      comment,
      submit,
    });
  },
  async review(id: number): Promise<Review> {
    return request('GET', `/reviews/${id}`);
  },

  async disputes(f: Filter & { status?: string } = {}): Promise<Dispute[]> {
    return asList(await request('GET', '/disputes', undefined, filterQuery(f)), 'disputes');
  },
  async createDispute(reviewId: number, itemId: string, comment: string): Promise<Dispute> {
    return request('POST', '/disputes', { review_id: reviewId, item_id: itemId, comment });
  },
  async resolveDispute(id: number, accepted: boolean, resolution: string): Promise<Dispute> {
    return request('POST', `/disputes/${id}/resolve`, { accepted, resolution });
  },

  async coaching(agent: string): Promise<CoachingNote[]> {
    return asList(await request('GET', '/coaching', undefined, { agent }), 'notes');
  },
  async createCoaching(agentId: string, text: string, scorecardId?: number): Promise<CoachingNote> {
    return request('POST', '/coaching', { agent_id: agentId, text, scorecard_id: scorecardId });
  },
  async ackCoaching(id: number): Promise<CoachingNote> {
    return request('POST', `/coaching/${id}/ack`);
  },

  /** calibrations lists the sessions the caller created or reviews in (administrators: all). */
  async calibrations(): Promise<CalibrationSummary[]> {
    return asList(await request('GET', '/calibrations'), 'calibrations');
  },
  async calibration(id: number): Promise<CalibrationSession> {
    return request('GET', `/calibrations/${id}`);
  },
  async createCalibration(name: string, scorecardIds: number[], reviewerIds: number[]): Promise<Calibration> {
    return request('POST', '/calibrations', { name, scorecard_ids: scorecardIds, reviewer_ids: reviewerIds });
  },
  /** revealCalibration ends the blindness (the creator only) and answers the session with the agreement. */
  async revealCalibration(id: number): Promise<CalibrationSession> {
    return request('POST', `/calibrations/${id}/reveal`);
  },

  async audit(object: string): Promise<AuditEntry[]> {
    return asList(await request('GET', '/audit', undefined, { object }), 'entries');
  },
  async users(): Promise<User[]> {
    return asList(await request('GET', '/users'), 'users');
  },
  /** directory lists every user's id and name (any signed-in role). */
  async directory(): Promise<Person[]> {
    return asList(await request('GET', '/users/directory'), 'people');
  },
  /** createUser answers the user and, when the password was left empty, the generated one. */
  async createUser(u: { email: string; name: string; role: string; password?: string; agent_id?: string; teams?: string[] }): Promise<{ user: User; password?: string }> {
    const data = await request<Record<string, unknown>>('POST', '/users', u);
    return data.user && typeof data.user === 'object' ? (data as { user: User; password?: string }) : { user: data as unknown as User };
  },
};

export type Api = typeof api;
