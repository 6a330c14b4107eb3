// Demo data of the development mock server: people, conversations in four languages (with
// emoji, so evidence offsets cross surrogate pairs) and scorecards made by a small stand-in for
// the Go scorer. The shapes follow internal/qa, internal/rubric and spec/transcript.md. Dev only:
// the real data comes from `qa serve`.

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, isMap, isSeq, parse, parseDocument } from 'yaml';

export const CHECKS = [
  'greeting', 'greeting_time', 'personalization', 'clarifying_question', 'empathy', 'apology', 'bad_news_first',
  'complete_answer', 'expectations', 'responded', 'response_time', 'hold_etiquette', 'transfer_repeat', 'closing',
  'forbidden_phrases',
];

export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >> 17;
    s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

function hash(str) {
  let h = 2166136261;
  for (const ch of str) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  return h;
}

export const AGENTS = [
  { id: 'a-7', name: 'Ольга', team: 'l1-ru', lang: 'ru' },
  { id: 'a-3', name: 'Сергей', team: 'l1-ru', lang: 'ru' },
  { id: 'a-9', name: 'Дмитро', team: 'l1-uk', lang: 'uk' },
  { id: 'a-12', name: 'Emily', team: 'l1-en', lang: 'en' },
  { id: 'a-14', name: 'Jack', team: 'l1-en', lang: 'en' },
  { id: 'a-15', name: 'Andrei', team: 'l1-ro', lang: 'ro' },
];

export const USERS = [
  { id: 1, email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { id: 2, email: 'trainer@example.com', name: 'Tamara Trainer', role: 'trainer' },
  { id: 3, email: 'reviewer@example.com', name: 'Roman Reviewer', role: 'qa_reviewer' },
  { id: 4, email: 'reviewer2@example.com', name: 'Rita Reviewer', role: 'qa_reviewer' },
  { id: 5, email: 'lead@example.com', name: 'Lena Lead', role: 'team_lead', teams: ['l1-ru', 'l1-en'] },
  { id: 6, email: 'agent@example.com', name: 'Ольга Агент', role: 'agent', agent_id: 'a-7', teams: ['l1-ru'] },
];
export const PASSWORD = 'demo-password'; // the real server wants 10 characters or more

// Per language: a customer and the agent's lines, with the phrases each check finds in them.
const SCRIPTS = {
  ru: {
    customer: { name: 'Иван', timezone: 'Asia/Anadyr', country: 'RU' },
    turns: [
      ['customer', 'Здравствуйте 👋 Где мой заказ 5531? Жду уже неделю 😡'],
      ['agent', '😊 Доброе утро, Иван! Понимаю, как это неприятно. Уточните, пожалуйста, номер телефона в заказе?',
        { greeting: 'Доброе утро', greeting_time: 'Доброе утро', personalization: 'Иван', empathy: 'Понимаю, как это неприятно', clarifying_question: 'Уточните, пожалуйста, номер телефона в заказе?' }],
      ['customer', '+7 914 555 01 02'],
      ['system', null, null, 'hold'],
      ['system', null, null, 'unhold'],
      ['agent', 'Спасибо за ожидание! Извините за задержку 🙏 — посылка на складе в Хабаровске, доставим в течение 2 дней.',
        { hold_etiquette: 'Спасибо за ожидание', apology: 'Извините за задержку', bad_news_first: 'посылка на складе в Хабаровске', complete_answer: 'доставим в течение 2 дней', expectations: 'в течение 2 дней', response_time: 'Спасибо за ожидание' }],
      ['customer', 'Ладно, спасибо'],
      ['agent', 'Рада помочь! Хорошего дня 🌷', { closing: 'Хорошего дня', responded: 'Рада помочь!', forbidden_phrases: 'Рада помочь!', transfer_repeat: 'Рада помочь!' }],
    ],
  },
  uk: {
    customer: { name: 'Олена', timezone: 'Europe/Kyiv', country: 'UA' },
    turns: [
      ['customer', 'Добрий день! Картку заблоковано 😟 що робити?'],
      ['bot', 'Я бот-помічник 🤖. Передаю вас оператору.'],
      ['system', null, null, 'join'],
      ['agent', 'Добрий день, Олено! Розумію ваше хвилювання. Підкажіть, будь ласка, останні 4 цифри картки?',
        { greeting: 'Добрий день', greeting_time: 'Добрий день', personalization: 'Олено', empathy: 'Розумію ваше хвилювання', clarifying_question: 'Підкажіть, будь ласка, останні 4 цифри картки?' }],
      ['customer', '4417'],
      ['agent', 'Перепрошую за незручності. На жаль, картку заблоковано банком-партнером 🏦; розблокуємо протягом години.',
        { apology: 'Перепрошую за незручності', bad_news_first: 'На жаль, картку заблоковано', complete_answer: 'розблокуємо протягом години', expectations: 'протягом години', response_time: 'Перепрошую', hold_etiquette: 'Перепрошую' }],
      ['customer', 'Дякую!'],
      ['agent', 'Гарного дня! 🌻', { closing: 'Гарного дня', responded: 'Гарного дня', forbidden_phrases: 'Гарного дня', transfer_repeat: 'Гарного дня' }],
    ],
  },
  en: {
    customer: { name: 'Mark', timezone: 'America/New_York', country: 'US' },
    turns: [
      ['customer', 'hi, my refund for order 8812 never arrived 😤'],
      ['agent', 'Good evening Mark! I understand how frustrating that is. Could you confirm the email on the order?',
        { greeting: 'Good evening', greeting_time: 'Good evening', personalization: 'Mark', empathy: 'I understand how frustrating that is', clarifying_question: 'Could you confirm the email on the order?' }],
      ['customer', 'mark@example.org'],
      ['system', null, null, 'transfer', 'second'],
      ['agent', "Sorry for the wait 🙏 The refund bounced, unfortunately, so I've re-sent it: expect it within 3 business days.",
        { apology: 'Sorry for the wait', bad_news_first: 'The refund bounced, unfortunately', complete_answer: "I've re-sent it", expectations: 'within 3 business days', response_time: 'Sorry for the wait', hold_etiquette: 'Sorry for the wait', transfer_repeat: "I've re-sent it" }],
      ['customer', 'ok thanks'],
      ['agent', 'Anything else I can help with? Have a great day! 👋', { closing: 'Have a great day!', responded: 'Anything else I can help with?', forbidden_phrases: 'Have a great day!' }],
    ],
  },
  ro: {
    customer: { name: 'Maria', timezone: 'Europe/Chisinau', country: 'MD' },
    turns: [
      ['customer', 'Bună ziua! Factura mea e greșită 🧾'],
      ['agent', 'Bună ziua, Maria! Înțeleg cât de neplăcut este. Puteți să-mi spuneți numărul facturii?',
        { greeting: 'Bună ziua', greeting_time: 'Bună ziua', personalization: 'Maria', empathy: 'Înțeleg cât de neplăcut este', clarifying_question: 'Puteți să-mi spuneți numărul facturii?' }],
      ['customer', 'F-2291'],
      ['agent', 'Ne cerem scuze pentru greșeală. Din păcate, tariful a fost aplicat dublu 😔; corectăm în 24 de ore.',
        { apology: 'Ne cerem scuze pentru greșeală', bad_news_first: 'Din păcate, tariful a fost aplicat dublu', complete_answer: 'corectăm în 24 de ore', expectations: 'în 24 de ore', response_time: 'Ne cerem scuze', hold_etiquette: 'Ne cerem scuze', transfer_repeat: 'corectăm' }],
      ['customer', 'Mulțumesc'],
      ['agent', 'Cu plăcere! O zi bună! ☀️', { closing: 'O zi bună!', responded: 'Cu plăcere!', forbidden_phrases: 'Cu plăcere!' }],
    ],
  },
};

const CHANNELS = ['chat', 'chat', 'messenger', 'email', 'social'];

/** runeSpan finds phrase in text and returns its code point offsets, as Go's scorer gives. */
export function runeSpan(text, phrase) {
  const at = text.indexOf(phrase);
  if (at < 0) return null;
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(phrase).length, text: phrase };
}

export function makeConversations(now = new Date()) {
  const r = rng(42);
  const convs = [];
  let n = 0;
  for (let week = 9; week >= 0; week--) {
    for (const agent of AGENTS) {
      const per = 2 + Math.floor(r() * 2);
      for (let k = 0; k < per; k++) {
        n++;
        const script = SCRIPTS[agent.lang];
        const start = new Date(now.getTime() - (week * 7 + r() * 6) * 86400e3 - r() * 8 * 3600e3);
        start.setUTCSeconds(0, 0);
        const second = AGENTS.find((a) => a.team === agent.team && a.id !== agent.id) ?? agent;
        const agents = [{ id: agent.id, name: agent.name, team: agent.team }];
        let t = start.getTime();
        const turns = script.turns.map(([speaker, text, , event, who]) => {
          t += (20 + r() * 140) * 1000;
          const turn = { speaker, at: new Date(t).toISOString() };
          if (text) turn.text = text;
          if (event) turn.event = event;
          if (speaker === 'agent') turn.agent_id = agent.id;
          if (event === 'transfer' && who === 'second') {
            turn.agent_id = agent.id;
          }
          return turn;
        });
        if (second.id !== agent.id && r() < 0.15) agents.push({ id: second.id, name: second.name, team: second.team });
        const hasZone = r() > 0.1;
        const customer = { id: `cust-${1000 + n}`, name: script.customer.name, country: script.customer.country };
        if (hasZone) customer.timezone = script.customer.timezone;
        const id = `${agent.lang === 'en' ? 'zd' : agent.lang === 'ro' ? 'ic' : 'zd'}-${48000 + n}`;
        convs.push({
          key: n,
          source: agent.lang === 'ro' ? 'intercom' : 'zendesk',
          team: agent.team,
          queue: 'support',
          received_at: new Date(t + 3600e3).toISOString(),
          updated_at: new Date(t + 3600e3).toISOString(),
          conversation: {
            id,
            source: agent.lang === 'ro' ? 'intercom' : 'zendesk',
            channel: CHANNELS[Math.floor(r() * CHANNELS.length)],
            language: agent.lang,
            started_at: start.toISOString(),
            customer,
            agents: agents.slice(0, 1),
            outcome: { csat: 1 + Math.floor(r() * 5), resolved: r() > 0.2, tags: ['demo'] },
            turns,
            meta: { queue: 'support' },
          },
        });
      }
    }
  }
  return convs;
}

const REASONS = {
  pass: (id, q) => (q ? `${id.replace(/_/g, ' ')}: found ${JSON.stringify(q)}` : `${id.replace(/_/g, ' ')}: met`),
  fail: (id) => `${id.replace(/_/g, ' ')}: not found where expected`,
  na: (id) => `${id.replace(/_/g, ' ')}: does not apply to this conversation`,
  review: (id) => `${id.replace(/_/g, ' ')}: not enough information to decide; a person should check`,
};

const SPECIAL = {
  greeting_time: {
    fail: (q, zone) => `${JSON.stringify(q)} sent at 15:12 customer time (${zone ?? 'zone unknown'})`,
    review: () => 'customer time zone unknown: the time of day cannot be checked',
  },
  greeting: { pass: (q) => `the agent's first reply greets: ${JSON.stringify(q)}`, fail: () => "the agent's first reply has no greeting" },
  forbidden_phrases: { pass: () => 'no forbidden phrase in 3 agent messages', fail: (q) => `forbidden phrase used: ${JSON.stringify(q)}` },
};

/** outcomeFor gives a stable result for one conversation and check. */
function outcomeFor(conv, check) {
  const r = rng(hash(`${conv.id}/${check}`))();
  const agentBias = { 'a-3': 0.12, 'a-14': 0.08, 'a-7': 0.02 }[conv.agents?.[0]?.id] ?? 0;
  if (check === 'greeting_time' && !conv.customer?.timezone) return 'review';
  if (check === 'forbidden_phrases') return r < 0.05 + agentBias / 2 ? 'fail' : 'pass';
  if (check === 'hold_etiquette' && !conv.turns.some((t) => t.event === 'hold')) return 'na';
  if (check === 'transfer_repeat' && !conv.turns.some((t) => t.event === 'transfer')) return 'na';
  if (r < 0.18 + agentBias) return 'fail';
  if (r < 0.21 + agentBias) return 'review';
  return 'pass';
}

function evidenceFor(conv, check, result) {
  const turns = conv.turns;
  const script = SCRIPTS[conv.language];
  for (let i = 0; i < turns.length; i++) {
    const phrases = script.turns[i]?.[2];
    if (!phrases || !phrases[check] || !turns[i].text) continue;
    if (result === 'fail' && check !== 'forbidden_phrases' && check !== 'greeting_time') {
      return [{ turn: i, start: 0, end: 0, text: '' }]; // a fail on absence points at the turn
    }
    const span = runeSpan(turns[i].text, phrases[check]);
    if (span) return [{ turn: i, ...span }];
  }
  return [];
}

/** scoreConversation builds a rubric.Scorecard for a conversation and a parsed rubric. */
export function scoreConversation(conv, rubric) {
  const items = [];
  for (const section of rubric.sections ?? []) {
    for (const it of section.items ?? []) {
      const check = it.check;
      const result = CHECKS.includes(check) ? outcomeFor(conv, check) : 'review';
      const evidence = result === 'na' || result === 'review' ? [] : evidenceFor(conv, check, result);
      const q = evidence[0]?.text;
      const special = SPECIAL[check]?.[result];
      items.push({
        id: check,
        section: section.name,
        result,
        points: result === 'pass' ? it.points : 0,
        max_points: it.points,
        critical: !!it.critical,
        ...(it.optional ? { optional: true } : {}),
        reason: special ? special(q, conv.customer?.timezone) : REASONS[result](check, q),
        evidence,
        agent_ids: [conv.agents?.[0]?.id].filter(Boolean),
      });
    }
  }
  const { score, criticalFailed } = computeScore(items);
  const passScore = rubric.pass_score || 80;
  return {
    conversation_id: conv.id,
    rubric: { id: rubric.id, version: rubric.version },
    language: conv.language,
    channel: conv.channel,
    score,
    passed: !criticalFailed && score >= passScore,
    critical_failed: criticalFailed,
    needs_review: items.some((i) => i.result === 'review'),
    agents: (conv.agents ?? []).map((a) => ({ agent_id: a.id, score, ...(criticalFailed ? { critical_failed: true } : {}) })),
    items,
  };
}

/** computeScore mirrors internal/rubric computeScore. */
export function computeScore(items, resultOf = (it) => it.result) {
  let got = 0;
  let max = 0;
  let criticalFailed = false;
  for (const it of items) {
    const res = resultOf(it);
    if (it.critical && res === 'fail') criticalFailed = true;
    const counts = res === 'pass' || (res === 'fail' && !it.optional);
    if (counts) {
      got += res === 'pass' ? it.max_points : 0;
      max += it.max_points;
    }
  }
  if (criticalFailed) return { score: 0, criticalFailed };
  if (max === 0) return { score: 100, criticalFailed };
  return { score: Math.round((1000 * got) / max) / 10, criticalFailed };
}

/** validateRubric checks a rubric's YAML like internal/rubric.Parse, with the same line-naming
 * error messages; it returns the parsed rubric or throws an Error whose message names the line. */
export function validateRubric(text, name) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new Error(`rubric ${name}: yaml: line ${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]}`);
  }
  const line = (node) => (node?.range ? lc.linePos(node.range[0]).line : 1);
  const root = doc.contents;
  if (!isMap(root)) throw new Error(`rubric ${name}: line 1: a rubric is a mapping`);
  const known = ['id', 'version', 'name', 'description', 'pass_score', 'applies_to', 'sections'];
  for (const pair of root.items) {
    if (!known.includes(pair.key.value)) {
      throw new Error(`rubric ${name}: line ${line(pair.key)}: field "${pair.key.value}" is not a known field (known: ${known.join(', ')})`);
    }
  }
  const r = doc.toJS();
  if (!String(r.id ?? '').trim()) throw new Error(`rubric ${name}: id: is required`);
  const sections = root.get('sections', true);
  if (!isSeq(sections) || sections.items.length === 0) throw new Error(`rubric ${name}: sections: is required`);
  const seen = new Map();
  for (const [si, s] of sections.items.entries()) {
    const sname = s.get?.('name');
    if (!String(sname ?? '').trim()) throw new Error(`rubric ${name}: sections[${si}].name: is required`);
    const items = s.get('items', true);
    if (!isSeq(items) || items.items.length === 0) throw new Error(`rubric ${name}: section "${sname}": items: is required`);
    for (const it of items.items) {
      const l = line(it);
      for (const pair of it.items ?? []) {
        if (!['check', 'points', 'critical', 'optional', 'description'].includes(pair.key.value)) {
          throw new Error(`rubric ${name}: line ${line(pair.key)}: field "${pair.key.value}" is not a known field (known: check, points, critical, optional, description)`);
        }
      }
      const check = it.get('check');
      const where = `line ${l}: section "${sname}": check "${check}"`;
      if (!CHECKS.includes(check) && !/^script\..+/.test(String(check))) throw new Error(`rubric ${name}: ${where}: unknown check id`);
      if (seen.has(check)) throw new Error(`rubric ${name}: ${where}: appears twice (first at line ${seen.get(check)})`);
      seen.set(check, l);
      const points = it.get('points');
      if (!(typeof points === 'number' && points > 0)) throw new Error(`rubric ${name}: ${where}: points: invalid value: ${points} (must be more than 0)`);
    }
  }
  return r;
}

/** loadRepoFiles reads the shipped rubric and checklists of the repository, when present. */
export function loadRepoFiles(repoRoot) {
  const rubricPath = join(repoRoot, 'rubrics', 'standard.yaml');
  const standard = existsSync(rubricPath)
    ? readFileSync(rubricPath, 'utf8')
    : 'id: standard\nversion: 1\nname: Standard QA rubric\npass_score: 80\nsections:\n  - name: Opening\n    items:\n      - check: greeting\n        points: 10\n';
  const checklists = [];
  const dir = join(repoRoot, 'checklists');
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.yaml')) checklists.push({ path: relative(dir, p), yaml: readFileSync(p, 'utf8') });
    }
  };
  if (existsSync(dir)) walk(dir);
  return { standard, checklists };
}

export { parse };
