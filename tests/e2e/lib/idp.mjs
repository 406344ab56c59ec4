// startIdp(): runs dev-idp/start on a free loopback port with a throw-away data directory.
//
//   const idp = await startIdp({ env: { DEV_IDP_ACCESS_TOKEN_TTL: '5' } });
//   idp.issuer                      // 'http://127.0.0.1:PORT'
//   await idp.stats(); await idp.resetStats();
//   await idp.stop();               // SIGTERM, resolves with the exit code, removes the temp data dir

import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEV_IDP_START = join(REPO, 'dev-idp', 'start');
const READY = /^dev-idp ready issuer=(http:\/\/127\.0\.0\.1:(\d+))$/;

export async function startIdp({ env = {}, dataDir, timeoutMs = 20_000, inheritStderr = false } = {}) {
  const ownDataDir = !dataDir;
  const dir = dataDir ?? await mkdtemp(join(tmpdir(), 'concierge-dev-idp-'));
  const child = spawn(DEV_IDP_START, [], {
    env: { ...process.env, DEV_IDP_PORT: '0', DEV_IDP_DATA_DIR: dir, ...env },
    stdio: ['ignore', 'pipe', inheritStderr ? 'inherit' : 'pipe'],
  });
  // If the test process ends without stop() (a crash, process.exit), take the IdP and its files along.
  const killOnExit = () => {
    child.kill('SIGKILL');
    if (ownDataDir) rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);

  const stderrTail = [];
  let stderrAll = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk) => {
    stderrAll += chunk;
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });
  const exited = new Promise((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(code ?? (signal ? 128 : 1)));
  });

  const issuer = await new Promise((resolveReady, rejectReady) => {
    let buffered = '';
    const timer = setTimeout(() => fail(`dev-idp did not get ready within ${timeoutMs} ms`), timeoutMs);
    function fail(message) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      rejectReady(new Error(`${message}${stderrTail.length ? `\n${stderrTail.join('\n')}` : ''}`));
    }
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const match = READY.exec(line);
        if (match) {
          clearTimeout(timer);
          resolveReady(match[1]);
        } else {
          fail(`unexpected output on dev-idp's stdout: ${JSON.stringify(line.slice(0, 80))}`);
        }
      }
    });
    child.once('exit', (code) => fail(`dev-idp exited with code ${code} before it was ready`));
  });

  const devUrl = (path) => `${issuer}/__dev/${path}`;
  return {
    issuer,
    port: Number(new URL(issuer).port),
    dataDir: dir,
    process: child,
    async stats() {
      const res = await fetch(devUrl('stats'));
      if (!res.ok) throw new Error(`GET /__dev/stats: HTTP ${res.status}`);
      return res.json();
    },
    async resetStats() {
      const res = await fetch(devUrl('stats/reset'), { method: 'POST' });
      if (res.status !== 204) throw new Error(`POST /__dev/stats/reset: HTTP ${res.status}`);
    },
    stderrTail: () => [...stderrTail],
    /** Everything the IdP wrote to stderr so far (unless inheritStderr). */
    stderr: () => stderrAll,
    /** GET /__dev/services: {mail: {web, smtp}, upstreams: {id: {name, issuer}}}. */
    async services() {
      const res = await fetch(devUrl('services'));
      if (!res.ok) throw new Error(`GET /__dev/services: HTTP ${res.status}`);
      return res.json();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      process.off('exit', killOnExit);
      if (ownDataDir) await rm(dir, { recursive: true, force: true });
      return code;
    },
  };
}
