// A blind review in a calibration session, with a stubbed API: the other reviewers' verdicts
// (in the session and the review in force outside it) stay hidden, the review is saved into the
// session, and submitting moves on to the session's next conversation.

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalibrationSession, Review, StoredConversation, StoredScorecard } from '../api/types';

const conv: StoredConversation = {
  key: 7,
  source: 'zendesk',
  received_at: '2026-11-20T07:00:00Z',
  updated_at: '2026-11-20T07:00:00Z',
  conversation: { id: 'zd-1', channel: 'chat', language: 'en', turns: [{ speaker: 'agent', text: 'Good morning!' }] },
};

const card: StoredScorecard = {
  id: 3,
  conversation_key: 7,
  started_at: '2026-11-20T06:12:00Z',
  scored_at: '2026-11-20T07:00:00Z',
  reviewed_score: 50,
  review_id: 90,
  scorecard: {
    conversation_id: 'zd-1',
    rubric: { id: 'standard', version: 1 },
    language: 'en',
    channel: 'chat',
    score: 100,
    passed: true,
    critical_failed: false,
    needs_review: false,
    agents: [{ agent_id: 'a-7', score: 100 }],
    items: [{ id: 'greeting', section: 'Opening', result: 'pass', points: 10, max_points: 10, critical: false, reason: 'greets', evidence: [] }],
  },
};

const review = (id: number, reviewer: number, result: 'pass' | 'fail', calibration?: number): Review => ({
  id,
  scorecard_id: 3,
  reviewer_id: reviewer,
  calibration_id: calibration,
  status: 'submitted',
  items: [{ item_id: 'greeting', automatic: 'pass', result, comment: result === 'fail' ? 'Rita: no greeting' : undefined }],
  score: result === 'pass' ? 100 : 0,
  comment: `by ${reviewer}`,
  created_at: '2026-11-20T08:00:00Z',
  submitted_at: '2026-11-20T08:00:00Z',
});

const session: CalibrationSession = {
  id: 4,
  name: 'November',
  scorecard_ids: [3, 5],
  reviewer_ids: [2, 3],
  created_by: 2,
  created_at: '2026-11-20T08:00:00Z',
  progress: [],
  reviews: [],
};

const saveReview = vi.fn();
// What an administrator's GET /scorecards/:id would hold: another reviewer's session review and
// the review in force, both to be hidden on the blind page.
let reviews: Review[] = [];

vi.mock('../api/client', async (orig) => {
  const real = await orig<typeof import('../api/client')>();
  return {
    ...real,
    api: {
      me: async () => ({ id: 3, email: 'r@example.com', name: 'Roman', role: 'qa_reviewer', created_at: '' }),
      scorecard: async () => ({ scorecard: card, reviews }),
      conversation: async () => ({ conversation: conv, scorecards: [card] }),
      calibration: async () => session,
      audit: async () => {
        throw new Error('a blind review loads no audit trail');
      },
      directory: async () => [
        { id: 2, name: 'Rita' },
        { id: 3, name: 'Roman' },
      ],
      disputes: async () => [],
      queue: async () => [],
      saveReview: (...args: unknown[]) => saveReview(...args),
    },
  };
});

const { renderRoute } = await import('../test/renderRoute');
const { ConversationPage } = await import('./ConversationPage');

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

const renderPage = () =>
  renderRoute(
    '/calibrations/4/scorecards/3',
    '/calibrations/:calibrationId/scorecards/:id',
    <>
      <ConversationPage />
      <Where />
    </>,
  );

beforeEach(() => {
  saveReview.mockReset();
  reviews = [review(90, 7, 'fail'), review(91, 2, 'fail', 4)];
});

describe('blind review in a calibration session', () => {
  it("hides the others' verdicts and saves into the session", async () => {
    saveReview.mockResolvedValue(review(92, 3, 'pass', 4));
    renderPage();
    await screen.findByText('Conversation zd-1');
    expect(screen.getByRole('note', { name: 'Calibration session' })).toHaveTextContent('Calibration “November”: conversation 1 of 2.');
    expect(screen.queryByRole('region', { name: 'Human review' })).toBeNull();
    expect(screen.queryByText(/Rita: no greeting/)).toBeNull();
    expect(screen.queryByText('50.0')).toBeNull(); // the reviewed score in force
    expect(screen.getByText('Your review').nextElementSibling?.textContent).toContain('100.0');

    await userEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    await waitFor(() => expect(saveReview).toHaveBeenCalledOnce());
    expect(saveReview).toHaveBeenCalledWith(3, [{ item_id: 'greeting', result: 'pass' }], '', true, undefined, 4);
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/calibrations/4/scorecards/5'));
  });

  it('shows my own submitted review of the session, and no form', async () => {
    reviews = [...reviews, review(93, 3, 'fail', 4)];
    renderPage();
    const mine = await screen.findByRole('region', { name: 'Human review' });
    expect(mine).toHaveTextContent('Reviewer Roman');
    expect(mine).not.toHaveTextContent('by 2');
    expect(screen.queryByRole('button', { name: 'Submit review' })).toBeNull();
    expect(screen.getByText("Your review is submitted. The others’ verdicts are shown after the reveal.")).toBeInTheDocument();
  });
});
