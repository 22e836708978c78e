import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendanceSlotIndex1795926940755 implements MigrationInterface {
  name = 'AttendanceSlotIndex1795926940755';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_dc83e0f81a2fc3ffdde4e60ff1" ON "attendance" ("slot_id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_dc83e0f81a2fc3ffdde4e60ff1"');
  }
}
