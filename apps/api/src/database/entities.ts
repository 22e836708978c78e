import { AppSetting } from '../settings/entities/app-setting.entity';
import { Structure } from '../tenancy/entities/structure.entity';

/**
 * Every entity, listed explicitly: the API is bundled by webpack, where a glob
 * over *.entity.ts would find nothing at run time.
 */
export const ENTITIES = [Structure, AppSetting];
