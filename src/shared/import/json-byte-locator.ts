import { Tokenizer, type ParsedTokenInfo } from '@streamparser/json';
import { positionsOfBytes } from './byte-position';
import type { JsonPathSegment } from './json-limits';
import { parsePath } from './json-path';
import { TokenPath } from './json-token-path';
import type { TextPosition } from './text-position';

/**
 * line:column of JSON paths in a file that was parsed as a stream (so there is no text to hand
 * to jsonc-parser): one more pass of the tokenizer alone over the bytes, recording where each
 * asked path starts, then one pass to turn those byte offsets into positions. Runs only for
 * files with record issues. Like json-path.ts, a path that does not exist points at its deepest
 * existing ancestor, and with duplicate keys the last one counts (as JSON.parse keeps it).
 */
interface TrieNode {
  children: Map<JsonPathSegment, TrieNode>;
  /** Byte offset where the value at this path starts, once seen. */
  offset?: number;
}

const newNode = (): TrieNode => ({ children: new Map() });

function buildTrie(paths: readonly JsonPathSegment[][]): TrieNode {
  const root = newNode();
  for (const segments of paths) {
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (child === undefined) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
    }
  }
  return root;
}

/** Records the start of every value whose path is in the trie. */
function recordOffsets(bytes: Uint8Array, root: TrieNode): void {
  const path = new TokenPath();
  // The trie node of each open container (undefined: nothing asked for lies inside it).
  const nodes: (TrieNode | undefined)[] = [];
  const nodeOfValue = (): TrieNode | undefined => {
    if (path.depth === 0) return root;
    return nodes[nodes.length - 1]?.children.get(path.keyAt()!);
  };
  const tokenizer = new Tokenizer();
  tokenizer.onToken = ({ token, value, offset }: ParsedTokenInfo) => {
    // The value's node is found with the path before the token moves it into a new container.
    const before = nodeOfValue();
    const role = path.see(token, value);
    if (role === 'open') {
      if (before !== undefined) before.offset = offset;
      nodes.push(before);
    } else if (role === 'close') {
      nodes.pop();
    } else if (role === 'scalar' && before !== undefined) {
      before.offset = offset;
    }
  };
  tokenizer.onError = () => undefined;
  tokenizer.write(bytes);
  tokenizer.end();
}

function deepestOffset(root: TrieNode, segments: readonly JsonPathSegment[]): number | undefined {
  let node: TrieNode | undefined = root;
  let offset = root.offset;
  for (const segment of segments) {
    node = node.children.get(segment);
    if (node?.offset === undefined) break;
    offset = node.offset;
  }
  return offset;
}

/** `bytes`: the UTF-8 content after any byte-order mark, which parsed as one JSON document. */
export function locatePathsInBytes(
  bytes: Uint8Array,
  paths: readonly string[],
): (path: string) => TextPosition | null {
  const parsed = new Map(paths.map((path) => [path, parsePath(path)] as const));
  const root = buildTrie([...parsed.values()]);
  recordOffsets(bytes, root);
  const offsets = new Map<string, number>();
  for (const [path, segments] of parsed) {
    const offset = deepestOffset(root, segments);
    if (offset !== undefined) offsets.set(path, offset);
  }
  const positions = positionsOfBytes(bytes, [...offsets.values()]);
  return (path) => {
    const offset = offsets.get(path);
    return offset === undefined ? null : (positions.get(offset) ?? null);
  };
}
