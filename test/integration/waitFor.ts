// Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`
// with a message that includes the last thing seen. No fixed sleeps in tests.
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 50, describe }: { timeoutMs?: number; intervalMs?: number; describe?: () => unknown } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) {
      const seen = describe ? await describe() : undefined;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `; last seen: ${typeof seen === 'string' ? seen : JSON.stringify(seen)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
