// The dashboard's own state: what is selected, how the log pane is scrolled and filtered. It is
// not the session's state (that is the store); it lives and dies with the screen.

export type Mode = 'normal' | 'filter' | 'confirm-seed' | 'help';

export interface ViewState {
  mode: Mode;
  /** Index into the service list. */
  selected: number;
  /** 'selected': the log pane shows only the selected service. */
  scope: 'all' | 'selected';
  /** Seq of the bottom log line when scrolled back; null while following the newest line. */
  anchorSeq: number | null;
  /** The applied filter (text or regex); '' for none. */
  filter: string;
  /** What is being typed after '/'; previewed live. */
  draft: string;
  /** While confirming a seed: the service, or null for every seedable service. */
  seedTarget: string | null;
  wrap: boolean;
  /** Show each line's time of day before its prefix. */
  timestamps: boolean;
  /** A one-line message in the footer until the next key. */
  notice: string | null;
}

export const initialViewState: ViewState = {
  mode: 'normal',
  selected: 0,
  scope: 'all',
  anchorSeq: null,
  filter: '',
  draft: '',
  seedTarget: null,
  wrap: true,
  timestamps: false,
  notice: null,
};

/** The filter the log pane uses now: the draft while typing, else the applied one. */
export function activeFilter(v: ViewState): string {
  return v.mode === 'filter' ? v.draft : v.filter;
}
