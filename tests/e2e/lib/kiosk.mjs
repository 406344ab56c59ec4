// Runs the kiosk (demo-desktop, `concierge-kiosk`) in a real X server (Xvfb through xvfb-run) with
// --automation, and drives it through its JSON-lines interface:
//
//   const kiosk = startKiosk({ issuer, home, args: ['--lang', 'en'] });
//   await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract');
//   kiosk.click('signInButton');           // a real press/release at the item's centre
//   const codes = await kiosk.waitFor((e) => e.event === 'device_code');
//   await kiosk.quit();
//
// Every event is stamped with `receivedAt` (Date.now() when its line arrived).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { REPO } from './cli.mjs';

export const KIOSK = process.env.CONCIERGE_KIOSK || join(REPO, 'build', 'bin', 'concierge-kiosk');

export function startKiosk({ issuer, home, args = [], screen = '1280x800x24', env = {} }) {
  const child = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${screen}`, KIOSK, '--automation', '--issuer', issuer, ...args], {
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_RUNTIME_DIR: home,
      QT_QPA_PLATFORM: 'xcb',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true, // its own process group: stop() ends xvfb-run, Xvfb and the kiosk together
  });
  const events = [];
  const waiters = [];
  let stderr = '';
  let buffered = '';
  let exitCode;
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => {
    exitCode = code ?? (signal ? 128 : 1);
    resolveExit(exitCode);
    for (const w of waiters.splice(0)) w.reject(new Error(`the kiosk exited (${exitCode}) while waiting for ${w.label}\n${stderr.slice(-1500)}`));
  }));
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; if (stderr.length > 200_000) stderr = stderr.slice(-100_000); });
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) {
      if (!line.trim()) continue;
      let event;
      try { event = JSON.parse(line); } catch { event = { event: 'unparsable', line }; }
      event.receivedAt = Date.now();
      events.push(event);
      for (const w of [...waiters]) {
        if (events.length > w.from && w.predicate(event)) {
          waiters.splice(waiters.indexOf(w), 1);
          clearTimeout(w.timer);
          w.resolve(event);
        }
      }
    }
  });
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* gone */ } };
  process.on('exit', () => killGroup('SIGKILL'));

  return {
    events,
    get stderr() { return stderr; },
    get exitCode() { return exitCode; },
    /** The first event (from index `from`, default: any so far) matching `predicate`. */
    waitFor(predicate, { timeoutMs = 30_000, label = 'an event', from = 0 } = {}) {
      const seen = events.slice(from).find(predicate);
      if (seen) return Promise.resolve(seen);
      if (exitCode !== undefined) return Promise.reject(new Error(`the kiosk has exited (${exitCode})\n${stderr.slice(-1500)}`));
      return new Promise((resolveWait, rejectWait) => {
        const w = { predicate, from, label, resolve: resolveWait, reject: rejectWait };
        w.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          rejectWait(new Error(`timed out after ${timeoutMs} ms waiting for ${label}; last events: `
            + JSON.stringify(events.slice(-6).map(({ receivedAt, ...e }) => e))));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    /** Waits for the next matching event after now. */
    next(predicate, opts = {}) { return this.waitFor(predicate, { ...opts, from: events.length }); },
    send(command) { child.stdin.write(`${JSON.stringify(command)}\n`); },
    click(object) { this.send({ command: 'click', object }); },
    key(key) { this.send({ command: 'key', key }); },
    async quit(timeoutMs = 10_000) {
      if (exitCode !== undefined) return exitCode;
      this.send({ command: 'quit' });
      const timer = setTimeout(() => killGroup('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
