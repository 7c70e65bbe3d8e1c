/** The trace's protocols and nodes for the filters (view/facets.ts), read lazily per trace version. */
import { computed, type ComputedRef } from 'vue';
import { useRunStore } from '../stores/run';
import { createFacetIndex, type Facets } from '../view/facets';

const index = createFacetIndex();

export function useFacets(): ComputedRef<Facets> {
  const run = useRunStore();
  return computed(() => {
    void run.version;
    return index(run.trace.events);
  });
}
