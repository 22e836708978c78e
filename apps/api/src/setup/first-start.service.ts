import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Account, STAFF_REALM } from '../auth/entities/account.entity';
import { generatePassword, hashPassword } from '../auth/passwords';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { Structure } from '../tenancy/entities/structure.entity';
import { StructuresService } from '../structures/structures.service';
import { createSuperAdmin } from './super-admins';
import { addDemoData } from '../seed/demo';

export const FIRST_ADMIN_LOGIN = 'admin@ludotheque.local';

/**
 * On start: the super-admin from POINTAGE_SUPERADMIN_* if none exists; on a
 * local install's first start, its one structure and that structure's admin,
 * whose credentials are printed once and written to DATA_DIR/first-run-credentials.txt (mode 600).
 */
@Injectable()
export class FirstStartService implements OnApplicationBootstrap {
  constructor(
    private readonly db: Database,
    private readonly structures: StructuresService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureSuperAdmin();
    if (this.config.mode === 'local') await this.ensureFirstStructure();
  }

  private async ensureSuperAdmin(): Promise<void> {
    if (!this.config.superAdmin) return;
    if (await this.db.manager.existsBy(Account, { role: 'super-admin' })) return;
    try {
      await createSuperAdmin(
        this.db.dataSource,
        this.config.superAdmin.email,
        this.config.superAdmin.password,
        'POINTAGE_SUPERADMIN_EMAIL',
      );
    } catch (e) {
      // Another replica started at the same moment and created it first (decision 10): nothing to do.
      if (await this.db.manager.existsBy(Account, { role: 'super-admin' })) return;
      throw e;
    }
    // Printed, not logged: start-up logs stay quiet until the app is up (see bootstrap.ts).
    console.log(`Super-administrateur ${this.config.superAdmin.email} créé.`);
  }

  private async ensureFirstStructure(): Promise<void> {
    if ((await this.db.manager.count(Structure)) > 0) return;
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    const structure = await this.db.transaction(async (em) => {
      const s = await this.structures.create({ name: this.config.firstStructureName }, em);
      const now = this.clock.now();
      await em.save(
        Account,
        em.create(Account, {
          role: 'admin',
          email: FIRST_ADMIN_LOGIN,
          realm: STAFF_REALM,
          passwordHash,
          displayName: `Équipe ${s.name}`,
          structureId: s.id,
          familyId: null,
          tokenVersion: 0,
          active: true,
          createdAt: now,
          passwordChangedAt: now,
          lastLoginAt: null,
        }),
      );
      return s;
    });
    const file = join(this.config.dataDir, 'first-run-credentials.txt');
    const text =
      `Pointage — première installation (${this.clock.now().toISOString()})\n` +
      `Structure : ${structure.name}\n` +
      `Panneau de contrôle : ${this.config.publicUrl}/admin\n` +
      `Identifiant : ${FIRST_ADMIN_LOGIN}\n` +
      `Mot de passe : ${password}\n` +
      `Changez ce mot de passe dans MOT DE PASSE, puis supprimez ce fichier.\n`;
    writeFileSync(file, text, { mode: 0o600 });
    chmodSync(file, 0o600);
    const line = '='.repeat(72);
    // Printed once, on purpose: the person installing must be able to log in.
    console.log(
      `\n${line}\n Première installation : la structure « ${structure.name} » a été créée.\n` +
        ` Panneau de contrôle : ${this.config.publicUrl}/admin\n` +
        ` Identifiant         : ${FIRST_ADMIN_LOGIN}\n` +
        ` Mot de passe        : ${password}\n` +
        ` (aussi dans ${file} — changez le mot de passe puis supprimez ce fichier)\n${line}\n`,
    );
    if (this.config.demoData) console.log(await addDemoData(this.db, structure, this.clock.now()));
  }
}
