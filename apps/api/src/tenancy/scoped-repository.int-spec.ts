import { Family } from '../families/entities/family.entity';
import { Member } from '../families/entities/member.entity';
import { createFamily, createStructureWithAdmin, memberBody, referenceIds, StructureFixture, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { ScopedRepository } from './scoped-repository';

/**
 * ScopedRepository.query() on the real database of the run's dialect: whatever
 * the caller's builder does with its conditions (`orWhere`, a raw `OR`, nested
 * brackets), the structure condition is applied to all of them, not to the
 * last one (`A OR (B AND structure)` would read the other structure's rows).
 */
describe('ScopedRepository.query() keeps the wall around OR conditions', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let families: (structureId: number) => ScopedRepository<Family>;
  let members: (structureId: number) => ScopedRepository<Member>;

  beforeAll(async () => {
    t = await startTestApp();
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Alpha Ludothèque');
    b = await createStructureWithAdmin(t, sa, 'ZZBravo Ludothèque', 'zzbravo.admin@test.local');
    for (const [s, marker] of [
      [a, 'Alpha'],
      [b, 'ZZBravo'],
    ] as const) {
      const ref = await referenceIds(t, s.adminToken);
      await createFamily(t, s.adminToken, `${marker} Famille`, [memberBody(ref, { lastName: marker, firstName: `${marker}Prénom` })]);
    }
    families = (structureId) => new ScopedRepository(t.dataSource.manager, Family, structureId);
    members = (structureId) => new ScopedRepository(t.dataSource.manager, Member, structureId);
  });
  afterAll(() => t.close());

  const names = (rows: Family[]) => rows.map((f) => f.name).sort();

  it('the fixture: each structure sees its own family through a plain scoped query', async () => {
    expect(names(await families(a.structure.id).query('f').getMany())).toEqual(['Alpha Famille']);
    expect(names(await families(b.structure.id).query('f').getMany())).toEqual(['ZZBravo Famille']);
  });

  // With `andWhere` appended last, `A OR B` became `A OR B AND structure`, i.e.
  // `A OR (B AND structure)`: A was read in every structure. Both orders are tried.
  it('.where(A).orWhere(B): neither A nor B is read outside the structure', async () => {
    for (const [first, second] of [
      ['ZZBravo Famille', 'Alpha Famille'],
      ['Alpha Famille', 'ZZBravo Famille'],
    ]) {
      const rows = await families(a.structure.id)
        .query('f', (qb) => qb.where('f.name = :first', { first }).orWhere('f.name = :second', { second }))
        .getMany();
      expect({ first, names: names(rows) }).toEqual({ first, names: ['Alpha Famille'] });
    }
  });

  it('an OR written inside one condition string, and an always-true orWhere', async () => {
    const raw = await families(a.structure.id)
      .query('f', (qb) => qb.where("f.name = 'ZZBravo Famille' OR f.name = 'Alpha Famille'"))
      .getMany();
    expect(names(raw)).toEqual(['Alpha Famille']);
    const all = await families(a.structure.id)
      .query('f', (qb) => qb.where('1 = 1').orWhere('f.archived = :no', { no: false }))
      .getMany();
    expect(names(all)).toEqual(['Alpha Famille']);
    const none = await families(a.structure.id)
      .query('f', (qb) =>
        qb.where('f.name LIKE :theirs', { theirs: 'ZZBravo%' }).andWhere('f.archived = :no', { no: false }).orWhere('1 = 0'),
      )
      .getMany();
    expect(names(none)).toEqual([]);
  });

  it('counts, raw reads and joins are scoped the same way', async () => {
    const build = (qb: ReturnType<ScopedRepository<Member>['query']>) =>
      qb
        .innerJoin('m.family', 'f')
        .where('f.name LIKE :theirs', { theirs: 'ZZBravo%' })
        .orWhere('m.firstName = :mine', { mine: 'AlphaPrénom' });
    expect(await members(a.structure.id).query('m', build).getCount()).toBe(1);
    const raw = await members(a.structure.id)
      .query('m', (qb) => build(qb).select('m.first_name', 'first'))
      .getRawMany<{ first: string }>();
    expect(raw.map((r) => r.first)).toEqual(['AlphaPrénom']);
    const [page, total] = await members(a.structure.id).query('m', build).orderBy('m.id').skip(0).take(10).getManyAndCount();
    expect({ names: page.map((m) => m.firstName), total }).toEqual({ names: ['AlphaPrénom'], total: 1 });
  });

  it('refuses .where()/.orWhere() on the returned builder (they would replace or escape the structure condition)', async () => {
    const qb = families(a.structure.id).query('f');
    expect(() => qb.orWhere('1 = 1')).toThrow(/Tenancy/);
    expect(() => qb.where('1 = 1')).toThrow(/Tenancy/);
    expect(() => qb.clone().orWhere('1 = 1')).toThrow(/Tenancy/);
    // andWhere stays available: it can only narrow.
    expect(names(await qb.andWhere('1 = 1').getMany())).toEqual(['Alpha Famille']);
  });
});
