/**
 * The file name proposed in the save dialog. It is built from data (a report named after an export
 * file), so it is reduced to a plain name: no folders, no control or bidi characters, no characters
 * Windows refuses, and the extension of the type being saved.
 */
import type { SaveMimeType } from './ipc-schemas';

export const extensionForMimeType: Readonly<Record<SaveMimeType, string>> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/json': 'json',
};

// Control characters, the characters Windows forbids in names, and bidi/invisible format characters.
const unsafeCharacters =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
  /[\u0000-\u001f\u007f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const windowsReservedName = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function safeSaveFileName(suggestedName: string, mimeType: SaveMimeType): string {
  const extension = extensionForMimeType[mimeType];
  const lastPart = suggestedName.split(/[/\\]/).pop() ?? '';
  let name = lastPart
    .replace(unsafeCharacters, '_')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (name === '' || windowsReservedName.test(name)) name = 'sg-audit-report';
  if (!name.toLowerCase().endsWith(`.${extension}`)) name = `${name}.${extension}`;
  return name;
}
