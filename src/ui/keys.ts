// Keys → (new view state, an intent for the engine, a scroll request). Pure: the App applies the
// result, so every binding is testable without a terminal.

import type { Key } from 'ink';
import type { ServiceState } from '../store/index.js';
import type { Intent } from './intent.js';
import type { ViewState } from './view-state.js';

export type Scroll = 'pageUp' | 'pageDown' | 'top' | 'bottom';

export interface KeyContext {
  services: readonly ServiceState[];
  /** Services with a seed, in dependency order. */
  seedable: readonly string[];
}

export interface KeyResult {
  view: ViewState;
  intent?: Intent;
  scroll?: Scroll;
}

export type KeyInfo = Partial<Key>;

function isQuit(input: string, key: KeyInfo): boolean {
  return key.ctrl === true && input === 'c';
}

function filterKey(v: ViewState, input: string, key: KeyInfo): KeyResult {
  if (key.return) return { view: { ...v, mode: 'normal', filter: v.draft, anchorSeq: null } };
  if (key.escape) return { view: { ...v, mode: 'normal', draft: '' } };
  // Terminals send DEL (0x7f) for Backspace; Ink reports it as `delete`.
  if (key.backspace || key.delete) return { view: { ...v, draft: v.draft.slice(0, -1), anchorSeq: null } };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || !input) return { view: v };
  return { view: { ...v, draft: v.draft + input, anchorSeq: null } };
}

function confirmKey(v: ViewState, input: string, key: KeyInfo): KeyResult {
  if (input === 'y' || input === 'Y') {
    const intent: Intent = v.seedTarget === null ? { type: 'seed' } : { type: 'seed', service: v.seedTarget };
    return { view: { ...v, mode: 'normal', seedTarget: null, notice: `seed ${v.seedTarget ?? 'all'} requested` }, intent };
  }
  if (input === 'n' || input === 'N' || key.escape) return { view: { ...v, mode: 'normal', seedTarget: null, notice: 'seed cancelled' } };
  return { view: v };
}

function normalKey(v: ViewState, input: string, key: KeyInfo, ctx: KeyContext): KeyResult {
  const n = ctx.services.length;
  const current = ctx.services[Math.min(v.selected, n - 1)];
  const follow = { ...v, anchorSeq: null };
  if (input === 'q') return { view: v, intent: { type: 'quit' } };
  if (key.upArrow || input === 'k') {
    const selected = Math.max(0, Math.min(v.selected, n - 1) - 1);
    return { view: { ...v, selected, anchorSeq: v.scope === 'selected' && selected !== v.selected ? null : v.anchorSeq } };
  }
  if (key.downArrow || input === 'j') {
    const selected = Math.max(0, Math.min(n - 1, v.selected + 1));
    return { view: { ...v, selected, anchorSeq: v.scope === 'selected' && selected !== v.selected ? null : v.anchorSeq } };
  }
  if (key.return || input === 'l') return { view: current ? { ...follow, scope: 'selected' } : v };
  if (input === 'a') return { view: { ...follow, scope: 'all' } };
  if (input === 'r' || input === 'b') {
    if (!current) return { view: v };
    const type = input === 'r' ? 'restart' : 'rebuild';
    return { view: { ...v, notice: `${type} ${current.name} requested` }, intent: { type, service: current.name } };
  }
  if (input === 's') {
    if (current?.hasSeed) return { view: { ...v, mode: 'confirm-seed', seedTarget: current.name } };
    if (ctx.seedable.length > 0) return { view: { ...v, mode: 'confirm-seed', seedTarget: null } };
    return { view: { ...v, notice: 'no service has a seed' } };
  }
  if (input === '/') return { view: { ...v, mode: 'filter', draft: v.filter } };
  if (input === '?') return { view: { ...v, mode: 'help' } };
  if (input === 'w') return { view: { ...v, wrap: !v.wrap } };
  if (input === 't') return { view: { ...v, timestamps: !v.timestamps } };
  if (key.pageUp || (key.ctrl && input === 'u')) return { view: v, scroll: 'pageUp' };
  if (key.pageDown || (key.ctrl && input === 'd')) return { view: v, scroll: 'pageDown' };
  if (input === 'g' || key.home) return { view: v, scroll: 'top' };
  if (input === 'G' || key.end) return { view: v, scroll: 'bottom' };
  if (key.escape && v.filter) return { view: { ...follow, filter: '' } };
  return { view: v };
}

export function handleKey(view: ViewState, input: string, key: KeyInfo, ctx: KeyContext): KeyResult {
  if (isQuit(input, key)) return { view, intent: { type: 'quit' } };
  const v = view.notice ? { ...view, notice: null } : view;
  switch (v.mode) {
    case 'filter':
      return filterKey(v, input, key);
    case 'confirm-seed':
      return confirmKey(v, input, key);
    case 'help':
      if (input === 'q') return { view: v, intent: { type: 'quit' } };
      if (input === '?' || key.escape || key.return) return { view: { ...v, mode: 'normal' } };
      return { view: v };
    case 'normal':
      return normalKey(v, input, key, ctx);
  }
}
