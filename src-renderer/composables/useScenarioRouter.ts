/**
 * Routes through the current scenario's network (topology/path.ts), computed
 * again only when the scenario changes. Null while the scenario is invalid.
 */
import { computed, type ComputedRef } from 'vue';
import { topologyOf } from '../../src-core/scenario/build';
import { useScenarioStore } from '../stores/scenario';
import { createRouter, type Router } from '../topology/path';

export function useScenarioRouter(): ComputedRef<Router | null> {
  const scenario = useScenarioStore();
  return computed(() => (scenario.scenario ? createRouter(topologyOf(scenario.scenario)) : null));
}
