import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Fault injection on the check-in path: called just before each write of a
 * validation. In production it does nothing. The crash test starts the built
 * bundle as a separate process, so it cannot override a provider: it sets
 * POINTAGE_TEST_PAUSE_IN_VALIDATION_MS (honoured only with NODE_ENV=test, see
 * config.ts testHooks), read here and nowhere else. In-process tests override
 * this provider instead (Nest's testing module, overrideProvider(CheckInFaults)).
 */
@Injectable()
export class CheckInFaults {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async beforeWrite(): Promise<void> {
    const ms = this.config.testHooks.pauseInValidationMs;
    if (ms) await new Promise((r) => setTimeout(r, ms));
  }
}
