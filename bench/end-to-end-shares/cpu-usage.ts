import { readdirSync, readFileSync } from 'node:fs';

/** Processes whose CPU time is reported together: one pid, or the processes of a server that serve the run. */
export interface CpuGroup {
  readonly name: string;
  readonly pids: () => readonly number[] | Promise<readonly number[]>;
}

export interface CpuReading {
  readonly atMs: number;
  /** Seconds of CPU (user + system) each process of each group has used so far. */
  readonly seconds: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** The whole machine's busy and total CPU seconds (all cores), from /proc/stat. */
  readonly machineBusy: number;
  readonly machineTotal: number;
}

/** CPU shares of one interval, in % of one core: per group, everything else, and what was left idle. */
export interface CpuSplit {
  readonly percentOfCore: ReadonlyMap<string, number>;
  /** Busy time of the machine not in any group: other workloads sharing it. */
  readonly elsewhere: number;
  /** Idle time of all cores together (up to 100 × cores). */
  readonly idle: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start at ") "; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null; // gone since it was listed
  }
}

/** Every pid whose command line passes the test (e.g. all of PostgreSQL's processes). */
export function pidsMatching(test: (cmdline: string, comm: string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (test(cmdline, comm)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

export async function readCpu(groups: readonly CpuGroup[]): Promise<CpuReading> {
  const pids = await Promise.all(groups.map(async (group) => group.pids()));
  const seconds = new Map<string, Map<number, number>>();
  for (const [index, group] of groups.entries()) {
    const perProcess = new Map<number, number>();
    for (const pid of pids[index] ?? []) {
      const used = processSeconds(pid);
      if (used !== null) perProcess.set(pid, used);
    }
    seconds.set(group.name, perProcess);
  }
  const [, ...ticks] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return {
    atMs: Date.now(),
    seconds,
    machineBusy: (total - idle) / TICKS_PER_SECOND,
    machineTotal: total / TICKS_PER_SECOND,
  };
}

export function cpuSplit(from: CpuReading, to: CpuReading): CpuSplit {
  const elapsed = (to.atMs - from.atMs) / 1000;
  const percentOfCore = new Map<string, number>();
  for (const [name, perProcess] of to.seconds) {
    // A process that started in the interval counts in full; one that ended in it is lost (short-lived backends).
    let used = 0;
    for (const [pid, seconds] of perProcess) used += seconds - (from.seconds.get(name)?.get(pid) ?? 0);
    percentOfCore.set(name, (100 * used) / elapsed);
  }
  const capacity = (100 * (to.machineTotal - from.machineTotal)) / elapsed;
  const busy = (100 * (to.machineBusy - from.machineBusy)) / elapsed;
  const grouped = [...percentOfCore.values()].reduce((sum, value) => sum + value, 0);
  return { percentOfCore, elsewhere: Math.max(0, busy - grouped), idle: capacity - busy };
}
