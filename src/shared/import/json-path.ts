import { parseTree, type Node } from 'jsonc-parser';
import { positionAt, type TextPosition } from './text-position';

/**
 * line:column of JSON paths such as `$.Permissions.Permission[3].PortRange`, for the issues of a
 * file that had record errors. It parses the text a second time, so it runs only on that failure
 * path and only for files small enough to do so quickly.
 */
export const MAX_TEXT_TO_LOCATE = 64 * 1024 * 1024;

export function jsonPathLocator(text: string): (path: string) => TextPosition | null {
  if (text.length > MAX_TEXT_TO_LOCATE) return () => null;
  let root: Node | undefined;
  let parsed = false;
  return (path) => {
    if (!parsed) {
      parsed = true;
      try {
        root = parseTree(text, [], { disallowComments: true });
      } catch {
        // parseTree recurses per nesting level: a very deep document gets paths without line:column.
        root = undefined;
      }
    }
    if (root === undefined) return null;
    const node = nearestNode(root, parsePath(path));
    return node === undefined ? null : positionAt(text, node.offset);
  };
}

type Segment = string | number;

/** `$.A.B[3].C` → ['A', 'B', 3, 'C']; our paths only contain identifier keys and indexes. */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]/g;
  for (let match = pattern.exec(path); match !== null; match = pattern.exec(path)) {
    segments.push(match[1] !== undefined ? match[1] : Number(match[2]));
  }
  return segments;
}

/**
 * The deepest node along the path. A missing field (say `Direction`) points at its record.
 * With duplicate keys JSON.parse keeps the last one, so the last match is followed here too.
 */
function nearestNode(root: Node, segments: readonly Segment[]): Node {
  let node = root;
  for (const segment of segments) {
    let next: Node | undefined;
    if (typeof segment === 'number') {
      if (node.type === 'array') next = node.children?.[segment];
    } else if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.value === segment && value !== undefined) next = value;
      }
    }
    if (next === undefined) return node;
    node = next;
  }
  return node;
}
