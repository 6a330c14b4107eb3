// The agreement of a revealed session: the four headline figures with their words, each
// reviewer and pair, items in the server's order (lowest agreement first), undefined kappas.

import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../api/types';
import { I18nProvider } from '../i18n';
import { AgreementReport } from './AgreementReport';

// internal/calibration's TestMeasure: two reviewers over four scorecards.
const agreement: Agreement = {
  reviews: 8,
  pairwise: 0.875,
  kappa: 0.6,
  automation: 0.813,
  automation_kappa: 0.467,
  score_range: 10,
  reviewers: [
    { reviewer_id: 1, decisions: 8, agreement: 0.875, kappa: 0.6 },
    { reviewer_id: 2, decisions: 8, agreement: 0.75, kappa: 0.333 },
  ],
  pairs: [{ a: 1, b: 2, decisions: 8, agreement: 0.875, kappa: 0.6 }],
  items: [
    { item_id: 'greeting', pairs: 4, pairwise: 0.75, kappa: 0.5, automation: 0.625, automation_kappa: 0.25 },
    { item_id: 'closing', pairs: 4, pairwise: 1, kappa: null, automation: 1, automation_kappa: null },
  ],
};

const names = (id: number) => ({ 1: 'Roman', 2: 'Rita' })[id] ?? `#${id}`;

function renderReport(lang: 'en' | 'ru' = 'en') {
  return render(
    <I18nProvider initial={lang}>
      <AgreementReport agreement={agreement} names={names} />
    </I18nProvider>,
  );
}

describe('agreement report', () => {
  it('shows the headline figures with their reading', () => {
    renderReport();
    expect(screen.getByTestId('agr-pairwise')).toHaveTextContent('Reviewers agree87.5%');
    expect(screen.getByTestId('agr-kappa')).toHaveTextContent('0.600moderate');
    expect(screen.getByTestId('agr-automation')).toHaveTextContent('81.3%');
    expect(screen.getByTestId('agr-automation-kappa')).toHaveTextContent('0.467moderate');
    expect(screen.getByText('8 reviews compared; the human scores of a conversation differ by 10 points on average.')).toBeInTheDocument();
    expect(screen.getByText(/Cohen’s kappa takes that luck out/)).toBeInTheDocument();
  });

  it('lists reviewers, pairs and items, lowest agreement first', () => {
    renderReport();
    const reviewers = within(screen.getByRole('table', { name: 'Each reviewer against the automation' })).getAllByRole('row').slice(1);
    expect(reviewers.map((r) => r.textContent)).toEqual(['Roman887.5%0.600 (moderate)', 'Rita875%0.333 (fair)']);
    const pairs = within(screen.getByRole('table', { name: 'Each pair of reviewers' })).getAllByRole('row').slice(1);
    expect(pairs.map((r) => r.textContent)).toEqual(['Roman · Rita887.5%0.600 (moderate)']);
    const items = within(screen.getByRole('table', { name: 'Per item, lowest agreement first' })).getAllByRole('row').slice(1);
    expect(items.map((r) => r.getAttribute('data-item'))).toEqual(['greeting', 'closing']);
    expect(items[1].textContent).toBe('Closing4100%— (not defined)100%— (not defined)');
  });

  it('speaks Russian', () => {
    renderReport('ru');
    expect(screen.getByTestId('agr-kappa')).toHaveTextContent('0,600умеренное');
  });
});
