import { z } from 'zod';
import { parseCommandLineFlags } from './command-line-flags';

const schema = z.object({ port: z.coerce.number().int().min(1).max(65_535), host: z.string().min(1) });
const defaults = { port: '3333', host: '127.0.0.1' };

function parse(argv: string[], env: NodeJS.ProcessEnv = {}) {
  return parseCommandLineFlags({ argv, env, defaults, envPrefix: 'DEMO_TOOL', schema });
}

describe('parseCommandLineFlags', () => {
  it('takes a flag over its environment variable, and the variable over the default', () => {
    expect(parse([])).toEqual({ port: 3333, host: '127.0.0.1' });
    expect(parse([], { DEMO_TOOL_PORT: '4000' })).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(parse(['--port', '5000'], { DEMO_TOOL_PORT: '4000' })).toEqual({ port: 5000, host: '127.0.0.1' });
  });

  it('names the flag whose value is bad', () => {
    expect(() => parse(['--port', '70000'])).toThrow(RangeError);
    expect(() => parse(['--port', '70000'])).toThrow(/^--port: /);
  });

  it('refuses a flag it does not know', () => {
    expect(() => parse(['--prot', '5000'])).toThrow(/prot/);
  });
});
