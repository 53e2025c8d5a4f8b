const HEX_DIGITS = '0123456789abcdef';

/** Hex SHA-256 of the raw bytes, exactly as received (Web Crypto: browsers, workers, Node, Electron). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  return hex;
}
