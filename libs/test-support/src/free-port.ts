import { createServer } from 'node:net';

/**
 * A TCP port nobody listens on right now, for a server a test or the benchmark starts:
 * the system picks it (port 0), the probe closes, the caller binds it. `host`: where
 * the caller will listen (a Docker port published on every interface: '0.0.0.0').
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
