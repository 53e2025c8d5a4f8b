import type { ImportLimits } from './limits';
import { quote } from './text';

/**
 * Depth and size limits of a parsed JSON document, checked before anything walks it
 * recursively or clones it across a worker boundary (a 100,000-deep array overflows both).
 */
export type JsonPathSegment = string | number;

export interface JsonLimitBreach {
  code: 'json-too-deep' | 'json-too-many-values';
  /** What was crossed and where: completes "<file>: …". */
  detail: string;
  /** What the auditor can do about it, or why it is not an export. */
  advice: string;
  /** Where the limit was crossed: the container that is one level too deep, or the value that is one too many. */
  segments: JsonPathSegment[];
}

export type JsonValueLimits = Pick<ImportLimits, 'maxJsonDepth' | 'maxJsonValues'>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Segments shown at each end of a long path; the middle is counted, not listed. */
const SEGMENTS_SHOWN_AT_ENDS = 6;

/** `$.Permissions.Permission[3]`, `$["odd key"]`; a path of 100 levels shows its ends and how many were left out. */
export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  const text = (segment: JsonPathSegment): string =>
    typeof segment === 'number'
      ? `[${segment}]`
      : IDENTIFIER.test(segment) && segment.length <= 40
        ? `.${segment}`
        : `[${quote(segment, 40)}]`;
  if (segments.length <= SEGMENTS_SHOWN_AT_ENDS * 2 + 1) return `$${segments.map(text).join('')}`;
  const head = segments.slice(0, SEGMENTS_SHOWN_AT_ENDS).map(text).join('');
  const tail = segments.slice(-SEGMENTS_SHOWN_AT_ENDS).map(text).join('');
  const omitted = segments.length - SEGMENTS_SHOWN_AT_ENDS * 2;
  return `$${head}…(${omitted} more levels)…${tail}`;
}

const grouped = (count: number): string => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function depthBreach(limit: number, segments: JsonPathSegment[]): JsonLimitBreach {
  return {
    code: 'json-too-deep',
    detail: `the JSON is nested deeper than ${limit} levels at ${formatJsonPath(segments)}`,
    advice: 'no Alibaba Cloud export nests more than 10 levels',
    segments,
  };
}

export function valuesBreach(limit: number, segments: JsonPathSegment[]): JsonLimitBreach {
  return {
    code: 'json-too-many-values',
    detail: `the JSON holds more than ${grouped(limit)} values, the limit for one file; counting stopped at ${formatJsonPath(segments)}`,
    advice: 'split the export into several files',
    segments,
  };
}

interface Frame {
  container: unknown[] | Record<string, unknown>;
  /** Own keys of an object; null for an array. */
  keys: string[] | null;
  length: number;
  /** Next child to visit. */
  index: number;
}

function frameOf(container: object): Frame {
  if (Array.isArray(container))
    return { container, keys: null, length: container.length, index: 0 };
  const keys = Object.keys(container);
  return { container: container as Record<string, unknown>, keys, length: keys.length, index: 0 };
}

/** The path of the child each frame visited last. */
function pathOf(stack: readonly Frame[]): JsonPathSegment[] {
  return stack.map((frame) =>
    frame.keys === null ? frame.index - 1 : frame.keys[frame.index - 1]!,
  );
}

/**
 * Walks a parsed document without recursion, in document order, and reports the first place
 * where it is nested deeper than `maxJsonDepth` or holds more than `maxJsonValues` values.
 */
export function checkJsonLimits(root: unknown, limits: JsonValueLimits): JsonLimitBreach | null {
  if (typeof root !== 'object' || root === null) return null;
  if (limits.maxJsonDepth < 1) return depthBreach(limits.maxJsonDepth, []);
  let values = 1;
  const stack: Frame[] = [frameOf(root)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.index >= top.length) {
      stack.pop();
      continue;
    }
    const index = top.index;
    top.index += 1;
    const child =
      top.keys === null
        ? (top.container as unknown[])[index]
        : (top.container as Record<string, unknown>)[top.keys[index]!];
    values += 1;
    if (values > limits.maxJsonValues) return valuesBreach(limits.maxJsonValues, pathOf(stack));
    if (typeof child === 'object' && child !== null) {
      if (stack.length >= limits.maxJsonDepth)
        return depthBreach(limits.maxJsonDepth, pathOf(stack));
      stack.push(frameOf(child));
    }
  }
  return null;
}
