import type { DataSource } from 'typeorm';

interface PooledConnection {
  query(...args: unknown[]): unknown;
  destroy(): void;
}
interface Pool {
  on(event: 'acquire', listener: (connection: PooledConnection) => void): void;
}

const GUARDED = Symbol('pointage.dropsAfterTimeout');

/**
 * mysql2 gives up on a query after its `timeout` but leaves it at the head of
 * the connection's command queue until the server answers: every later query
 * on that pooled connection (a `START TRANSACTION`, say) then waits for the
 * whole stall without a timer of its own (seen: 57 s behind a 3 s timeout). A
 * connection whose query timed out is therefore destroyed, so that the pool
 * opens a fresh one.
 */
export function dropConnectionsAfterQueryTimeout(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { pool?: Pool }).pool;
  if (!pool || typeof pool.on !== 'function') return;
  pool.on('acquire', (connection) => {
    const marked = connection as PooledConnection & { [GUARDED]?: true };
    if (marked[GUARDED]) return;
    marked[GUARDED] = true;
    const query = connection.query.bind(connection);
    connection.query = (...args: unknown[]) => {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (err: { code?: string } | null, ...rest: unknown[]) => {
          if (err?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
          return (callback as (...a: unknown[]) => unknown)(err, ...rest);
        };
      }
      return query(...args);
    };
  });
}
