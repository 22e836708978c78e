import { takeA11yFindings } from './a11y';

/**
 * Run by jest around every browser test (setupFilesAfterEnv): whatever axe found
 * on the states the test visited (support/a11y.ts) fails it.
 */
afterEach(async () => {
  const found = await takeA11yFindings();
  if (found.length) throw new Error(`axe: ${found.length} violation(s) on the states visited by this test:\n${found.join('\n')}`);
});
