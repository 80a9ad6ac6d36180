// Types of scripts/docs-images.mjs for the tests that read its list.
export declare const SHOTS_DIR: string;
export declare const IMAGES_DIR: string;
export declare const MAX_IMAGE_BYTES: number;
export declare const IMAGES: readonly { name: string; shot: string }[];
