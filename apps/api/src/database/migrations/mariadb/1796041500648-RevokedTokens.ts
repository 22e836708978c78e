import { MigrationInterface, QueryRunner } from 'typeorm';

export class RevokedTokens1796041500648 implements MigrationInterface {
  name = 'RevokedTokens1796041500648';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `revoked_token` (`jti` varchar(36) NOT NULL, `expires_at` datetime(3) NOT NULL, INDEX `IDX_185b58c08c48bb8d35a086bafd` (`expires_at`), PRIMARY KEY (`jti`)) ENGINE=InnoDB',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_185b58c08c48bb8d35a086bafd` ON `revoked_token`');
    await queryRunner.query('DROP TABLE `revoked_token`');
  }
}
