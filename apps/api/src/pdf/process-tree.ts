import { readdirSync, readFileSync } from 'node:fs';

/**
 * Linux /proc helpers for the Chromium process tree: its memory (measured, not
 * guessed) and the processes left behind. Elsewhere they answer empty.
 */

function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …" — comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The command name of a process (`chromium`, `node`…), or null when it is gone. */
export function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Every live descendant of `root` (children, grandchildren…). */
export function descendantsOf(root: number): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function kilobytes(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

export interface TreeMemory {
  processes: number;
  /** Sum of resident sizes: counts shared pages once per process, so it overstates. */
  rssBytes: number;
  /** Sum of proportional set sizes: shared pages split between their users. */
  pssBytes: number;
}

/** Memory of a process and all its descendants. */
export function treeMemory(root: number): TreeMemory {
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const pid of [root, ...descendantsOf(root)]) {
    try {
      rss += kilobytes(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
      processes++;
    } catch {
      continue;
    }
    try {
      pss += kilobytes(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
    } catch {
      // smaps_rollup needs a recent kernel; RSS is then the only figure.
    }
  }
  return { processes, rssBytes: rss * 1024, pssBytes: pss * 1024 };
}

/**
 * SIGKILL to a whole process group (Chromium is launched detached: its pid
 * leads its group, which its renderers and zygotes join). A group id is not
 * reused while one of its members lives, so this never hits a stranger.
 */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
