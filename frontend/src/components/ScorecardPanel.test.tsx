import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../api/types';
import { I18nProvider, type Lang } from '../i18n';
import { ScorecardPanel } from './ScorecardPanel';

const items: ItemResult[] = [
  {
    id: 'greeting', section: 'Opening', result: 'pass', points: 5, max_points: 5, critical: false,
    reason: 'the agent\'s first reply greets: "Bună ziua"',
    reason_code: 'greeting.pass', reason_args: { phrase: 'Bună ziua' },
    evidence: [{ turn: 1, start: 0, end: 9, text: 'Bună ziua' }],
  },
  {
    // A scorecard stored before reason codes.
    id: 'closing', section: 'Closing', result: 'fail', points: 0, max_points: 5, critical: false,
    reason: "the agent's last replies neither offer more help nor say goodbye or thanks",
    evidence: [],
  },
];

function reasons(lang: Lang): string[] {
  const { container, unmount } = render(
    <I18nProvider initial={lang}>
      <ScorecardPanel items={items} selectedId={null} onSelect={() => {}} />
    </I18nProvider>,
  );
  const out = [...container.querySelectorAll('.item-reason')].map((p) => p.textContent ?? '');
  unmount();
  return out;
}

describe('ScorecardPanel reasons', () => {
  it('shows a coded reason in the interface language and an old one in English', () => {
    expect(reasons('ro')).toEqual([
      'primul răspuns al agentului salută: "Bună ziua"',
      "the agent's last replies neither offer more help nor say goodbye or thanks",
    ]);
    expect(reasons('ru')[0]).toBe('первый ответ оператора содержит приветствие: "Bună ziua"');
  });

  it('shows the server\'s English in English', () => {
    expect(reasons('en')).toEqual(items.map((it) => it.reason));
  });
});
