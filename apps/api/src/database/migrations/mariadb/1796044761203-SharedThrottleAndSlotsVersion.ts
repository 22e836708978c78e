import { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedThrottleAndSlotsVersion1796044761203 implements MigrationInterface {
  name = 'SharedThrottleAndSlotsVersion1796044761203';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `throttle_event` (`id` int NOT NULL AUTO_INCREMENT, `bucket` varchar(24) NOT NULL, `key_hash` varchar(64) NOT NULL, `at` datetime(3) NOT NULL, INDEX `IDX_throttle_event_bucket_key_at` (`bucket`, `key_hash`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `throttle_key` (`bucket` varchar(24) NOT NULL, `key_hash` varchar(64) NOT NULL, `at` datetime(3) NOT NULL, PRIMARY KEY (`bucket`, `key_hash`)) ENGINE=InnoDB',
    );
    await queryRunner.query("ALTER TABLE `structure` ADD `slots_version` int NOT NULL DEFAULT '0'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `slots_version`');
    await queryRunner.query('DROP TABLE `throttle_key`');
    await queryRunner.query('DROP INDEX `IDX_throttle_event_bucket_key_at` ON `throttle_event`');
    await queryRunner.query('DROP TABLE `throttle_event`');
  }
}
