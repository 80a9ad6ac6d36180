// Secrets never leave the machine in a report: excerpts of config lines are redacted before they are shown.
// Covers passwords, secrets, keys, SNMP communities, pre-shared keys, `cipher` / `irreversible-cipher`
// values, Huawei `%^%#…%^%#` blobs and crypt-style hashes (`$1$…`, `$9$…`). All scans are linear.

export const REDACTED = '****';

/** Words after which the next value (past any modifiers) is a secret. */
const SECRET_KEYWORDS = new Set([
  'password',
  'passwd',
  'secret',
  'key',
  'key-string',
  'community',
  'pre-shared-key',
  'pre-share-key',
  'psk',
  'wpa-psk',
  'cipher',
  'irreversible-cipher',
  'authentication-key',
  'auth-key',
  'encrypted-password',
  'md5',
  'sha',
  'passphrase',
  'shared-secret',
  'private-key',
  'token',
]);

/** Words between a keyword and its value: encryption types, access modes, encodings. */
const MODIFIERS = new Set([
  'cipher',
  'irreversible-cipher',
  'simple',
  'plain',
  'plaintext',
  'encrypted',
  'hidden',
  'hash',
  'sha256',
  'sha512',
  'ascii-text',
  'read',
  'write',
  'ro',
  'rw',
  'view',
]);

/** `password=…`, `"secret": "…"`, `community: …` as in YAML, JSON, INI and CSV exports. */
const ASSIGNED_SECRET = /\b(password|passwd|secret|community|psk|pre-?shared-?key|token|api[-_]?key|private[-_]?key)(["']?[ \t]*[:=][ \t]*["']?)([^\s"',;]+)/gi;
/** Crypt-style hashes and Junos/Comware encodings: $1$…, $5$…, $9$…, $c$3$…, $1a$…. */
const CRYPT_HASH = /\$(?:\d{1,2}[a-z]?|[a-z]\d?)\$\S*/gi;
const HUAWEI_BLOB = '%^%#';

function redactHuaweiBlobs(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf(HUAWEI_BLOB, from);
    if (open < 0) break;
    const close = text.indexOf(HUAWEI_BLOB, open + HUAWEI_BLOB.length);
    // An unterminated blob runs to the end of the excerpt: redact all of it.
    const end = close < 0 ? text.length : close + HUAWEI_BLOB.length;
    out += text.slice(from, open) + HUAWEI_BLOB + REDACTED + (close < 0 ? '' : HUAWEI_BLOB);
    from = end;
  }
  return out + text.slice(from);
}

const LEADING_PUNCTUATION = `"'(`;
const TRAILING_PUNCTUATION = `"'),;:`;

/** The token without surrounding quotes and punctuation. Index scans, not a `[…]+$` regex, which is quadratic on long runs. */
function bareWord(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && LEADING_PUNCTUATION.includes(token[start]!)) start++;
  while (end > start && TRAILING_PUNCTUATION.includes(token[end - 1]!)) end--;
  return token.slice(start, end).toLowerCase();
}

/** Replaces the value after each secret keyword, skipping modifiers and numeric encryption types. */
function redactKeywordValues(text: string): string {
  const parts = text.split(/(\s+)/); // odd indexes are the whitespace between tokens
  let armed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i]!;
    if (token === '') continue;
    const word = bareWord(token);
    if (armed) {
      if (MODIFIERS.has(word) || /^\d$/.test(word)) continue;
      // Keep what closes a statement (Junos `;`) so the excerpt still reads as config.
      const tail = /[;,]$/.test(token) ? token.slice(-1) : '';
      parts[i] = REDACTED + tail;
      armed = false;
      continue;
    }
    if (SECRET_KEYWORDS.has(word)) armed = true;
  }
  return parts.join('');
}

export function redactSecrets(text: string): string {
  let out = redactHuaweiBlobs(text);
  out = out.replace(CRYPT_HASH, REDACTED);
  out = out.replace(ASSIGNED_SECRET, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`);
  return redactKeywordValues(out);
}

/** Longest excerpt a report shows; a minified one-line file must not end up in a report whole. */
export const MAX_EXCERPT = 160;
/** Context read around a match before redacting, wide enough that a keyword stays next to its value. */
const REDACTION_WINDOW = 600;

/** The line around a finding, secrets redacted, cut to MAX_EXCERPT characters around the match. */
export function excerpt(lineText: string, matchStart: number, matched: string): string {
  const from = Math.max(0, matchStart - REDACTION_WINDOW);
  const to = Math.min(lineText.length, matchStart + matched.length + REDACTION_WINDOW);
  const redacted = redactSecrets(lineText.slice(from, to)).trim();
  if (redacted.length <= MAX_EXCERPT) return redacted;
  const found = redacted.indexOf(matched);
  const centre = found >= 0 ? found + matched.length / 2 : redacted.length / 2;
  const start = Math.max(0, Math.min(redacted.length - MAX_EXCERPT, Math.round(centre - MAX_EXCERPT / 2)));
  const cut = redacted.slice(start, start + MAX_EXCERPT);
  return `${start > 0 ? '…' : ''}${cut}${start + MAX_EXCERPT < redacted.length ? '…' : ''}`;
}
