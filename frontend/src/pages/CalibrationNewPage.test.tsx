// Starting a session with a stubbed API: the scorecard handed over from a conversation page is
// picked, the creator is a reviewer, a second one is required, and what is sent.

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredScorecard } from '../api/types';

const card = (id: number, conversation: string): StoredScorecard => ({
  id,
  conversation_key: id,
  started_at: '2026-11-20T06:12:00Z',
  scored_at: '2026-11-20T07:00:00Z',
  scorecard: {
    conversation_id: conversation,
    rubric: { id: 'standard', version: 1 },
    language: 'en',
    channel: 'chat',
    score: 80,
    passed: true,
    critical_failed: false,
    needs_review: false,
    agents: [{ agent_id: 'a-7', score: 80 }],
    items: [],
  },
});

const createCalibration = vi.fn();

vi.mock('../api/client', async (orig) => {
  const real = await orig<typeof import('../api/client')>();
  return {
    ...real,
    api: {
      me: async () => ({ id: 3, email: 'r@example.com', name: 'Roman', role: 'qa_reviewer', created_at: '' }),
      scorecard: async (id: number) => ({ scorecard: card(id, `zd-${id}`), reviews: [] }),
      scorecards: async () => ({ items: [card(11, 'zd-11'), card(12, 'zd-12')], total: 2 }),
      directory: async () => [
        { id: 2, name: 'Rita' },
        { id: 3, name: 'Roman' },
        { id: 4, name: 'Alex' },
      ],
      createCalibration: (...args: unknown[]) => createCalibration(...args),
    },
  };
});

const { renderRoute } = await import('../test/renderRoute');
const { CalibrationNewPage } = await import('./CalibrationNewPage');

const renderPage = () =>
  renderRoute('/calibrations/new?scorecard=12', '/calibrations/new', <CalibrationNewPage />, <Route path="/calibrations/:id" element={<p>session page</p>} />);

beforeEach(() => {
  createCalibration.mockReset();
  createCalibration.mockResolvedValue({ id: 9 });
});

describe('new calibration session', () => {
  it('needs a name and a second reviewer, then sends the session', async () => {
    renderPage();
    await screen.findByText('Selected: 1');
    expect(await screen.findByRole('checkbox', { name: 'Include zd-12 · standard' })).toBeChecked();
    expect(await screen.findByRole('checkbox', { name: 'Roman' })).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: 'Start session' }));
    expect(screen.getByText('Give the session a name.')).toBeInTheDocument();
    expect(screen.getByText('Pick at least two reviewers.')).toBeInTheDocument();
    expect(createCalibration).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Name'), ' November ');
    await userEvent.type(screen.getByLabelText('Find a person'), 'ri');
    expect(screen.queryByRole('checkbox', { name: 'Alex' })).toBeNull();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Rita' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include zd-11 · standard' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start session' }));
    await waitFor(() => expect(createCalibration).toHaveBeenCalledWith('November', [12, 11], [3, 2]));
    await screen.findByText('session page');
  });
});
