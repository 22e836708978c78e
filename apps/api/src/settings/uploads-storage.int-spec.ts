import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { bearer, createStructureWithAdmin, StructureFixture, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';

/**
 * Storage faults while saving an upload: the folder cannot be written (read-only
 * mount, wrong owner, immutable) or the disk fills up half-way. The answer says
 * so in French (503 / 507), and no file is left behind: not the part written,
 * not the original saved before the display version failed.
 *
 * Tests run as root on CI, which ignores file modes: a read-only folder is made
 * immutable (chattr +i), and a full disk is a small tmpfs mounted on the uploads
 * folder. Both need root; without it these tests fail rather than skip.
 */
const READ_ONLY =
  'Le dossier des fichiers envoyés n’est pas accessible en écriture : le fichier n’a pas été enregistré. Prévenez l’administrateur de Pointage.';
const DISK_FULL = 'Le disque du serveur est plein : le fichier n’a pas été enregistré. Prévenez l’administrateur de Pointage.';

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.error}`);
}

/** An image of random pixels: PNG cannot compress it, so its size is predictable. */
function noise(width: number, height: number) {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });
}

describe('uploads when storage fails', () => {
  let t: TestApp;
  let a: StructureFixture;
  let sa: string;
  let dir: string;
  const files = () => readdirSync(dir).sort();
  const upload = (body: Buffer, type = 'image/png') =>
    t.http().put('/api/settings/logo').set(bearer(a.adminToken)).set('Content-Type', type).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Stockage');
    dir = join(t.config.dataDir, 'uploads');
    mkdirSync(dir, { recursive: true });
  });
  afterAll(async () => {
    spawnSync('chattr', ['-i', dir]);
    spawnSync('umount', ['-l', dir]);
    await t.close();
  });

  it('answers 503 in French when the uploads folder cannot be written, and the current logo stays', async () => {
    const first = await upload(await noise(64, 32).png().toBuffer()).expect(200);
    const before = files();
    expect(before).toHaveLength(2);
    run('chattr', ['+i', dir]);
    try {
      const res = await upload(await noise(80, 40).png().toBuffer());
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ statusCode: 503, message: READ_ONLY });
      const funder = await t
        .http()
        .post('/api/super-admin/funder-logos?alt=Financeur')
        .set(bearer(sa))
        .set('Content-Type', 'image/png')
        .send(await noise(40, 20).png().toBuffer());
      expect(funder.status).toBe(503);
      expect(funder.body).toEqual({ statusCode: 503, message: READ_ONLY });
    } finally {
      run('chattr', ['-i', dir]);
    }
    expect(files()).toEqual(before);
    const settings = await t.http().get('/api/settings/welcome').set(bearer(a.adminToken)).expect(200);
    expect(settings.body.logo.url).toBe(first.body.url);
  });

  describe('on a full disk', () => {
    afterEach(() => {
      spawnSync('umount', [dir]);
    });

    it('answers 507 in French and leaves no partly written file', async () => {
      run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
      const big = await noise(300, 200).png().toBuffer(); // ~180 kB: the original alone does not fit
      const res = await upload(big);
      expect(res.status).toBe(507);
      expect(res.body).toEqual({ statusCode: 507, message: DISK_FULL });
      expect(files()).toEqual([]);
    });

    it('removes the original it saved when the display version does not fit', async () => {
      // A small JPEG whose display version (PNG, lossless) is far larger: the first file fits, the second does not.
      const jpeg = await noise(600, 300).jpeg({ quality: 20 }).toBuffer();
      const room = Math.ceil(jpeg.length / 4096) * 4096 + 64 * 1024;
      run('mount', ['-t', 'tmpfs', '-o', `size=${room}`, 'tmpfs', dir]);
      const res = await upload(jpeg, 'image/jpeg');
      expect(res.status).toBe(507);
      expect(res.body).toEqual({ statusCode: 507, message: DISK_FULL });
      expect(files()).toEqual([]);
    });
  });
});
