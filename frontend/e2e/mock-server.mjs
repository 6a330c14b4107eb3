#!/usr/bin/env node
// A development stand-in for `qa serve`: the /api/v1 routes of docs/server-contract.md on
// in-memory demo data, plus the built app from frontend/dist with an index.html fallback.
// It exists so the web app can be developed and its end-to-end tests run before (or without)
// the Go server; e2e/run.mjs prefers the real server when cmd/qa has a serve command.
//
//   node e2e/mock-server.mjs [--port 8080] [--dist dist]
//
// Sign in with any demo account (see USERS in mock-data.mjs), password "demo-password".
// Answers have the shapes of internal/httpapi (docs/api.md): lists as {items} or {items,total},
// a conversation or scorecard with its scorecards or reviews beside its own fields, errors as
// {error,status}, 204 for acknowledge, unknown JSON fields refused.

import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { measure } from './mock-calibration.mjs';
import { AGENTS, PASSWORD, USERS, computeScore, loadRepoFiles, makeConversations, parse, rng, scoreConversation, validateRubric } from './mock-data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const PORT = Number(args.port ?? process.env.PORT ?? 8080);
const HOST = args.host ?? '127.0.0.1';
const DIST = resolve(args.dist ?? join(here, '..', 'dist'));
const REPO = resolve(here, '..', '..');

// ---- state -------------------------------------------------------------------------------
const now = () => new Date().toISOString();
const users = USERS.map((u) => ({ ...u, created_at: '2026-09-01T08:00:00Z' }));
const passwords = new Map(users.map((u) => [u.email, PASSWORD]));
const sessions = new Map(); // token → {userId, csrf}
const { standard, checklists: checklistFiles } = loadRepoFiles(REPO);

const rubricVersions = []; // {rubric_id, version, yaml, published_by, published_at, active}
const v1 = parse(standard);
rubricVersions.push({ rubric_id: 'standard', version: 1, yaml: standard, published_by: 2, published_at: '2026-09-01T09:00:00Z', active: false });
const v2yaml = standard.replace(/(- check: forbidden_phrases\n(\s+)points: \d+)/, '$1\n$2critical: true');
rubricVersions.push({ rubric_id: 'standard', version: 2, yaml: v2yaml, published_by: 2, published_at: '2026-10-01T09:00:00Z', active: true });
const checklistVersions = checklistFiles.map((c) => ({ path: c.path, version: 1, yaml: c.yaml, published_by: 2, published_at: '2026-09-01T09:00:00Z' }));

const conversations = makeConversations();
let nextId = { scorecard: 1, review: 1, assignment: 1, dispute: 1, note: 1, audit: 1, user: users.length + 1, calibration: 1 };
const scorecards = [];
function scoreAll(rubricYaml, version) {
  const r = { ...parse(rubricYaml), version };
  for (const c of conversations) {
    const card = scoreConversation(c.conversation, r);
    const existing = scorecards.find((s) => s.conversation_key === c.key && s.scorecard.rubric.id === r.id);
    const stored = { conversation_key: c.key, scorecard: card, started_at: c.conversation.started_at, team: c.team, scored_at: now() };
    if (existing) Object.assign(existing, stored);
    else scorecards.push({ id: nextId.scorecard++, ...stored });
  }
}
scoreAll(v2yaml, 2);
void v1;

const reviews = [];
const assignments = [];
const calibrations = []; // {id, name, scorecard_ids, reviewer_ids, created_by, created_at, revealed_at?}
const disputes = [];
const notes = [
  { id: nextId.note++, agent_id: 'a-7', author_id: 5, text: 'Great empathy this month. Keep naming the delivery date in the first reply.', created_at: '2026-11-10T10:00:00Z', acknowledged_at: '2026-11-10T12:00:00Z' },
  { id: nextId.note++, agent_id: 'a-7', author_id: 5, scorecard_id: 3, text: 'Please greet the customer by the time of day in their zone, not ours.', created_at: '2026-11-20T10:00:00Z' },
];
const audit = [];
const progress = new Map(); // "id@v" → {total, startedAt}

function record(userId, action, object, detail) {
  audit.push({ id: nextId.audit++, at: now(), user_id: userId, action, object, ...(detail ? { detail } : {}) });
}

// ---- helpers -------------------------------------------------------------------------------
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}
const bad = (m) => new HttpError(400, m);
const notFound = (m) => new HttpError(404, `${m}: not found`);
const forbidden = () => new HttpError(403, 'forbidden');

function send(res, status, body, headers = {}) {
  if (status === 204) {
    res.writeHead(204, headers);
    res.end();
    return;
  }
  const data = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(data);
}

function cookies(req) {
  return Object.fromEntries((req.headers.cookie ?? '').split(';').filter(Boolean).map((c) => c.trim().split('=').map(decodeURIComponent)));
}

/** strict refuses unknown fields, as the server's decodeJSON does. */
function strict(obj, known, where = 'request body') {
  for (const k of Object.keys(obj ?? {})) if (!known.includes(k)) throw bad(`${where}: json: unknown field "${k}"`);
  return obj;
}
const items = (list) => ({ items: list });

async function body(req) {
  const chunks = [];
  for await (const ch of req) chunks.push(ch);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw bad('request body: invalid JSON');
  }
}

function publicUser(u) {
  const { ...rest } = u;
  return rest;
}

function isoWeek(iso) {
  const d = new Date(iso);
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y = t.getUTCFullYear();
  const week = Math.ceil(((t - Date.UTC(y, 0, 1)) / 86400e3 + 1) / 7);
  return `${y}-W${String(week).padStart(2, '0')}`;
}

const convByKey = (k) => conversations.find((c) => c.key === k);
const agentOf = (sc) => sc.scorecard.agents?.[0]?.agent_id ?? convByKey(sc.conversation_key)?.conversation.agents?.[0]?.id;
const submittedReview = (scId) =>
  reviews.filter((r) => r.scorecard_id === scId && r.status === 'submitted' && !r.calibration_id).sort((a, b) => b.submitted_at.localeCompare(a.submitted_at))[0];

/** scope restricts what a user may see, as the server does from the caller's role. */
function visible(user, sc) {
  if (user.role === 'agent') return agentOf(sc) === user.agent_id;
  if (user.role === 'team_lead') return (user.teams ?? []).includes(sc.team);
  return true;
}

function matches(q, sc) {
  const c = convByKey(sc.conversation_key)?.conversation;
  if (q.channel && sc.scorecard.channel !== q.channel) return false;
  if (q.language && sc.scorecard.language !== q.language) return false;
  if (q.rubric && sc.scorecard.rubric.id !== q.rubric) return false;
  if (q.team && sc.team !== q.team) return false;
  if (q.agent && !(c?.agents ?? []).some((a) => a.id === q.agent)) return false;
  if (q.from && sc.started_at < q.from) return false;
  if (q.to && sc.started_at >= q.to) return false;
  return true;
}

function page(list, q) {
  const offset = Number(q.offset ?? 0);
  const limit = Number(q.limit ?? 100);
  return { items: list.slice(offset, offset + limit), total: list.length };
}

/** effective is the scorecard as the statistics see it: the human review's results, when one was submitted. */
function effective(sc) {
  const rev = submittedReview(sc.id);
  if (!rev) return { score: sc.scorecard.score, critical: sc.scorecard.critical_failed, needsReview: sc.scorecard.needs_review, result: (id) => sc.scorecard.items.find((i) => i.id === id)?.result };
  const byId = new Map(rev.items.map((i) => [i.item_id, i.result]));
  const { criticalFailed } = computeScore(sc.scorecard.items, (it) => byId.get(it.id) ?? it.result);
  return { score: rev.score, critical: criticalFailed, needsReview: false, result: (id) => byId.get(id) };
}

function stats(list, key) {
  const groups = new Map();
  for (const sc of list) {
    const k = key(sc);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(sc);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, cards]) => {
    const eff = cards.map((sc) => ({ sc, e: effective(sc) }));
    const mean = eff.reduce((s, x) => s + x.e.score, 0) / eff.length;
    const dist = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
    for (const x of eff) dist[Math.min(9, Math.floor(x.e.score / 10))].count++;
    const rates = new Map();
    for (const x of eff) {
      for (const it of x.sc.scorecard.items) {
        const r = x.e.result(it.id) ?? it.result;
        if (r !== 'pass' && r !== 'fail') continue;
        const cur = rates.get(it.id) ?? { pass: 0, fail: 0 };
        cur[r]++;
        rates.set(it.id, cur);
      }
    }
    const itemRates = [...rates.entries()].map(([item_id, v]) => ({ item_id, pass: v.pass, fail: v.fail, pass_rate: v.pass / (v.pass + v.fail) }));
    const weeks = new Map();
    for (const x of eff) {
      const w = isoWeek(x.sc.started_at);
      const cur = weeks.get(w) ?? { n: 0, sum: 0 };
      cur.n++;
      cur.sum += x.e.score;
      weeks.set(w, cur);
    }
    const first = cards[0];
    return {
      ...(key === byAgent ? { agent_id: k } : {}),
      team: first.team,
      conversations: cards.length,
      mean_score: Math.round(mean * 10) / 10,
      critical_failed: eff.filter((x) => x.e.critical).length,
      needs_review: eff.filter((x) => x.e.needsReview).length,
      distribution: dist,
      item_pass_rate: Object.fromEntries(itemRates.sort((a, b) => a.item_id.localeCompare(b.item_id)).map((r) => [r.item_id, Math.round(r.pass_rate * 1000) / 1000])),
      trend: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, v]) => ({ week, conversations: v.n, mean_score: Math.round((v.sum / v.n) * 10) / 10 })),
      worst_items: itemRates.sort((a, b) => a.pass_rate - b.pass_rate || a.item_id.localeCompare(b.item_id)),
    };
  });
}
const byAgent = (sc) => agentOf(sc);
const byTeam = (sc) => sc.team;

// ---- routes ------------------------------------------------------------------------------
const routes = [];
const route = (method, pattern, handler, opts = {}) => {
  const keys = [];
  const rx = new RegExp('^' + pattern.replace(/:(\w+)/g, (_, k) => (keys.push(k), '([^/]+)')).replace(/\*(\w+)/g, (_, k) => (keys.push(k), '(.+)')) + '$');
  routes.push({ method, rx, keys, handler, opts });
};
const need = (user, ...roles) => {
  if (!roles.includes(user.role)) throw forbidden();
};

route('POST', '/auth/login', async ({ body: b }) => {
  strict(b, ['email', 'password']);
  const u = users.find((x) => x.email.toLowerCase() === String(b.email ?? '').toLowerCase());
  if (!u || passwords.get(u.email) !== b.password) throw new HttpError(401, 'wrong email or password');
  const token = randomBytes(16).toString('hex');
  const csrf = randomBytes(16).toString('hex');
  sessions.set(token, { userId: u.id, csrf });
  return [200, { user: publicUser(u), csrf }, { 'Set-Cookie': [`qa_session=${token}; Path=/; HttpOnly; SameSite=Strict`, `qa_csrf=${csrf}; Path=/; SameSite=Strict`] }];
}, { public: true });
route('POST', '/auth/logout', async ({ token }) => {
  sessions.delete(token);
  return [204, undefined, { 'Set-Cookie': ['qa_session=; Path=/; Max-Age=0', 'qa_csrf=; Path=/; Max-Age=0'] }];
});
route('GET', '/me', async ({ user, session }) => ({ user: publicUser(user), csrf: session.csrf }));

route('GET', '/conversations', async ({ user, q }) => {
  const keys = new Set(scorecards.filter((sc) => visible(user, sc) && matches(q, sc)).map((sc) => sc.conversation_key));
  const list = conversations.filter((c) => keys.has(c.key)).sort((a, b) => b.conversation.started_at.localeCompare(a.conversation.started_at));
  return page(list, q);
});
route('GET', '/conversations/:key', async ({ user, p }) => {
  const c = convByKey(Number(p.key));
  const cards = scorecards.filter((s) => s.conversation_key === Number(p.key) && visible(user, s));
  if (!c || !cards.length) throw notFound(`conversation ${p.key}`);
  return { ...c, scorecards: cards };
});
route('GET', '/scorecards', async ({ user, q }) => {
  const list = scorecards.filter((sc) => visible(user, sc) && matches(q, sc)).sort((a, b) => b.started_at.localeCompare(a.started_at));
  return page(list, q);
});
route('GET', '/scorecards/:id', async ({ user, p }) => {
  const sc = scorecards.find((s) => s.id === Number(p.id));
  if (!sc || !visible(user, sc)) throw notFound(`scorecard ${p.id}`);
  // Drafts and calibration reviews are their author's (and administrators') only.
  const revs = reviews.filter((r) => r.scorecard_id === sc.id && (user.role === 'admin' || r.reviewer_id === user.id || (r.status === 'submitted' && !r.calibration_id)));
  return { ...sc, reviews: revs };
});
route('GET', '/stats/agents', async ({ user, q }) => items(stats(scorecards.filter((sc) => visible(user, sc) && matches(q, sc)), byAgent).filter((s) => !q.agent || s.agent_id === q.agent)));
route('GET', '/stats/teams', async ({ user, q }) => {
  // Team figures are shown to a team's agents as a benchmark, so an agent sees their team's.
  const scope = user.role === 'agent' ? (sc) => (user.teams ?? []).includes(sc.team) : (sc) => visible(user, sc);
  return items(stats(scorecards.filter((sc) => scope(sc) && matches(q, sc)), byTeam));
});

route('GET', '/rubrics', async () => items(rubricVersions.filter((v) => v.active)));
route('GET', '/rubrics/:id/versions', async ({ p }) => {
  const list = rubricVersions.filter((v) => v.rubric_id === p.id);
  if (!list.length) throw notFound(`rubric ${p.id}`);
  return items(list);
});
route('POST', '/rubrics/preview', async ({ user, body: b }) => {
  need(user, 'trainer', 'admin');
  strict(b, ['yaml', 'conversation_key']);
  const r = validateRubric(String(b.yaml ?? ''), 'preview');
  const c = convByKey(Number(b.conversation_key));
  if (!c) throw notFound(`conversation ${b.conversation_key}`);
  return { scorecard: scoreConversation(c.conversation, r) };
});
route('POST', '/rubrics/:id/versions', async ({ user, p, body: b }) => {
  need(user, 'trainer', 'admin');
  strict(b, ['yaml']);
  const yaml = String(b.yaml ?? '');
  const r = validateRubric(yaml, p.id);
  if (r.id !== p.id) throw bad(`rubric ${p.id}: id: "${r.id}" does not match the rubric being published`);
  const prev = rubricVersions.filter((v) => v.rubric_id === p.id);
  const version = prev.length ? Math.max(...prev.map((v) => v.version)) + 1 : 1;
  prev.forEach((v) => (v.active = false));
  const v = { rubric_id: p.id, version, yaml, published_by: user.id, published_at: now(), active: true };
  rubricVersions.push(v);
  scoreAll(yaml, version);
  progress.set(`${p.id}@${version}`, { total: conversations.length, startedAt: Date.now() });
  record(user.id, 'rubric.publish', `rubric:${p.id}@${version}`);
  return [201, { version: v, enqueued: conversations.length }];
});
route('GET', '/rubrics/:id/versions/:v/progress', async ({ p }) => {
  const pr = progress.get(`${p.id}@${p.v}`) ?? { total: 0, startedAt: 0 };
  const done = Math.min(pr.total, Math.floor((Date.now() - pr.startedAt) / 20));
  return { rubric_id: p.id, version: Number(p.v), total: pr.total, done, failed: 0 };
});
route('GET', '/checklists', async () => {
  const latest = new Map();
  for (const c of checklistVersions) if (!latest.has(c.path) || latest.get(c.path).version < c.version) latest.set(c.path, c);
  return items([...latest.values()]);
});
// The path is one escaped segment: /checklists/ru%2Fcore.yaml/versions
route('GET', '/checklists/:path/versions', async ({ p }) => items(checklistVersions.filter((c) => c.path === p.path)));
route('POST', '/checklists/:path/versions', async ({ user, p, body: b }) => {
  need(user, 'trainer', 'admin');
  const doc = parseDocument(String(b.yaml ?? ''));
  if (doc.errors.length) throw bad(`checklist ${p.path}: yaml: line ${doc.errors[0].linePos?.[0]?.line ?? 1}: ${doc.errors[0].message.split('\n')[0]}`);
  const prev = checklistVersions.filter((c) => c.path === p.path);
  const v = { path: p.path, version: prev.length + 1, yaml: b.yaml, published_by: user.id, published_at: now() };
  checklistVersions.push(v);
  record(user.id, 'checklist.publish', `checklist:${p.path}@${v.version}`);
  return [201, v];
});

route('GET', '/queue', async ({ user, q }) => {
  need(user, 'qa_reviewer', 'admin');
  return items(assignments.filter((a) => a.reviewer_id === user.id && (q.all === 'true' || !a.done_at)));
});
route('POST', '/queue/pull', async ({ user, body: b }) => {
  need(user, 'qa_reviewer', 'admin');
  strict(b, ['rule', 'max']);
  const rule = strict(b.rule ?? {}, ['kind', 'count', 'channel', 'language', 'rubric', 'team', 'agent', 'from', 'to', 'limit', 'offset'], 'rule');
  if (!(b.max >= 1 && b.max <= 500)) throw bad('max: want 1 to 500');
  const max = Number(b.max);
  const taken = new Set(assignments.map((a) => a.scorecard_id));
  let pool = scorecards.filter((sc) => !taken.has(sc.id) && !submittedReview(sc.id) && matches(rule, sc));
  switch (rule.kind) {
    case 'critical_fails':
      pool = pool.filter((sc) => sc.scorecard.critical_failed);
      break;
    case 'needs_review':
      pool = pool.filter((sc) => sc.scorecard.needs_review);
      break;
    case 'lowest_scores':
      pool = pool.sort((a, b) => a.scorecard.score - b.scorecard.score).slice(0, Number(rule.count ?? 10));
      break;
    case 'random_per_agent_week': {
      const r = rng(assignments.length + 7);
      const groups = new Map();
      for (const sc of pool.sort(() => r() - 0.5)) {
        const k = `${agentOf(sc)}/${isoWeek(sc.started_at)}`;
        if ((groups.get(k) ?? []).length < Number(rule.count ?? 1)) groups.set(k, [...(groups.get(k) ?? []), sc]);
      }
      pool = [...groups.values()].flat().sort((a, b) => b.started_at.localeCompare(a.started_at));
      break;
    }
    default:
      throw bad(`rule.kind: invalid value: "${rule.kind}"`);
  }
  const got = pool.slice(0, max).map((sc) => ({ id: nextId.assignment++, scorecard_id: sc.id, reviewer_id: user.id, reason: rule.kind, assigned_at: now() }));
  assignments.push(...got);
  return items(got);
});

route('POST', '/reviews', async ({ user, body: b }) => {
  need(user, 'qa_reviewer', 'admin');
  strict(b, ['id', 'scorecard_id', 'calibration_id', 'items', 'comment', 'submit']);
  const sc = scorecards.find((s) => s.id === Number(b.scorecard_id));
  if (!sc) throw notFound(`scorecard ${b.scorecard_id}`);
  let r;
  if (b.id) {
    r = reviews.find((x) => x.id === Number(b.id));
    if (!r || r.reviewer_id !== user.id || r.scorecard_id !== sc.id) throw forbidden();
    if (r.status !== 'draft') throw new HttpError(409, `review ${r.id} is submitted and cannot change: conflict`);
  }
  const calId = Number(b.calibration_id ?? 0);
  if (calId) {
    const cal = calibrations.find((c) => c.id === calId);
    if (!cal) throw notFound(`calibration ${calId}`);
    if (cal.revealed_at) throw new HttpError(409, `calibration ${calId} is revealed and takes no more reviews`);
    if (!cal.reviewer_ids.includes(user.id)) throw new HttpError(403, `you are not a reviewer of calibration ${calId}`);
    if (!cal.scorecard_ids.includes(sc.id)) throw bad(`scorecard ${sc.id} is not part of calibration ${calId}`);
  }
  // As internal/httpapi reviewItems: every item of the card, the request's result where given.
  const asked = new Map();
  for (const it of Array.isArray(b.items) ? b.items : []) {
    strict(it, ['item_id', 'result', 'comment'], 'items');
    if (!sc.scorecard.items.some((x) => x.id === it.item_id)) throw bad(`items: "${it.item_id}" is not an item of this scorecard`);
    asked.set(it.item_id, it);
  }
  const reviewItems = sc.scorecard.items.map((auto) => {
    const it = asked.get(auto.id);
    const ri = { item_id: auto.id, automatic: auto.result, result: it?.result ?? auto.result, ...(it?.comment ? { comment: it.comment } : {}) };
    if (b.submit && ri.result === 'review') throw bad(`items: "${auto.id}": decide pass, fail or na before submitting`);
    if (b.submit && ri.result !== ri.automatic && !ri.comment) throw bad(`items: "${auto.id}": an override needs a comment`);
    return ri;
  });
  const byId = new Map(reviewItems.map((i) => [i.item_id, i.result]));
  const { score } = computeScore(sc.scorecard.items, (it) => byId.get(it.id) ?? it.result);
  if (!r) {
    r = { id: nextId.review++, scorecard_id: sc.id, reviewer_id: user.id, ...(calId ? { calibration_id: calId } : {}), status: 'draft', items: [], score: 0, created_at: now() };
    reviews.push(r);
  }
  Object.assign(r, { items: reviewItems, score, comment: b.comment || undefined });
  if (b.submit) {
    r.status = 'submitted';
    r.submitted_at = now();
    for (const a of assignments) if (a.scorecard_id === sc.id && a.reviewer_id === user.id && !a.done_at) a.done_at = now();
    record(user.id, 'review.submit', `review:${r.id}`, `scorecard ${sc.id}: score ${sc.scorecard.score} → ${score}`);
    for (const it of reviewItems.filter((i) => i.result !== i.automatic)) {
      record(user.id, 'item.override', `review:${r.id}`, `${it.item_id}: ${it.automatic} → ${it.result}: ${it.comment}`);
    }
  }
  return [201, r];
});
// Calibration sessions, as internal/httpapi/calibration_handlers.go.
const calibrationProgress = (cal) =>
  cal.reviewer_ids.map((id) => ({
    reviewer_id: id,
    submitted: reviews.filter((r) => r.calibration_id === cal.id && r.reviewer_id === id && r.status === 'submitted').length,
  }));
function calibrationSession(user, id) {
  const cal = calibrations.find((c) => c.id === id);
  if (!cal || (user.role !== 'admin' && cal.created_by !== user.id && !cal.reviewer_ids.includes(user.id))) throw notFound(`calibration ${id}`);
  const revs = reviews.filter((r) => r.calibration_id === cal.id && (cal.revealed_at || r.reviewer_id === user.id));
  return { ...cal, reviews: revs, progress: calibrationProgress(cal), ...(cal.revealed_at ? { agreement: measure(revs) } : {}) };
}
route('GET', '/calibrations', async ({ user }) => {
  need(user, 'qa_reviewer', 'admin');
  const mine = calibrations.filter((c) => user.role === 'admin' || c.created_by === user.id || c.reviewer_ids.includes(user.id));
  return items([...mine].reverse().map((c) => ({ ...c, progress: calibrationProgress(c) })));
});
route('POST', '/calibrations', async ({ user, body: b }) => {
  need(user, 'qa_reviewer', 'admin');
  strict(b, ['name', 'scorecard_ids', 'reviewer_ids']);
  const scorecardIds = [...new Set((b.scorecard_ids ?? []).map(Number))].sort((x, y) => x - y);
  const reviewerIds = [...new Set((b.reviewer_ids ?? []).map(Number))].sort((x, y) => x - y);
  if (!String(b.name ?? '').trim()) throw bad('name: is required');
  if (!scorecardIds.length) throw bad('scorecard_ids: name at least one scorecard');
  if (reviewerIds.length < 2) throw bad('reviewer_ids: a calibration needs at least two reviewers');
  for (const id of reviewerIds) {
    const u = users.find((x) => x.id === id);
    if (!u) throw bad(`reviewer_ids: there is no user ${id}`);
    if (u.role !== 'qa_reviewer' && u.role !== 'admin') throw bad(`reviewer_ids: ${u.name} (role ${u.role}) may not review: invite QA reviewers`);
  }
  if (scorecardIds.some((id) => !scorecards.some((s) => s.id === id))) throw bad('calibration: some of its scorecards do not exist');
  const cal = { id: nextId.calibration++, name: b.name, scorecard_ids: scorecardIds, reviewer_ids: reviewerIds, created_by: user.id, created_at: now() };
  calibrations.push(cal);
  record(user.id, 'calibration.create', `calibration:${cal.id}`, cal.name);
  return [201, cal];
});
route('GET', '/calibrations/:id', async ({ user, p }) => {
  need(user, 'qa_reviewer', 'admin');
  return calibrationSession(user, Number(p.id));
});
route('POST', '/calibrations/:id/reveal', async ({ user, p }) => {
  need(user, 'qa_reviewer', 'admin');
  const cal = calibrations.find((c) => c.id === Number(p.id));
  if (!cal) throw notFound(`calibration ${p.id}`);
  if (user.role !== 'admin' && cal.created_by !== user.id) throw new HttpError(403, `only the creator of calibration ${cal.id} reveals it`);
  if (!cal.revealed_at) {
    cal.revealed_at = now();
    record(user.id, 'calibration.reveal', `calibration:${cal.id}`);
  }
  return calibrationSession(user, cal.id);
});

route('GET', '/reviews/:id', async ({ user, p }) => {
  const r = reviews.find((x) => x.id === Number(p.id));
  const sc = r && scorecards.find((s) => s.id === r.scorecard_id);
  if (!r || !visible(user, sc)) throw notFound(`review ${p.id}`);
  return r;
});

route('GET', '/disputes', async ({ user, q }) => {
  return items(disputes.filter((d) => {
    const r = reviews.find((x) => x.id === d.review_id);
    const sc = scorecards.find((s) => s.id === r?.scorecard_id);
    if (!sc || !visible(user, sc)) return false;
    if (q.status && d.status !== q.status) return false;
    if (q.agent && d.agent_id !== q.agent) return false;
    return true;
  }));
});
route('POST', '/disputes', async ({ user, body: b }) => {
  need(user, 'agent');
  strict(b, ['review_id', 'item_id', 'comment', 'result']);
  const r = reviews.find((x) => x.id === Number(b.review_id) && x.status === 'submitted');
  const sc = r && scorecards.find((s) => s.id === r.scorecard_id);
  if (!r || !visible(user, sc)) throw notFound(`review ${b.review_id}`);
  if (!r.items.some((i) => i.item_id === b.item_id)) throw bad(`item_id: "${b.item_id}" is not an item of review ${r.id}`);
  if (!String(b.comment ?? '').trim()) throw bad('comment: is required');
  if (disputes.some((d) => d.review_id === r.id && d.item_id === b.item_id && d.status === 'open')) throw new HttpError(409, 'an open dispute exists for this item: conflict');
  const reviewed = r.items.find((i) => i.item_id === b.item_id).result;
  const asked = b.result ?? (reviewed === 'pass' ? 'fail' : reviewed === 'fail' ? 'pass' : undefined);
  if (!asked || asked === reviewed) throw bad('result: say which result the item should have');
  const d = { id: nextId.dispute++, review_id: r.id, item_id: b.item_id, agent_id: user.agent_id, team: sc.team, comment: b.comment, result: asked, status: 'open', created_at: now() };
  disputes.push(d);
  record(user.id, 'dispute.open', `review:${r.id}`, `${b.item_id}: ${b.comment}`);
  return [201, d];
});
route('POST', '/disputes/:id/resolve', async ({ user, p, body: b }) => {
  need(user, 'team_lead', 'admin');
  strict(b, ['accepted', 'resolution', 'result']);
  const d = disputes.find((x) => x.id === Number(p.id));
  if (!d) throw notFound(`dispute ${p.id}`);
  if (d.status !== 'open') throw new HttpError(409, `dispute ${d.id}: already resolved: conflict`);
  Object.assign(d, { status: b.accepted ? 'accepted' : 'rejected', resolution: b.resolution, resolver_id: user.id, resolved_at: now() });
  if (b.accepted) {
    // The agent was right: the item takes the result asked for (or the lead's).
    const r = reviews.find((x) => x.id === d.review_id);
    const sc = scorecards.find((s) => s.id === r.scorecard_id);
    const it = r.items.find((i) => i.item_id === d.item_id);
    if (b.result) d.result = b.result;
    if (it) {
      it.result = d.result;
      it.comment = `dispute ${d.id} accepted: ${b.resolution}`;
      const byId = new Map(r.items.map((i) => [i.item_id, i.result]));
      r.score = computeScore(sc.scorecard.items, (x) => byId.get(x.id) ?? x.result).score;
    }
  }
  record(user.id, b.accepted ? 'item.dispute' : 'dispute.reject', `review:${d.review_id}`, `dispute ${d.id}: ${d.item_id}: ${b.resolution}`);
  return [200, d];
});

route('GET', '/coaching', async ({ user, q }) => {
  const agent = user.role === 'agent' ? user.agent_id : q.agent;
  if (!agent) throw bad('agent: is required');
  return items(notes.filter((n) => n.agent_id === agent).sort((a, b) => b.created_at.localeCompare(a.created_at)));
});
route('POST', '/coaching', async ({ user, body: b }) => {
  need(user, 'team_lead', 'admin');
  strict(b, ['agent_id', 'text', 'scorecard_id']);
  if (!String(b.text ?? '').trim()) throw bad('text: is required');
  const n = { id: nextId.note++, agent_id: b.agent_id, author_id: user.id, text: b.text, created_at: now(), ...(b.scorecard_id ? { scorecard_id: b.scorecard_id } : {}) };
  notes.push(n);
  record(user.id, 'coaching.create', `agent:${b.agent_id}`);
  return [201, n];
});
route('POST', '/coaching/:id/ack', async ({ user, p }) => {
  const n = notes.find((x) => x.id === Number(p.id));
  if (!n) throw notFound(`coaching note ${p.id}`);
  if (user.role !== 'agent' || user.agent_id !== n.agent_id) throw forbidden();
  n.acknowledged_at = now();
  return [204];
});

route('GET', '/audit', async ({ user, q }) => {
  // Administrators read every trail; reviewers and team leads those of the reviews and
  // scorecards they can see (docs/api.md).
  need(user, 'admin', 'qa_reviewer', 'team_lead');
  if (user.role !== 'admin') {
    const [kind, id] = String(q.object ?? '').split(':');
    const r = kind === 'review' ? reviews.find((x) => x.id === Number(id)) : undefined;
    const sc = scorecards.find((s) => s.id === (kind === 'scorecard' ? Number(id) : r?.scorecard_id));
    if (kind !== 'review' && kind !== 'scorecard') throw forbidden();
    if (!sc || !visible(user, sc) || (r && r.status !== 'submitted' && r.reviewer_id !== user.id)) throw notFound(q.object);
  }
  return items(audit.filter((e) => !q.object || e.object === q.object));
});
route('GET', '/users/directory', async () => items(users.map((u) => ({ id: u.id, name: u.name }))));
route('GET', '/users', async ({ user }) => {
  need(user, 'admin');
  return items(users.map(publicUser));
});
route('POST', '/users', async ({ user, body: b }) => {
  need(user, 'admin');
  strict(b, ['email', 'name', 'role', 'agent_id', 'teams', 'password']);
  if (users.some((u) => u.email === b.email)) throw new HttpError(409, `user ${b.email}: conflict`);
  if (b.password && b.password.length < 10) throw bad('password: password is shorter than 10 characters');
  const u = { id: nextId.user++, email: b.email, name: b.name, role: b.role, agent_id: b.agent_id, teams: b.teams, created_at: now() };
  const password = b.password || randomBytes(10).toString('hex');
  users.push(u);
  passwords.set(u.email, password);
  record(user.id, 'user.create', `user:${u.id}`);
  return [201, { user: publicUser(u), ...(b.password ? {} : { password }) }];
});

// ---- server --------------------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

function serveStatic(req, res, path) {
  let file = join(DIST, decodeURIComponent(path));
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('frontend not built: run npm run build');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/healthz' || url.pathname === '/readyz') return send(res, 200, { status: 'ok', mock: true });
  if (!url.pathname.startsWith('/api/v1/')) return serveStatic(req, res, url.pathname);
  const path = url.pathname.slice('/api/v1'.length);
  try {
    const r = routes.find((x) => x.method === req.method && x.rx.test(path));
    if (!r) throw new HttpError(404, `${req.method} ${path}: not found`);
    const m = r.rx.exec(path);
    const p = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
    const token = cookies(req).qa_session;
    const session = token ? sessions.get(token) : undefined;
    const user = session ? users.find((u) => u.id === session.userId) : undefined;
    if (!r.opts.public && !user) throw new HttpError(401, 'unauthorized');
    if (!r.opts.public && req.method !== 'GET' && req.headers['x-csrf-token'] !== session.csrf) throw new HttpError(403, 'CSRF token missing or wrong');
    const out = await r.handler({ req, res, p, q: Object.fromEntries(url.searchParams), body: req.method === 'GET' ? {} : await body(req), user, session, token });
    if (Array.isArray(out) && typeof out[0] === 'number') send(res, out[0], out[1], out[2]);
    else send(res, 200, out);
  } catch (e) {
    const status = e instanceof HttpError ? e.status : /line \d+|is required|unknown|invalid|not a known/.test(e.message) ? 400 : 500;
    if (status === 500) console.error(e);
    send(res, status, { error: e.message, status });
  }
});

server.listen(PORT, HOST, () => {
  console.log(`mock qa server on http://${HOST}:${PORT} (dist ${DIST}); ${conversations.length} conversations, ${AGENTS.length} agents`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
