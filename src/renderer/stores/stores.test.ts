/**
 * The stores against the real importer and engine (in-process host) and a fake IndexedDB:
 * sample audit, import review and commit, broken files, item switches, preferences.
 */
import 'fake-indexeddb/auto';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { loadAudit } from '../db/audit-repository';
import { setDatabaseForTesting, useDatabase } from '../db/connection';
import { openDatabase, type SgAuditDatabase } from '../db/database';
import { storedFileCount } from '../db/db-test-support';
import { createInProcessHost, type InProcessHost } from '../hosts/in-process-host';
import { useHostForTesting } from '../hosts/select-host';
import type { PickedFile } from '../importing/collect-files';
import { sampleFiles } from '../sample/sample-audit';
import { useAuditsStore } from './audits';
import { useImportSessionStore } from './import-session';
import { usePreferencesStore } from './preferences';
import { useWorkspaceStore } from './workspace';

function picked(name: string, content: Uint8Array | string): PickedFile {
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  return { name, file: new File([part], name.split('/').pop() ?? name) };
}

/** The demo export (resources/sample-audit is a copy of test/fixtures/alibaba-demo). */
function demoFiles(): PickedFile[] {
  return sampleFiles().map((file) => ({ name: file.name, file: new File([file.blob], file.name.split('/').pop() ?? file.name) }));
}

let db: SgAuditDatabase;
let host: InProcessHost;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = openDatabase(`sg-audit-stores-${counter}-${Date.now()}`);
  setDatabaseForTesting(db);
  host = createInProcessHost();
  useHostForTesting(host);
  setActivePinia(createPinia());
});

afterEach(async () => {
  db.close();
  await db.delete();
  setDatabaseForTesting(null);
  useHostForTesting(null);
  vi.unstubAllGlobals();
});

function counts(workspace: ReturnType<typeof useWorkspaceStore>, id: string): [number, number] | string {
  const row = workspace.checkRows.find((candidate) => candidate.id === id);
  if (row === undefined) return 'missing';
  return row.status === 'disabled' ? 'disabled' : [row.securityGroups, row.instances];
}

describe('sample audit', () => {
  it('is created once on first start through the real engine, and not again after deletion', async () => {
    const audits = useAuditsStore();
    await audits.ensureSampleAudit();
    expect(audits.sampleError).toBeNull();
    expect(audits.audits).toHaveLength(1);
    const sample = audits.audits[0];
    expect(sample?.engagement).toBe('Sample audit — Demo Co.');
    expect(sample?.sample).toBe(true);
    expect(sample?.summary).toMatchObject({ files: 12, securityGroups: 9, instances: 9, atRiskChecks: 16 });

    const workspace = useWorkspaceStore();
    await workspace.open(sample?.id ?? '');
    expect(counts(workspace, 'exposed-ssh-22')).toEqual([2, 2]);
    expect(counts(workspace, 'exposed-mysql-3306')).toEqual([2, 3]);

    await audits.ensureSampleAudit();
    expect(audits.audits).toHaveLength(1);
    await audits.remove(sample?.id ?? '');
    await audits.ensureSampleAudit();
    expect(audits.audits).toHaveLength(0);
    expect(host.runs).toHaveLength(1);
  });
});

describe('import session', () => {
  it('audits, shows a review before anything is stored, then commits in one go', async () => {
    const audits = useAuditsStore();
    const audit = await audits.create({ client: 'C', engagement: 'E', auditor: '', date: '2025-01-01', notes: '' });
    const workspace = useWorkspaceStore();
    await workspace.open(audit.id);
    const session = useImportSessionStore();

    await session.start(audit.id, demoFiles());
    expect(session.phase).toBe('review');
    expect(session.entries.every((entry) => entry.status === 'imported')).toBe(true);
    expect(session.storableEntries).toHaveLength(12);
    expect(session.canCommit).toBe(true);
    expect(session.previewRows.find((row) => row.id === 'exposed-ssh-22')?.securityGroups).toBe(2);
    // Review only: nothing stored yet.
    expect(await storedFileCount(db)).toBe(0);

    expect(await session.confirm()).toBe(true);
    expect(await storedFileCount(db)).toBe(12);
    expect(counts(workspace, 'exposed-ssh-22')).toEqual([2, 2]);
    expect(counts(workspace, 'excessive-security-groups')).toEqual([0, 1]);
    expect(workspace.imports).toHaveLength(1);
  });

  it('shows a broken file with line:column, stores nothing of it, and keeps the audit intact', async () => {
    const audits = useAuditsStore();
    const audit = await audits.create({ client: 'C', engagement: 'E', auditor: '', date: '2025-01-01', notes: '' });
    const workspace = useWorkspaceStore();
    await workspace.open(audit.id);
    const session = useImportSessionStore();
    await session.start(audit.id, demoFiles());
    await session.confirm();
    const before = { files: await storedFileCount(db), imports: await db.imports.count(), result: workspace.result };

    const broken = picked('broken.json', '{\n  "SecurityGroups": { "SecurityGroup": [ , ] }\n');
    const duplicate = demoFiles()[0] as PickedFile;
    await session.start(audit.id, [broken, duplicate]);
    expect(session.phase).toBe('review');
    expect(session.entries.map((entry) => entry.status)).toEqual(['unusable', 'duplicate']);
    expect(session.canCommit).toBe(false);
    const error = session.newIssues.find((issue) => issue.severity === 'error');
    expect(error?.file).toBe('broken.json');
    expect(error?.line).toBeGreaterThan(0);
    expect(await session.confirm()).toBe(false);
    session.cancel();

    expect(await storedFileCount(db)).toBe(before.files);
    expect(await db.imports.count()).toBe(before.imports);
    await workspace.reload();
    expect(workspace.result).toEqual(before.result);
    expect(counts(workspace, 'exposed-ssh-22')).toEqual([2, 2]);
  });

  it('re-runs over the stored files plus good new ones when some new files are unusable', async () => {
    const audits = useAuditsStore();
    const audit = await audits.create({ client: 'C', engagement: 'E', auditor: '', date: '2025-01-01', notes: '' });
    const session = useImportSessionStore();
    const [first, ...rest] = demoFiles();
    await session.start(audit.id, [first as PickedFile]);
    await session.confirm();
    await session.start(audit.id, [...rest, picked('not-json.json', 'hello')]);
    expect(session.phase).toBe('review');
    expect(session.storableEntries).toHaveLength(11);
    // Second run: first file (stored) + 11 new, without the unusable one.
    expect(host.runs.at(-1)).toHaveLength(12);
    expect(host.runs.at(-1)).not.toContain('not-json.json');
    await session.confirm();
    const workspace = useWorkspaceStore();
    await workspace.open(audit.id);
    expect(counts(workspace, 'exposed-ssh-22')).toEqual([2, 2]);
    expect(workspace.head?.inputs.map((input) => input.name)).not.toContain('not-json.json');
  });
});

describe('workspace', () => {
  it('switches items off without re-running, and the switch survives reopening', async () => {
    const audits = useAuditsStore();
    await audits.ensureSampleAudit();
    const id = audits.audits[0]?.id ?? '';
    const workspace = useWorkspaceStore();
    await workspace.open(id);
    const runsBefore = host.runs.length;
    await workspace.setCheckEnabled('exposed-rdp-3389', false);
    expect(counts(workspace, 'exposed-rdp-3389')).toBe('disabled');
    expect(workspace.overview?.atRiskChecksByRisk.medium).toBe(13);
    expect(host.runs.length).toBe(runsBefore);

    setActivePinia(createPinia());
    const reopened = useWorkspaceStore();
    await reopened.open(id);
    expect(reopened.disabledChecks).toEqual(['exposed-rdp-3389']);
    expect(counts(reopened, 'exposed-rdp-3389')).toBe('disabled');
    await reopened.setCheckEnabled('exposed-rdp-3389', true);
    expect(counts(reopened, 'exposed-rdp-3389')).toEqual([1, 1]);
  });

  it('indexes groups and instances with their findings for the object views', async () => {
    const audits = useAuditsStore();
    await audits.ensureSampleAudit();
    const workspace = useWorkspaceStore();
    await workspace.open(audits.audits[0]?.id ?? '');
    await workspace.ensureSnapshot();
    const web02 = workspace.instanceRows.find((row) => row.instance.name === 'web-02');
    expect(web02?.findings.filter((finding) => finding.checkId === 'exposed-ssh-22')).toEqual([]);
    const legacy = workspace.groupRows.find((row) => row.id === 'sg-uf6demolegacy000005');
    expect(legacy?.atRisk).toBeGreaterThan(10);
  });
});

describe('workspace snapshot on demand', () => {
  it('opens an audit with its head only, and decodes groups and instances when a view asks', async () => {
    const audits = useAuditsStore();
    await audits.ensureSampleAudit();
    const workspace = useWorkspaceStore();
    await workspace.open(audits.audits[0]?.id ?? '');
    expect(workspace.snapshot).toBeNull();
    expect(workspace.groupRows).toEqual([]);
    const overview = workspace.overview;
    expect(overview?.securityGroups).toBeGreaterThan(0);
    const loaded = await loadAudit(useDatabase(), audits.audits[0]?.id ?? '');
    const full = loaded?.snapshot;
    // The head gives what the results screen shows, equal to counting the decoded snapshot.
    expect(overview).toMatchObject({
      securityGroups: full?.groups.length,
      instances: full?.instances.length,
      rules: full?.groups.reduce((sum, group) => sum + group.rules.length, 0),
    });
    expect(workspace.head?.issues).toEqual(full?.issues);
    expect(workspace.head?.gaps).toEqual(full?.gaps);
    const decoded = await workspace.ensureSnapshot();
    expect(decoded).toEqual(full);
    expect(workspace.snapshot).toBe(decoded);
    expect(workspace.snapshotLoading).toBe(false);
    expect(workspace.groupRows).toHaveLength(full?.groups.length ?? -1);
    // Asked again, the same objects: decoded once.
    expect(await workspace.ensureSnapshot()).toBe(decoded);
  });

  it('counts at-risk instances with a public address from the head as it did from the snapshot', async () => {
    const audits = useAuditsStore();
    await audits.ensureSampleAudit();
    const workspace = useWorkspaceStore();
    await workspace.open(audits.audits[0]?.id ?? '');
    const snapshot = await workspace.ensureSnapshot();
    const atRisk = new Set(workspace.visibleResult?.checks.flatMap((check) => check.instances));
    const expected = snapshot?.instances.filter((instance) => atRisk.has(instance.id) && instance.publicIps.length > 0).length;
    expect(expected).toBeGreaterThan(0);
    expect(workspace.overview?.atRiskInstancesWithPublicIp).toBe(expected);
  });
});

describe('preferences', () => {
  it('remembers language and theme in localStorage', async () => {
    const saved = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => saved.get(key) ?? null,
      setItem: (key: string, value: string) => saved.set(key, value),
    });
    const preferences = usePreferencesStore();
    preferences.setLanguage('zh');
    preferences.theme = 'light';
    preferences.toggleTheme();
    await nextTick();
    expect(saved.get('sg-audit.language')).toBe('zh');
    expect(saved.get('sg-audit.theme')).toBe('dark');

    setActivePinia(createPinia());
    const again = usePreferencesStore();
    expect(again.language).toBe('zh');
    expect(again.theme).toBe('dark');
  });
});
