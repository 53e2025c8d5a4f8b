/**
 * The built-in sample audit: the demo export from resources/sample-audit, bundled as text and run
 * through the real engine on first start, then stored like any other audit.
 */
import type { UnreadFile } from '../../shared/host/host-api';

const bundled = import.meta.glob('../../../resources/sample-audit/**/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const prefix = '../../../resources/sample-audit/';

export const sampleAuditDetails = {
  client: 'Demo Co.',
  engagement: 'Sample audit — Demo Co.',
  auditor: 'SG Audit',
  date: '2025-01-01',
  notes: 'Built-in sample: the demo export shipped with the app. Safe to delete.',
};

export const sampleCreatedKey = 'sample-created';

/** The demo export's files, in path order, each as a Blob of its bytes. */
export function sampleFiles(): (UnreadFile & { blob: Blob })[] {
  return Object.keys(bundled)
    .sort()
    .map((path) => ({
      name: `demo-export/${path.slice(prefix.length)}`,
      blob: new Blob([bundled[path] ?? '']),
    }));
}
