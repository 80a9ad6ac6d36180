// Terminal-automation scripts (SecureCRT VBScript/JScript/Python, Expect, pexpect, Netmiko, Paramiko) hold
// a device's CLI inside string literals: `crt.Screen.Send "interface gpon 0/6" & chr(13)`. The fingerprints
// read commands at the start of a line, so for detection each such line is read as the command it sends,
// written where its first string literal starts, the rest blanked (offsets kept: an anchor still points
// into the file). A command assembled from variables ("interface gpon " & F & "/" & S) reads each
// variable as 0, as the values a script fills in are numbers (frame, slot, port, ONT id, VLAN) as a rule.

/** A call that sends its string argument to a device, at the start of a line: `crt.Screen.Send "…"`, `send "…"`, `conn.send_command('…')`. */
const SENDER =
  /^([ \t]*(?:[\w$]+\.){0,3}(?:Send|send|sendline|send_command|send_command_timing|send_config_set|write_channel|exec_command)[ \t]*(?:\([ \t]*)?["'])([^"'\r\n]*)["']/gm;
/**
 * What follows a literal in the same expression, piece by piece: `& "…"`, `+ '…'`, a line-end constant
 * (chr(13), vbCr…: nothing) or a variable, element or call (read as 0).
 */
const PIECE = /[&+][ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|(chr\(\d+\)|vbCrLf|vbCr|vbLf|vbNewLine)|([\w$][\w$.]*(?:\[[^\]\r\n]*\]|\([^()\r\n]*\))?))/iy;
/** Fewer sending lines than this is not a script of commands (a config may mention "send" in passing). */
const MIN_SENT_LINES = 3;

interface SentCommand {
  /** Where the first string literal's text starts. */
  start: number;
  command: string;
}

/** The command a sending line assembles, from its first literal on. */
function assemble(sample: string, start: number, literal: string): string {
  let command = literal;
  let at = start + literal.length + 1;
  for (;;) {
    while (sample[at] === ' ' || sample[at] === '\t') at++;
    PIECE.lastIndex = at;
    const m = PIECE.exec(sample);
    if (!m) return command;
    if (m[1] !== undefined || m[2] !== undefined) command += m[1] ?? m[2];
    else if (m[4] !== undefined) command += '0';
    at = PIECE.lastIndex;
  }
}

function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\r' && chars[i] !== '\n') chars[i] = ' ';
}

/**
 * The sample with each sending line reduced to the command it sends (same length: the command is never
 * longer than the code that builds it); the sample itself when it holds fewer than MIN_SENT_LINES such lines.
 */
export function readSentCommands(sample: string): string {
  if (!sample.includes('end') && !sample.includes('exec_command') && !sample.includes('write_channel')) return sample;
  const sent: SentCommand[] = [];
  SENDER.lastIndex = 0;
  for (let m = SENDER.exec(sample); m; m = SENDER.exec(sample)) {
    const start = m.index + m[1]!.length;
    sent.push({ start, command: assemble(sample, start, m[2]!) });
  }
  if (sent.length < MIN_SENT_LINES) return sample;
  const chars = sample.split('');
  for (const { start, command } of sent) {
    const lineStart = sample.lastIndexOf('\n', start - 1) + 1;
    let lineEnd = sample.indexOf('\n', start);
    if (lineEnd < 0) lineEnd = sample.length;
    blank(chars, lineStart, lineEnd);
    for (let i = 0; i < command.length && start + i < lineEnd && sample[start + i] !== '\r'; i++) chars[start + i] = command[i]!;
  }
  return chars.join('');
}
