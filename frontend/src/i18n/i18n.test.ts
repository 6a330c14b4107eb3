import { describe, expect, it } from 'vitest';
import { CHANNELS, OUTCOMES, ROLES, SAMPLING_KINDS } from '../api/types';
import { DICTS, translate, type Lang } from './index';
import reasonCodes from './reason-codes.json';

const LANGS = Object.keys(DICTS) as Lang[];
const en = DICTS.en;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every source file, to find the keys the code uses.
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('translations', () => {
  it('has the four languages', () => {
    expect(LANGS.sort()).toEqual(['en', 'ro', 'ru', 'uk']);
  });

  for (const lang of LANGS) {
    it(`${lang}: every key of en exists, and no other`, () => {
      const d = DICTS[lang];
      expect(Object.keys(en).filter((k) => !(k in d))).toEqual([]);
      expect(Object.keys(d).filter((k) => !(k in en))).toEqual([]);
    });

    it(`${lang}: no empty string and the same placeholders as en`, () => {
      const d = DICTS[lang];
      for (const k of Object.keys(en)) {
        expect(d[k]?.trim(), `${lang} ${k}`).not.toBe('');
        expect(placeholders(d[k] ?? ''), `${lang} ${k}`).toEqual(placeholders(en[k]));
      }
    });
  }

  it('has every key the code asks for with a literal', () => {
    const used = new Set<string>();
    for (const src of Object.values(sources)) {
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  it('has the keys the code builds from values', () => {
    const built = [
      ...OUTCOMES.map((o) => `outcome.${o}`),
      ...ROLES.map((r) => `role.${r}`),
      ...ROLES.map((r) => `home.intro.${r}`),
      ...CHANNELS.map((c) => `channel.${c}`),
      ...SAMPLING_KINDS.map((k) => `sampling.${k}`),
      ...['transfer', 'hold', 'unhold', 'join', 'leave', 'close'].map((e) => `event.${e}`),
      ...['open', 'accepted', 'rejected'].map((s) => `dispute.status.${s}`),
      ...['undecided', 'comment_required'].map((p) => `review.problem.${p}`),
      ...['todo', 'draft', 'submitted'].map((s) => `cal.state.${s}`),
      ...['name', 'scorecards', 'reviewers'].map((p) => `cal.problem.${p}`),
      ...['undefined', 'poor', 'slight', 'fair', 'moderate', 'substantial', 'almostPerfect'].map((b) => `agr.band.${b}`),
      ...[1, 2, 3].map((n) => `agr.explain${n}`),
    ];
    expect(built.filter((k) => !(k in en))).toEqual([]);
  });

  // reason-codes.json is exported from the Go checks (go test ./internal/check -run ReasonCodes
  // -update); the test above holds every language to en's keys and placeholders.
  it('has a reason.<code> key for every reason code of the checks, in English as the checks write it', () => {
    const codes = reasonCodes as Record<string, string>;
    expect(Object.keys(codes).length).toBeGreaterThan(90);
    for (const [code, english] of Object.entries(codes)) {
      expect(en[`reason.${code}`], code).toBe(english);
    }
    const stale = Object.keys(en).filter((k) => k.startsWith('reason.') && !(k.slice('reason.'.length) in codes));
    expect(stale).toEqual([]);
  });

  it('fills placeholders and falls back to English, then to the key', () => {
    expect(translate('ru', 'conv.title', { id: 'zd-1' })).toBe('Диалог zd-1');
    expect(translate('ro', 'no.such.key')).toBe('no.such.key');
  });
});
