/**
 * The production CSP at work in Chromium, on the built web host: the document carries exactly the
 * policy of reliability.md and no inline script, and what a hostile string would try once it ran
 * (a remote image, a fetch, a frame, eval) is refused by the browser with a
 * `securitypolicyviolation` event, before anything reaches the network layer. The offline harness
 * (app.ts) would refuse such a request too; that none even gets that far is the point.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { productionCsp } from '../security/production-csp';
import { startHarness, type AppHarness } from './app';

/** The page's globals as the callbacks below use them (this file has Node's types, not the DOM's). */
interface Violation {
  directive: string;
  blocked: string;
}
interface PageElement {
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  document: {
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    createElement(tag: string): PageElement;
    body: { append(element: PageElement): void };
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { effectiveDirective: string; blockedURI: string }) => void,
    ): void;
  };
  fetch(url: string): Promise<unknown>;
  eval(code: string): unknown;
  setTimeout(callback: () => void, milliseconds: number): unknown;
  cspViolations?: Violation[];
}

const remote = 'https://example.com';

let harness: AppHarness;
let profile: string;

test.beforeAll(async () => {
  harness = await startHarness();
  profile = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-csp-'));
});

test.afterAll(async () => {
  await harness?.close();
  rmSync(profile, { recursive: true, force: true });
});

test('the served page enforces the production CSP: remote image, fetch, frame and eval are refused', async () => {
  const { context, page } = await harness.launch(profile);
  await expect(page.getByTestId('home')).toBeVisible({ timeout: 60_000 });
  // How each request ended, and which reached the network layer: a route registered last is
  // consulted first, so any request to the remote origin that got that far is listed here.
  const failures: string[] = [];
  const intercepted: string[] = [];
  context.on('requestfailed', (request) =>
    failures.push(`${request.url()} ${request.failure()?.errorText}`),
  );
  await context.route(`${remote}/**`, async (route) => {
    intercepted.push(route.request().url());
    await route.abort('blockedbyclient');
  });

  await test.step('the document holds exactly the production policy and no inline script', async () => {
    const document = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      const policies = Array.from(
        page.document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]'),
      );
      return {
        policies: policies.map((meta) => meta.getAttribute('content')),
        inlineScripts: page.document.querySelectorAll('script:not([src])').length,
      };
    });
    expect(document).toEqual({ policies: [productionCsp], inlineScripts: 0 });
  });

  await test.step('what injected content would try is refused, each with a violation event', async () => {
    const outcome = await page.evaluate(async (origin) => {
      const page = globalThis as unknown as PageGlobals;
      const violations: Violation[] = [];
      page.cspViolations = violations;
      page.document.addEventListener('securitypolicyviolation', (event) =>
        violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
      );
      const image = page.document.createElement('img');
      image.setAttribute('src', `${origin}/x.png`);
      page.document.body.append(image);
      const frame = page.document.createElement('iframe');
      frame.setAttribute('src', `${origin}/frame`);
      page.document.body.append(frame);
      const fetched = await page.fetch(`${origin}/`).then(
        () => 'sent',
        (error: Error) => `refused: ${error.name}`,
      );
      // From a timer, not from this callback: DevTools' own evaluation is exempt from the policy.
      const evaluated = await new Promise<string>((resolve) =>
        page.setTimeout(() => {
          try {
            resolve(`ran: ${String(page.eval('6 * 7'))}`);
          } catch (error) {
            resolve(`refused: ${(error as Error).name}`);
          }
        }, 0),
      );
      return { fetched, evaluated };
    }, remote);
    expect(outcome).toEqual({ fetched: 'refused: TypeError', evaluated: 'refused: EvalError' });

    const directives = () =>
      page.evaluate(() =>
        ((globalThis as unknown as PageGlobals).cspViolations ?? [])
          .map((item) => `${item.directive} ${item.blocked}`)
          .sort(),
      );
    await expect.poll(directives).toEqual([
      `connect-src ${remote}/`,
      // A frame's report names only its origin.
      `frame-src ${remote}`,
      `img-src ${remote}/x.png`,
      'script-src eval',
    ]);
  });

  // Refused by the browser itself: not one request reached the network layer, let alone left.
  expect(intercepted).toEqual([]);
  // Chromium announces the image before checking it, so the harness's recorder lists it: it
  // failed right there, with `csp`, as must everything else the recorder saw.
  expect(harness.foreignRequests.filter((url) => !failures.includes(`${url} csp`))).toEqual([]);
  // The browser logs each refusal as a console error; nothing else went wrong.
  const otherProblems = harness.pageProblems.filter(
    (problem) => !/violates the (following|document's) Content Security Policy/.test(problem),
  );
  expect(otherProblems).toEqual([]);
  await context.close();
});
