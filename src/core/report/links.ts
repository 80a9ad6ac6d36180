// Links in reports come only from the knowledge base, never from scanned files, and only as http(s):
// a `javascript:` or `data:` URL is dropped, and characters that could end a Markdown link or an HTML
// attribute are percent-encoded.

/** The URL made safe to embed in Markdown or an HTML attribute, or undefined when it is not http(s). */
export function webUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/]/i.test(trimmed)) return undefined;
  return trimmed.replace(/[\s()<>"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
