// esbuild bundles data/*.yaml as text, and with `?value` as the parsed document (scripts/lib/esbuild-knowledge.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}
declare module '*.yaml?value' {
  const value: unknown;
  export default value;
}
