// Runs the concierge CLI and collects what it printed. The CLI contract: one JSON object on stdout,
// exit 0 (success), 1 (operation error) or 2 (usage error).
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = process.env.CONCIERGE_CLI || join(REPO, 'build', 'bin', 'concierge');
export const BROWSER = `node ${join(REPO, 'tests', 'e2e', 'browser-signin.mjs')}`;

export function runCli(args, { env = {}, timeoutMs = 120_000 } = {}) {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(CLI, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); rejectRun(new Error(`concierge ${args[0]} timed out`)); }, timeoutMs);
    child.on('error', rejectRun);
    child.on('exit', (code) => {
      clearTimeout(timer);
      let json;
      const lines = stdout.trim().split('\n').filter(Boolean);
      try { json = lines.length === 1 ? JSON.parse(lines[0]) : undefined; } catch { json = undefined; }
      resolveRun({ code, stdout, stderr, json, stdoutLines: lines.length });
    });
  });
}

/**
 * Starts the CLI with a pipe on stdin (for commands that read a code from it). Returns
 * { child, write(line), stderr(), done: Promise<same as runCli> }.
 */
export function startCli(args, { env = {}, timeoutMs = 120_000 } = {}) {
  const child = spawn(CLI, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
  child.stdin.on('error', () => {}); // the CLI may be gone already
  const done = new Promise((resolveRun, rejectRun) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); rejectRun(new Error(`concierge ${args[0]} timed out`)); }, timeoutMs);
    child.on('error', rejectRun);
    child.on('exit', (code) => {
      clearTimeout(timer);
      let json;
      const lines = stdout.trim().split('\n').filter(Boolean);
      try { json = lines.length === 1 ? JSON.parse(lines[0]) : undefined; } catch { json = undefined; }
      resolveRun({ code, stdout, stderr, json, stdoutLines: lines.length });
    });
  });
  return {
    child,
    done,
    stderr: () => stderr,
    write: (line) => child.stdin.write(`${line}\n`),
    end: () => child.stdin.end(),
  };
}

// A tiny assertion runner that prints one line per check and the "N passed, N failed" summary.
export function checker(name) {
  let passed = 0;
  let failed = 0;
  return {
    check(label, ok, detail = '') {
      if (ok) { passed += 1; console.log(`ok   ${name}: ${label}`); }
      else { failed += 1; console.log(`FAIL ${name}: ${label}${detail ? ` -- ${detail}` : ''}`); }
      return ok;
    },
    finish() {
      console.log(`${passed} passed, ${failed} failed`);
      process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
    },
  };
}
