/**
 * Terminal sessions' flow control and close over a real WebSocket, with the pty replaced by a
 * recording fake (node-pty itself is exercised by test/integration/host.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';

const calls: string[] = [];
let exit: ((e: { exitCode: number }) => void) | undefined;

vi.mock('node-pty', () => ({
  spawn: () => ({
    onData: () => undefined,
    onExit: (fn: (e: { exitCode: number }) => void) => (exit = fn),
    write: (d: string) => calls.push(`write ${d}`),
    resize: () => undefined,
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    kill: () => {
      calls.push('kill');
      exit?.({ exitCode: 0 });
    },
  }),
}));

const { TerminalManager } = await import('./terminals');

let server: Server;
let manager: InstanceType<typeof TerminalManager>;
let url = '';

beforeAll(async () => {
  manager = new TerminalManager(() => ({ file: 'sh', args: [], env: {}, cwd: mkdtempSync(join(tmpdir(), 'kubelab-term-')) }));
  server = createServer();
  server.on('upgrade', (req, socket, head) => manager.upgrade(req, socket, head, new URL(req.url ?? '/', 'http://x').searchParams.get('session')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  manager.closeAll();
  server.close();
});

function open(session?: string): Promise<{ ws: WebSocket; id: string; frames: { type: string }[] }> {
  return new Promise((done) => {
    const ws = new WebSocket(`${url}${session ? `?session=${session}` : ''}`, ['kubelab.terminal.v1']);
    const frames: { type: string; id?: string }[] = [];
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { type: string; id?: string };
      frames.push(frame);
      if (frame.type === 'session') done({ ws, id: frame.id ?? '', frames });
    });
  });
}

async function settle(ws: WebSocket, input: string): Promise<void> {
  // A write after the frames under test: once it reaches the pty, so did they.
  ws.send(JSON.stringify({ type: 'input', data: input }));
  await vi.waitFor(() => expect(calls).toContain(`write ${input}`));
}

describe('terminal flow control', () => {
  it('pauses the pty while any socket of the session is behind, and resumes when none is', async () => {
    const a = await open();
    const b = await open(a.id);
    a.ws.send(JSON.stringify({ type: 'pause' }));
    b.ws.send(JSON.stringify({ type: 'pause' }));
    await settle(b.ws, 'one');
    expect(calls.filter((c) => c === 'pause')).toHaveLength(1);
    a.ws.send(JSON.stringify({ type: 'resume' }));
    await settle(a.ws, 'two');
    expect(calls).not.toContain('resume');
    // A socket that goes away while behind no longer holds the pty.
    b.ws.close();
    await vi.waitFor(() => expect(calls).toContain('resume'));
    a.ws.send(JSON.stringify({ type: 'close' }));
    await vi.waitFor(() => expect(calls).toContain('kill'));
    await vi.waitFor(() => expect(a.frames.map((f) => f.type)).toContain('exit'));
    expect(manager.count()).toBe(0);
  });
});
