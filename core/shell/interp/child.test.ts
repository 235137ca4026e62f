import { describe, expect, it } from 'vitest';
import { testShell } from '../testing';

describe('commands that xargs and watch start run as children of the shell', () => {
  it("keeps xargs's cd, alias, export and exit to the child, as programs xargs starts cannot change the shell", async () => {
    const sh = testShell({ 'dir/c.txt': 'C\n' });
    expect(await sh.run('echo dir | xargs cd; pwd')).toMatchObject({ out: '/\n', code: 0 });
    await sh.run('echo k2=kubectl | xargs alias');
    expect((await sh.run('alias')).out).not.toContain('k2');
    await sh.run('echo X=1 | xargs export');
    expect((await sh.run('echo "[$X]"')).out).toBe('[]\n');
    // `exit` ends the child only: xargs reports its status (123), the shell goes on.
    expect(await sh.run('echo 3 | xargs exit')).toMatchObject({ code: 123, result: undefined });
    expect(await sh.run('echo dir/c.txt | xargs cat')).toMatchObject({ out: 'C\n', code: 0 });
  });

  it('still expands aliases and runs builtins with the arguments xargs gives', async () => {
    const sh = testShell({ 'a.txt': 'A\n', 'b.txt': 'B\n' });
    expect(await sh.run('echo a.txt b.txt | xargs -n1 cat')).toMatchObject({ out: 'A\nB\n', code: 0 });
    expect((await sh.run('echo x | xargs k version --client')).out).toContain('Client Version: v1.32');
  });
});
