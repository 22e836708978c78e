import * as contracts from '@pointage/contracts';
import { startTestApp, TestApp } from '../../test/harness';
import { discoverRoutes } from '../../test/routes';

/**
 * Every route constant of @pointage/contracts (the paths the web app calls) is
 * a route of the server. The constants are found, not listed: every exported
 * object's string values starting with /api, and the results of its functions
 * called with sample values (ids and slugs alike: 7). The match ignores the
 * method, and a route parameter (:id, :slug) matches any one path segment.
 */
const SAMPLE_ARGUMENT = 7;

interface ContractRoute {
  /** 'FAMILY_ROUTES.family(7)' */
  name: string;
  path: string;
}

function contractRoutes(exports: Record<string, unknown>): ContractRoute[] {
  const found: ContractRoute[] = [];
  for (const [objectName, value] of Object.entries(exports)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (typeof entry === 'string' && entry.startsWith('/api')) {
        found.push({ name: `${objectName}.${key}`, path: entry });
      } else if (typeof entry === 'function') {
        const args = Array.from({ length: entry.length }, () => SAMPLE_ARGUMENT);
        const path: unknown = (entry as (...a: unknown[]) => unknown)(...args);
        if (typeof path === 'string' && path.startsWith('/api')) {
          found.push({ name: `${objectName}.${key}(${args.join(', ')})`, path });
        }
      }
    }
  }
  return found;
}

function routePattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

describe('route constants of @pointage/contracts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('are all routes of the server (any method, parameters matching one segment)', () => {
    const server = discoverRoutes(t.app).map((r) => ({ route: `${r.method.toUpperCase()} ${r.path}`, pattern: routePattern(r.path) }));
    const constants = contractRoutes(contracts as unknown as Record<string, unknown>);

    // The test must not pass by finding nothing: every *_ROUTES object is walked.
    const objects = new Set(constants.map((c) => c.name.split('.')[0]));
    for (const name of Object.keys(contracts).filter((n) => n.endsWith('_ROUTES'))) expect(objects).toContain(name);
    expect(constants.length).toBeGreaterThan(50);

    const dead = constants.filter((c) => !server.some((s) => s.pattern.test(c.path))).map((c) => `${c.name} = ${c.path}`);
    expect(dead).toEqual([]);
  });
});
