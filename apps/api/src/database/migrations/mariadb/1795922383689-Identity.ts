import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795922383689 implements MigrationInterface {
  name = 'Identity1795922383689';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `audit_entry` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime(3) NOT NULL, `structure_id` int NULL, `actor_account_id` int NULL, `actor_label` varchar(254) NOT NULL, `actor_role` varchar(20) NULL, `acting_as` varchar(200) NULL, `action` varchar(60) NOT NULL, `target_type` varchar(40) NULL, `target_id` varchar(40) NULL, `details` text NULL, `ip` varchar(64) NULL, INDEX `IDX_9d18bd4a32fc0cd8ff82b12037` (`at`), INDEX `IDX_7a9e4f0b7b7717598108a7a66d` (`target_type`, `target_id`), INDEX `IDX_639061e5915e0425672f1c7251` (`structure_id`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `account` (`id` int NOT NULL AUTO_INCREMENT, `role` varchar(20) NOT NULL, `email` varchar(254) NOT NULL, `realm` varchar(20) NOT NULL, `password_hash` varchar(255) NOT NULL, `display_name` varchar(200) NOT NULL, `structure_id` int NULL, `family_id` int NULL, `token_version` int NOT NULL DEFAULT '0', `active` tinyint NOT NULL DEFAULT 1, `created_at` datetime(3) NOT NULL, `password_changed_at` datetime(3) NOT NULL, `last_login_at` datetime(3) NULL, UNIQUE INDEX `IDX_08f6e9d8fb57d12e6a87af8295` (`realm`, `email`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `password_reset_token` (`id` int NOT NULL AUTO_INCREMENT, `account_id` int NOT NULL, `token_hash` varchar(64) NOT NULL, `expires_at` datetime(3) NOT NULL, `used_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `IDX_a802f319abf4af2432d629dfe5` (`token_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `age_bracket` (`id` int NOT NULL AUTO_INCREMENT, `structure_id` int NOT NULL, `min_age` int NOT NULL, `max_age` int NOT NULL, `position` int NOT NULL, INDEX `IDX_1d14fbf86065855098daecf77a` (`structure_id`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `ref_item` (`id` int NOT NULL AUTO_INCREMENT, `structure_id` int NOT NULL, `kind` varchar(20) NOT NULL, `label` varchar(80) NOT NULL, `position` int NOT NULL, `active` tinyint NOT NULL DEFAULT 1, `is_child` tinyint NOT NULL DEFAULT 0, `code` varchar(30) NULL, INDEX `IDX_fcb792e512815eabdb6430744e` (`structure_id`, `kind`, `position`), UNIQUE INDEX `IDX_ef76afb6e057198aeb47e2b98f` (`structure_id`, `kind`, `label`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `audit_entry` ADD CONSTRAINT `FK_37cf5aebcc64ba9d2a58ac94aad` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `account` ADD CONSTRAINT `FK_479f6a2f4bcb29a838705d8535b` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `password_reset_token` ADD CONSTRAINT `FK_4a4ecaa68c52c3120b09bf818e9` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `age_bracket` ADD CONSTRAINT `FK_6a0d9d3ecbacd4c3cb5e5559e17` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `ref_item` ADD CONSTRAINT `FK_92b8a92d2faf95a15356e1069ba` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `ref_item` DROP FOREIGN KEY `FK_92b8a92d2faf95a15356e1069ba`');
    await queryRunner.query('ALTER TABLE `age_bracket` DROP FOREIGN KEY `FK_6a0d9d3ecbacd4c3cb5e5559e17`');
    await queryRunner.query('ALTER TABLE `password_reset_token` DROP FOREIGN KEY `FK_4a4ecaa68c52c3120b09bf818e9`');
    await queryRunner.query('ALTER TABLE `account` DROP FOREIGN KEY `FK_479f6a2f4bcb29a838705d8535b`');
    await queryRunner.query('ALTER TABLE `audit_entry` DROP FOREIGN KEY `FK_37cf5aebcc64ba9d2a58ac94aad`');
    await queryRunner.query('DROP INDEX `IDX_ef76afb6e057198aeb47e2b98f` ON `ref_item`');
    await queryRunner.query('DROP INDEX `IDX_fcb792e512815eabdb6430744e` ON `ref_item`');
    await queryRunner.query('DROP TABLE `ref_item`');
    await queryRunner.query('DROP INDEX `IDX_1d14fbf86065855098daecf77a` ON `age_bracket`');
    await queryRunner.query('DROP TABLE `age_bracket`');
    await queryRunner.query('DROP INDEX `IDX_a802f319abf4af2432d629dfe5` ON `password_reset_token`');
    await queryRunner.query('DROP TABLE `password_reset_token`');
    await queryRunner.query('DROP INDEX `IDX_08f6e9d8fb57d12e6a87af8295` ON `account`');
    await queryRunner.query('DROP TABLE `account`');
    await queryRunner.query('DROP INDEX `IDX_639061e5915e0425672f1c7251` ON `audit_entry`');
    await queryRunner.query('DROP INDEX `IDX_7a9e4f0b7b7717598108a7a66d` ON `audit_entry`');
    await queryRunner.query('DROP INDEX `IDX_9d18bd4a32fc0cd8ff82b12037` ON `audit_entry`');
    await queryRunner.query('DROP TABLE `audit_entry`');
  }
}
