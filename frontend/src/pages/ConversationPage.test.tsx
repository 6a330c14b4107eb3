// The review screen with a stubbed API: keyboard shortcuts, evidence highlighting, the rule
// that an override needs a comment, and what is sent on submit.

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredConversation, StoredScorecard } from '../api/types';

const conv: StoredConversation = {
  key: 7,
  source: 'zendesk',
  team: 'l1-ru',
  received_at: '2026-11-20T07:00:00Z',
  updated_at: '2026-11-20T07:00:00Z',
  conversation: {
    id: 'zd-48213',
    channel: 'chat',
    language: 'ru',
    customer: { name: 'Иван' },
    agents: [{ id: 'a-7', name: 'Ольга' }],
    turns: [
      { speaker: 'customer', text: 'Где мой заказ 5531?', at: '2026-11-20T06:12:00Z' },
      { speaker: 'agent', text: '😊 Доброе утро, Иван!', at: '2026-11-20T06:12:31Z' },
    ],
  },
};

const card: StoredScorecard = {
  id: 3,
  conversation_key: 7,
  started_at: '2026-11-20T06:12:00Z',
  scored_at: '2026-11-20T07:00:00Z',
  team: 'l1-ru',
  scorecard: {
    conversation_id: 'zd-48213',
    rubric: { id: 'standard', version: 1 },
    language: 'ru',
    channel: 'chat',
    score: 100,
    passed: true,
    critical_failed: false,
    needs_review: true,
    agents: [{ agent_id: 'a-7', score: 100 }],
    items: [
      { id: 'greeting', section: 'Opening', result: 'pass', points: 10, max_points: 10, critical: false, reason: 'greets: "Доброе утро"', evidence: [{ turn: 1, start: 2, end: 13, text: 'Доброе утро' }] },
      { id: 'greeting_time', section: 'Opening', result: 'review', points: 0, max_points: 10, critical: false, reason: 'customer time zone unknown', evidence: [] },
    ],
  },
};

const saveReview = vi.fn();

vi.mock('../api/client', async (orig) => {
  const real = await orig<typeof import('../api/client')>();
  return {
    ...real,
    api: {
      me: async () => ({ id: 3, email: 'r@example.com', name: 'Roman', role: 'qa_reviewer', created_at: '' }),
      scorecard: async () => ({ scorecard: card, reviews: [] }),
      conversation: async () => ({ conversation: conv, scorecards: [card] }),
      audit: async () => [],
      directory: async () => [{ id: 3, name: 'Roman' }],
      disputes: async () => [],
      queue: async () => [{ id: 1, scorecard_id: 3, reviewer_id: 3, reason: 'needs_review', assigned_at: '' }],
      saveReview: (...args: unknown[]) => saveReview(...args),
    },
  };
});

const { renderRoute } = await import('../test/renderRoute');
const { ConversationPage } = await import('./ConversationPage');

const renderPage = () => renderRoute('/scorecards/3', '/scorecards/:id', <ConversationPage />);

const press = (key: string, mods: KeyboardEventInit = {}) => act(() => void fireEvent.keyDown(window, { key, ...mods }));

beforeEach(() => {
  saveReview.mockReset();
  saveReview.mockResolvedValue({ id: 1, status: 'submitted' });
});

describe('review screen', () => {
  it('highlights the evidence of the selected item', async () => {
    const { container } = renderPage();
    await screen.findByText('Conversation zd-48213');
    expect(container.querySelector('mark')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show evidence of Greeting' }));
    expect(container.querySelector('mark.evidence')?.textContent).toBe('Доброе утро');
  });

  it('refuses to submit an override without a comment, then sends the decisions', async () => {
    renderPage();
    await screen.findByText('Conversation zd-48213');

    press('j'); // select the first item
    expect(screen.getByRole('button', { name: 'Show evidence of Greeting' })).toHaveAttribute('aria-pressed', 'true');
    press('f'); // override pass → fail
    const comment = await screen.findByLabelText('Why do you change the result? (required)');
    press('Enter', { ctrlKey: true });
    expect(saveReview).not.toHaveBeenCalled();
    expect(screen.getByText('A comment is required when you override.')).toBeInTheDocument();
    expect(screen.getByText('Decide this item: pass, fail or n/a.')).toBeInTheDocument();
    expect(screen.getByText('Your review').nextElementSibling?.textContent).toContain('0.0');

    await userEvent.type(comment, 'No greeting by name');
    const timeItem = screen.getByRole('radiogroup', { name: 'Your decision on Greeting fits the time of day' });
    await userEvent.click(within(timeItem).getByLabelText('N/A'));
    const items = document.querySelectorAll('textarea[id^="comment-"]');
    await userEvent.type(items[1] as HTMLTextAreaElement, 'zone unknown');

    await userEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    await waitFor(() => expect(saveReview).toHaveBeenCalledOnce());
    expect(saveReview).toHaveBeenCalledWith(
      3,
      [
        { item_id: 'greeting', result: 'fail', comment: 'No greeting by name' },
        { item_id: 'greeting_time', result: 'na', comment: 'zone unknown' },
      ],
      '',
      true,
      undefined, // no draft yet
      undefined, // not in a calibration session
    );
  });
});
