// The session protocol's parsing, with no socket: every malformed request gets a reason a client
// can show, with its id when it had one; the snapshot carries services and the last log lines.
import { describe, expect, it } from 'vitest';
import { parseRequest, snapshotOf } from '../../src/api/protocol.js';
import { reducer } from '../../src/store/reducer.js';
import { initialState } from '../../src/store/state.js';

describe('session protocol v1', () => {
  it('parses the four ops', () => {
    expect(parseRequest('{"v":1,"id":1,"op":"hello"}')).toEqual({ v: 1, id: 1, op: 'hello' });
    expect(parseRequest('{"v":1,"id":"a","op":"state"}')).toEqual({ v: 1, id: 'a', op: 'state' });
    expect(parseRequest('{"v":1,"id":2,"op":"intent","intent":{"kind":"restart","service":"api"}}')).toEqual({ v: 1, id: 2, op: 'intent', intent: { kind: 'restart', service: 'api' } });
    expect(parseRequest('{"v":1,"id":3,"op":"intent","intent":{"kind":"reseed","services":["db"]}}')).toEqual({ v: 1, id: 3, op: 'intent', intent: { kind: 'reseed', services: ['db'] } });
  });

  it('says what is wrong with a bad request, keeping its id', () => {
    expect(parseRequest('nope')).toEqual({ error: 'not JSON: each request is one JSON object on one line', id: null });
    expect(parseRequest('[1]')).toEqual({ error: 'a request is a JSON object', id: null });
    expect(parseRequest('{"v":1,"op":"hello"}')).toEqual({ error: 'a request needs an "id" (number or string)', id: null });
    expect(parseRequest('{"v":2,"id":1,"op":"hello"}')).toEqual({ error: 'protocol version 2 is not spoken here (this session speaks v1)', id: 1 });
    expect(parseRequest('{"v":1,"id":1,"op":"dance"}')).toEqual({ error: 'unknown op "dance" (hello, state, subscribe, intent)', id: 1 });
    expect(parseRequest('{"v":1,"id":1,"op":"intent","intent":{"kind":"rebuild"}}')).toEqual({ error: 'intent.service: rebuild needs a service', id: 1 });
    expect(parseRequest('{"v":1,"id":1,"op":"intent","intent":{"kind":"restart","service":3}}')).toEqual({ error: 'intent.service: expected a service name', id: 1 });
    expect(parseRequest('{"v":1,"id":1,"op":"intent","intent":{"kind":"fly"}}')).toEqual({ error: 'intent.kind "fly" is not one of restart, rebuild, reseed, stop', id: 1 });
  });

  it('snapshots services and the tail of each log', () => {
    let s = reducer(initialState({ logBufferLines: 10 }), { type: 'project/loaded', project: { name: 'p', services: [{ name: 'a', kind: 'container', ports: [], dependsOn: [], hasSync: false, hasSeed: false }] } });
    s = reducer(s, { type: 'logs', entries: Array.from({ length: 5 }, (_, i) => ({ service: 'a', stream: 'stdout' as const, line: `l${i}`, at: i })) });
    const snap = snapshotOf(s, 2);
    expect(snap.order).toEqual(['a']);
    expect(snap.services.a.phase).toBeDefined();
    expect(snap.logs.a.map((l) => l.line)).toEqual(['l3', 'l4']);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  });
});
