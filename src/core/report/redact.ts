// Secrets never leave the machine in a report: excerpts of config lines are redacted before they are shown.
// Covers passwords, secrets, keys, SNMP communities and v3 keys, NTP/OSPF/BGP/IS-IS keys, RADIUS/TACACS
// keys, pre-shared keys, `cipher` / `irreversible-cipher` values, FortiOS `ENC` values, Huawei `%^%#…%^%#`
// blobs and crypt-style hashes (`$1$…`, `$6$…`, `$9$…`). All scans are linear.

export const REDACTED = '****';

/**
 * Words after which the next value (past any modifiers) is a secret, across the dialects: Cisco IOS/NX-OS/
 * IOS XR, Arista EOS, ZTE (`password`, `secret`, `key`, `key-string`, `community`, `authentication-key`,
 * `message-digest-key`, IS-IS `*-password`, `set-key`), Huawei VRP and H3C Comware (`cipher`, `shared-key`,
 * `pass-phrase`, `authentication-mode`, `privacy-mode`), Junos (`encrypted-password`, `*-password`,
 * `pre-shared-key`), FortiOS (`passwd`, `psksecret`, `auth-pwd`, `priv-pwd`) and SNMPv3 everywhere
 * (`sha`/`md5` before the authentication key).
 */
const SECRET_KEYWORDS = new Set([
  'password',
  'passwd',
  'secret',
  'key',
  'key-string',
  'set-key',
  'community',
  'pre-shared-key',
  'pre-share-key',
  'shared-key',
  'psk',
  'wpa-psk',
  'psksecret',
  'sae-password',
  'pass-phrase',
  'cipher',
  'irreversible-cipher',
  'authentication-key',
  'message-digest-key',
  'auth-key',
  'auth-pwd',
  'priv-pwd',
  'authentication-password',
  'privacy-password',
  'hello-password',
  'lsp-password',
  'area-password',
  'domain-password',
  'authentication-mode',
  'privacy-mode',
  'encrypted-password',
  'md5',
  'sha',
  'passphrase',
  'shared-secret',
  'private-key',
  'token',
  // `snmp-server host H version 2c COMMUNITY`: the community is positional.
  '2c',
]);

/** Words between a keyword and its value: encryption types, hash and cipher names, access modes, encodings. */
const MODIFIERS = new Set([
  'cipher',
  'irreversible-cipher',
  'simple',
  'plain',
  'plaintext',
  'encrypted',
  'hidden',
  'hash',
  'enc', // FortiOS `set passwd ENC …`
  'md5',
  'sha',
  'sha1',
  'sha-1',
  'sha224',
  'sha256',
  'sha-256',
  'sha384',
  'sha512',
  'hmac-md5',
  'hmac-sha1',
  'hmac-sha-1',
  'hmac-sha256',
  'hmac-sha-256',
  'aes',
  'aes128',
  'aes192',
  'aes256',
  'aes-128',
  'aes-192',
  'aes-256',
  'aes-cfb-128',
  'des',
  'des56',
  '3des',
  'ascii',
  'hex',
  'ascii-text',
  'pass-phrase',
  'level',
  'read',
  'write',
  'ro',
  'rw',
  'view',
  'text',
  'clear',
]);

/** Modifiers after which a number is part of the modifier, not the value: `level 15`, `aes 128`. */
const NUMBERED_MODIFIERS = new Set(['level', 'aes']);

/** What can follow `authentication-mode` that is a method, not a secret (Huawei `user-interface`). */
const NOT_SECRETS = new Set(['aaa', 'none', 'scheme', 'password', 'local', 'hwtacacs', 'radius']);

/** `priv` is the SNMPv3 privacy key only when a cipher follows (`priv aes 128 K`); `v3 priv` alone is a level. */
const PRIVACY_CIPHERS = new Set(['aes', 'aes128', 'aes192', 'aes256', 'aes-128', 'aes-192', 'aes-256', 'des', 'des56', '3des']);

/** `password=…`, `"secret": "…"`, `snmp_community = …` as in YAML, JSON, INI, CSV exports and RouterOS (`wpa2-pre-shared-key=`). */
const ASSIGNED_SECRET =
  /(?<![a-z0-9])(password|passwd|passphrase|secret|community|psk|pre-?shared-?key|shared-?key|auth-?key|token|api[-_]?key|private[-_]?key)(["']?[ \t]*[:=][ \t]*["']?)([^\s"',;]+)/gi;
/** Crypt-style hashes and Junos/Comware encodings: $1$…, $5$…, $6$…, $9$…, $c$3$…, $1a$…. */
const CRYPT_HASH = /\$(?:\d{1,2}[a-z]?|[a-z]\d?)\$\S*/gi;
/** Huawei VRP's delimiters around encrypted values: `%^%#…%^%#`, and the `%#%#`, `%@%@`, `@%@%` forms of later releases. */
const HUAWEI_BLOB_MARKERS = ['%^%#', '%#%#', '%@%@', '@%@%'];

function redactBlobs(text: string, marker: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf(marker, from);
    if (open < 0) break;
    const close = text.indexOf(marker, open + marker.length);
    // An unterminated blob runs to the end of the excerpt: redact all of it.
    const end = close < 0 ? text.length : close + marker.length;
    out += text.slice(from, open) + marker + REDACTED + (close < 0 ? '' : marker);
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

const isNumber = (word: string) => word.length > 0 && word.length <= 10 && /^\d+$/.test(word);

/**
 * Replaces the value after each secret keyword, past modifiers and the numbers that belong to the
 * keyword: an encryption type (`password 7 …`), a level (`level 15`), a key id before its hash
 * (`authentication-key 42 md5 …`), a key length (`aes 128`).
 */
function redactKeywordValues(text: string): string {
  const parts = text.split(/(\s+)/); // odd indexes are the whitespace between tokens
  const words = parts.map((part, i) => (i % 2 === 0 ? bareWord(part) : ''));
  let armed = false;
  let numberExpected = false;
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i]!;
    if (token === '') continue;
    const word = words[i]!;
    if (armed) {
      if (NOT_SECRETS.has(word) && words[i - 2] === 'authentication-mode') {
        armed = false;
        continue;
      }
      if (MODIFIERS.has(word)) {
        numberExpected = NUMBERED_MODIFIERS.has(word);
        continue;
      }
      const next = words[i + 2];
      if (isNumber(word) && (word.length === 1 || numberExpected || (next !== undefined && MODIFIERS.has(next)))) {
        numberExpected = false;
        continue;
      }
      // Keep what closes a statement (Junos `;`) so the excerpt still reads as config.
      const tail = /[;,]$/.test(token) ? token.slice(-1) : '';
      parts[i] = REDACTED + tail;
      armed = false;
      numberExpected = false;
      continue;
    }
    if (SECRET_KEYWORDS.has(word)) armed = true;
    else if (word === 'priv') {
      const next = words[i + 2] ?? '';
      armed = PRIVACY_CIPHERS.has(next) || next.startsWith('0x');
    }
  }
  return parts.join('');
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const marker of HUAWEI_BLOB_MARKERS) if (out.includes(marker)) out = redactBlobs(out, marker);
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
