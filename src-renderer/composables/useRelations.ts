/**
 * The trace's reverse links ("caused", "carried by"), built lazily: the
 * index is only scanned when a view reads it, and then only the events
 * appended since the last read (inspector/relations.ts).
 */
import { computed, type ComputedRef } from 'vue';
import { createRelationsIndex, type Relations } from '../inspector/relations';
import { useRunStore } from '../stores/run';

const index = createRelationsIndex();

export function useRelations(): ComputedRef<Relations> {
  const run = useRunStore();
  return computed(() => {
    void run.version;
    return index(run.trace.events);
  });
}
