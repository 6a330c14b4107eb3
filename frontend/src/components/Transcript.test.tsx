import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Conversation, ItemResult } from '../api/types';
import { I18nProvider } from '../i18n';
import { Transcript } from './Transcript';

const conv: Conversation = {
  id: 'zd-48213',
  channel: 'chat',
  language: 'ru',
  customer: { name: 'Иван', timezone: 'Asia/Anadyr' },
  agents: [{ id: 'a-7', name: 'Ольга', team: 'l1-ru' }],
  turns: [
    { speaker: 'customer', text: 'Где мой заказ 5531? 😡', at: '2026-11-20T06:12:00Z' },
    { speaker: 'agent', agent_id: 'a-7', text: '😊 Доброе утро, Иван! Хорошего дня 🌷', at: '2026-11-20T06:12:31Z' },
    { speaker: 'system', event: 'transfer', agent_id: 'a-7', at: '2026-11-20T06:15:00Z' },
  ],
};

function item(evidence: ItemResult['evidence']): ItemResult {
  return { id: 'greeting_time', section: 'Opening', result: 'fail', points: 0, max_points: 5, critical: false, reason: 'x', evidence };
}

function renderT(selected: ItemResult | null) {
  return render(
    <I18nProvider initial="en">
      <Transcript conversation={conv} selected={selected} />
    </I18nProvider>,
  );
}

describe('Transcript', () => {
  it('highlights the evidence span given in runes, after an emoji', () => {
    const { container } = renderT(item([{ turn: 1, start: 2, end: 13, text: 'Доброе утро' }]));
    const marks = container.querySelectorAll('mark.evidence');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe('Доброе утро');
    expect(marks[0].getAttribute('data-item')).toBe('greeting_time');
  });

  it('highlights a span that ends with a non-BMP character', () => {
    const { container } = renderT(item([{ turn: 1, start: 21, end: 35, text: 'Хорошего дня 🌷' }]));
    expect(container.querySelector('mark.evidence')?.textContent).toBe('Хорошего дня 🌷');
  });

  it('keeps the whole text when highlighting', () => {
    const { container } = renderT(item([{ turn: 1, start: 2, end: 13, text: 'Доброе утро' }]));
    expect(container.querySelector('#turn-1 .turn-text')?.textContent).toBe(conv.turns[1].text);
  });

  it('marks the turn of an empty span (a fail on absence)', () => {
    const { container } = renderT(item([{ turn: 1, start: 0, end: 0, text: '' }]));
    expect(container.querySelector('mark.evidence')).toBeNull();
    expect(container.querySelector('#turn-1')?.classList.contains('has-evidence')).toBe(true);
  });

  it('shows nothing highlighted without a selection, and system events in words', () => {
    const { container } = renderT(null);
    expect(container.querySelector('mark')).toBeNull();
    expect(screen.getByText(/Transferred to Ольга/)).toBeInTheDocument();
  });

  it('takes the zone resolved from the phone when the transcript names none', () => {
    const noZone = { ...conv, customer: { name: 'Иван', phone: '+7 4232 00-00-00' } };
    render(
      <I18nProvider initial="en">
        <Transcript conversation={noZone} zones={{ names: ['Asia/Vladivostok'], source: 'phone +7 4232…' }} selected={null} />
      </I18nProvider>,
    );
    expect(screen.getByText(/customer's zone \(Asia\/Vladivostok, phone \+7 4232…\)/)).toBeInTheDocument();
  });

  it('lists the zones when the phone leaves several', () => {
    const noZone = { ...conv, customer: { name: 'Иван', phone: '+7 914 000 00 00' } };
    const { container } = render(
      <I18nProvider initial="en">
        <Transcript conversation={noZone} zones={{ names: ['Asia/Vladivostok', 'Asia/Yakutsk'], source: 'phone +7 914…' }} selected={null} />
      </I18nProvider>,
    );
    expect(screen.getByText(/one of Asia\/Vladivostok, Asia\/Yakutsk \(phone \+7 914…\)/)).toBeInTheDocument();
    expect(container.querySelector('[title="Customer\'s local time"]')).toBeNull();
  });

  it("shows times in the customer's zone and the reviewer's", () => {
    renderT(null);
    // 06:12Z is 18:12 in Asia/Anadyr (UTC+12).
    expect(screen.getAllByTitle("Customer's local time")[0].textContent).toBe('18:12');
    expect(screen.getByText(/customer's zone \(Asia\/Anadyr\)/)).toBeInTheDocument();
  });
});
