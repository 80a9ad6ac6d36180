// Base64 for workbook bytes on their way between client and server, with the btoa/atob every host has
// (Node 16+, browsers, web workers): no Buffer, so the web build stays free of Node built-ins.

const CHUNK = 0x8000;

export function encodeBase64(bytes: Uint8Array): string {
  // String.fromCharCode takes its arguments on the stack: a chunk at a time.
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  return btoa(parts.join(''));
}

/** Undefined for text that is no base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
