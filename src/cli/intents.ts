// Dashboard intents → engine calls. The dashboard never acts itself; this is where its keys land.
import type { Project } from '../config/project.js';
import type { Intent } from '../ui/intent.js';
import type { Session } from '../engine/session.js';
import { FoxdevError } from '../errors.js';

export async function handleIntent(session: Session, project: Project, intent: Intent): Promise<void> {
  switch (intent.type) {
    case 'restart':
      if (intent.service) await session.restart(intent.service);
      return;
    case 'rebuild':
      if (intent.service) await session.rebuild(intent.service);
      return;
    case 'seed':
      await session.reseed(intent.service ? [intent.service] : Object.keys(project.services).filter((s) => project.services[s].seed));
      return;
    case 'quit':
      return;
    default:
      throw new FoxdevError('internal', `unknown intent ${(intent as Intent).type}`);
  }
}
