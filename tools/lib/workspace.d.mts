// Types of workspace.mjs (plain JavaScript: it runs before npm ci, with Node built-ins only),
// for the TypeScript tools that import it (tools/bench).

/** The repository's root folder. */
export const ROOT: string;

/** Exits with a French message when Node is older than the versions of package.json's "engines". */
export function checkNodeVersion(): void;

/** Runs a command in ROOT, output inherited; returns its exit code. */
export function run(command: string, args: readonly string[], options?: { env?: NodeJS.ProcessEnv }): number;

/** npm ci when node_modules is missing or was installed from another lockfile; true when it ran. */
export function ensureInstalled(): Promise<boolean>;

/** Builds the API and the web app when their sources changed since the last build; true when it built. */
export function ensureBuilt(options?: { force?: boolean }): boolean;
