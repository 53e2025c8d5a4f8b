/**
 * The per-item steps every collection normaliser shares: an item must be an object, pass its
 * schema and carry a non-empty id; any other item is skipped with an error at its JSON path, and
 * the rest of the file imports.
 */
import type * as v from 'valibot';
import type { FileIssues } from '../file-issues';
import { indexedPath } from '../json-path-cache';
import { requireObject } from './collection';
import { validate } from './schemas';
import { idText } from './values';

export interface ItemSpec<TSchema extends v.GenericSchema> {
  schema: TSchema;
  /** How messages name one item, e.g. "security group". */
  noun: string;
  /** The id field, e.g. `SecurityGroupId`. */
  idKey: string;
}

export function forEachValidItem<TSchema extends v.GenericSchema>(
  items: readonly unknown[],
  itemsPath: string,
  spec: ItemSpec<TSchema>,
  issues: FileIssues,
  visit: (value: v.InferOutput<TSchema>, id: string, itemPath: string) => void,
): void {
  for (let index = 0; index < items.length; index += 1) {
    const itemPath = indexedPath(itemsPath, index);
    const item = items[index];
    if (!requireObject(item, itemPath, spec.noun, issues)) continue;
    const checked = validate(spec.schema, item);
    if (!checked.ok) {
      issues.recordError(
        'invalid-field',
        `${itemPath}${checked.field}`,
        `the ${spec.noun} was skipped because ${checked.field.slice(1)} ${checked.detail}`,
      );
      continue;
    }
    const rawId = (checked.value as Record<string, string | number>)[spec.idKey] ?? '';
    const id = idText(rawId, itemPath, `.${spec.idKey}`, issues).trim();
    if (id === '') {
      issues.recordError(
        'missing-id',
        `${itemPath}.${spec.idKey}`,
        `the ${spec.noun} was skipped because ${spec.idKey} is empty`,
      );
      continue;
    }
    visit(checked.value, id, itemPath);
  }
}
