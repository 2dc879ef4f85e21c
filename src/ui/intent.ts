// What a key press asks for. The dashboard never acts itself: the CLI receives intents and
// forwards them to the engine, which owns every side effect.

export type IntentType = 'restart' | 'rebuild' | 'seed' | 'quit';

export interface Intent {
  type: IntentType;
  /** The service the intent is about; absent for quit, and for seed meaning "every seedable service". */
  service?: string;
}

export type OnIntent = (intent: Intent) => void;
