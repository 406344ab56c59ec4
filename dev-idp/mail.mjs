// The dev IdP's mail: maildev 3 (npm) as the SMTP sink, on loopback only, started as a child process
// with free ports and its mail directory under the data directory; mail is sent with nodemailer.
//
// maildev is started in the background so that the IdP's ready line is not delayed; sending and
// GET /__dev/services wait for it. Its REST API (GET /api/email, /api/email/<id>, DELETE
// /api/email/all) is what tests read the mail from. Nothing here logs a message body.

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import nodemailer from 'nodemailer';

const MAILDEV = fileURLToPath(new URL('./node_modules/maildev/dist/bin/maildev.js', import.meta.url));

function freePort() {
  return new Promise((resolvePort, rejectPort) => {
    const probe = createServer();
    probe.once('error', rejectPort);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForWeb(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`maildev exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/email`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => { setTimeout(r, 100).unref(); });
  }
  throw new Error(`maildev did not answer within ${timeoutMs} ms`);
}

/**
 * Starts maildev. Returns { ready: Promise<{ web, smtp }>, send(message), stop() }.
 * `send` resolves once the sink accepted the message.
 */
export function startMail({ dataDir, log }) {
  let child;
  let transport;
  const ready = (async () => {
    const [smtpPort, webPort] = [await freePort(), await freePort()];
    const dir = join(dataDir, 'mail');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    child = spawn(process.execPath, [MAILDEV, '--ip', '127.0.0.1', '--web-ip', '127.0.0.1',
      '-s', String(smtpPort), '-w', String(webPort), '--mail-directory', dir, '--silent'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Our stdout carries only the ready line: maildev's chatter goes to stderr, prefixed.
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8').on('data', (chunk) => {
        for (const line of chunk.split('\n').filter(Boolean)) log(`maildev: ${line}`);
      });
    }
    const web = `http://127.0.0.1:${webPort}`;
    await waitForWeb(web, child, 60_000); // generous: a loaded 2-core CI machine starts node slowly
    transport = nodemailer.createTransport({
      host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, logger: false, debug: false,
    });
    log(`mail inbox (maildev) at ${web}`);
    return { web, smtp: `smtp://127.0.0.1:${smtpPort}` };
  })();
  ready.catch((err) => log(`mail sink failed to start: ${err.message}`));

  return {
    ready,
    async send(message) {
      await ready;
      await transport.sendMail({ from: 'Concierge dev IdP <no-reply@dev-idp.example>', ...message });
    },
    stop() {
      transport?.close();
      if (child && child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
