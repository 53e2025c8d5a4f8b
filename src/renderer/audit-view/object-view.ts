/** What the security-group and instance views share besides their table shell (ObjectTable.vue). */
import { NTag, useMessage, type DataTableColumns } from 'naive-ui';
import { h, ref, watch } from 'vue';
import { describeError } from '../db/storage-errors';
import { useNavigationStore } from '../stores/navigation';
import { useWorkspaceStore } from '../stores/workspace';

/**
 * For a view that shows groups or instances beyond what findings carry (their tabs, the names in an
 * expanded finding): decodes the open audit's snapshot when the view opens, or when another audit
 * is opened under it. The results table and summary need only the head.
 */
export function useFullSnapshot(): void {
  const workspace = useWorkspaceStore();
  const message = useMessage();
  watch(
    () => workspace.head,
    () => {
      workspace
        .ensureSnapshot()
        .catch((error: unknown) => message.error(describeError(error), { duration: 10_000, closable: true }));
    },
    { immediate: true },
  );
}

/**
 * The search text and expanded rows of an object view. A "show in view" link arrives as the
 * navigation store's focus: the view opens filtered to that object, expanded, and the focus is spent.
 */
export function useFocusedObjectSearch() {
  const navigation = useNavigationStore();
  const focus = navigation.focusObjectId;
  const search = ref(focus ?? '');
  const expanded = ref<string[]>(focus === null ? [] : [focus]);
  navigation.focusObjectId = null;
  return { search, expanded };
}

/** The object's at-risk finding count, red when above zero; sorted most at risk first. */
export function findingsCountColumn<Row extends { atRisk: number }>(
  title: string,
): DataTableColumns<Row>[number] {
  return {
    title,
    key: 'findings',
    width: 110,
    defaultSortOrder: 'descend',
    sorter: (a, b) => a.atRisk - b.atRisk,
    render: (row) =>
      h(
        NTag,
        { size: 'small', bordered: false, type: row.atRisk > 0 ? 'error' : 'success' },
        { default: () => String(row.atRisk) },
      ),
  };
}
