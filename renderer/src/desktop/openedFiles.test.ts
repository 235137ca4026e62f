import { describe, expect, it } from 'vitest';
import { fileBytes, watchOpenedFiles, type BridgeFile, type FilesBridge } from './openedFiles';

function fakeBridge(): FilesBridge & { queue: BridgeFile[]; fire(): void } {
  let listener: (() => void) | undefined;
  const b = {
    queue: [] as BridgeFile[],
    takeOpenedFiles: async () => b.queue.splice(0),
    onFileOpened(l: () => void) {
      listener = l;
      return () => (listener = undefined);
    },
    fire: () => listener?.(),
  };
  return b;
}

const file = (name: string): BridgeFile => ({ name, data: btoa('\x1f\x8b'), encoding: 'base64' });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('files opened from the OS', () => {
  it('opens what waited before the page loaded, then what comes later, one at a time in order', async () => {
    const bridge = fakeBridge();
    bridge.queue.push(file('a.kubelab'), file('b.kubelab'));
    const seen: string[] = [];
    let busy = false;
    const stop = watchOpenedFiles(bridge, async (f) => {
      expect(busy).toBe(false);
      busy = true;
      await flush();
      seen.push(f.name);
      busy = false;
    });
    bridge.queue.push(file('c.kubelab'));
    bridge.fire();
    await flush();
    await flush();
    await flush();
    await flush();
    expect(seen).toEqual(['a.kubelab', 'b.kubelab', 'c.kubelab']);
    stop();
    bridge.queue.push(file('d.kubelab'));
    bridge.fire();
    await flush();
    expect(seen).not.toContain('d.kubelab');
  });

  it('turns base64 back into the file\'s bytes', () => {
    expect([...fileBytes(file('x.kubelab'))]).toEqual([0x1f, 0x8b]);
    expect([...fileBytes({ name: 't', data: 'hi', encoding: 'utf8' })]).toEqual([104, 105]);
  });
});
