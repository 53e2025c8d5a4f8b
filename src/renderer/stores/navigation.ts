/**
 * Which screen is shown. The app has two levels (the audits list, one audit with tabs), so a
 * store-driven switch does the job of a router without one more dependency.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type AuditTab = 'results' | 'groups' | 'instances' | 'imports' | 'activity';

export type Screen = { name: 'audits' } | { name: 'audit'; auditId: string; tab: AuditTab };

export const useNavigationStore = defineStore('navigation', () => {
  const screen = ref<Screen>({ name: 'audits' });
  /** The object a Groups/Instances tab should show expanded and searched, when navigated to. */
  const focusObjectId = ref<string | null>(null);

  function showAudits(): void {
    screen.value = { name: 'audits' };
  }

  function showAudit(auditId: string, tab: AuditTab = 'results'): void {
    screen.value = { name: 'audit', auditId, tab };
  }

  function showTab(tab: AuditTab, objectId: string | null = null): void {
    if (screen.value.name !== 'audit') return;
    focusObjectId.value = objectId;
    screen.value = { ...screen.value, tab };
  }

  return { screen, focusObjectId, showAudits, showAudit, showTab };
});
