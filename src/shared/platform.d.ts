/**
 * The few Web-platform globals the core relies on. They exist in browsers, Web Workers, Node ≥ 20
 * and Electron alike; declaring them here keeps src/shared free of DOM and Node type libraries.
 */
interface SharedTextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: SharedTextDecoderOptions);
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

declare const crypto: {
  subtle: {
    digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  };
};
