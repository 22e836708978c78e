import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  memberBody,
  referenceIds,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';

describe('structure settings (PARAMÈTRES)', () => {
  let t: TestApp;
  let sa: string;
  let a: StructureFixture;
  let b: StructureFixture;

  beforeAll(async () => {
    t = await startTestApp();
    sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Paramètres');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Voisine');
  });
  afterAll(() => t.close());

  const lists = async (s = a) => (await t.http().get('/api/settings/lists').set(bearer(s.adminToken)).expect(200)).body;
  const saveCities = (items: object[], s = a) => t.http().put('/api/settings/lists/city').set(bearer(s.adminToken)).send({ items });

  describe('reference lists', () => {
    it('start with the defaults of the specification', async () => {
      const l = await lists();
      expect(l.sex.map((i: { label: string }) => i.label)).toEqual(['Femme', 'Homme']);
      expect(l.city.map((i: { label: string }) => i.label)).toEqual(['Faches-Thumesnil', 'Lille', 'Ronchin', 'Autres']);
      expect(l.minima.map((i: { label: string }) => i.label)).toEqual(['Non', 'RSA', 'AAH', 'AEH', 'Minimum vieillesse']);
      expect(l.qf).toHaveLength(6);
      expect(l.ageBrackets.map((x: { minAge: number; maxAge: number }) => [x.minAge, x.maxAge])).toEqual([
        [0, 2],
        [3, 6],
        [7, 11],
        [12, 17],
        [18, 54],
        [55, 99],
      ]);
    });

    it('are saved whole: add, rename, reorder, deactivate (swapping two labels included)', async () => {
      const before = (await lists()).city as { id: number; label: string }[];
      const [faches, lille, ronchin, autres] = before;
      const res = await saveCities([
        { id: lille.id, label: 'Ronchin', active: true },
        { id: ronchin.id, label: 'Lille', active: true },
        { label: "Villeneuve-d'Ascq", active: true },
        { id: faches.id, label: 'Faches-Thumesnil', active: false },
        { id: autres.id, label: 'Autres communes', active: true },
      ]).expect(200);
      expect(res.body.map((i: { label: string; active: boolean }) => `${i.label}${i.active ? '' : ' (inactive)'}`)).toEqual([
        'Ronchin',
        'Lille',
        "Villeneuve-d'Ascq",
        'Faches-Thumesnil (inactive)',
        'Autres communes',
      ]);
      // Put the defaults back for the next tests.
      await saveCities([
        { id: faches.id, label: 'Faches-Thumesnil', active: true },
        { id: ronchin.id, label: 'Lille', active: true },
        { id: lille.id, label: 'Ronchin', active: true },
        { id: autres.id, label: 'Autres', active: true },
        { id: res.body[2].id, label: "Villeneuve-d'Ascq", active: true },
      ]).expect(200);
    });

    it('refuses to delete an entry in use, says how many use it, and changes nothing; deactivation keeps it on members', async () => {
      const ref = await referenceIds(t, a.adminToken);
      await createFamily(t, a.adminToken, 'Usage', [memberBody(ref, { cityId: ref['city']['Ronchin'] })]);
      const before = (await lists()).city as { id: number; label: string; active: boolean; usage: number }[];
      const ronchin = before.find((c) => c.label === 'Ronchin');
      expect(ronchin?.usage).toBe(1);
      // What the count counts: one member here; the family's quotient familial is used by families.
      expect(ronchin).toMatchObject({ usedBy: { members: 1, families: 0, attendance: 0 } });
      const qf = ((await lists()).qf as { label: string; usedBy: { members: number; families: number; attendance: number } }[]).find(
        (q) => q.label === '481 à 581 €',
      );
      expect(qf?.usedBy.families).toBeGreaterThanOrEqual(1);
      const res = await saveCities(
        before.filter((c) => c.label !== 'Ronchin').map((c) => ({ id: c.id, label: c.label.toUpperCase(), active: c.active })),
      );
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('« Ronchin » est utilisé par 1 membre : vous pouvez le désactiver, pas le supprimer.');
      expect((await lists()).city).toEqual(before);

      await saveCities(before.map((c) => ({ id: c.id, label: c.label, active: c.label !== 'Ronchin' }))).expect(200);
      const again = await t
        .http()
        .post('/api/families')
        .set(bearer(a.adminToken))
        .send({
          name: 'Nouvelle',
          email: 'nouvelle@test.local',
          qfId: ref['qf']['0 à 480 €'],
          minimaId: ref['minima']['Non'],
          members: [memberBody(ref, { cityId: ref['city']['Ronchin'] })],
        });
      expect(again.status).toBe(400);
      expect(again.body.message).toBe("« Ronchin » n'est plus proposé pour « ville de résidence » : choisissez une autre valeur.");
      await saveCities(before.map((c) => ({ id: c.id, label: c.label, active: true }))).expect(200);
    });

    it.each([
      [
        'duplicates',
        [
          { label: 'Lille', active: true },
          { label: 'LILLE', active: true },
        ],
        400,
        "L'entrée « LILLE » apparaît deux fois dans la liste.",
      ],
      [
        'a label of 10 000 characters',
        [{ label: 'x'.repeat(10_000), active: true }],
        400,
        'Le champ « liste › entrée 1 › libellé » est trop long (80 caractères).',
      ],
      ['no active entry', [{ label: 'Lille', active: false }], 400, 'La liste doit garder au moins une entrée active.'],
      ['an empty list', [], 400, 'La liste « liste » ne peut pas être vide.'],
      ['a child city', [{ label: 'Lille', active: true, isChild: true }], 400, 'Seuls les statuts peuvent être marqués « enfant ».'],
      ['a wrong type', [{ label: 'Lille', active: 'oui' }], 400, 'Le champ « liste › entrée 1 › active » doit valoir vrai ou faux.'],
    ])('refuses %s with a French reason and writes nothing', async (_case, items, status, message) => {
      const before = await lists();
      const res = await saveCities(items as object[]);
      expect({ status: res.status, message: res.body.message }).toEqual({ status, message });
      expect(await lists()).toEqual(before);
    });

    it('does not reach the entries of another structure', async () => {
      const other = (await lists(b)).city as { id: number }[];
      const mine = (await lists()).city as { id: number; label: string; active: boolean }[];
      const res = await saveCities([
        ...mine.map((c) => ({ id: c.id, label: c.label, active: c.active })),
        { id: other[0].id, label: 'Volée', active: true },
      ]);
      expect(res.status).toBe(404);
      expect((await lists(b)).city[0].label).toBe('Faches-Thumesnil');
      await t
        .http()
        .put('/api/settings/lists/planets')
        .set(bearer(a.adminToken))
        .send({ items: [{ label: 'x', active: true }] })
        .expect(404);
    });

    it('keeps the child flag of statuses', async () => {
      const statuses = (await lists()).status as { id: number; label: string; active: boolean; isChild: boolean }[];
      const res = await t
        .http()
        .put('/api/settings/lists/status')
        .set(bearer(a.adminToken))
        .send({
          items: [
            ...statuses.map((s) => ({ id: s.id, label: s.label, active: s.active, isChild: s.isChild })),
            { label: 'Enfant accueilli', active: true, isChild: true },
          ],
        })
        .expect(200);
      expect(res.body.filter((s: { isChild: boolean }) => s.isChild).map((s: { label: string }) => s.label)).toEqual([
        'Enfant à charge',
        'Enfant gardé',
        'Enfant accueilli',
      ]);
    });
  });

  describe('age brackets', () => {
    it('are saved sorted, and refused when they overlap', async () => {
      const ok = await t
        .http()
        .put('/api/settings/age-brackets')
        .set(bearer(a.adminToken))
        .send({
          brackets: [
            { minAge: 6, maxAge: 10 },
            { minAge: 0, maxAge: 5 },
          ],
        })
        .expect(200);
      expect(ok.body.map((x: { minAge: number; maxAge: number }) => [x.minAge, x.maxAge])).toEqual([
        [0, 5],
        [6, 10],
      ]);
      const bad = await t
        .http()
        .put('/api/settings/age-brackets')
        .set(bearer(a.adminToken))
        .send({
          brackets: [
            { minAge: 0, maxAge: 6 },
            { minAge: 3, maxAge: 10 },
          ],
        });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe('Les tranches 0–6 ans et 3–10 ans se chevauchent.');
      const inverted = await t
        .http()
        .put('/api/settings/age-brackets')
        .set(bearer(a.adminToken))
        .send({ brackets: [{ minAge: 9, maxAge: 3 }] });
      expect(inverted.body.message).toMatch(/inversée/);
      expect((await lists()).ageBrackets.map((x: { minAge: number }) => x.minAge)).toEqual([0, 6]);
    });
  });

  describe('welcome message and logo', () => {
    const png = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 4, background: { r: 200, g: 80, b: 20, alpha: 1 } } })
        .png()
        .toBuffer();
    const upload = (body: Buffer, type = 'image/png', s = a) =>
      t.http().put('/api/settings/logo').set(bearer(s.adminToken)).set('Content-Type', type).send(body);
    const uploadsDir = () => join(t.config.dataDir, 'uploads');
    const files = () => {
      try {
        return readdirSync(uploadsDir()).sort();
      } catch {
        return [];
      }
    };

    it('saves the welcome message shown by the kiosk', async () => {
      await t.http().put('/api/settings/welcome').set(bearer(a.adminToken)).send({ message: 'Bienvenue ! Pensez à pointer.' }).expect(200);
      const kiosk = await t.http().get(`/api/public/structures/${a.structure.slug}`).expect(200);
      expect(kiosk.body).toMatchObject({ name: 'Ludothèque Paramètres', welcomeMessage: 'Bienvenue ! Pensez à pointer.', logoUrl: null });
      const long = await t
        .http()
        .put('/api/settings/welcome')
        .set(bearer(a.adminToken))
        .send({ message: 'x'.repeat(2001) });
      expect(long.status).toBe(400);
    });

    it('stores a logo, shows its original size, resizes proportionally on the server, serves it with caching headers', async () => {
      const res = await upload(await png(3274, 1435)).expect(200);
      expect(res.body).toMatchObject({ originalWidth: 3274, originalHeight: 1435, width: 600, height: 263 });
      const served = await t
        .http()
        .get(res.body.url)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(await sharp(served.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 600, height: 263 });

      const resized = await t.http().post('/api/settings/logo/resize').set(bearer(a.adminToken)).send({ width: 300 }).expect(200);
      expect(resized.body).toMatchObject({ width: 300, height: 131, originalWidth: 3274, originalHeight: 1435 });
      const kiosk = await t.http().get(`/api/public/structures/${a.structure.slug}`).expect(200);
      expect(kiosk.body.logoUrl).toBe(resized.body.url);
      // The previous display version was removed; the original is kept, not public.
      expect(files().filter((f) => f.startsWith('logo-'))).toHaveLength(1);
      const original = files().find((f) => f.startsWith('orig-'));
      await t.http().get(`/api/public/files/${original}`).expect(404);
    });

    it.each([
      [
        'a renamed PDF',
        () => Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF'),
        'image/png',
        415,
        'Format non accepté : envoyez une image PNG, JPEG ou WebP (les SVG et PDF ne sont pas acceptés).',
      ],
      [
        'an SVG',
        () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'image/svg+xml',
        415,
        'Format non accepté : envoyez une image PNG, JPEG ou WebP (les SVG et PDF ne sont pas acceptés).',
      ],
      [
        'a 40 000 × 40 000 pixel bomb',
        () => pixelBombPng(40_000, 40_000),
        'image/png',
        400,
        'Image trop grande (40000 × 40000 pixels) : 40 millions de pixels au plus.',
      ],
      [
        'a truncated PNG',
        () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
        'image/png',
        400,
        'Cette image est illisible ou endommagée.',
      ],
      ['an empty body', () => Buffer.alloc(0), 'image/png', 400, 'Aucun fichier reçu : choisissez une image.'],
    ])('refuses %s with a French reason and stores nothing', async (_name, body, type, status, message) => {
      const before = files();
      const welcome = (await t.http().get('/api/settings/welcome').set(bearer(a.adminToken))).body;
      const res = await upload(body(), type);
      expect({ status: res.status, message: res.body.message }).toEqual({ status, message });
      expect(files()).toEqual(before);
      expect((await t.http().get('/api/settings/welcome').set(bearer(a.adminToken))).body).toEqual(welcome);
    });

    it('refuses a 50 MB upload from its announced size, and a chunked one past 5 MB while streaming', async () => {
      const before = files();
      const big = await upload(Buffer.alloc(50 * 1024 * 1024, 1));
      expect(big.status).toBe(413);
      expect(big.body.message).toBe("Le fichier dépasse 5 Mo : réduisez l'image avant de l'envoyer.");
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const { request } = require('node:http') as typeof import('node:http');
        const server = t.app.getHttpServer() as import('node:http').Server;
        const address = (server.address() ?? server.listen(0).address()) as import('node:net').AddressInfo;
        const port = address.port;
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path: '/api/settings/logo',
            headers: { Authorization: `Bearer ${a.adminToken}`, 'Content-Type': 'image/png', 'Transfer-Encoding': 'chunked' },
          },
          (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        const chunk = Buffer.alloc(1024 * 1024, 2);
        let sent = 0;
        const pump = (): void => {
          while (sent < 8) {
            sent++;
            if (!req.write(chunk)) {
              req.once('drain', pump);
              return;
            }
          }
          req.end();
        };
        pump();
      });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body).message).toBe("Le fichier dépasse 5 Mo : réduisez l'image avant de l'envoyer.");
      expect(files()).toEqual(before);
    });

    it('keeps each structure to its own logo settings', async () => {
      const res = await t.http().get('/api/settings/welcome').set(bearer(b.adminToken)).expect(200);
      expect(res.body).toEqual({ message: '', logo: null });
    });
  });

  describe('installation settings (super-admin)', () => {
    it('changes the funder footer and logos shown on every page', async () => {
      await t
        .http()
        .put('/api/super-admin/settings')
        .set(bearer(sa))
        .send({ footerText: 'Cofinancé par le FEDER et la CAF du Nord' })
        .expect(200);
      const logo = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#003399' } })
        .png()
        .toBuffer();
      const added = await t
        .http()
        .post('/api/super-admin/funder-logos?alt=Union%20europ%C3%A9enne')
        .set(bearer(sa))
        .set('Content-Type', 'image/png')
        .send(logo)
        .expect(201);
      expect(added.body.funderLogos).toEqual([
        { id: expect.any(Number), url: expect.stringMatching(/^\/api\/public\/files\/funder-/), alt: 'Union européenne' },
      ]);
      const pub = await t.http().get('/api/public/settings').expect(200);
      expect(pub.body.footerText).toBe('Cofinancé par le FEDER et la CAF du Nord');
      await t.http().get(pub.body.funderLogos[0].url).expect(200);
      // Admins cannot change installation settings.
      await t.http().put('/api/super-admin/settings').set(bearer(a.adminToken)).send({ footerText: 'x' }).expect(403);
      await t.http().delete(`/api/super-admin/funder-logos/${added.body.funderLogos[0].id}`).set(bearer(sa)).expect(200);
      expect((await t.http().get('/api/public/settings')).body.funderLogos).toEqual([]);
    });
  });

  describe('public kiosk information', () => {
    it('lists active structures and answers 404 for unknown or disabled ones', async () => {
      const list = await t.http().get('/api/public/structures').expect(200);
      expect(list.body).toEqual(expect.arrayContaining([{ name: 'Ludothèque Paramètres', slug: a.structure.slug }]));
      await t.http().get('/api/public/structures/nulle-part').expect(404);
      const ref = await t.http().get(`/api/public/structures/${a.structure.slug}/reference`).expect(200);
      expect(Object.keys(ref.body).sort()).toEqual(['city', 'minima', 'qf', 'sex', 'status']);
    });
  });
});

/** A PNG whose header announces width × height pixels, with no real image data behind. */
function pixelBombPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.alloc(16)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
