// Runs the phone app (demo-mobile) in a real X server (Xvfb through xvfb-run) with --automation and
// drives it through its JSON-lines interface (the same command format as the kiosk's):
//
//   const app = startMobile({ issuer, home, args: ['--lang', 'en'], browser: ['--email', 'ken@example.com'] });
//   await app.waitFor((e) => e.event === 'screen' && e.name === 'welcome');
//   app.click('passwordButton');          // a real press/release at the item's centre
//   app.set('kioskCodeField', 'BCDF-GHJK');
//   await app.quit();
//
// `browser` are extra arguments for tests/e2e/browser-signin.mjs, which the app runs instead of the
// system browser (--browser-command). Every event is stamped with `receivedAt`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { REPO } from './cli.mjs';

export const MOBILE = process.env.CONCIERGE_MOBILE || join(REPO, 'build', 'bin', 'demo-mobile');
export const BROWSER_SCRIPT = join(REPO, 'tests', 'e2e', 'browser-signin.mjs');

export function browserCommand(args = []) {
  // QProcess::splitCommand rules: quote every argument.
  return [process.execPath, BROWSER_SCRIPT, ...args].map((a) => `"${String(a).replace(/"/g, '""')}"`).join(' ');
}

export function startMobile({ issuer, home, args = [], browser, env = {} }) {
  const appArgs = ['--automation', '--issuer', issuer, ...args];
  if (browser) appArgs.push('--browser-command', browserCommand(browser));
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 600x1000x24', MOBILE, ...appArgs], {
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
      QT_QPA_PLATFORM: 'xcb',
      LANG: 'C.UTF-8',
      LANGUAGE: '',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true, // its own process group: stop() ends xvfb-run, Xvfb and the app together
  });
  const events = [];
  const waiters = [];
  let stderr = '';
  let buffered = '';
  let exitCode;
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => {
    exitCode = code ?? (signal ? 128 : 1);
    resolveExit(exitCode);
    for (const w of waiters.splice(0)) w.reject(new Error(`the app exited (${exitCode}) while waiting for ${w.label}\n${stderr.slice(-1500)}`));
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
      if (process.env.CONCIERGE_E2E_VERBOSE) console.log(`     app: ${line}`);
      for (const w of [...waiters]) {
        if (events.indexOf(event) >= w.from && w.predicate(event)) {
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
    get stdout() { return events.map((e) => JSON.stringify(e)).join('\n'); },
    get stderr() { return stderr; },
    get exitCode() { return exitCode; },
    /** The first event (from index `from`, default: any so far) matching `predicate`. */
    waitFor(predicate, { timeoutMs = 30_000, label = 'an event', from = 0 } = {}) {
      const seen = events.slice(from).find(predicate);
      if (seen) return Promise.resolve(seen);
      if (exitCode !== undefined) return Promise.reject(new Error(`the app has exited (${exitCode})\n${stderr.slice(-1500)}`));
      return new Promise((resolveWait, rejectWait) => {
        const w = { predicate, from, label, resolve: resolveWait, reject: rejectWait };
        w.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          rejectWait(new Error(`timed out after ${timeoutMs} ms waiting for ${label}; last events: `
            + JSON.stringify(events.slice(-8).map(({ receivedAt, ...e }) => e))));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    /** Waits for the next matching event after now. */
    next(predicate, opts = {}) { return this.waitFor(predicate, { ...opts, from: events.length }); },
    screen(name, opts = {}) { return this.waitFor((e) => e.event === 'screen' && e.name === name, { label: `screen ${name}`, ...opts }); },
    nextScreen(name, opts = {}) { return this.next((e) => e.event === 'screen' && e.name === name, { label: `screen ${name}`, ...opts }); },
    send(command) { child.stdin.write(`${JSON.stringify(command)}\n`); },
    /** Clicks and resolves with the app's answer ({ok, detail}). */
    click(object) {
      const answer = this.next((e) => e.event === 'command' && e.command === 'click' && e.object === object, { label: `click ${object}` });
      this.send({ command: 'click', object });
      return answer;
    },
    /** Clicks and waits for the screen it leads to (shown after the click was sent). */
    async clickTo(object, screenName, opts = {}) {
      const shown = this.nextScreen(screenName, opts);
      const answer = await this.click(object);
      if (!answer.ok) throw new Error(`could not click ${object}: ${answer.detail}`);
      return shown;
    },
    set(object, text) {
      const answer = this.next((e) => e.event === 'command' && e.command === 'set' && e.object === object, { label: `set ${object}` });
      this.send({ command: 'set', object, text });
      return answer;
    },
    openUrl(url) { this.send({ command: 'open_url', url }); },
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
