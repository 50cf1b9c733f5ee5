// collectFiles on a real temporary file system (no server needed).
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { collectFiles } from './collect-files.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'signet-collect-'));

describe('collectFiles', () => {
  it('walks folders recursively in a stable order, keeps the folder in the name, and groups files by the path they came from', async () => {
    const d = tmp();
    mkdirSync(join(d, 'pics', 'sub'), { recursive: true });
    writeFileSync(join(d, 'pics', 'b.jpg'), 'b');
    writeFileSync(join(d, 'pics', 'sub', 'a c.jpg'), 'a');
    writeFileSync(join(d, 'pics', 'empty.txt'), '');
    writeFileSync(join(d, 'single.pdf'), 'pdf');
    const { files } = await collectFiles([join(d, 'pics'), join(d, 'single.pdf')]);
    expect(files.map((f) => [f.name, f.root, f.size])).toEqual([
      ['pics/b.jpg', 0, 1],
      ['pics/empty.txt', 0, 0],
      ['pics/sub/a c.jpg', 0, 1],
      ['single.pdf', 1, 3],
    ]);
  });

  it('a folder named as "." or "sub/.." (the current folder, `signet share .`) keeps its real name in the keys', async () => {
    const d = tmp();
    mkdirSync(join(d, 'pics', 'sub'), { recursive: true });
    writeFileSync(join(d, 'pics', 'b.jpg'), 'b');
    // Built by hand: join() would normalise the "." away.
    for (const p of [`${d}/pics/.`, `${d}/pics/./`, `${d}/pics/sub/..`]) {
      const { files } = await collectFiles([p]);
      expect(
        files.map((f) => f.name),
        p,
      ).toEqual(['pics/b.jpg']);
    }
  });

  it('leaves hidden entries out of folders (reported), but shares a hidden file named explicitly', async () => {
    const d = tmp();
    mkdirSync(join(d, 'proj', '.git'), { recursive: true });
    writeFileSync(join(d, 'proj', '.git', 'config'), 'x');
    writeFileSync(join(d, 'proj', '.env'), 'SECRET=1');
    writeFileSync(join(d, 'proj', 'main.ts'), 'x');
    const r = await collectFiles([join(d, 'proj')]);
    expect(r.files.map((f) => f.name)).toEqual(['proj/main.ts']);
    expect(r.skippedHidden.sort()).toEqual([join(d, 'proj', '.env'), join(d, 'proj', '.git')]);
    expect(r.skipped.map((x) => x.reason)).toEqual(['hidden', 'hidden']);
    expect((await collectFiles([join(d, 'proj', '.env')])).files[0]?.name).toBe('.env');
  });

  it('detects a symlink loop and names the link', async () => {
    const d = tmp();
    mkdirSync(join(d, 'a', 'b'), { recursive: true });
    writeFileSync(join(d, 'a', 'b', 'f.txt'), 'f');
    symlinkSync(join(d, 'a'), join(d, 'a', 'b', 'up'));
    await expect(collectFiles([join(d, 'a')])).rejects.toMatchObject({
      code: 'DIRECTORY_LOOP',
      message: expect.stringContaining(join(d, 'a', 'b', 'up')),
    });
  });

  it('a symlink out of the shared folder is not followed but listed; one inside it is followed', async () => {
    const d = tmp();
    mkdirSync(join(d, 'share', 'in'), { recursive: true });
    mkdirSync(join(d, 'other'));
    writeFileSync(join(d, 'other', 'o.txt'), 'o');
    writeFileSync(join(d, 'share', 'in', 'i.txt'), 'i');
    symlinkSync(join(d, 'other'), join(d, 'share', 'linked'));
    symlinkSync('../other/o.txt', join(d, 'share', 'o-link.txt'));
    symlinkSync('in', join(d, 'share', 'in-link'));
    const r = await collectFiles([join(d, 'share')]);
    expect(r.files.map((f) => f.name)).toEqual(['share/in/i.txt', 'share/in-link/i.txt']);
    expect(r.skipped).toEqual([
      { path: join(d, 'share', 'linked'), reason: 'link-outside', target: join(d, 'other') },
      { path: join(d, 'share', 'o-link.txt'), reason: 'link-outside', target: join(d, 'other', 'o.txt') },
    ]);
    // Named explicitly, a symlink is the user's choice.
    expect((await collectFiles([join(d, 'share', 'o-link.txt')])).files[0]?.path).toBe(join(d, 'share', 'o-link.txt'));
    // A folder with nothing but links out: nothing to share, and the error says why.
    mkdirSync(join(d, 'only-links'));
    symlinkSync(join(d, 'other'), join(d, 'only-links', 'x'));
    await expect(collectFiles([join(d, 'only-links')])).rejects.toMatchObject({
      code: 'NOTHING_TO_SHARE',
      message: expect.stringContaining('1 symlink(s) leading out of the folder not followed'),
    });
  });

  it('missing files, dangling links, pipes and empty input are clear errors', async () => {
    const d = tmp();
    await expect(collectFiles([join(d, 'nope.txt')])).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringMatching(/nope\.txt does not exist.*Nothing was uploaded/),
    });
    mkdirSync(join(d, 'dir'));
    symlinkSync(join(d, 'gone'), join(d, 'dir', 'dangling'));
    await expect(collectFiles([join(d, 'dir')])).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('dangling'),
    });
    execFileSync('mkfifo', [join(d, 'pipe')]);
    await expect(collectFiles([join(d, 'pipe')])).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: expect.stringContaining('pipe'),
    });
    await expect(collectFiles([])).rejects.toMatchObject({ code: 'NOTHING_TO_SHARE' });
    mkdirSync(join(d, 'empty'));
    await expect(collectFiles([join(d, 'empty')])).rejects.toMatchObject({ code: 'NOTHING_TO_SHARE' });
  });

  it.skipIf(process.getuid?.() === 0)(
    'an unreadable file is refused before anything starts (not as root: root reads everything)',
    async () => {
      const d = tmp();
      writeFileSync(join(d, 'locked.txt'), 'x');
      chmodSync(join(d, 'locked.txt'), 0o000);
      await expect(collectFiles([join(d, 'locked.txt')])).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    },
  );
});
