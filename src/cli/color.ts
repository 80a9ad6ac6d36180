// Whether the CLI colours its text: an explicit --color/--no-color wins, then FORCE_COLOR (as Node and
// most CLIs read it: set and not 0 or false means on), then NO_COLOR (https://no-color.org: set and not
// empty means off), then whether the stream is a terminal.
export function wantsColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTerminal;
}
