import { MigrationInterface, QueryRunner } from 'typeorm';
import { KioskValidation1795924588868 } from './1795924588868-KioskValidation';

export class AttendanceValidationKey1795930235898 implements MigrationInterface {
  name = 'AttendanceValidationKey1795930235898';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The idempotency key moved onto the attendance rows: the kiosk_validation table goes.
    await new KioskValidation1795924588868().down(queryRunner);
    await queryRunner.query('DROP INDEX "IDX_dc83e0f81a2fc3ffdde4e60ff1"');
    await queryRunner.query('DROP INDEX "IDX_b2a15ece48c3cd74f3b05f1952"');
    await queryRunner.query('DROP INDEX "IDX_3a5359d29f22851facc4e4764e"');
    await queryRunner.query('DROP INDEX "IDX_4718257a77218bf58dab718add"');
    await queryRunner.query(
      'CREATE TABLE "temporary_attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "slot_id" integer NOT NULL, "member_id" integer NOT NULL, "family_id" integer NOT NULL, "arrived_at" datetime(3) NOT NULL, "sex_id" integer NOT NULL, "city_id" integer NOT NULL, "status_id" integer NOT NULL, "minima_id" integer NOT NULL, "qf_id" integer NOT NULL, "source" varchar(10) NOT NULL, "recorded_by" integer, "created_at" datetime(3) NOT NULL, "validation_key" varchar(64), CONSTRAINT "FK_937983de50f93b72dd50594e404" FOREIGN KEY ("qf_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_516bf7b564965ab42da0be23070" FOREIGN KEY ("minima_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_e73feb292a5993a8643ce9deb8a" FOREIGN KEY ("status_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_8f6c99e777793a7964dfc736176" FOREIGN KEY ("city_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_f6682eeb2a0001c96fd99fc2680" FOREIGN KEY ("sex_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_4718257a77218bf58dab718add4" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_52d9db0d044b7bcc372147cf5ea" FOREIGN KEY ("member_id") REFERENCES "member" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_dc83e0f81a2fc3ffdde4e60ff13" FOREIGN KEY ("slot_id") REFERENCES "slot" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_71dfef744d08647bd0f5ad2c09a" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_attendance"("id", "structure_id", "slot_id", "member_id", "family_id", "arrived_at", "sex_id", "city_id", "status_id", "minima_id", "qf_id", "source", "recorded_by", "created_at") SELECT "id", "structure_id", "slot_id", "member_id", "family_id", "arrived_at", "sex_id", "city_id", "status_id", "minima_id", "qf_id", "source", "recorded_by", "created_at" FROM "attendance"',
    );
    await queryRunner.query('DROP TABLE "attendance"');
    await queryRunner.query('ALTER TABLE "temporary_attendance" RENAME TO "attendance"');
    await queryRunner.query('CREATE INDEX "IDX_dc83e0f81a2fc3ffdde4e60ff1" ON "attendance" ("slot_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_b2a15ece48c3cd74f3b05f1952" ON "attendance" ("member_id", "slot_id") ');
    await queryRunner.query('CREATE INDEX "IDX_3a5359d29f22851facc4e4764e" ON "attendance" ("structure_id", "slot_id") ');
    await queryRunner.query('CREATE INDEX "IDX_4718257a77218bf58dab718add" ON "attendance" ("family_id") ');
    await queryRunner.query('CREATE INDEX "IDX_e62a92be3e820ceb8370d318af" ON "attendance" ("validation_key", "structure_id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_e62a92be3e820ceb8370d318af"');
    await queryRunner.query('DROP INDEX "IDX_4718257a77218bf58dab718add"');
    await queryRunner.query('DROP INDEX "IDX_3a5359d29f22851facc4e4764e"');
    await queryRunner.query('DROP INDEX "IDX_b2a15ece48c3cd74f3b05f1952"');
    await queryRunner.query('DROP INDEX "IDX_dc83e0f81a2fc3ffdde4e60ff1"');
    await queryRunner.query('ALTER TABLE "attendance" RENAME TO "temporary_attendance"');
    await queryRunner.query(
      'CREATE TABLE "attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "slot_id" integer NOT NULL, "member_id" integer NOT NULL, "family_id" integer NOT NULL, "arrived_at" datetime(3) NOT NULL, "sex_id" integer NOT NULL, "city_id" integer NOT NULL, "status_id" integer NOT NULL, "minima_id" integer NOT NULL, "qf_id" integer NOT NULL, "source" varchar(10) NOT NULL, "recorded_by" integer, "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_937983de50f93b72dd50594e404" FOREIGN KEY ("qf_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_516bf7b564965ab42da0be23070" FOREIGN KEY ("minima_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_e73feb292a5993a8643ce9deb8a" FOREIGN KEY ("status_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_8f6c99e777793a7964dfc736176" FOREIGN KEY ("city_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_f6682eeb2a0001c96fd99fc2680" FOREIGN KEY ("sex_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_4718257a77218bf58dab718add4" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_52d9db0d044b7bcc372147cf5ea" FOREIGN KEY ("member_id") REFERENCES "member" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_dc83e0f81a2fc3ffdde4e60ff13" FOREIGN KEY ("slot_id") REFERENCES "slot" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_71dfef744d08647bd0f5ad2c09a" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "attendance"("id", "structure_id", "slot_id", "member_id", "family_id", "arrived_at", "sex_id", "city_id", "status_id", "minima_id", "qf_id", "source", "recorded_by", "created_at") SELECT "id", "structure_id", "slot_id", "member_id", "family_id", "arrived_at", "sex_id", "city_id", "status_id", "minima_id", "qf_id", "source", "recorded_by", "created_at" FROM "temporary_attendance"',
    );
    await queryRunner.query('DROP TABLE "temporary_attendance"');
    await queryRunner.query('CREATE INDEX "IDX_4718257a77218bf58dab718add" ON "attendance" ("family_id") ');
    await queryRunner.query('CREATE INDEX "IDX_3a5359d29f22851facc4e4764e" ON "attendance" ("structure_id", "slot_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_b2a15ece48c3cd74f3b05f1952" ON "attendance" ("member_id", "slot_id") ');
    await queryRunner.query('CREATE INDEX "IDX_dc83e0f81a2fc3ffdde4e60ff1" ON "attendance" ("slot_id") ');
    await new KioskValidation1795924588868().up(queryRunner);
  }
}
