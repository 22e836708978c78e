import { MigrationInterface, QueryRunner } from 'typeorm';

export class FamiliesAndAttendance1795922750163 implements MigrationInterface {
  name = 'FamiliesAndAttendance1795922750163';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `member` (`id` int NOT NULL AUTO_INCREMENT, `structure_id` int NOT NULL, `family_id` int NOT NULL, `last_name` varchar(100) NOT NULL, `first_name` varchar(100) NOT NULL, `search_name` varchar(201) NOT NULL, `sex_id` int NOT NULL, `birth_date` date NOT NULL, `city_id` int NOT NULL, `status_id` int NOT NULL, `minima_id` int NOT NULL, `qf_id` int NOT NULL, `avatar` varchar(30) NULL, `registered_on` date NOT NULL, `archived` tinyint NOT NULL DEFAULT 0, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, INDEX `IDX_615c5d82207a6ccf6e1b301109` (`family_id`), INDEX `IDX_b6b857d28ed3f21e86e81e600a` (`structure_id`, `search_name`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `family` (`id` int NOT NULL AUTO_INCREMENT, `structure_id` int NOT NULL, `name` varchar(100) NOT NULL, `search_name` varchar(100) NOT NULL, `qf_id` int NOT NULL, `minima_id` int NOT NULL, `archived` tinyint NOT NULL DEFAULT 0, `anonymised_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, INDEX `IDX_d6aab83d737b43aeab96b86817` (`structure_id`, `search_name`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `slot` (`id` int NOT NULL AUTO_INCREMENT, `structure_id` int NOT NULL, `date` date NOT NULL, `start_minute` int NOT NULL, `end_minute` int NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `IDX_dd31a3e127decc691823994f02` (`structure_id`, `date`, `start_minute`, `end_minute`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `attendance` (`id` int NOT NULL AUTO_INCREMENT, `structure_id` int NOT NULL, `slot_id` int NOT NULL, `member_id` int NOT NULL, `family_id` int NOT NULL, `arrived_at` datetime(3) NOT NULL, `sex_id` int NOT NULL, `city_id` int NOT NULL, `status_id` int NOT NULL, `minima_id` int NOT NULL, `qf_id` int NOT NULL, `source` varchar(10) NOT NULL, `recorded_by` int NULL, `created_at` datetime(3) NOT NULL, INDEX `IDX_4718257a77218bf58dab718add` (`family_id`), INDEX `IDX_3a5359d29f22851facc4e4764e` (`structure_id`, `slot_id`), UNIQUE INDEX `IDX_b2a15ece48c3cd74f3b05f1952` (`member_id`, `slot_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `funder_logo` (`id` int NOT NULL AUTO_INCREMENT, `file` varchar(100) NOT NULL, `alt` varchar(120) NOT NULL, `position` int NOT NULL, `width` int NOT NULL, `height` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `structure` ADD `welcome_message` text NULL');
    await queryRunner.query('ALTER TABLE `structure` ADD `logo_file` varchar(100) NULL');
    await queryRunner.query('ALTER TABLE `structure` ADD `logo_width` int NULL');
    await queryRunner.query('ALTER TABLE `structure` ADD `logo_height` int NULL');
    await queryRunner.query('ALTER TABLE `structure` ADD `logo_original_file` varchar(100) NULL');
    await queryRunner.query('ALTER TABLE `structure` ADD `logo_original_width` int NULL');
    await queryRunner.query('ALTER TABLE `structure` ADD `logo_original_height` int NULL');
    await queryRunner.query('ALTER TABLE `structure` ADD `counter_reset_at` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `account` ADD `member_id` int NULL');
    await queryRunner.query(
      'ALTER TABLE `member` ADD CONSTRAINT `FK_8a4fe6ccd1b8ab71cf2aaa03331` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `member` ADD CONSTRAINT `FK_615c5d82207a6ccf6e1b3011091` FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `member` ADD CONSTRAINT `FK_46f726344b9765a4530d337cc61` FOREIGN KEY (`sex_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `member` ADD CONSTRAINT `FK_05d1b47fc06ca4c331ab048f8ed` FOREIGN KEY (`city_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `member` ADD CONSTRAINT `FK_784d1a02d5886e56fec9dd33abe` FOREIGN KEY (`status_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `member` ADD CONSTRAINT `FK_7201e27439ed094698452231c25` FOREIGN KEY (`minima_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `member` ADD CONSTRAINT `FK_accad820e7e33721f8a06fdda80` FOREIGN KEY (`qf_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `family` ADD CONSTRAINT `FK_1fe65cb8a7dd44905eacbd32b30` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `family` ADD CONSTRAINT `FK_d366f736dfae777b18131c64fdf` FOREIGN KEY (`qf_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `family` ADD CONSTRAINT `FK_ccad98c1fee9689889d14d5e317` FOREIGN KEY (`minima_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `slot` ADD CONSTRAINT `FK_1747f61e0c07a730b5d8532b982` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_71dfef744d08647bd0f5ad2c09a` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_dc83e0f81a2fc3ffdde4e60ff13` FOREIGN KEY (`slot_id`) REFERENCES `slot`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_52d9db0d044b7bcc372147cf5ea` FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_4718257a77218bf58dab718add4` FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_f6682eeb2a0001c96fd99fc2680` FOREIGN KEY (`sex_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_8f6c99e777793a7964dfc736176` FOREIGN KEY (`city_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_e73feb292a5993a8643ce9deb8a` FOREIGN KEY (`status_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_516bf7b564965ab42da0be23070` FOREIGN KEY (`minima_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_937983de50f93b72dd50594e404` FOREIGN KEY (`qf_id`) REFERENCES `ref_item`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `account` ADD CONSTRAINT `FK_a66a0f13ecb49b5f7d04bbbb75f` FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
    await queryRunner.query(
      'ALTER TABLE `account` ADD CONSTRAINT `FK_982244edcfcee80f14f2bef945a` FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `account` DROP FOREIGN KEY `FK_982244edcfcee80f14f2bef945a`');
    await queryRunner.query('ALTER TABLE `account` DROP FOREIGN KEY `FK_a66a0f13ecb49b5f7d04bbbb75f`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_937983de50f93b72dd50594e404`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_516bf7b564965ab42da0be23070`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_e73feb292a5993a8643ce9deb8a`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_8f6c99e777793a7964dfc736176`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_f6682eeb2a0001c96fd99fc2680`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_4718257a77218bf58dab718add4`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_52d9db0d044b7bcc372147cf5ea`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_dc83e0f81a2fc3ffdde4e60ff13`');
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_71dfef744d08647bd0f5ad2c09a`');
    await queryRunner.query('ALTER TABLE `slot` DROP FOREIGN KEY `FK_1747f61e0c07a730b5d8532b982`');
    await queryRunner.query('ALTER TABLE `family` DROP FOREIGN KEY `FK_ccad98c1fee9689889d14d5e317`');
    await queryRunner.query('ALTER TABLE `family` DROP FOREIGN KEY `FK_d366f736dfae777b18131c64fdf`');
    await queryRunner.query('ALTER TABLE `family` DROP FOREIGN KEY `FK_1fe65cb8a7dd44905eacbd32b30`');
    await queryRunner.query('ALTER TABLE `member` DROP FOREIGN KEY `FK_accad820e7e33721f8a06fdda80`');
    await queryRunner.query('ALTER TABLE `member` DROP FOREIGN KEY `FK_7201e27439ed094698452231c25`');
    await queryRunner.query('ALTER TABLE `member` DROP FOREIGN KEY `FK_784d1a02d5886e56fec9dd33abe`');
    await queryRunner.query('ALTER TABLE `member` DROP FOREIGN KEY `FK_05d1b47fc06ca4c331ab048f8ed`');
    await queryRunner.query('ALTER TABLE `member` DROP FOREIGN KEY `FK_46f726344b9765a4530d337cc61`');
    await queryRunner.query('ALTER TABLE `member` DROP FOREIGN KEY `FK_615c5d82207a6ccf6e1b3011091`');
    await queryRunner.query('ALTER TABLE `member` DROP FOREIGN KEY `FK_8a4fe6ccd1b8ab71cf2aaa03331`');
    await queryRunner.query('ALTER TABLE `account` DROP COLUMN `member_id`');
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `counter_reset_at`');
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `logo_original_height`');
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `logo_original_width`');
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `logo_original_file`');
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `logo_height`');
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `logo_width`');
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `logo_file`');
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `welcome_message`');
    await queryRunner.query('DROP TABLE `funder_logo`');
    await queryRunner.query('DROP INDEX `IDX_b2a15ece48c3cd74f3b05f1952` ON `attendance`');
    await queryRunner.query('DROP INDEX `IDX_3a5359d29f22851facc4e4764e` ON `attendance`');
    await queryRunner.query('DROP INDEX `IDX_4718257a77218bf58dab718add` ON `attendance`');
    await queryRunner.query('DROP TABLE `attendance`');
    await queryRunner.query('DROP INDEX `IDX_dd31a3e127decc691823994f02` ON `slot`');
    await queryRunner.query('DROP TABLE `slot`');
    await queryRunner.query('DROP INDEX `IDX_d6aab83d737b43aeab96b86817` ON `family`');
    await queryRunner.query('DROP TABLE `family`');
    await queryRunner.query('DROP INDEX `IDX_b6b857d28ed3f21e86e81e600a` ON `member`');
    await queryRunner.query('DROP INDEX `IDX_615c5d82207a6ccf6e1b301109` ON `member`');
    await queryRunner.query('DROP TABLE `member`');
  }
}
