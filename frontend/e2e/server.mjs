// Starts the server the end-to-end tests drive: the real `qa serve` when cmd/qa has a serve
// command (or QA_E2E_SERVER=real), else the development mock (e2e/mock-server.mjs). With
// QA_E2E_BASE_URL set, an already running server is used as it is.
//
//   QA_E2E_SERVER=auto|real|mock     which server (default auto)
//   QA_E2E_SERVE_ARGS="..."          other flags for `qa serve` (PORT and DIR are replaced)
//   QA_E2E_QA_BIN=/path/to/qa        use this binary instead of building ./cmd/qa
//
// The real server starts with the sample conversations (--demo) and only an administrator,
// whose generated password it prints; provision() signs in as that administrator and creates
// one account per role (the agent account is linked to the agent with the most conversations).
// startServer answers {base, kind, accounts: {role: {email, password}}, stop}.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const FRONTEND = resolve(here, '..');
export const REPO = resolve(FRONTEND, '..');

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitHealthy(base, proc, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (proc && proc.exitCode !== null) throw new Error(`server exited with code ${proc.exitCode}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${base} not healthy after ${seconds}s`);
}

/** realServerAvailable: cmd/qa registers a serve subcommand. */
export function realServerAvailable() {
  const dir = join(REPO, 'cmd', 'qa');
  if (existsSync(join(dir, 'serve.go'))) return true;
  try {
    return readFileSync(join(dir, 'main.go'), 'utf8').includes('"serve"');
  } catch {
    return false;
  }
}

export const PASSWORD = 'demo-password';
export const MOCK_ACCOUNTS = {
  admin: { email: 'admin@example.com', password: PASSWORD },
  trainer: { email: 'trainer@example.com', password: PASSWORD },
  reviewer: { email: 'reviewer@example.com', password: PASSWORD },
  reviewer2: { email: 'reviewer2@example.com', password: PASSWORD },
  lead: { email: 'lead@example.com', password: PASSWORD },
  agent: { email: 'agent@example.com', password: PASSWORD },
};

/** session is a tiny API client with a cookie jar, for provisioning. */
async function session(base, email, password) {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!r.ok) throw new Error(`sign in as ${email}: ${r.status} ${await r.text()}`);
  const { csrf } = await r.json();
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async (method, path, body) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return call;
}

/** provision waits for the sample conversations to be scored and creates one account per role. */
async function provision(base, admin, log) {
  const call = await session(base, admin.email, admin.password);
  let total = -1;
  for (let i = 0; i < 120; i++) {
    const t = (await call('GET', '/scorecards?limit=1')).total;
    if (t > 0 && t === total) break; // scored, and no longer growing
    total = t;
    await new Promise((r) => setTimeout(r, 500));
  }
  const agents = (await call('GET', '/stats/agents')).items;
  if (!agents?.length) throw new Error('the demo data gave no scored agent');
  const agent = [...agents].sort((a, b) => b.conversations - a.conversations)[0];
  const teams = [...new Set(agents.map((a) => a.team).filter(Boolean))];
  log(`provisioning accounts; the agent account is ${agent.agent_id} (${agent.team}), the lead leads ${teams.join(', ')}`);
  const people = {
    trainer: { name: 'Tamara Trainer', role: 'trainer' },
    reviewer: { name: 'Roman Reviewer', role: 'qa_reviewer' },
    reviewer2: { name: 'Rita Reviewer', role: 'qa_reviewer' },
    lead: { name: 'Lena Lead', role: 'team_lead', teams },
    agent: { name: 'Demo Agent', role: 'agent', agent_id: agent.agent_id, teams: agent.team ? [agent.team] : [] },
  };
  const accounts = { admin };
  for (const [key, p] of Object.entries(people)) {
    const email = MOCK_ACCOUNTS[key].email;
    await call('POST', '/users', { email, password: PASSWORD, ...p });
    accounts[key] = { email, password: PASSWORD };
  }
  return accounts;
}

export async function startServer({ log = () => {} } = {}) {
  if (process.env.QA_E2E_BASE_URL) {
    const base = process.env.QA_E2E_BASE_URL.replace(/\/$/, '');
    await waitHealthy(base, null, 30);
    return { base, kind: 'external', accounts: MOCK_ACCOUNTS, stop: async () => {} };
  }
  const want = process.env.QA_E2E_SERVER ?? 'auto';
  const kind = want === 'auto' ? (realServerAvailable() ? 'real' : 'mock') : want;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'qa-e2e-'));
  let proc;
  let adminPassword = Promise.resolve(MOCK_ACCOUNTS.admin);
  if (kind === 'real') {
    // The binary embeds frontend/dist: build the app first (run.sh / e2e.sh do), then the binary.
    let bin = process.env.QA_E2E_QA_BIN;
    if (!bin) {
      bin = join(dir, 'qa');
      log(`building the qa binary (go build ./cmd/qa) …`);
      execFileSync('go', ['build', '-o', bin, './cmd/qa'], { cwd: REPO, stdio: 'inherit' });
    }
    const args = (process.env.QA_E2E_SERVE_ARGS ?? 'serve --addr 127.0.0.1:PORT --database sqlite:DIR/qa.db --demo --admin-email admin@example.com --workers 1')
      .replaceAll('PORT', String(port))
      .replaceAll('DIR', dir)
      .split(/\s+/)
      .filter(Boolean);
    log(`starting ${bin} ${args.join(' ')}`);
    proc = spawn(bin, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    // The administrator's generated password is printed once on stdout.
    adminPassword = new Promise((ok) => {
      let out = '';
      proc.stdout.on('data', (chunk) => {
        process.stdout.write(chunk.toString().replace(/with password \S+/, 'with password ***'));
        out += chunk;
        const m = /created administrator (\S+) with password (\S+)/.exec(out);
        if (m) ok({ email: m[1], password: m[2] });
      });
      proc.once('exit', () => ok(null));
    });
  } else {
    log('starting the mock server (e2e/mock-server.mjs)');
    proc = spawn(process.execPath, [join(here, 'mock-server.mjs'), '--port', String(port), '--dist', join(FRONTEND, 'dist')], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  let accounts = MOCK_ACCOUNTS;
  try {
    await waitHealthy(base, proc, kind === 'real' ? 120 : 20);
    if (kind === 'real') {
      const admin = await adminPassword;
      if (!admin) throw new Error('qa serve printed no administrator password (was the database new?)');
      accounts = await provision(base, admin, log);
    }
  } catch (e) {
    proc.kill('SIGTERM');
    throw e;
  }
  return {
    base,
    kind,
    accounts,
    stop: async () => {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
