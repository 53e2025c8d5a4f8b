/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/** The app's version, from package.json at build time. */
declare const __APP_VERSION__: string;

/**
 * The core (src/shared) is typed against its own minimal platform.d.ts, where digest takes any
 * Uint8Array. TypeScript's DOM library narrows BufferSource to ArrayBuffer-backed views; the
 * bytes the core hashes are never SharedArrayBuffer-backed, so accept them here too.
 */
interface SubtleCrypto {
  digest(algorithm: AlgorithmIdentifier, data: Uint8Array<ArrayBufferLike>): Promise<ArrayBuffer>;
}
