// Links in reports come only from the knowledge base, never from scanned files, and only as http(s):
// a `javascript:` or `data:` URL is dropped, and characters that could end a Markdown link or an HTML
// attribute are percent-encoded.

/** What a URI may hold as it is (RFC 3986), less the quotes and parentheses a Markdown link or an attribute would end at. */
const URI_CHARACTER = /[A-Za-z0-9\-._~:/?#@!$&*+,;=]/;
const HEX = /^[0-9A-Fa-f]{2}$/;

/** One character as UTF-8 percent escapes (a lone surrogate as U+FFFD's). */
function percentEncoded(c: string): string {
  const code = c.codePointAt(0)!;
  if (code < 0x80) return `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
  try {
    return encodeURIComponent(c);
  } catch {
    return '%EF%BF%BD';
  }
}

/**
 * The URL made safe to embed in Markdown or an HTML attribute, and valid as SARIF's `format: uri`: every
 * character a URI cannot hold (non-ASCII, space, `[ ] { } |`, a `%` not starting an escape) is
 * percent-encoded as UTF-8. Undefined when it is not http(s).
 */
export function webUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/]/i.test(trimmed)) return undefined;
  // Brackets are the host's own in an IPv6 literal (http://[::1]/); anywhere else they are encoded.
  const authorityEnd = trimmed.slice(trimmed.indexOf('//') + 2).search(/[/?#]/);
  const hostEnd = authorityEnd < 0 ? trimmed.length : trimmed.indexOf('//') + 2 + authorityEnd;
  let out = '';
  for (let i = 0; i < trimmed.length; ) {
    const c = String.fromCodePoint(trimmed.codePointAt(i)!);
    if (URI_CHARACTER.test(c) || ((c === '[' || c === ']') && i < hostEnd) || (c === '%' && HEX.test(trimmed.slice(i + 1, i + 3)))) out += c;
    else out += percentEncoded(c);
    i += c.length;
  }
  return out;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
