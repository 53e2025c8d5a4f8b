/** What the security-group and instance views share besides their table shell (ObjectTable.vue). */
import { NTag, type DataTableColumns } from 'naive-ui';
import { h, ref } from 'vue';
import { useNavigationStore } from '../stores/navigation';

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
