/** A minimal Dockerfile reader (stages and instructions) and the rules every service image follows. */
import { type ServiceName } from '@hashproof/config';
import { effectiveSetting, portSettingNames } from './service-settings';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Joins `\` continuations, drops comments, and groups instructions under their FROM. */
export function parseDockerfile(text: string): Stage[] {
  const logicalLines: string[] = [];
  let pending = '';
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line.startsWith('#') || line === '') continue;
    pending += pending ? ` ${line}` : line;
    if (pending.endsWith('\\')) pending = pending.slice(0, -1).trimEnd();
    else {
      logicalLines.push(pending);
      pending = '';
    }
  }
  const stages: Stage[] = [];
  for (const line of logicalLines) {
    const [keyword = '', args = ''] = splitOnce(line);
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') {
      const [from = '', , name] = args.split(/\s+/);
      stages.push({ from, name, instructions: [] });
    } else {
      const current = stages.at(-1);
      if (!current) throw new Error(`${instruction.keyword} before the first FROM`);
      current.instructions.push(instruction);
    }
  }
  return stages;
}

/** The JSON ("exec") form of CMD, ENTRYPOINT or HEALTHCHECK CMD; undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const REQUIRED_STAGES = ['deps', 'build', 'prod-deps'];
const BASE_IMAGE = 'node:20-bookworm-slim';

export function dockerfileProblems(service: ServiceName, text: string): string[] {
  const stages = parseDockerfile(text);
  const runtime = stages.at(-1);
  if (stages.length < 2 || !runtime) return ['not a multi-stage build'];
  const problems: string[] = [];
  const stageNames = new Set(stages.map((stage) => stage.name));
  for (const name of REQUIRED_STAGES) if (!stageNames.has(name)) problems.push(`stage ${name} missing`);
  for (const stage of stages) {
    if (stage.from !== BASE_IMAGE && !stageNames.has(stage.from))
      problems.push(`stage ${stage.name} from ${stage.from}`);
  }
  if (runtime.from !== BASE_IMAGE) problems.push(`final stage from ${runtime.from}, expected ${BASE_IMAGE}`);

  const last = (keyword: string) =>
    runtime.instructions.filter((instruction) => instruction.keyword === keyword).at(-1)?.args;
  const user = last('USER');
  if (!user || /^(root|0)(:|$)/.test(user)) problems.push(`final stage runs as ${user ?? 'root (no USER)'}`);
  if (
    !/\bNODE_ENV=production\b/.test(
      runtime.instructions
        .filter((i) => i.keyword === 'ENV')
        .map((i) => i.args)
        .join(' '),
    )
  ) {
    problems.push('final stage does not set NODE_ENV=production');
  }
  const command = execForm(last('CMD') ?? '');
  if (command?.join(' ') !== `node dist/apps/${service}/src/main.js`) problems.push(`CMD is ${last('CMD')}`);
  const healthcheck = last('HEALTHCHECK') ?? '';
  if (!healthcheck.includes('/health/live')) problems.push('no HEALTHCHECK on /health/live');
  problems.push(...copyProblems(runtime));
  const exposed = (last('EXPOSE') ?? '').split(/\s+/).map(Number);
  for (const setting of portSettingNames(service)) {
    const port = effectiveSetting(service, setting, undefined);
    if (!exposed.includes(Number(port))) problems.push(`${setting} default ${String(port)} is not EXPOSEd`);
  }
  return problems;
}

/** The runtime image gets build output and production dependencies only, never the source tree. */
function copyProblems(runtime: Stage): string[] {
  const allowed = [/^--from=prod-deps \/app\/node_modules /, /^--from=build \/app\/dist /, /^package\.json /];
  return runtime.instructions
    .filter((instruction) => instruction.keyword === 'COPY' || instruction.keyword === 'ADD')
    .filter((instruction) => !allowed.some((pattern) => pattern.test(instruction.args)))
    .map((instruction) => `final stage copies ${instruction.keyword} ${instruction.args}`);
}

function splitOnce(line: string): [string, string] {
  const space = line.search(/\s/);
  return space === -1 ? [line, ''] : [line.slice(0, space), line.slice(space).trim()];
}
