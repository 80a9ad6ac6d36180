// Types of scripts/generate-dialects.mjs for the test that checks what it refuses.
export declare function readDialectData(dir?: string): { dialects: unknown[]; families: Record<string, unknown> };
export declare function generatedDialects(): string;
