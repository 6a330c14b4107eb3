// End-to-end scenario in Debian's Chromium against a running server (real `qa serve` when
// available, else the mock): each role signs in; a reviewer works the queue and overrides an
// item; the agent's scorecard page shows a lower mean score and pass rate, and the agent
// disputes the item; the lead accepts the dispute (the figures return to what they were),
// reads the review's audit trail and coaches; a trainer fixes a rubric error at its line,
// previews and publishes a new version; two reviewers score one conversation blind in a
// calibration session, and its creator reveals the agreement, checked against the figures the
// two verdicts give. Screenshots of the main pages go to e2e/screenshots/.
//
// Run with scripts/e2e.sh (installs Chromium and packages, builds the app), or `npm run e2e`.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage, signIn } from './browser.mjs';
import { FRONTEND, startServer } from './server.mjs';

const SHOTS = process.env.QA_E2E_SCREENSHOTS ?? join(FRONTEND, 'e2e', 'screenshots');

let server;
let browser;
const state = {}; // shared between the steps, which run in order

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ log: (m) => console.log(`# ${m}`) });
  console.log(`# e2e against the ${server.kind} server at ${server.base}`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(role, fn, opts = {}) {
  const page = await newPage(browser, opts);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const { email, password } = server.accounts[role];
    await signIn(page, server.base, email, password);
    await fn(page);
    assert.deepEqual(errors, [], `script errors in the page: ${errors.join('; ')}`);
  } finally {
    await page.context().close();
  }
}

const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const apiGet = (page, path) => page.evaluate((p) => fetch(`/api/v1${p}`).then((r) => r.json()), path);
const listOf = (d) => (Array.isArray(d) ? d : (d.items ?? []));
const settle = (page) => page.waitForLoadState('networkidle').catch(() => {});

/** agentFigures reads the agent page: the exact mean score and each item's pass rate. */
async function agentFigures(page) {
  await page.getByTestId('agent-mean').waitFor();
  await settle(page);
  const mean = Number(await page.getByTestId('agent-mean').getAttribute('data-value'));
  const rates = await page.$$eval('tr[data-item]', (rows) => Object.fromEntries(rows.map((r) => [r.dataset.item, Number(r.dataset.rate)])));
  return { mean, rates };
}

test('sign-in page, and a wrong password is refused', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/`);
  await page.getByRole('heading', { name: 'QA Scorer' }).waitFor();
  await shot(page, '01-login');
  await page.getByLabel('Email').fill(server.accounts.agent.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').getByText('Wrong email or password.').waitFor();
  await page.context().close();
});

test('the agent signs in and sees their own scorecard', async () => {
  await as('agent', async (page) => {
    const me = await apiGet(page, '/me');
    state.agentId = (me.user ?? me).agent_id;
    assert.ok(state.agentId, 'the demo agent has an agent_id');
    await page.getByRole('heading', { name: /^Hello/ }).waitFor();
    await page.getByRole('link', { name: 'My scorecard', exact: true }).click();
    await page.getByRole('heading', { name: 'My scorecard' }).waitFor();
    state.before = await agentFigures(page);
    assert.ok(state.before.mean > 0 && Object.keys(state.before.rates).length > 0, 'the agent has figures');
  });
});

test('a reviewer takes conversations from the queue', async () => {
  await as('reviewer', async (page) => {
    await page.getByRole('heading', { name: /^Hello/ }).waitFor();
    await settle(page);
    await shot(page, '02-home-reviewer');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Review queue' }).click();
    await page.getByLabel('At most').fill('5');
    await page.getByLabel('Agent', { exact: true }).fill(state.agentId);
    // The rules in turn until one finds work (the sample data may have nothing left for review).
    for (const rule of ['needs_review', 'lowest_scores', 'random_per_agent_week']) {
      await page.getByLabel('Sampling rule').selectOption(rule);
      await page.getByRole('button', { name: 'Take', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: /Added to your queue|Nothing new/ });
      await status.waitFor();
      state.rule = rule;
      if (/Added/.test(await status.textContent())) break;
    }
    const rows = page.getByRole('table', { name: 'Review queue' }).locator('tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 1);
    state.queue = listOf(await apiGet(page, '/queue')).filter((a) => !a.done_at);
    assert.ok(state.queue.length >= 1, 'assignments were made');
    await settle(page);
    await shot(page, '03-queue');
  });
});

test('a second reviewer never gets the same conversations', async () => {
  await as('reviewer2', async (page) => {
    const got = await page.evaluate(async ({ agent, kind }) => {
      const csrf = sessionStorage.getItem('qa.csrf');
      const r = await fetch('/api/v1/queue/pull', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ rule: { kind, agent, count: 5 }, max: 10 }),
      });
      return r.json();
    }, { agent: state.agentId, kind: state.rule });
    const mine = new Set(state.queue.map((a) => a.scorecard_id));
    assert.deepEqual(listOf(got).filter((a) => mine.has(a.scorecard_id)), []);
  });
});

test('the reviewer sees evidence, overrides an item with a comment and submits', async () => {
  await as('reviewer', async (page) => {
    await page.goto(`${server.base}/queue`);
    await page.getByRole('button', { name: 'Start reviewing' }).click();
    await page.getByRole('heading', { name: /^Conversation / }).waitFor();

    // Review a scorecard without a critical fail, so that failing one more item lowers its
    // score: a passed, mandatory item that counts for the agent (attributed to them or to no
    // one), with evidence when there is one.
    const cards = [];
    for (const a of state.queue) {
      const d = await apiGet(page, `/scorecards/${a.scorecard_id}`);
      cards.push((d.scorecard?.conversation_key ? d.scorecard : d) ?? d);
    }
    const counts = (i) => i.result === 'pass' && !i.optional && i.max_points > 0 && (!i.agent_ids?.length || i.agent_ids.includes(state.agentId));
    const pick = (c) => c.scorecard.items.find((i) => counts(i) && i.evidence?.some((e) => e.end > e.start)) ?? c.scorecard.items.find(counts);
    const chosen = cards.find((c) => !c.scorecard.critical_failed && pick(c)) ?? cards.find(pick);
    assert.ok(chosen, 'a queued scorecard has a passed item of the agent');
    state.scorecardId = chosen.id;
    state.autoScore = chosen.scorecard.score;
    await page.goto(`${server.base}/scorecards/${state.scorecardId}`);
    await page.getByRole('heading', { name: /^Conversation / }).waitFor();

    // Select the item: its words are highlighted in the transcript.
    const items = chosen.scorecard.items;
    const target = pick(chosen);
    state.itemId = target.id;
    const row = page.locator(`li.item[data-item="${target.id}"]`);
    await row.locator('.item-head').click();
    if (target.evidence?.some((e) => e.end > e.start)) {
      const mark = page.locator('.transcript mark.evidence').first();
      await mark.waitFor();
      assert.equal(await mark.textContent(), target.evidence.find((e) => e.end > e.start).text);
    }
    await shot(page, '04-conversation-evidence');

    // Keyboard: f fails the selected item; submitting without a comment is refused.
    await page.keyboard.press('f');
    await row.locator('textarea').waitFor();
    await page.keyboard.press('Control+Enter');
    await row.getByText('A comment is required when you override.').waitFor();
    await row.locator('textarea').fill('The greeting came only in the third message.');

    // Decide every item the scorer left for review.
    for (const it of items.filter((i) => i.result === 'review')) {
      const r = page.locator(`li.item[data-item="${it.id}"]`);
      await r.getByText('N/A', { exact: true }).click();
      await r.locator('textarea').fill('Not enough information in the transcript.');
    }
    await shot(page, '05-review-override');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.waitForFunction((id) => !location.pathname.endsWith(`/${id}`) || document.body.innerText.includes('Human review'), state.scorecardId);

    // Reopen it: the human scorecard stands beside the automatic one.
    await page.goto(`${server.base}/scorecards/${state.scorecardId}`);
    await page.getByRole('region', { name: 'Human review' }).waitFor();
    await page.locator(`li.item[data-item="${state.itemId}"]`).getByText('overridden').waitFor();
  });
});

test("the agent's scorecard reflects the review, and the agent disputes the item", async () => {
  await as('agent', async (page) => {
    await page.getByRole('link', { name: 'My scorecard', exact: true }).click();
    // The reviewed result wins over the automatic one: the override lowers the mean score and
    // the item's pass rate.
    const after = await agentFigures(page);
    console.log(`# ${state.itemId}: mean ${state.before.mean} → ${after.mean}, pass rate ${state.before.rates[state.itemId]} → ${after.rates[state.itemId]}`);
    assert.ok(after.mean < state.before.mean, `the mean score fell after the override (${state.before.mean} → ${after.mean})`);
    assert.ok(after.rates[state.itemId] < state.before.rates[state.itemId], `the pass rate of ${state.itemId} fell after the override`);
    await shot(page, '07-agent-scorecard');

    await page.goto(`${server.base}/scorecards/${state.scorecardId}`);
    const row = page.locator(`li.item[data-item="${state.itemId}"]`);
    await row.getByText('overridden').waitFor();
    await row.getByRole('button', { name: 'Dispute this result' }).click();
    await row.getByLabel('Why do you disagree?').fill('I greeted the customer in my first reply.');
    await row.getByRole('button', { name: 'Send dispute' }).click();
    await row.locator('.dispute-open').waitFor();
    await shot(page, '08-dispute-open');
  });
});

test('the team lead resolves the dispute and writes a coaching note', async () => {
  await as('lead', async (page) => {
    await page.getByRole('heading', { name: 'Open disputes' }).waitFor();
    await settle(page);
    await shot(page, '09-home-lead');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Disputes' }).click();
    const card = page.locator('li.card', { hasText: 'I greeted the customer in my first reply.' });
    await card.getByLabel('Resolution').fill('Agreed: the first reply greets the customer.');
    await shot(page, '10-disputes');
    await card.getByRole('button', { name: 'Accept' }).click();
    await card.locator('.dispute-accepted').waitFor();

    // The lead sees who reviewed, and the review's audit trail with the change the dispute made.
    await page.goto(`${server.base}/scorecards/${state.scorecardId}`);
    await page.getByRole('region', { name: 'Human review' }).getByText(/Reviewer Roman Reviewer/).waitFor();
    await page.getByText('Audit trail').click();
    await page.getByText('item.override').first().waitFor();
    await page.getByText('item.dispute').first().waitFor();

    await page.goto(`${server.base}/agents/${encodeURIComponent(state.agentId)}`);
    await page.getByLabel(`Coaching note to ${state.agentId}`).fill('Well argued. Keep greeting by the time of day in the customer’s zone.');
    await page.getByRole('button', { name: 'Send note' }).click();
    await page.getByText('Note sent.').waitFor();
    await settle(page);
    await shot(page, '11-agent-lead-view');
  });
});

test('the agent sees the dispute accepted and acknowledges the note', async () => {
  await as('agent', async (page) => {
    await page.getByRole('link', { name: 'My scorecard', exact: true }).click();
    await page.locator('.dispute-accepted').first().waitFor();
    // The accepted dispute puts the item back to pass: the figures are as before the review.
    const back = await agentFigures(page);
    assert.equal(back.mean, state.before.mean, 'the mean score is back after the accepted dispute');
    assert.equal(back.rates[state.itemId], state.before.rates[state.itemId], `the pass rate of ${state.itemId} is back`);
    const ack = page.getByRole('button', { name: 'Acknowledge' }).first();
    await ack.click();
    await page.getByText(/acknowledged/).first().waitFor();
  });
});

test('the team dashboard shows teams and agents and exports CSV', async () => {
  await as('lead', async (page) => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Team dashboard' }).click();
    await page.getByRole('table', { name: 'Teams' }).waitFor();
    await page.getByRole('table', { name: 'Agents' }).locator('tbody tr').first().waitFor();
    await settle(page);
    await shot(page, '12-dashboard');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export agents (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^\uFEFF?agent_id,team,conversations,mean_score/);
    assert.ok(csv.includes(state.agentId));
  });
});

test('a trainer sees an error at its line, previews and publishes a rubric version', async () => {
  await as('trainer', async (page) => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Rubrics' }).click();
    await page.getByRole('table', { name: 'Rubrics' }).waitFor();
    await shot(page, '13-rubrics');
    await page.getByRole('link', { name: 'standard' }).click();
    const editor = page.getByRole('textbox', { name: /^Rubric standard/ });
    await editor.waitFor();
    const original = await editor.inputValue();
    const lines = original.split('\n');
    const at = lines.findIndex((l) => /- check: greeting$/.test(l.trim()) || /check: greeting\s*$/.test(l));
    assert.ok(at >= 0, 'the rubric has a greeting item');

    // An unknown check id: the server names its line, the editor marks it.
    const broken = [...lines];
    broken[at] = broken[at].replace('greeting', 'greting');
    await editor.fill(broken.join('\n'));
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.getByLabel('Preview on conversation').locator('option').first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Run preview' }).click();
    await page.locator('.yaml-errors').getByText(/greting/).waitFor();
    const badLine = await page.locator('.gutter-line.bad').first().textContent();
    assert.equal(Number(badLine), at + 1, 'the error is marked at the line of the item');
    await page.locator('.yaml-errors').getByRole('button', { name: `Line ${at + 1}` }).click(); // jumps to the line
    await shot(page, '14-rubric-error');

    // Fixed, with greeting worth more: preview, see the changes, publish.
    const fixed = [...lines];
    const pts = fixed.findIndex((l, i) => i > at && /points:/.test(l));
    fixed[pts] = fixed[pts].replace(/points: \d+/, 'points: 15');
    await editor.fill(fixed.join('\n'));
    await page.getByRole('button', { name: 'Run preview' }).click();
    await page.getByRole('region', { name: 'Preview result' }).waitFor();
    await shot(page, '15-rubric-preview');
    await page.getByRole('tab', { name: 'Changes' }).click();
    await page.locator('tr.diff-add', { hasText: 'points: 15' }).waitFor();
    await page.getByRole('button', { name: 'Publish new version' }).click();
    const published = await page.getByText(/Published as version \d+/).textContent();
    const version = Number(/version (\d+)/.exec(published)[1]);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('table', { name: 'History' }).getByText(`v${version}`).waitFor();
    await page.getByRole('figure', { name: `v${version - 1} → v${version}` }).waitFor();
    await shot(page, '16-rubric-history');
  });
});

test('the interface switches language (Russian conversation view)', async () => {
  await as(
    'reviewer',
    async (page) => {
      await page.getByRole('navigation', { name: 'Главное меню' }).getByRole('link', { name: 'Очередь проверки' }).waitFor();
      await page.goto(`${server.base}/scorecards/${state.scorecardId}`);
      await page.getByRole('heading', { name: /^Диалог / }).waitFor();
      await page.getByLabel('Язык').first().selectOption('uk');
      await page.getByRole('heading', { name: /^Діалог / }).waitFor();
      await page.getByLabel('Мова').first().selectOption('ru');
      // The server's reason code is shown in Russian (the English reason is the fallback).
      await page
        .locator('li.item[data-item="greeting"] .item-reason', { hasText: /^(первый ответ оператора содержит приветствие|в первом ответе оператора нет приветствия)/ })
        .waitFor();
      await page.locator('li.item .item-head').first().click();
      await settle(page);
      await shot(page, '17-conversation-ru');
    },
    { lang: 'ru' },
  );
});

test('the administrator reads the audit trail and manages users', async () => {
  await as('admin', async (page) => {
    await page.goto(`${server.base}/scorecards/${state.scorecardId}`);
    await page.getByRole('region', { name: 'Human review' }).waitFor();
    await page.getByText('Audit trail').click();
    await page.getByText('item.override').first().waitFor();
    await page.locator('.scorecard-panel').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await settle(page);
    await shot(page, '06-reviewed-audit');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('table', { name: 'Users' }).waitFor();
    await shot(page, '18-users');
  });
});

/** cohen is Cohen's kappa and the percent agreement of paired decisions [x, y], rounded to three
 * decimals as the server rounds them (internal/calibration); kappa null where it is undefined. */
function cohen(pairs) {
  const r3 = (x) => Math.round(1000 * x) / 1000;
  const n = pairs.length;
  if (n === 0) return { agreement: 1, kappa: null };
  let same = 0;
  const px = {};
  const py = {};
  for (const [x, y] of pairs) {
    if (x === y) same++;
    px[x] = (px[x] ?? 0) + 1 / n;
    py[y] = (py[y] ?? 0) + 1 / n;
  }
  const po = same / n;
  let pe = 0;
  for (const c of Object.keys(px).sort()) pe += px[c] * (py[c] ?? 0);
  return { agreement: r3(po), kappa: pe < 1 - 1e-9 ? r3((po - pe) / (1 - pe)) : null };
}

const meanKappa = (ks) => {
  const defined = ks.filter((k) => k !== null);
  return defined.length ? Math.round((1000 * defined.reduce((a, b) => a + b, 0)) / defined.length) / 1000 : null;
};

/** decideLeftovers decides every item the scorer left for review as N/A, with a comment. */
async function decideLeftovers(page, items) {
  for (const it of items.filter((i) => i.result === 'review')) {
    const r = page.locator(`li.item[data-item="${it.id}"]`);
    await r.getByText('N/A', { exact: true }).click();
    await r.locator('textarea').fill('Not enough information in the transcript.');
  }
}

test('two reviewers calibrate blind; the creator reveals and reads the agreement', async () => {
  // The creator picks a scored conversation with a passed item and starts a session from it.
  await as('reviewer', async (page) => {
    const cards = listOf(await apiGet(page, '/scorecards?limit=100'));
    const chosen = cards.find((c) => c.id !== state.scorecardId && c.scorecard.items.filter((i) => i.result === 'pass').length >= 2 && c.scorecard.items.some((i) => i.result === 'fail'));
    assert.ok(chosen, 'a scorecard with passed and failed items');
    const target = chosen.scorecard.items.find((i) => i.result === 'pass' && !i.optional) ?? chosen.scorecard.items.find((i) => i.result === 'pass');
    state.cal = { scorecardId: chosen.id, items: chosen.scorecard.items, itemId: target.id };

    await page.goto(`${server.base}/scorecards/${chosen.id}`);
    await page.getByRole('link', { name: /^Calibrate this conversation/ }).click();
    await page.getByRole('heading', { name: 'New calibration session' }).waitFor();
    await page.getByText('Selected: 1').waitFor();
    await page.getByLabel('Name').fill('November calibration');
    await page.getByLabel('Find a person').fill('Rita');
    await page.getByRole('checkbox', { name: 'Rita Reviewer' }).check();
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('heading', { name: /^November calibration/ }).waitFor();
    state.cal.id = Number(/\/calibrations\/(\d+)/.exec(page.url())[1]);

    // Blind review: fail one passed item, keep the rest.
    await page.getByRole('button', { name: 'Start reviewing' }).click();
    await page.getByRole('note', { name: 'Calibration session' }).waitFor();
    const row = page.locator(`li.item[data-item="${target.id}"]`);
    await row.locator('.item-head').click();
    await page.keyboard.press('f');
    await row.locator('textarea').fill('Calibration: the greeting came too late.');
    await decideLeftovers(page, chosen.scorecard.items);
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('You have reviewed every conversation of this session.').waitFor();
  });

  // The second reviewer finds the session in the list and reviews without seeing the first verdict.
  await as('reviewer2', async (page) => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Calibration' }).click();
    const listed = page.locator(`tr[data-calibration="${state.cal.id}"]`);
    await listed.getByText('Open (blind)').waitFor();
    assert.equal(await listed.getByTestId('my-part').textContent(), 'To do (0 of 1)');
    await listed.getByText('1 of 2 reviewers done').waitFor();
    await settle(page);
    await shot(page, '19-calibrations');

    await listed.getByRole('link', { name: 'November calibration' }).click();
    await page.getByRole('button', { name: 'Start reviewing' }).click();
    await page.getByRole('note', { name: 'Calibration session' }).getByText(/Blind/).waitFor();
    const row = page.locator(`li.item[data-item="${state.cal.itemId}"]`);
    await row.locator('.item-head').click();
    assert.equal(await page.getByRole('region', { name: 'Human review' }).count(), 0, 'no other verdict is shown');
    assert.equal(await page.getByText('Calibration: the greeting came too late.').count(), 0, "the first reviewer's comment is hidden");
    assert.equal(await row.getByText('overridden').count(), 0);
    await decideLeftovers(page, state.cal.items);
    await settle(page);
    await shot(page, '20-calibration-blind-review');
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText('You have reviewed every conversation of this session.').waitFor();
  });

  // The creator reveals: the figures are those of the two verdicts.
  await as('reviewer', async (page) => {
    await page.goto(`${server.base}/calibrations/${state.cal.id}`);
    const progress = page.getByRole('region', { name: 'Reviewers’ progress' }).locator('li');
    await progress.first().waitFor();
    assert.deepEqual(await progress.allTextContents(), ['Roman Reviewer: 1 of 1 submitted', 'Rita Reviewer: 1 of 1 submitted']);
    await page.getByRole('button', { name: 'Reveal' }).click();
    await page.getByRole('heading', { name: 'Agreement' }).waitFor();

    // Expected, from the verdicts: the first reviewer failed one passed item, both decided the
    // scorer's leftovers N/A and kept every other automatic result.
    const decide = (it, first) => (it.result === 'review' ? 'na' : first && it.id === state.cal.itemId ? 'fail' : it.result);
    const items = state.cal.items;
    const first = items.map((it) => decide(it, true));
    const second = items.map((it) => decide(it, false));
    const pair = cohen(items.map((_, i) => [first[i], second[i]]));
    const auto1 = cohen(items.map((it, i) => [it.result, first[i]]));
    const auto2 = cohen(items.map((it, i) => [it.result, second[i]]));
    const automation = cohen([...items.map((it, i) => [it.result, first[i]]), ...items.map((it, i) => [it.result, second[i]])]);
    const expected = { pairwise: pair.agreement, kappa: meanKappa([pair.kappa]), automation: automation.agreement, automationKappa: meanKappa([auto1.kappa, auto2.kappa]) };
    console.log(`# calibration over ${items.length} items: ${JSON.stringify(expected)}`);
    const figure = async (id) => {
      const v = await page.getByTestId(id).getAttribute('data-value');
      return v === 'undefined' ? null : Number(v);
    };
    assert.equal(await figure('agr-pairwise'), expected.pairwise);
    assert.equal(await figure('agr-kappa'), expected.kappa);
    assert.equal(await figure('agr-automation'), expected.automation);
    assert.equal(await figure('agr-automation-kappa'), expected.automationKappa);
    const pct = (x) => `${Number((100 * x).toFixed(1))}%`;
    await page.getByTestId('agr-pairwise').getByText(pct(expected.pairwise), { exact: true }).waitFor();
    await page.getByTestId('agr-automation').getByText(pct(expected.automation), { exact: true }).waitFor();

    // Per item, lowest agreement first: the overridden item, where the two disagree.
    const rows = page.getByRole('table', { name: 'Per item, lowest agreement first' }).locator('tbody tr');
    assert.equal(await rows.count(), items.length);
    assert.equal(await rows.first().getAttribute('data-item'), state.cal.itemId);
    assert.equal(Number(await rows.first().getAttribute('data-pairwise')), 0);
    // Each reviewer against the automation.
    const reviewerRows = page.getByRole('table', { name: 'Each reviewer against the automation' }).locator('tbody tr');
    assert.deepEqual(await reviewerRows.evaluateAll((rs) => rs.map((r) => Number(r.dataset.agreement))), [auto1.agreement, auto2.agreement]);
    await page.getByRole('table', { name: 'Each pair of reviewers' }).getByText('Roman Reviewer · Rita Reviewer').waitFor();
    await settle(page);
    // The whole page: the figures, the explanation, the tables per reviewer, pair and item.
    await page.screenshot({ path: join(SHOTS, '21-calibration-agreement.png'), fullPage: true });
  });
});
