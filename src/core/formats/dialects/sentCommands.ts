// Terminal-automation scripts (SecureCRT VBScript/JScript/Python, Expect, pexpect, Netmiko, Paramiko) hold
// a device's CLI inside string literals: `crt.Screen.Send "interface gpon 0/6" & chr(13)`. The fingerprints
// read commands at the start of a line, so for detection each such line is read as the command it sends:
// the code around its first string literal is blanked, offsets kept (an anchor still points into the file).

/** A call that sends its string argument to a device, at the start of a line: `crt.Screen.Send "…"`, `send "…"`, `conn.send_command('…')`. */
const SENDER =
  /^([ \t]*(?:[\w$]+\.){0,3}(?:Send|send|sendline|send_command|send_command_timing|send_config_set|write_channel|exec_command)[ \t]*(?:\([ \t]*)?["'])([^"'\r\n]*)["']/gm;
/** Fewer sending lines than this is not a script of commands (a config may mention "send" in passing). */
const MIN_SENT_LINES = 3;

function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\r' && chars[i] !== '\n') chars[i] = ' ';
}

/**
 * The sample with each sending line reduced to the command it sends (the rest of the line blanked, same
 * length); the sample itself when it holds fewer than MIN_SENT_LINES such lines.
 */
export function readSentCommands(sample: string): string {
  if (!sample.includes('end') && !sample.includes('exec_command') && !sample.includes('write_channel')) return sample;
  const literals: [number, number][] = [];
  SENDER.lastIndex = 0;
  for (let m = SENDER.exec(sample); m; m = SENDER.exec(sample)) {
    const start = m.index + m[1]!.length;
    literals.push([start, start + m[2]!.length]);
  }
  if (literals.length < MIN_SENT_LINES) return sample;
  const chars = sample.split('');
  for (const [start, end] of literals) {
    const lineStart = sample.lastIndexOf('\n', start - 1) + 1;
    let lineEnd = sample.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = sample.length;
    blank(chars, lineStart, start);
    blank(chars, end, lineEnd);
  }
  return chars.join('');
}
