// Drops the MariaDB test databases a crashed run may have left (names carry the run id).
const { createConnection } = require('mysql2/promise');

exports.dropLeftoverDatabases = async function dropLeftoverDatabases(runId) {
  const c = await createConnection({ uri: process.env.MARIADB_TEST_URL ?? 'mysql://root@127.0.0.1:3306' });
  try {
    const [rows] = await c.query(`SHOW DATABASES LIKE 'pointage\\_t\\_${runId}\\_%'`);
    const names = rows.map((r) => Object.values(r)[0]);
    for (const n of names) await c.query(`DROP DATABASE IF EXISTS \`${n}\``);
    return names.length;
  } finally {
    await c.end();
  }
};
