// The root reducer: (State, Action) → State, pure. Unchanged parts keep their identity so views
// can compare by reference.

import type { Action } from './actions.js';
import { reduceLogs } from './logs-reducer.js';
import { reduceProjectLoaded, reduceService } from './service-reducer.js';
import type { State } from './state.js';

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'project/loaded':
      return reduceProjectLoaded(state, action);
    case 'log':
      return reduceLogs(state, [action]);
    case 'logs':
      return reduceLogs(state, action.entries);
    default:
      return reduceService(state, action);
  }
}
