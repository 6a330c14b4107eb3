import { describe, expect, it } from 'vitest';
import { reasonText } from './index';

// An item as the server sends it: the English reason, its code and the values it quotes.
const greeting = {
  reason: '"Доброе утро" sent at 15:12 customer time (Asia/Anadyr)',
  reason_code: 'greeting_time.fail',
  reason_args: { phrase: 'Доброе утро', time: '15:12', zone: 'Asia/Anadyr' },
};

describe('reasonText', () => {
  it('fills the translation of the code with the args', () => {
    expect(reasonText('ru', greeting)).toBe('"Доброе утро" отправлено в 15:12 по времени клиента (Asia/Anadyr)');
    expect(reasonText('uk', greeting)).toBe('"Доброе утро" надіслано о 15:12 за часом клієнта (Asia/Anadyr)');
    expect(reasonText('ro', greeting)).toBe('"Доброе утро" trimis la 15:12 ora clientului (Asia/Anadyr)');
  });

  it('gives the English template filled with the args, the reason itself, in English', () => {
    expect(reasonText('en', greeting)).toBe(greeting.reason);
  });

  it('writes numbers and leaves braces in a value alone', () => {
    const item = {
      reason: '1 of 2 customer questions got no answer: "{x}?"',
      reason_code: 'complete_answer.fail',
      reason_args: { missing: 1, asked: 2, questions: '"{x}?"' },
    };
    expect(reasonText('ru', item)).toBe('вопросы клиента без ответа (1 из 2): "{x}?"');
  });

  it('falls back to the English reason of a scorecard without a code', () => {
    expect(reasonText('ru', { reason: 'the agent\'s first reply has no greeting' })).toBe("the agent's first reply has no greeting");
  });

  it('falls back to the English reason for a code it does not know', () => {
    expect(reasonText('uk', { reason: 'made by a newer server', reason_code: 'greeting.pass_new', reason_args: {} })).toBe('made by a newer server');
  });

  it('falls back to the English reason when a value the translation needs is missing', () => {
    const item = { ...greeting, reason_args: { phrase: 'Доброе утро', time: '15:12' } };
    expect(reasonText('ru', item)).toBe(greeting.reason);
    expect(reasonText('ro', { ...greeting, reason_args: undefined })).toBe(greeting.reason);
  });
});
