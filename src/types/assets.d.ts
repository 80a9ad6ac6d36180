// esbuild bundles data/*.yaml as text (see scripts/build.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}
