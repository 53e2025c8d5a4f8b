/**
 * The built index.html of the web host and of the Electron renderer: the meta CSP is exactly the
 * production policy of reliability.md (main also sends it as a header on app://), it comes before
 * anything it governs, and no script runs from the document itself. The page as Chromium parses it
 * is checked too, in test/e2e/csp.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { productionCsp } from '../production-csp';
import { builtIndexFiles } from './build-folders';

vi.mock('electron', () => ({ protocol: {} }));
const { contentSecurityPolicy } = await import('../../../src/main/app-protocol');

interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** Where the tag starts in the file. */
  offset: number;
}

const entities: Record<string, string> = {
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};
const decode = (text: string): string =>
  text.replace(/&(?:quot|#39|apos|lt|gt|amp);/g, (entity) => entities[entity] ?? entity);

/** Every start tag with its attributes (names lower-cased, values decoded); comments removed first. */
function startTags(html: string): Tag[] {
  const text = html.replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  const tags: Tag[] = [];
  for (const match of text.matchAll(
    /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g,
  )) {
    const attributes = new Map<string, string>();
    for (const attribute of (match[2] ?? '').matchAll(
      /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
    )) {
      attributes.set(
        (attribute[1] ?? '').toLowerCase(),
        decode(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''),
      );
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), attributes, offset: match.index });
  }
  return tags;
}

describe.each(builtIndexFiles)('the built index.html of the $name', ({ path }) => {
  const file = path();
  const html = readFileSync(file, 'utf8');
  const tags = startTags(html);
  const cspTags = tags.filter(
    (tag) =>
      tag.name === 'meta' &&
      tag.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy',
  );

  it('has one meta CSP, exactly the production policy of reliability.md, as main’s app:// header is', () => {
    expect(cspTags, file).toHaveLength(1);
    expect(cspTags[0]?.attributes.get('content'), file).toBe(productionCsp);
    expect(contentSecurityPolicy).toBe(productionCsp);
    expect(productionCsp).not.toContain('unsafe-eval');
  });

  it('puts the CSP before every script, style sheet and other resource it governs', () => {
    const cspOffset = cspTags[0]?.offset ?? Infinity;
    const governed = tags.filter((tag) =>
      ['script', 'link', 'style', 'img', 'iframe', 'object', 'base'].includes(tag.name),
    );
    expect(governed.length, file).toBeGreaterThan(0);
    for (const tag of governed)
      expect(tag.offset, `${file}: <${tag.name}>`).toBeGreaterThan(cspOffset);
  });

  it('has no inline script: every script is an empty module tag loading a file of the app', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    expect(scripts.length, file).toBe(tags.filter((tag) => tag.name === 'script').length);
    expect(scripts.length, file).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script[2], `${file}: ${script[0]}`).toBe('');
      const [tag] = startTags(script[0]);
      expect(tag?.attributes.get('type'), script[0]).toBe('module');
      expect(tag?.attributes.get('src'), script[0]).toMatch(/^\.\/assets\/[\w.-]+\.js$/);
    }
  });

  it('has no event-handler attribute, javascript: URL, <style> or <base>, nor a resource from elsewhere', () => {
    for (const tag of tags) {
      for (const [name, value] of tag.attributes) {
        const where = `${file}: <${tag.name} ${name}="${value}">`;
        expect(name, where).not.toMatch(/^on/);
        expect(value, where).not.toMatch(/^\s*javascript:/i);
        if (name === 'src' || name === 'href') expect(value, where).toMatch(/^\.\//);
      }
      expect(tag.name, file).not.toBe('style');
      expect(tag.name, file).not.toBe('base');
    }
  });
});
