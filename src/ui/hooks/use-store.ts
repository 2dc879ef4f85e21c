// Reading the store from React. The snapshot is the state as of the store's last (coalesced)
// notification, so renders follow the store's frame rate however fast actions arrive.

import { useSyncExternalStore } from 'react';
import type { State, Store } from '../../store/index.js';

export function useStoreState(store: Store): State {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
