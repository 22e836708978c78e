import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bundled icon data must match the SVG files it is generated from. */
describe('bundled icons', () => {
  it('are up to date with apps/web/public/icons (run node tools/icons/build-icon-data.cjs)', () => {
    const generator = require('./build-icon-data.cjs') as { iconDataSource: () => string };
    const committed = readFileSync(join(__dirname, '../../apps/web/src/app/core/icon-data.ts'), 'utf8');
    expect(committed).toBe(generator.iconDataSource());
  });

  it('cover every icon name the app registers', () => {
    const names = readFileSync(join(__dirname, '../../apps/web/src/app/core/icons.ts'), 'utf8');
    const list = /ICON_NAMES = \[([\s\S]*?)\]/.exec(names)?.[1] ?? '';
    const data = readFileSync(join(__dirname, '../../apps/web/src/app/core/icon-data.ts'), 'utf8');
    const registered = [...list.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(registered.length).toBeGreaterThan(20);
    for (const name of registered) expect(data).toContain(`"${name}":`);
  });
});
