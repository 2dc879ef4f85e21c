// Which keys the compose schema allows where an unknown key was found, for "did you mean".
import { pointerToSegments } from './keypath.js';
import { knownProperties } from './schema/compose-validator.generated.js';

const known = knownProperties as Record<string, string[]>;

// Ajv's schemaPath is relative to the sub-schema's own function, so it alone does not say which
// object an unknown key was found in; the instance path's shape does for the common places.
export function knownKeysFor(instancePath: string, schemaPath: string): string[] {
  const segs = pointerToSegments(instancePath).map(String);
  const byShape: Array<[RegExp, string]> = [
    [/^$/, '#'],
    [/^services\/[^/]+$/, '#/definitions/service'],
    [/^services\/[^/]+\/build$/, '#/definitions/service/properties/build/oneOf/1'],
    [/^services\/[^/]+\/healthcheck$/, '#/definitions/healthcheck'],
    [/^services\/[^/]+\/develop$/, '#/definitions/development'],
    [/^services\/[^/]+\/develop\/watch\/\d+$/, '#/definitions/development/properties/watch/items'],
    [/^services\/[^/]+\/deploy$/, '#/definitions/deployment'],
    [/^services\/[^/]+\/ports\/\d+$/, '#/definitions/service/properties/ports/items/oneOf/2'],
    [/^services\/[^/]+\/volumes\/\d+$/, '#/definitions/service/properties/volumes/items/oneOf/1'],
    [/^services\/[^/]+\/depends_on\/[^/]+$/, '#/definitions/service/properties/depends_on/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$'],
    [/^networks\/[^/]+$/, '#/definitions/network'],
    [/^volumes\/[^/]+$/, '#/definitions/volume'],
    [/^secrets\/[^/]+$/, '#/definitions/secret'],
    [/^configs\/[^/]+$/, '#/definitions/config'],
  ];
  const joined = segs.join('/');
  for (const [re, pointer] of byShape) if (re.test(joined) && known[pointer]) return known[pointer];
  const suffix = schemaPath.replace(/^#/, '').replace(/\/additionalProperties$/, '');
  const match = Object.keys(known).find((k) => suffix !== '' && k.endsWith(suffix));
  return match ? known[match] : [];
}
