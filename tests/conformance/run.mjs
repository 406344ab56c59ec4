#!/usr/bin/env node
// Conformance runner: starts the hostile OP (lib/op.mjs) on 127.0.0.1:0 and runs
//
//   concierge login --issuer <scenario issuer> --client-id concierge-conformance \
//                   --open-with "node tests/conformance/follow.mjs" --timeout 5 [scenario args]
//
// for every scenario in scenarios.mjs, a few at a time. Asserts the CLI's contract (exit code, one
// JSON line, status, error id and kind, sub) and, from the OP's records, what the client must and
// must not have done. One line per scenario, then "N passed, M failed[, K skipped]"; exit 1 on any
// failure. A scenario that needs a CLI option the binary lacks fails.
//
//   node tests/conformance/run.mjs [--only SUBSTRING]... [--jobs N] [--verbose]
//   CONCIERGE_CLI=/path/to/concierge (default: build/bin/concierge)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeKeys } from './lib/jws.mjs';
import { CLIENT_ID, startOp } from './lib/op.mjs';
import { scenarios as allScenarios } from './scenarios.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
let compactVerify;
try {
  ({ compactVerify } = await import('jose'));
} catch {
  console.error('run.mjs: jose is not installed: run ./scripts/bootstrap (npm ci in tests/conformance)');
  process.exit(1);
}
const REPO = resolve(HERE, '../..');
const CLI = process.env.CONCIERGE_CLI || join(REPO, 'build', 'bin', 'concierge');
const FOLLOW = [process.execPath, join(HERE, 'follow.mjs')];
const FLOW_TIMEOUT_S = 5;
const HANG_MS = 30_000; // a CLI run still alive after this is a hang

const argv = process.argv.slice(2);
const only = [];
let jobs = 4;
let verbose = false;
while (argv.length) {
  const a = argv.shift();
  if (a === '--only') only.push(argv.shift());
  else if (a === '--jobs') jobs = Math.max(1, Number(argv.shift()) || 4);
  else if (a === '--verbose') verbose = true;
  else { console.error(`run.mjs: unknown argument ${a}`); process.exit(2); }
}

if (!existsSync(CLI)) {
  console.error(`run.mjs: no CLI at ${CLI} (build first, or set CONCIERGE_CLI)`);
  process.exit(1);
}
if (FOLLOW.some((part) => part.includes(' '))) {
  console.error('run.mjs: --open-with is split on spaces; node or this checkout lives under a path with a space');
  process.exit(1);
}

const help = spawnSync(CLI, ['help'], { encoding: 'utf8' }).stdout ?? '';
const cliHas = (option) => new RegExp(`(^|\\s)${option.replace(/[-]/g, '\\-')}(\\s|$)`, 'm').test(help);
const scenarios = allScenarios.filter((s) => only.length === 0 || only.some((o) => s.id.includes(o)));

function runCli(args) {
  return new Promise((resolveRun) => {
    const started = process.hrtime.bigint();
    const child = spawn(CLI, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { hung = true; child.kill('SIGKILL'); }, HANG_MS);
    child.on('error', (err) => { stderr += String(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = stdout.trim().split('\n').filter(Boolean);
      let json;
      try { json = lines.length === 1 ? JSON.parse(lines[0]) : undefined; } catch { json = undefined; }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolveRun({ code, signal, hung, stdout, stderr, json, lines: lines.length, seconds });
    });
  });
}

async function jwsVerifies(token) {
  try {
    await compactVerify(token.compact, token.publicKey, { algorithms: [token.alg] });
    return true;
  } catch {
    return false;
  }
}

async function evaluate(s, ctx, run, opStray) {
  const checks = [];
  const check = (label, ok, detail = '') => checks.push({ label, ok: !!ok, detail });
  const out = run.json ?? {};
  const e = s.expect;
  const accepted = e.status === 'signed_in';

  check('no hang', !run.hung, `killed after ${HANG_MS / 1000} s`);
  check('no crash', run.signal === null || run.hung, `signal ${run.signal}`);
  check('exactly one JSON object on stdout', run.lines === 1 && run.json !== undefined, JSON.stringify(run.stdout.slice(0, 200)));
  check(`exit ${e.exit}`, run.code === e.exit, `exit ${run.code}`);
  check(`status ${e.status}`, out.status === e.status, `status ${out.status}`);
  if (e.code !== undefined) {
    const codes = [e.code].flat();
    check(`code ${codes.join('|')}`, codes.includes(out.code), `code ${out.code}: ${out.message ?? ''}`);
  }
  if (e.kind !== undefined) check(`kind ${e.kind}`, out.kind === e.kind, `kind ${out.kind}`);
  if (accepted) check('sub', out.sub === ctx.sub, `sub ${out.sub}`);

  // What the OP saw.
  check('client broke no protocol rule the OP checks', ctx.violations.length === 0, ctx.violations.join('; '));
  check('header jku / x5u URLs never fetched', ctx.hits('/attacker/jwks') + ctx.hits('/attacker/cert.pem') === 0);
  const known = new Set(['/.well-known/openid-configuration', '/authorize', '/token', '/userinfo',
    s.jwksPath ? s.jwksPath.split('?')[0] : '/jwks']);
  const unknown = ctx.requests.filter((r) => !known.has(r.endpoint)).map((r) => `${r.method} ${r.endpoint.slice(0, 60)}`);
  check('no request to any other URL', unknown.length === 0 && opStray.length === 0, [...unknown, ...opStray].join(', '));
  check('discovery fetched exactly once', ctx.hits('/.well-known/openid-configuration') === 1,
    `${ctx.hits('/.well-known/openid-configuration')} times`);
  const wantJwks = s.jwksFetches ?? (accepted ? 1 : undefined);
  if (wantJwks !== undefined) check(`JWKS fetched exactly ${wantJwks}x`, ctx.jwksFetches === wantJwks, `${ctx.jwksFetches} fetches`);
  else check('JWKS fetched at most 2x', ctx.jwksFetches <= 2, `${ctx.jwksFetches} fetches`);
  if (s.noAuthorize) check('no /authorize request', ctx.hits('/authorize') === 0, `${ctx.hits('/authorize')} requests`);
  else check('exactly one /authorize request', ctx.hits('/authorize') === 1, `${ctx.hits('/authorize')} requests`);
  const codeGrants = ctx.requests.filter((r) => r.endpoint === '/token' && r.form?.grant_type === 'authorization_code').length;
  if (s.noToken) check('no token request', ctx.hits('/token') === 0, `${ctx.hits('/token')} requests`);
  else if (!s.noAuthorize) check('exactly one authorization_code grant', codeGrants === 1, `${codeGrants} grants`);
  if (s.minSeconds) check(`ran at least ${s.minSeconds} s (the bad redirect did not end the flow)`, run.seconds >= s.minSeconds,
    `${run.seconds.toFixed(1)} s`);

  // Nothing the OP issued (code, tokens) may appear in what the CLI printed.
  const printed = run.stdout + run.stderr;
  const leaked = ctx.secrets.filter((secret) => secret.length >= 8 && printed.includes(secret.slice(0, 64)));
  check('no code or token in the CLI output', leaked.length === 0, `${leaked.length} leaked`);

  // Independent cross-check of the OP with jose: what the SDK accepted must verify; what it had to
  // refuse as a bad signature must not.
  if (accepted && ctx.idTokens.length) {
    const results = await Promise.all(ctx.idTokens.map(jwsVerifies));
    check('OP self-check: jose verifies the ID tokens issued', results.every(Boolean));
  }
  if (s.oracle === 'invalid') check('OP self-check: jose refuses the ID token too', !(await jwsVerifies(ctx.idTokens[0])));

  if (s.check) for (const [label, ok, detail] of s.check(ctx, out, run)) check(label, ok, detail);
  return checks;
}

async function runScenario(op, s) {
  // A CLI without an option a scenario needs is a failure, never a skip: the contract only grows.
  if (s.needs && !cliHas(s.needs)) {
    return {
      s,
      run: { json: {}, code: -1, seconds: 0, stderr: '' },
      checks: [{ label: `the CLI offers ${s.needs}`, ok: false, detail: 'missing option' }],
    };
  }
  const ctx = op.context(s.id);
  const strayBefore = op.stray.length;
  const args = ['login', '--issuer', ctx.issuer, '--client-id', CLIENT_ID, '--open-with', FOLLOW.join(' '),
    '--timeout', String(FLOW_TIMEOUT_S), ...(s.args ?? [])];
  const run = await runCli(args);
  // Stray requests cannot be attributed to one scenario when several run at once: any is a failure.
  const checks = await evaluate(s, ctx, run, op.stray.slice(strayBefore));
  return { s, run, checks };
}

function report(r) {
  const pad = (x) => x.padEnd(46);
  if (r.skipped) {
    console.log(`SKIP ${pad(r.s.id)} ${r.skipped}`);
    return;
  }
  const failed = r.checks.filter((c) => !c.ok);
  const out = r.run.json ?? {};
  const outcome = out.status === 'signed_in' ? `signed_in sub=${out.sub}` : `exit ${r.run.code} ${out.code ?? '?'}/${out.kind ?? '?'}`;
  console.log(`${failed.length ? 'FAIL' : 'ok  '} ${pad(r.s.id)} ${outcome} (${r.checks.length} checks, ${r.run.seconds.toFixed(1)} s)`);
  for (const c of failed) console.log(`       - ${c.label}${c.detail ? ` -- ${c.detail}` : ''}`);
  if (failed.length && r.run.stderr.trim()) console.log(`       stderr: ${r.run.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400)}`);
  if (verbose) console.log(`       stdout: ${r.run.stdout.trim()}`);
}

const started = Date.now();
const op = await startOp({ keys: makeKeys(), scenarios });
console.log(`hostile OP at ${op.base}; ${scenarios.length} scenarios, ${jobs} at a time; CLI ${CLI}`);

// A small pool: `jobs` CLI runs at once; lines are printed in scenario order.
const results = new Array(scenarios.length);
let next = 0;
let printed = 0;
const flush = () => { while (printed < results.length && results[printed]) report(results[printed++]); };
async function worker() {
  while (next < scenarios.length) {
    const i = next++;
    try {
      results[i] = await runScenario(op, scenarios[i]);
    } catch (err) {
      results[i] = { s: scenarios[i], run: { json: {}, code: null, seconds: 0, stderr: '', stdout: '' },
        checks: [{ label: 'runner error', ok: false, detail: err.stack }] };
    }
    flush();
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, scenarios.length) }, worker));
await op.stop();

const skipped = results.filter((r) => r.skipped).length;
const failed = results.filter((r) => !r.skipped && r.checks.some((c) => !c.ok)).length;
const passed = results.length - skipped - failed;
console.log(`wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
