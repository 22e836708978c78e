import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795921522682 implements MigrationInterface {
  name = 'Init1795921522682';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `app_setting` (`key` varchar(60) NOT NULL, `value` text NOT NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `structure` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(100) NOT NULL, `slug` varchar(60) NOT NULL, `time_zone` varchar(60) NOT NULL DEFAULT 'Europe/Paris', `active` tinyint NOT NULL DEFAULT 1, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `IDX_65898d188590fbd9e5f6657fcb` (`slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_65898d188590fbd9e5f6657fcb` ON `structure`');
    await queryRunner.query('DROP TABLE `structure`');
    await queryRunner.query('DROP TABLE `app_setting`');
  }
}
