import { NotFoundException } from '@nestjs/common';
import {
  Brackets,
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOneOptions,
  FindOptionsWhere,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm';
import { french } from '../common/errors';

/** Any entity owned by a structure. */
export interface StructureOwned extends ObjectLiteral {
  id: number;
  structureId: number;
}

type Where<T> = FindOptionsWhere<T> | FindOptionsWhere<T>[];

/**
 * A repository bound to one structure: every read, update and delete carries
 * `structure_id = <caller's structure>`, every insert sets it. Obtained from
 * Tenancy.repo() or a TenantTransaction — never built by hand elsewhere.
 * A record of another structure is simply not found.
 */
export class ScopedRepository<T extends StructureOwned> {
  constructor(
    private readonly em: EntityManager,
    private readonly target: EntityTarget<T>,
    readonly structureId: number,
  ) {}

  private scoped(where?: Where<T>): Where<T> {
    const own = { structureId: this.structureId } as FindOptionsWhere<T>;
    if (!where) return own;
    if (Array.isArray(where)) return where.map((w) => ({ ...w, ...own }));
    return { ...where, ...own };
  }

  find(options: FindManyOptions<T> = {}): Promise<T[]> {
    return this.em.find(this.target, { ...options, where: this.scoped(options.where as Where<T> | undefined) });
  }

  findAndCount(options: FindManyOptions<T> = {}): Promise<[T[], number]> {
    return this.em.findAndCount(this.target, { ...options, where: this.scoped(options.where as Where<T> | undefined) });
  }

  findBy(where: Where<T>): Promise<T[]> {
    return this.em.findBy(this.target, this.scoped(where));
  }

  findOne(options: FindOneOptions<T>): Promise<T | null> {
    return this.em.findOne(this.target, { ...options, where: this.scoped(options.where as Where<T> | undefined) });
  }

  findOneBy(where: Where<T>): Promise<T | null> {
    return this.em.findOneBy(this.target, this.scoped(where));
  }

  /** The record with this id in the caller's structure, or 404 with a French message. */
  async get(id: number, notFound: string, options: Omit<FindOneOptions<T>, 'where'> = {}): Promise<T> {
    const found = await this.findOne({ ...options, where: { id } as FindOptionsWhere<T> });
    if (!found) throw new NotFoundException(french(notFound));
    return found;
  }

  count(where?: Where<T>): Promise<number> {
    return this.em.countBy(this.target, this.scoped(where));
  }

  exists(where: Where<T>): Promise<boolean> {
    return this.em.existsBy(this.target, this.scoped(where));
  }

  /** Creates and saves a new record in the caller's structure. */
  insert(values: Omit<DeepPartial<T>, 'structureId' | 'id'>): Promise<T> {
    const entity = this.em.create(this.target, { ...values, structureId: this.structureId } as DeepPartial<T>);
    return this.em.save(this.target, entity);
  }

  /**
   * Inserts many rows of the caller's structure in multi-row statements.
   * `ignoreDuplicates` skips rows that a unique index already holds
   * (INSERT OR IGNORE on SQLite, INSERT IGNORE on MariaDB).
   */
  async insertMany(
    rows: Omit<DeepPartial<T>, 'structureId' | 'id'>[],
    options: { ignoreDuplicates?: boolean; chunk?: number } = {},
  ): Promise<void> {
    const size = options.chunk ?? 500;
    for (let i = 0; i < rows.length; i += size) {
      const values = rows.slice(i, i + size).map((r) => ({ ...r, structureId: this.structureId })) as never[];
      const qb = this.em.createQueryBuilder().insert().into(this.target).values(values).updateEntity(false);
      if (options.ignoreDuplicates) qb.orIgnore();
      await qb.execute();
    }
  }

  /**
   * Inserts rows skipping those a unique index already holds, and returns how
   * many were inserted (the statement's affected-rows count). Only for tables
   * whose foreign keys cannot fail (IGNORE would hide it on MariaDB).
   */
  async insertNew(rows: Omit<DeepPartial<T>, 'structureId' | 'id'>[]): Promise<number> {
    const values = rows.map((r) => ({ ...r, structureId: this.structureId })) as never[];
    const [sql, params] = this.em
      .createQueryBuilder()
      .insert()
      .into(this.target)
      .values(values)
      .orIgnore()
      .updateEntity(false)
      .getQueryAndParameters();
    const runner = this.em.queryRunner ?? this.em.connection.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return result.affected ?? 0;
    } finally {
      if (!this.em.queryRunner) await runner.release();
    }
  }

  /** Saves a record previously loaded through this structure's scope. */
  save(entity: T): Promise<T> {
    if (entity.structureId !== this.structureId) {
      // A programming error, not a user error: never write across structures.
      throw new Error(`Tenancy violation: saving ${String(this.target)} of structure ${entity.structureId} in ${this.structureId}`);
    }
    return this.em.save(this.target, entity);
  }

  async update(where: Where<T>, patch: Omit<DeepPartial<T>, 'structureId' | 'id'>): Promise<number> {
    const result = await this.em.update(this.target, this.scoped(where), patch as never);
    return result.affected ?? 0;
  }

  async delete(where: Where<T>): Promise<number> {
    const result = await this.em.delete(this.target, this.scoped(where));
    return result.affected ?? 0;
  }

  /**
   * A query builder restricted to the structure. `build` adds the caller's
   * conditions; they are then put in brackets behind the structure condition:
   * `WHERE structure AND (<the caller's conditions>)`. Appending the structure
   * with `andWhere` instead gave `A OR B AND structure`, i.e.
   * `A OR (B AND structure)`: an `orWhere` (or an OR inside one string) read
   * every structure's rows.
   *
   * The returned builder refuses `.where()` and `.orWhere()` (and their
   * `…Exists`/`…InIds` forms), which would replace the structure condition or
   * escape it; `.andWhere()` can only narrow and stays available. Its clones
   * refuse them too.
   */
  query(alias: string, build: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T> = (qb) => qb): SelectQueryBuilder<T> {
    const qb = build(this.em.createQueryBuilder(this.target, alias));
    const own = qb.expressionMap.wheres;
    qb.where(`${alias}.structureId = :__tenant`, { __tenant: this.structureId });
    if (own.length > 0) {
      // Brackets hands its factory a fresh builder whose conditions become the
      // bracketed group: give it the caller's conditions as they were built.
      qb.andWhere(
        new Brackets((inner) => {
          (inner as SelectQueryBuilder<T>).expressionMap.wheres = own;
        }),
      );
    }
    return sealed(qb);
  }
}

/** Makes `.where()`/`.orWhere()` throw on a scoped builder and on its clones. */
function sealed<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const refuse = (method: string) => () => {
    // A programming error: the call would drop the structure condition or OR around it.
    throw new Error(
      `Tenancy violation: ${method}() on a scoped query builder; put the conditions in the build function of ScopedRepository.query(), or use andWhere()`,
    );
  };
  const clone = qb.clone.bind(qb);
  Object.assign(qb, { where: refuse('where'), orWhere: refuse('orWhere'), clone: () => sealed(clone()) });
  return qb;
}
