import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget } from 'typeorm';
import { Database } from '../database/database.service';
import { ScopedRepository, StructureOwned } from './scoped-repository';
import { TenantContext } from './tenant-context';

/** Repositories of one structure inside one transaction. */
export class TenantTransaction {
  constructor(
    readonly em: EntityManager,
    readonly structureId: number,
  ) {}

  repo<T extends StructureOwned>(target: EntityTarget<T>): ScopedRepository<T> {
    return new ScopedRepository(this.em, target, this.structureId);
  }
}

/**
 * The one door to structure-owned data: repositories scoped to the caller's
 * structure, for reads and (in a transaction) writes.
 */
@Injectable()
export class Tenancy {
  constructor(
    private readonly db: Database,
    private readonly context: TenantContext,
  ) {}

  structureId(): number {
    return this.context.structureId();
  }

  repo<T extends StructureOwned>(target: EntityTarget<T>): ScopedRepository<T> {
    return new ScopedRepository(this.db.manager, target, this.structureId());
  }

  /** A write transaction scoped to the caller's structure (serialised on SQLite, see Database). */
  transaction<R>(work: (tx: TenantTransaction) => Promise<R>): Promise<R> {
    const structureId = this.structureId();
    return this.db.transaction((em) => work(new TenantTransaction(em, structureId)));
  }

  /**
   * The caller's structure and the database manager, outside any transaction,
   * for hand-written read SQL that binds `structure_id = ?` to `structureId`
   * on every table (decision 6).
   */
  reader(): TenantTransaction {
    return new TenantTransaction(this.db.manager, this.structureId());
  }

  /**
   * Reads of the caller's structure that must see one state of the data (see
   * Database.readSnapshot). For hand-written SQL, `structureId` is the value
   * every statement binds to `structure_id = ?`.
   */
  readSnapshot<R>(work: (tx: TenantTransaction) => Promise<R>): Promise<R> {
    const structureId = this.structureId();
    return this.db.readSnapshot((em) => work(new TenantTransaction(em, structureId)));
  }

  /**
   * Read-only access to a structure resolved from a public address (the kiosk
   * of /k/<slug>), for the few public endpoints that show a structure's
   * non-personal data before anybody logs in.
   */
  publicRepo<T extends StructureOwned>(structureId: number, target: EntityTarget<T>): ScopedRepository<T> {
    return new ScopedRepository(this.db.manager, target, structureId);
  }

  /**
   * Work on a structure named explicitly, for system tasks without a caller of
   * that structure: first start, demo data, super-admin seeding of a new
   * structure. Never use it with an id that comes from a request body or URL
   * without checking the caller is allowed.
   */
  systemTransaction<R>(structureId: number, work: (tx: TenantTransaction) => Promise<R>): Promise<R> {
    return this.db.transaction((em) => work(new TenantTransaction(em, structureId)));
  }
}
