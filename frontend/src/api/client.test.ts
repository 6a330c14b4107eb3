import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, asConversationDetail, asPage, asScorecardDetail, csrfFromCookie, errorLines, setCsrf } from './client';

type Call = { url: string; init: RequestInit };
let calls: Call[];

function answer(status: number, body: unknown) {
  return vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
}

beforeEach(() => {
  calls = [];
  setCsrf(null);
});
afterEach(() => vi.unstubAllGlobals());

const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

describe('CSRF', () => {
  it('keeps the token from the login answer and sends it on unsafe requests only', async () => {
    vi.stubGlobal('fetch', answer(200, { user: { id: 1, role: 'agent' }, csrf: 'tok-1' }));
    const u = await api.login('a@example.com', 'pw');
    expect(u.id).toBe(1);
    expect(calls[0].url).toBe('/api/v1/auth/login');

    vi.stubGlobal('fetch', answer(200, []));
    await api.queue();
    await api.createDispute(3, 'greeting', 'I did greet');
    expect(header(calls[1], 'X-CSRF-Token')).toBeUndefined();
    expect(header(calls[2], 'X-CSRF-Token')).toBe('tok-1');
    expect(JSON.parse(String(calls[2].init.body))).toEqual({ review_id: 3, item_id: 'greeting', comment: 'I did greet' });
    expect(calls[2].init.credentials).toBe('same-origin');
  });

  it('reads the token from a cookie when the answer has none', () => {
    expect(csrfFromCookie('qa_session=x; csrf_token=abc%3D; other=1')).toBe('abc=');
    expect(csrfFromCookie('a=b')).toBeNull();
  });

  it('forgets the token on logout', async () => {
    setCsrf('t');
    vi.stubGlobal('fetch', answer(200, {}));
    await api.logout();
    await api.ackCoaching(1);
    expect(header(calls[1], 'X-CSRF-Token')).toBeUndefined();
  });
});

describe('errors', () => {
  it('turns an error answer into ApiError with the lines it names', async () => {
    vi.stubGlobal('fetch', answer(400, { error: 'rubric standard: line 12: section "Opening": check "greting": unknown check id' }));
    const err = await api.publishRubric('standard', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).lines).toEqual([{ line: 12, message: 'rubric standard: line 12: section "Opening": check "greting": unknown check id' }]);
  });

  it('finds several lines and structured errors', () => {
    expect(errorLines('line 3: bad\nline 9: worse').map((l) => l.line)).toEqual([3, 9]);
    expect(errorLines('rubric x: id: is required')).toEqual([]);
    // "(first at line 4)" is not a second fault: the first line named is the fault's line.
    expect(errorLines('line 12: check "greeting": appears twice (first at line 4)').map((l) => l.line)).toEqual([12]);
  });

  it('accepts {errors:[{line,message}]}', async () => {
    vi.stubGlobal('fetch', answer(422, { errors: [{ line: 5, message: 'points: invalid' }] }));
    const err = (await api.publishChecklist('ru/core.yaml', 'x').catch((e: unknown) => e)) as ApiError;
    expect(err.lines).toEqual([{ line: 5, message: 'line 5: points: invalid' }]);
  });

  it('calls the unauthorized handler on 401', async () => {
    const { setUnauthorizedHandler } = await import('./client');
    const fn = vi.fn();
    setUnauthorizedHandler(fn);
    vi.stubGlobal('fetch', answer(401, { error: 'unauthorized' }));
    await api.queue().catch(() => {});
    expect(fn).toHaveBeenCalledOnce();
    setUnauthorizedHandler(null);
  });
});

describe('normalisers', () => {
  it('accepts a bare list or a wrapped one', () => {
    expect(asPage([1, 2])).toEqual({ items: [1, 2], total: 2 });
    expect(asPage({ items: [1], total: 40 })).toEqual({ items: [1], total: 40 });
    expect(asPage({ scorecards: [1] }, 'scorecards')).toEqual({ items: [1], total: 1 });
    expect(asPage(null)).toEqual({ items: [], total: 0 });
  });

  it('reads a conversation with its scorecards in either shape', () => {
    const conv = { key: 7, source: 's', conversation: { id: 'c', channel: 'chat', turns: [] } };
    expect(asConversationDetail({ conversation: conv, scorecards: [{ id: 1 }] })).toEqual({ conversation: conv, scorecards: [{ id: 1 }] });
    expect(asConversationDetail({ ...conv, scorecards: [{ id: 1 }] })).toEqual({ conversation: conv, scorecards: [{ id: 1 }] });
  });

  it('reads a scorecard with its reviews in either shape', () => {
    const sc = { id: 3, conversation_key: 7, scorecard: { items: [] } };
    expect(asScorecardDetail({ scorecard: sc, reviews: [] })).toEqual({ scorecard: sc, reviews: [] });
    expect(asScorecardDetail({ ...sc, reviews: [{ id: 9 }] })).toEqual({ scorecard: sc, reviews: [{ id: 9 }] });
  });

  it('sends filters as query parameters, leaving out empty ones', async () => {
    vi.stubGlobal('fetch', answer(200, []));
    await api.agentStats({ team: 'l1-ru', channel: '', from: '2026-11-01T00:00:00Z' });
    expect(calls[0].url).toBe('/api/v1/stats/agents?team=l1-ru&from=2026-11-01T00%3A00%3A00Z');
  });
});
