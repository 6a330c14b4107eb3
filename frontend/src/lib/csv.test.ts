import { describe, expect, it } from 'vitest';
import type { AgentStats } from '../api/types';
import { csvCell, toCSV } from './csv';
import { agentsCSV, csvFilename, teamsCSV } from './export';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes numbers, booleans and empty cells', () => {
    expect(csvCell(87.5)).toBe('87.5');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(-5)).toBe('-5'); // numbers stay numbers
  });

  it('keeps Cyrillic and Romanian text as is, rows end with CRLF', () => {
    expect(toCSV(['team', 'name'], [['l1-ru', 'Ольга'], ['l1-ro', 'Ștefan']])).toBe('team,name\r\nl1-ru,Ольга\r\nl1-ro,Ștefan\r\n');
  });
});

const stats = (over: Partial<AgentStats>): AgentStats => ({
  conversations: 10,
  mean_score: 81.25,
  critical_failed: 1,
  needs_review: 2,
  distribution: null,
  item_pass_rate: null,
  trend: null,
  worst_items: null,
  ...over,
});

describe('dashboard export', () => {
  it('exports teams with one row each', () => {
    expect(teamsCSV([stats({ team: 'l1-ru' })])).toBe('team,conversations,mean_score,critical_failed,needs_review\r\nl1-ru,10,81.3,1,2\r\n');
  });

  it('exports agents with their weakest item', () => {
    const csv = agentsCSV([stats({ agent_id: 'a-7', team: 'l1-ru', worst_items: [{ item_id: 'greeting_time', pass: 3, fail: 7, pass_rate: 0.3 }] })]);
    expect(csv.split('\r\n')[1]).toBe('a-7,l1-ru,10,81.3,1,2,greeting_time,30');
  });

  it('names the file after the day', () => {
    expect(csvFilename('agents', new Date('2026-11-26T10:00:00Z'))).toBe('qa-agents-2026-11-26.csv');
  });
});
