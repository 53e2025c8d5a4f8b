import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));
const { applicationMenuTemplate } = await import('./menu');

describe('application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)(
    'on %s has no Help menu and no click handlers (no links out)',
    (platform) => {
      const text = JSON.stringify(applicationMenuTemplate(platform, true));
      expect(text).not.toMatch(/help/i);
      for (const item of applicationMenuTemplate(platform, true))
        expect(item.click).toBeUndefined();
    },
  );

  it('offers reload and DevTools in development only', () => {
    expect(JSON.stringify(applicationMenuTemplate('linux', true))).not.toContain('toggleDevTools');
    expect(JSON.stringify(applicationMenuTemplate('linux', false))).toContain('toggleDevTools');
  });
});
