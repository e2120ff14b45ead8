/*
 * The live editor of the purpose statement: CodeMirror 6 with @codemirror/collab, talking to the
 * server's single authority over /collab/{workspaceId} (see docs/live-editing.md for the protocol).
 *
 * Local edits apply at once and wait as unconfirmed updates; one batch at a time goes to the server
 * with the version it was made on. The server answers with every accepted change in order (our own
 * come back too and confirm ours), then "ack"; or "behind", after which we send again on top of
 * what arrived; or an error, which we show. Without a connection the person keeps typing, and the
 * editor sends everything when it is back. Nothing from the server is ever put into the page as
 * HTML: text goes into the editor's document or into textContent.
 */
import { ChangeDesc, ChangeSet, EditorState, Extension, Range, StateEffect, StateField, Transaction } from '@codemirror/state';
import { Decoration, DecorationSet, EditorView, ViewPlugin, ViewUpdate, WidgetType, keymap } from '@codemirror/view';
import { collab, getSyncedVersion, receiveUpdates, sendableUpdates, Update } from '@codemirror/collab';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';

type Side = { name: string; colour: string };
type Run = { len: number; side: number | null };
type Peer = { session: string; name: string; side: string; colour: string; canEdit: boolean };
type Presence = { name: string; colour: string; ranges: { anchor: number; head: number }[] };
type ServerUpdate = { version: number; clientID: string; changes: unknown; side: number; user: number };
type Status = 'connecting' | 'connected' | 'reconnecting' | 'offline';
/** A passage another feature marks (a comment thread, a suggested change), at the version its positions hold. */
type Mark = { kind: string; id: number; from: number; to: number; version: number; side: number; text: string; sideName: string };
type Action = { name: string; label: string };

/** Stays below the server's message limit (128 Ki characters) with room for the envelope. */
const BATCH_MAX_CHARS = 100_000;
const BATCH_MAX_UPDATES = 1_000;
const PRESENCE_DELAY_MS = 120;
const PING_EVERY_MS = 20_000;
/** How many accepted changes the editor keeps to carry marks made at an earlier version to its own. */
const CHANGE_LOG_MAX = 2_000;
const SILENCE_LIMIT_MS = 50_000;

const COLOUR = /^#[0-9a-fA-F]{3,8}$/;

function safeColour(colour: string | undefined): string {
  return colour && COLOUR.test(colour) ? colour : '#6b7280';
}

/** Side of each character of the document, as runs; follows every change like the server's Authorship. */
class AuthorshipRuns {
  runs: Run[] = [];

  static of(spans: [number, number][], length: number): AuthorshipRuns {
    const result = new AuthorshipRuns();
    let covered = 0;
    for (const [len, side] of spans) {
      result.push(len, side);
      covered += len;
    }
    if (covered < length) {
      result.push(length - covered, null);
    }
    return result;
  }

  push(len: number, side: number | null) {
    if (len <= 0) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last.side === side) last.len += len;
    else this.runs.push({ len, side });
  }

  apply(changes: ChangeSet, side: number | null) {
    const old = this.runs;
    this.runs = [];
    let index = 0;
    let offset = 0;
    const take = (count: number, keep: boolean) => {
      while (count > 0 && index < old.length) {
        const run = old[index];
        const piece = Math.min(count, run.len - offset);
        if (keep) this.push(piece, run.side);
        count -= piece;
        offset += piece;
        if (offset === run.len) {
          index++;
          offset = 0;
        }
      }
    };
    let pos = 0;
    changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
      take(fromA - pos, true);
      take(toA - fromA, false);
      this.push(inserted.length, side);
      pos = toA;
    });
    take(Number.MAX_SAFE_INTEGER, true);
  }
}

class CaretWidget extends WidgetType {
  constructor(readonly name: string, readonly colour: string) {
    super();
  }

  eq(other: CaretWidget) {
    return other.name === this.name && other.colour === this.colour;
  }

  toDOM() {
    const caret = document.createElement('span');
    caret.className = 'cm-remote-caret';
    caret.style.setProperty('--peer-colour', this.colour);
    caret.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.className = 'cm-remote-caret-label';
    label.textContent = this.name;
    caret.appendChild(label);
    return caret;
  }

  ignoreEvent() {
    return true;
  }
}

const refresh = StateEffect.define<null>();

/** A suggested change's new words, after the struck old ones. */
class SuggestionWidget extends WidgetType {
  constructor(readonly text: string, readonly colour: string, readonly title: string, readonly id: number) {
    super();
  }

  eq(other: SuggestionWidget) {
    return other.text === this.text && other.colour === this.colour && other.title === this.title && other.id === this.id;
  }

  toDOM() {
    const added = document.createElement('span');
    added.className = 'cm-suggest-new';
    added.style.setProperty('--mark-colour', this.colour);
    added.title = this.title;
    added.dataset.suggestion = String(this.id);
    added.dataset.markKind = 'suggestion';
    added.dataset.markId = String(this.id);
    added.textContent = this.text;
    return added;
  }

  ignoreEvent() {
    return true;
  }
}

/** Replaces the marks; between two sets they follow every change like any decoration. */
const setMarks = StateEffect.define<Range<Decoration>[]>();

/** Whether a change replaces or deletes anything inside from..to, or puts something between its ends. */
function changesInside(changes: ChangeDesc, from: number, to: number): boolean {
  let inside = false;
  changes.iterChangedRanges((fromA, toA) => {
    if (fromA < to && toA > from) inside = true;
  });
  return inside;
}

/**
 * The suggested change's struck words, marked again as no longer fitting: the words it would
 * replace have changed, so it cannot be applied as it is (the server says the same on its next look).
 */
function outdatedMark(spec: any): Decoration {
  return Decoration.mark({
    class: 'cm-suggest-outdated',
    attributes: {
      style: spec.attributes?.style ?? '',
      title: spec.outdatedTitle ?? '',
      'data-suggestion': spec.attributes?.['data-suggestion'] ?? '',
      'data-mark-kind': 'suggestion',
      'data-mark-id': spec.attributes?.['data-mark-id'] ?? '',
    },
  });
}

const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let result = marks.map(tr.changes);
    if (tr.docChanged) {
      // A change inside a suggestion's struck words: that suggestion no longer fits. Its new words
      // go, its old ones are outlined instead of struck, at once, on every page that sees the change.
      const stale = new Set<string>();
      marks.between(0, tr.startState.doc.length, (from, to, deco) => {
        const id = deco.spec.attributes?.['data-suggestion'];
        if (id && deco.spec.class === 'cm-suggest-old' && to > from && changesInside(tr.changes, from, to)) stale.add(id);
      });
      if (stale.size) {
        const replaced: Range<Decoration>[] = [];
        result.between(0, tr.state.doc.length, (from, to, deco) => {
          if (deco.spec.class === 'cm-suggest-old' && stale.has(deco.spec.attributes?.['data-suggestion'])) {
            if (to > from) replaced.push(outdatedMark(deco.spec).range(from, to));
          }
        });
        result = result.update({
          filter: (_from, _to, deco) => {
            const id = deco.spec.attributes?.['data-suggestion'] ?? (deco.spec.widget instanceof SuggestionWidget ? String(deco.spec.widget.id) : undefined);
            return !(id && stale.has(id) && deco.spec.class !== 'cm-suggest-outdated');
          },
          add: replaced,
          sort: true,
        });
      }
    }
    for (const effect of tr.effects) {
      if (effect.is(setMarks)) result = Decoration.set(effect.value, true);
    }
    return result;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--lumo-body-text-color, #1f2937)',
    backgroundColor: 'var(--lumo-base-color, #fff)',
    border: '1px solid var(--lumo-contrast-30pct, #9ca3af)',
    borderRadius: 'var(--lumo-border-radius-m, 6px)',
    fontSize: 'var(--lumo-font-size-m, 1rem)',
    minHeight: '14em',
  },
  '&.cm-focused': { outline: '2px solid var(--lumo-primary-color-50pct, #2563eb80)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--lumo-font-family, system-ui, sans-serif)', lineHeight: '1.6' },
  '.cm-content': { padding: '0.75em 0.5em', caretColor: 'var(--lumo-body-text-color, #111)', minHeight: '14em' },
  '.cm-cursor': { borderLeftColor: 'var(--lumo-body-text-color, #111)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--lumo-primary-color-10pct, #2563eb33)',
  },
  '.cm-remote-caret': {
    position: 'relative',
    borderLeft: '2px solid var(--peer-colour)',
    marginLeft: '-1px',
    marginRight: '-1px',
  },
  '.cm-remote-caret-label': {
    position: 'absolute',
    bottom: '1.2em',
    left: '-2px',
    whiteSpace: 'nowrap',
    fontSize: '0.72em',
    lineHeight: '1.3',
    padding: '0 0.35em',
    borderRadius: '0.3em 0.3em 0.3em 0',
    color: '#fff',
    backgroundColor: 'var(--peer-colour)',
    pointerEvents: 'none',
    zIndex: '5',
  },
  '.cm-remote-selection': {
    backgroundColor: 'color-mix(in srgb, var(--peer-colour) 22%, transparent)',
  },
  '.cm-comment-mark': {
    backgroundColor: 'color-mix(in srgb, var(--mark-colour) 16%, transparent)',
    textDecorationLine: 'underline',
    textDecorationColor: 'var(--mark-colour)',
    textDecorationThickness: '2px',
    textUnderlineOffset: '0.2em',
  },
  '.cm-suggest-old': {
    textDecorationLine: 'line-through',
    textDecorationColor: 'var(--mark-colour)',
    textDecorationThickness: '2px',
  },
  '.cm-suggest-outdated': {
    outline: '2px dashed var(--mark-colour)',
    outlineOffset: '1px',
    borderRadius: '2px',
  },
  '.cm-suggest-new': {
    backgroundColor: 'color-mix(in srgb, var(--mark-colour) 16%, transparent)',
    borderBottom: '2px solid var(--mark-colour)',
    borderRadius: '2px',
    marginLeft: '0.2em',
    padding: '0 0.1em',
  },
  '.cm-authored': {
    backgroundColor: 'color-mix(in srgb, var(--author-colour) 24%, transparent)',
    boxShadow: 'inset 0 -2px 0 var(--author-colour)',
  },
});

const shadowStyles = `
  :host { display: block; }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1em; margin-bottom: 0.5em;
         font-size: var(--lumo-font-size-s, 0.875rem); color: var(--lumo-secondary-text-color, #4b5563); }
  .status { display: inline-flex; align-items: center; gap: 0.4em; font-weight: 600; }
  .status::before { content: ''; width: 0.7em; height: 0.7em; border-radius: 50%; background: #9ca3af; }
  .status[data-status=connected]::before { background: var(--lumo-success-color, #15803d); }
  .status[data-status=reconnecting]::before, .status[data-status=connecting]::before { background: #b45309; }
  .status[data-status=offline]::before { background: var(--lumo-error-color, #b91c1c); }
  .peers { display: flex; flex-wrap: wrap; gap: 0.35em; align-items: center; list-style: none; margin: 0; padding: 0; }
  .peer { display: inline-flex; align-items: center; gap: 0.3em; padding: 0.05em 0.5em; border-radius: 1em;
          border: 1px solid var(--peer-colour); color: var(--lumo-body-text-color, #111); }
  .peer::before { content: ''; width: 0.6em; height: 0.6em; border-radius: 50%; background: var(--peer-colour); }
  .readonly { font-style: italic; }
  .pending { margin-left: auto; }
  .unsaved { border: 2px solid var(--lumo-error-color, #b91c1c); border-radius: var(--lumo-border-radius-m, 6px);
             padding: 0.75em; margin-bottom: 0.75em; background: var(--lumo-error-color-10pct, #fee2e2);
             color: var(--lumo-body-text-color, #111); }
  .unsaved p { margin: 0 0 0.5em; }
  .unsaved textarea { width: 100%; box-sizing: border-box; min-height: 5em; font: inherit; }
  .unsaved .actions { display: flex; flex-wrap: wrap; gap: 0.5em; margin-top: 0.5em; }
  .unsaved button { font: inherit; padding: 0.35em 0.9em; border-radius: var(--lumo-border-radius-m, 6px);
                    border: 1px solid var(--lumo-contrast-50pct, #6b7280); background: var(--lumo-base-color, #fff);
                    color: var(--lumo-body-text-color, #111); cursor: pointer; }
  .selection-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; margin-top: 0.5em;
                       font-size: var(--lumo-font-size-s, 0.875rem); color: var(--lumo-secondary-text-color, #4b5563); }
  .selection-actions button { font: inherit; min-height: 2.25em; padding: 0.3em 0.9em; cursor: pointer;
                              border-radius: var(--lumo-border-radius-m, 6px); border: 1px solid var(--lumo-contrast-50pct, #6b7280);
                              background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #111); }
  .selection-actions button:focus-visible { outline: 2px solid var(--lumo-primary-color, #1d4ed8); outline-offset: 2px; }
  .selection-actions button:disabled { cursor: default; border-style: dashed; }
  .notice { margin: 0 0 0.5em; color: var(--lumo-error-text-color, #b91c1c); font-size: var(--lumo-font-size-s, 0.875rem); }
  [hidden] { display: none !important; }
`;

export class StatementEditor extends HTMLElement {
  // Set by the server-side component, possibly before this class is defined: declared, not
  // initialised, so that upgrading the element does not overwrite them.
  declare workspace: number;
  declare version: number;
  declare text: string;
  declare authorship: string;
  declare editable: boolean;
  declare sides: string;
  declare mySide: number | null;
  declare i18n: string;
  declare language: string;

  private view?: EditorView;
  private socket: WebSocket | null = null;
  private status: Status = 'connecting';
  private pushing = false;
  private pulling = false;
  /**
   * Set from a refused change until the server's text has replaced this editor's: nothing is sent
   * meanwhile, so whatever is typed in between goes into the box to copy and never also into the
   * saved text, where a later push would put it.
   */
  private restarting = false;
  private canEdit = false;
  private session = '';
  private texts: Record<string, string> = {};
  private sideMap: Record<string, Side> = {};
  private runs = new AuthorshipRuns();
  private remoteSide: number | null = null;
  private peers: Peer[] = [];
  private presence = new Map<string, Presence>();
  private reconnectDelay = 500;
  private reconnectTimer?: number;
  private retryTimer?: number;
  private presenceTimer?: number;
  private pingTimer?: number;
  private lastHeard = Date.now();
  private started = false;
  private connected = false;
  private lastNoticeKey = '';
  private unsavedReason = '';
  /** Unsaved text that a restart from the server's text replaced, until the person dismisses it. */
  private discarded: string[] = [];

  private marksJson = '';
  private actionsJson = '';
  /** Marks that name a version this editor has not reached yet: shown once it has. */
  private marksWaiting = false;

  /** The accepted changes by the version they lead to, to carry marks from their version to this text. */
  private changeLog = new Map<number, ChangeSet>();
  private actionsEl!: HTMLElement;
  private statusEl!: HTMLElement;
  private peersEl!: HTMLElement;
  private pendingEl!: HTMLElement;
  private noticeEl!: HTMLElement;
  private unsavedEl!: HTMLElement;
  private host!: HTMLElement;

  static get observedAttributes() {
    return ['show-authorship'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    // Set by the server before this class was defined: an own property hides the setter below.
    for (const key of ['marks', 'actions']) {
      if (Object.prototype.hasOwnProperty.call(this, key)) {
        const value = (this as any)[key];
        delete (this as any)[key];
        (this as any)[key] = value;
      }
    }
  }

  /** The marks as JSON, from the server; each is carried from its version to this editor's text. */
  set marks(json: string) {
    this.marksJson = String(json ?? '');
    this.applyMarks();
  }

  get marks(): string {
    return this.marksJson;
  }

  /** The actions offered on selected text, as JSON, from the server. */
  set actions(json: string) {
    this.actionsJson = String(json ?? '');
    this.renderActions();
  }

  get actions(): string {
    return this.actionsJson;
  }

  connectedCallback() {
    this.connected = true;
    if (!this.started) {
      this.started = true;
      this.build();
    }
    this.open();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.pingTimer = window.setInterval(() => this.heartbeat(), PING_EVERY_MS);
  }

  disconnectedCallback() {
    this.connected = false;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.clearInterval(this.pingTimer);
    window.clearTimeout(this.reconnectTimer);
    window.clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'closed');
  }

  attributeChangedCallback() {
    this.view?.dispatch({ effects: refresh.of(null) });
  }

  private get showAuthorship() {
    return this.hasAttribute('show-authorship');
  }

  private t(key: string): string {
    return this.texts[key] ?? key;
  }

  // ---- building -------------------------------------------------------------------------------

  private build() {
    this.texts = parse(this.i18n ?? '{}', {});
    this.sideMap = parse(this.sides ?? '{}', {});
    this.canEdit = this.editable === true;
    const root = this.shadowRoot!;
    const style = document.createElement('style');
    style.textContent = shadowStyles;
    const bar = document.createElement('div');
    bar.className = 'bar';
    this.statusEl = document.createElement('span');
    this.statusEl.className = 'status';
    this.statusEl.setAttribute('role', 'status');
    this.statusEl.setAttribute('aria-live', 'polite');
    this.statusEl.id = 'status';
    const peersLabel = document.createElement('span');
    peersLabel.textContent = this.t('peers');
    peersLabel.id = 'peers-label';
    this.peersEl = document.createElement('ul');
    this.peersEl.className = 'peers';
    this.peersEl.setAttribute('aria-labelledby', 'peers-label');
    this.peersEl.id = 'peers';
    this.pendingEl = document.createElement('span');
    this.pendingEl.className = 'pending';
    this.pendingEl.id = 'pending';
    bar.append(this.statusEl, peersLabel, this.peersEl, this.pendingEl);
    if (!this.canEdit) {
      const readonly = document.createElement('span');
      readonly.className = 'readonly';
      readonly.textContent = this.t('readOnly');
      bar.append(readonly);
    }
    this.noticeEl = document.createElement('p');
    this.noticeEl.className = 'notice';
    this.noticeEl.setAttribute('role', 'alert');
    this.noticeEl.hidden = true;
    this.unsavedEl = document.createElement('div');
    this.unsavedEl.className = 'unsaved';
    this.unsavedEl.id = 'unsaved';
    this.unsavedEl.hidden = true;
    this.host = document.createElement('div');
    this.host.className = 'editor';
    this.actionsEl = document.createElement('div');
    this.actionsEl.className = 'selection-actions';
    this.actionsEl.setAttribute('role', 'group');
    this.actionsEl.hidden = true;
    root.append(style, bar, this.noticeEl, this.unsavedEl, this.host, this.actionsEl);
    this.renderActions();
    this.createView(this.text ?? '', Number(this.version ?? 0), parse(this.authorship ?? '[]', []));
    this.setStatus('connecting');
  }

  private createView(text: string, version: number, spans: [number, number][]) {
    this.runs = AuthorshipRuns.of(spans, text.length);
    this.changeLog.clear();
    const state = EditorState.create({ doc: text, extensions: this.extensions(version) });
    if (this.view) {
      this.view.setState(state);
    } else {
      this.view = new EditorView({ state, parent: this.host, root: this.shadowRoot! });
    }
    this.updatePending();
    this.applyMarks();
    this.updateActions();
  }

  private extensions(version: number): Extension[] {
    const editor = this;
    const decorations = ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;

        constructor(view: EditorView) {
          this.decorations = editor.decorate(view.state);
        }

        update(update: ViewUpdate) {
          for (const tr of update.transactions) {
            if (tr.docChanged) {
              const remote = tr.annotation(Transaction.remote) === true;
              editor.runs.apply(tr.changes, remote ? editor.remoteSide : (editor.mySide ?? null));
              editor.mapPresence(tr.changes);
            }
          }
          if (update.docChanged || update.transactions.some((tr) => tr.effects.some((e) => e.is(refresh)))) {
            this.decorations = editor.decorate(update.state);
          }
        }
      },
      { decorations: (plugin) => plugin.decorations },
    );
    return [
      collab({ startVersion: version }),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      EditorView.lineWrapping,
      EditorState.readOnly.of(!this.canEdit),
      EditorView.contentAttributes.of({ 'aria-label': this.t('label'), 'aria-multiline': 'true' }),
      editorTheme,
      decorations,
      marksField,
      EditorView.updateListener.of((update) => this.afterUpdate(update)),
      EditorView.domEventHandlers({
        click: (event) => {
          // A mark clicked: the page shows what it stands for (the thread, the suggested change).
          const target = event.target instanceof Element ? event.target.closest('[data-mark-kind]') : null;
          if (target instanceof HTMLElement) this.openMark(target.dataset.markKind ?? '', target.dataset.markId ?? '');
          return false;
        },
      }),
    ];
  }

  private decorate(state: EditorState): DecorationSet {
    const ranges: Range<Decoration>[] = [];
    const length = state.doc.length;
    if (this.showAuthorship) {
      let pos = 0;
      for (const run of this.runs.runs) {
        const side = run.side === null ? undefined : this.sideMap[String(run.side)];
        if (side && run.len > 0 && pos + run.len <= length) {
          ranges.push(
            Decoration.mark({
              class: 'cm-authored',
              attributes: { style: `--author-colour: ${safeColour(side.colour)}`, title: side.name },
            }).range(pos, pos + run.len),
          );
        }
        pos += run.len;
      }
    }
    for (const [session, peer] of this.presence) {
      if (session === this.session) continue;
      const colour = safeColour(peer.colour);
      for (const range of peer.ranges) {
        const anchor = Math.min(range.anchor, length);
        const head = Math.min(range.head, length);
        if (anchor !== head) {
          ranges.push(
            Decoration.mark({ class: 'cm-remote-selection', attributes: { style: `--peer-colour: ${colour}` } }).range(
              Math.min(anchor, head),
              Math.max(anchor, head),
            ),
          );
        }
        ranges.push(Decoration.widget({ widget: new CaretWidget(peer.name, colour), side: 1 }).range(head));
      }
    }
    return Decoration.set(ranges, true);
  }

  private mapPresence(changes: ChangeSet) {
    for (const peer of this.presence.values()) {
      peer.ranges = peer.ranges.map((r) => ({
        anchor: changes.mapPos(Math.min(r.anchor, changes.length), 1),
        head: changes.mapPos(Math.min(r.head, changes.length), 1),
      }));
    }
  }

  private afterUpdate(update: ViewUpdate) {
    const local = update.transactions.some((tr) => tr.docChanged && tr.annotation(Transaction.remote) !== true);
    if (local) {
      this.maybePush();
    }
    if (update.docChanged || update.selectionSet) {
      this.schedulePresence();
      this.updateActions();
    }
    this.updatePending();
  }

  private openMark(kind: string, id: string) {
    if ((kind === 'comment' || kind === 'suggestion') && /^[0-9]+$/.test(id)) {
      this.dispatchEvent(new CustomEvent('mark-open', { detail: { kind, id: Number(id) } }));
    }
  }

  // ---- connection -------------------------------------------------------------------------------

  private onOnline = () => {
    window.clearTimeout(this.reconnectTimer);
    this.reconnectDelay = 500;
    this.open();
  };

  private onOffline = () => {
    this.setStatus('offline');
    this.socket?.close(4000, 'offline');
  };

  private open() {
    if (!this.connected || this.socket) return;
    if (!navigator.onLine) {
      this.setStatus('offline');
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const base = new URL(document.baseURI);
    const path = base.pathname.replace(/\/$/, '');
    const url = `${scheme}//${base.host}${path}/collab/${this.workspace}?lang=${encodeURIComponent(this.language ?? 'da')}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    this.pushing = false;
    this.pulling = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      this.reconnectDelay = 500;
      this.setStatus('connected');
      // A restart from the server's text asked for on the old connection is asked for again.
      if (this.restarting) this.send({ type: 'snapshot' });
      else this.pull();
      this.sendPresence();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      let message: any;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      this.receive(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.pushing = false;
      this.pulling = false;
      this.peers = [];
      this.presence.clear();
      this.renderPeers();
      this.view?.dispatch({ effects: refresh.of(null) });
      if (!this.connected) return;
      if (event.code === 1008) {
        // Refused: no longer a member, or never was. Reconnecting would only be refused again.
        this.setStatus('offline');
        return;
      }
      this.setStatus(navigator.onLine ? 'reconnecting' : 'offline');
      this.reconnectTimer = window.setTimeout(() => this.open(), this.reconnectDelay);
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 10_000);
    };
  }

  private send(message: unknown) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  private heartbeat() {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
      // A connection that says nothing, not even "pong", is dead though it looks open.
      this.socket.close(4001, 'silent');
      return;
    }
    this.send({ type: 'ping' });
  }

  private setStatus(status: Status) {
    this.status = status;
    this.statusEl.dataset.status = status;
    this.statusEl.textContent = this.t('status.' + status);
    this.dataset.status = status;
  }

  // ---- the protocol -----------------------------------------------------------------------------

  private pull() {
    if (!this.view) return;
    this.pulling = this.send({ type: 'pull', version: getSyncedVersion(this.view.state) });
  }

  private maybePush() {
    const view = this.view;
    if (!view || !this.canEdit || this.pushing || this.pulling || this.restarting || !this.socket) return;
    const updates = sendableUpdates(view.state);
    if (!updates.length) return;
    const batch: { clientID: string; changes: unknown }[] = [];
    let size = 0;
    for (const update of updates) {
      const item = { clientID: update.clientID, changes: update.changes.toJSON() };
      const length = JSON.stringify(item).length;
      if (batch.length && (size + length > BATCH_MAX_CHARS || batch.length >= BATCH_MAX_UPDATES)) break;
      batch.push(item);
      size += length;
    }
    this.pushing = this.send({ type: 'push', version: getSyncedVersion(view.state), updates: batch });
  }

  private receive(message: any) {
    switch (message.type) {
      case 'welcome':
        this.session = String(message.session ?? '');
        this.peers = Array.isArray(message.peers) ? message.peers : [];
        this.renderPeers();
        // A new connection after a change of role: the snapshot says whether this person may write now.
        if (this.view && (message.canEdit === true && this.editable) !== this.canEdit) this.send({ type: 'snapshot' });
        break;
      case 'joined':
        // Only who came: the whole list comes once, with the welcome.
        if (message.peer && typeof message.peer.session === 'string'
            && !this.peers.some((p) => p.session === message.peer.session)) {
          this.peers = [...this.peers, message.peer];
          this.renderPeers();
        }
        break;
      case 'left':
        this.peers = this.peers.filter((p) => p.session !== message.session);
        this.presence.delete(String(message.session));
        this.renderPeers();
        this.view?.dispatch({ effects: refresh.of(null) });
        break;
      case 'updates':
        this.applyUpdates(Array.isArray(message.updates) ? message.updates : [], message.pulled === true);
        break;
      case 'ack':
        this.pushing = false;
        this.hideNotice('statement.live.rateLimited');
        this.maybePush();
        break;
      case 'behind':
        this.pushing = false;
        if (this.view && getSyncedVersion(this.view.state) < Number(message.version)) this.pull();
        else this.maybePush();
        break;
      case 'snapshot':
        this.resetTo(message);
        break;
      case 'presence':
        // Only for someone still here: carets of an editor that just left may still be on their way.
        if (typeof message.session === 'string' && Array.isArray(message.ranges)
            && this.peers.some((p) => p.session === message.session)) {
          this.presence.set(message.session, {
            name: String(message.name ?? ''),
            colour: String(message.colour ?? ''),
            ranges: message.ranges,
          });
          this.view?.dispatch({ effects: refresh.of(null) });
        }
        break;
      case 'error':
        this.onError(message);
        break;
    }
  }

  private applyUpdates(updates: ServerUpdate[], pulled: boolean) {
    const view = this.view;
    if (!view) return;
    if (pulled) this.pulling = false;
    const version = getSyncedVersion(view.state);
    const fresh = updates.filter((u) => u.version > version);
    if (fresh.length && fresh[0].version !== version + 1) {
      // Something was missed (say, while the connection was being opened): fetch it in order.
      if (!this.pulling) this.pull();
      return;
    }
    // One change at a time, never composed: the server moves stale batches over newer changes one
    // at a time too (Authority.proposeRebased), and only then do both compute the same text.
    // It also tells each change's side to the authorship colouring.
    for (const update of fresh) {
      const received: Update = { changes: ChangeSet.fromJSON(update.changes), clientID: update.clientID };
      this.changeLog.set(update.version, received.changes);
      this.changeLog.delete(update.version - CHANGE_LOG_MAX);
      this.remoteSide = typeof update.side === 'number' ? update.side : null;
      try {
        view.dispatch(receiveUpdates(view.state, [received]));
      } finally {
        this.remoteSide = null;
      }
    }
    this.updatePending();
    if (this.marksWaiting) this.applyMarks();
    this.maybePush();
  }

  // ---- marks and actions on a selection ---------------------------------------------------------

  /** The changes typed here and not yet accepted, as one: the synced text to this editor's text. */
  private unconfirmed(): ChangeDesc | null {
    if (!this.view) return null;
    const updates = sendableUpdates(this.view.state);
    if (!updates.length) return null;
    return updates.slice(1).reduce((sum, u) => sum.composeDesc(u.changes.desc), updates[0].changes.desc);
  }

  /**
   * Shows the marks: each is carried from the version it was made at through the accepted changes
   * since, then through what is typed here and not yet accepted, as remote carets are. A mark from
   * a version not reached yet waits for it; one too old to carry is left out until the next set.
   */
  private applyMarks() {
    const view = this.view;
    if (!view) return;
    const marks = parse<Mark[]>(this.marksJson || '[]', []);
    const synced = getSyncedVersion(view.state);
    if (marks.some((m) => Number(m.version) > synced)) {
      this.marksWaiting = true;
      return;
    }
    this.marksWaiting = false;
    const local = this.unconfirmed();
    const length = view.state.doc.length;
    const ranges: Range<Decoration>[] = [];
    for (const mark of marks) {
      let from = Number(mark.from);
      let to = Number(mark.to);
      let carried = Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to >= from;
      // A suggestion whose struck words were changed since it was looked at no longer fits.
      let outdated = mark.kind === 'suggestion-outdated';
      for (let v = Number(mark.version) + 1; carried && v <= synced; v++) {
        const change = this.changeLog.get(v);
        if (!change || to > change.length) {
          carried = false;
          break;
        }
        if (mark.kind === 'suggestion' && to > from && changesInside(change, from, to)) outdated = true;
        from = change.mapPos(from, 1);
        to = Math.max(from, change.mapPos(to, -1));
      }
      if (!carried) continue;
      if (local) {
        if (to > local.length) continue;
        if (mark.kind === 'suggestion' && to > from && changesInside(local, from, to)) outdated = true;
        from = local.mapPos(from, 1);
        to = Math.max(from, local.mapPos(to, -1));
      }
      if (to > length) continue;
      const colour = safeColour(this.sideMap[String(mark.side)]?.colour);
      const style = `--mark-colour: ${colour}`;
      const who = String(mark.sideName ?? '');
      const id = String(mark.id);
      if (mark.kind === 'comment') {
        if (to > from) {
          ranges.push(
            Decoration.mark({
              class: 'cm-comment-mark',
              attributes: { style, title: this.t('mark.comment').replace('{0}', who), 'data-thread': id, 'data-mark-kind': 'comment', 'data-mark-id': id },
            }).range(from, to),
          );
        }
      } else if (mark.kind === 'suggestion' || mark.kind === 'suggestion-outdated') {
        const spec = {
          class: 'cm-suggest-old',
          attributes: { style, title: this.t('mark.struck').replace('{0}', who), 'data-suggestion': id, 'data-mark-kind': 'suggestion', 'data-mark-id': id },
          outdatedTitle: this.t('mark.outdated').replace('{0}', who),
        };
        if (outdated) {
          if (to > from) ranges.push(outdatedMark(spec).range(from, to));
          continue;
        }
        if (to > from) ranges.push(Decoration.mark(spec).range(from, to));
        const added = this.t('mark.added').replace('{0}', who);
        ranges.push(
          Decoration.widget({ widget: new SuggestionWidget(String(mark.text ?? ''), colour, added, Number(mark.id)), side: 1 })
            .range(to),
        );
      }
    }
    view.dispatch({ effects: setMarks.of(ranges) });
    this.dataset.marks = String(ranges.length);
  }

  private renderActions() {
    if (!this.actionsEl) return;
    const actions = parse<Action[]>(this.actionsJson || '[]', []);
    const label = document.createElement('span');
    label.id = 'selection-label';
    label.textContent = this.t('selection');
    const buttons = actions.map((action) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = 'action-' + action.name;
      button.className = 'selection-action';
      button.textContent = String(action.label ?? '');
      button.addEventListener('click', () => this.act(action.name));
      return button;
    });
    this.actionsEl.replaceChildren(label, ...buttons);
    this.actionsEl.setAttribute('aria-labelledby', 'selection-label');
    this.actionsEl.hidden = buttons.length === 0;
    this.updateActions();
  }

  /**
   * The buttons on the selection work while text is selected; where the caret stands in a comment's
   * or a suggestion's words, a button shows that comment or suggestion, so the keyboard reaches
   * what a click on the mark opens.
   */
  private updateActions() {
    if (!this.actionsEl || !this.view) return;
    const selection = this.view.state.selection.main;
    for (const button of Array.from(this.actionsEl.querySelectorAll('button.selection-action'))) {
      (button as HTMLButtonElement).disabled = selection.empty;
    }
    const here = new Map<string, { kind: string; id: string }>();
    this.view.state.field(marksField).between(selection.head, selection.head, (from, to, deco) => {
      const kind = deco.spec.attributes?.['data-mark-kind'];
      const id = deco.spec.attributes?.['data-mark-id'];
      if (kind && id && from < to) here.set(kind + ':' + id, { kind, id });
    });
    const shown = Array.from(this.actionsEl.querySelectorAll('button.mark-open')) as HTMLButtonElement[];
    const wanted = Array.from(here.keys()).join(' ');
    if (shown.map((b) => b.dataset.key).join(' ') === wanted) return;
    shown.forEach((b) => b.remove());
    for (const [key, mark] of here) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'mark-open';
      button.dataset.key = key;
      button.textContent = this.t('mark.open.' + mark.kind);
      button.addEventListener('click', () => this.openMark(mark.kind, mark.id));
      this.actionsEl.append(button);
    }
    this.actionsEl.hidden = this.actionsEl.querySelectorAll('button').length === 0;
  }

  /** Hands the selection, carried back to the version this editor has synced, to the server's action. */
  private act(name: string) {
    const view = this.view;
    if (!view) return;
    const selection = view.state.selection.main;
    if (selection.empty) return;
    const words = view.state.sliceDoc(selection.from, selection.to);
    let from = selection.from;
    let to = selection.to;
    const local = this.unconfirmed();
    if (local) {
      const back = local.invertedDesc;
      from = back.mapPos(from, 1);
      to = Math.max(from, back.mapPos(to, -1));
    }
    if (to <= from) return;
    const version = getSyncedVersion(view.state);
    this.dispatchEvent(new CustomEvent('passage-action', { detail: { action: name, version, from, to, words } }));
  }

  private onError(message: any) {
    const code = String(message.code ?? '');
    const text = String(message.message ?? '');
    const refused = String(message.refused ?? '');
    if (code === 'statement.live.rateLimited' || code === 'statement.live.serverError') {
      // Nothing is lost: the changes stay unconfirmed and go again shortly.
      this.pushing = false;
      this.pulling = false;
      this.showNotice(code, text);
      window.clearTimeout(this.retryTimer);
      this.retryTimer = window.setTimeout(() => {
        if (this.view && this.socket) {
          this.pull();
        }
      }, 1500);
      return;
    }
    if (refused === 'push' || refused === 'pull') {
      // This text cannot be saved as it is: say which, offer it to copy, and start again from
      // the server's text.
      this.pushing = false;
      this.pulling = false;
      this.restarting = true;
      this.showUnsaved(text);
      this.send({ type: 'snapshot' });
      return;
    }
    this.showNotice(code, text);
  }

  private resetTo(message: any) {
    if (typeof message.text !== 'string' || typeof message.version !== 'number') return;
    // Whatever this replaces that was never saved goes into the box, with what was refused before.
    const unsaved = this.unsavedText();
    if (unsaved) this.discarded.push(unsaved);
    const selection = this.view?.state.selection.main.head ?? 0;
    this.canEdit = message.canEdit === true && this.editable;
    this.createView(message.text, message.version, Array.isArray(message.authorship) ? message.authorship : []);
    const pos = Math.min(selection, message.text.length);
    this.view?.dispatch({ selection: { anchor: pos } });
    this.pushing = false;
    this.pulling = false;
    this.restarting = false;
    if (!this.unsavedEl.hidden || this.discarded.length) this.showUnsaved(this.unsavedReason);
    this.pull();
  }

  // ---- what the person sees ---------------------------------------------------------------------

  private showNotice(key: string, text: string) {
    this.lastNoticeKey = key;
    this.noticeEl.textContent = text;
    this.noticeEl.hidden = false;
  }

  private hideNotice(key: string) {
    if (this.lastNoticeKey === key) {
      this.noticeEl.hidden = true;
      this.lastNoticeKey = '';
    }
  }

  /**
   * The text of every change that has not been accepted, as a person would want to copy it: the
   * changes taken together, so that what was typed in one go comes out as one piece.
   */
  private unsavedText(): string {
    if (!this.view) return '';
    const updates = sendableUpdates(this.view.state);
    if (!updates.length) return '';
    const all = updates.slice(1).reduce((sum, u) => sum.compose(u.changes), updates[0].changes);
    const pieces: string[] = [];
    all.iterChanges((_fromA, _toA, _fromB, _toB, inserted) => {
      const text = inserted.toString();
      if (text.trim()) pieces.push(text);
    });
    return pieces.join('\n');
  }

  private showUnsaved(reason: string) {
    this.unsavedReason = reason;
    const unsaved = [...this.discarded, this.unsavedText()].filter((t) => t).join('\n');
    const panel = this.unsavedEl;
    panel.replaceChildren();
    const why = document.createElement('p');
    why.textContent = reason;
    panel.append(why);
    if (unsaved) {
      const label = document.createElement('p');
      label.id = 'unsaved-label';
      label.textContent = this.t('unsaved.label');
      const area = document.createElement('textarea');
      area.readOnly = true;
      area.value = unsaved;
      area.setAttribute('aria-labelledby', 'unsaved-label');
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.textContent = this.t('unsaved.copy');
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(unsaved);
          copy.textContent = this.t('unsaved.copied');
        } catch {
          area.focus();
          area.select();
        }
      });
      panel.append(label, area);
      const actions = document.createElement('div');
      actions.className = 'actions';
      actions.append(copy, this.dismissButton());
      panel.append(actions);
    } else {
      const actions = document.createElement('div');
      actions.className = 'actions';
      actions.append(this.dismissButton());
      panel.append(actions);
    }
    panel.hidden = false;
    panel.setAttribute('role', 'alert');
  }

  private dismissButton() {
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = this.t('unsaved.dismiss');
    dismiss.addEventListener('click', () => {
      this.discarded = [];
      this.unsavedEl.hidden = true;
      this.unsavedEl.replaceChildren();
    });
    return dismiss;
  }

  private renderPeers() {
    const items = this.peers.map((peer) => {
      const item = document.createElement('li');
      item.className = 'peer';
      item.style.setProperty('--peer-colour', safeColour(peer.colour));
      item.textContent = peer.side ? `${peer.name} (${peer.side})` : `${peer.name} (${this.t('observer')})`;
      item.dataset.session = peer.session;
      return item;
    });
    this.peersEl.replaceChildren(...items);
  }

  private updatePending() {
    if (!this.view || !this.pendingEl) return;
    const count = sendableUpdates(this.view.state).length;
    this.pendingEl.textContent = count ? this.t('pending').replace('{0}', String(count)) : this.t('saved');
    this.dataset.pending = String(count);
    this.dataset.version = String(getSyncedVersion(this.view.state));
  }

  private schedulePresence() {
    if (this.presenceTimer !== undefined) return;
    this.presenceTimer = window.setTimeout(() => {
      this.presenceTimer = undefined;
      this.sendPresence();
    }, PRESENCE_DELAY_MS);
  }

  private sendPresence() {
    if (!this.view) return;
    const ranges = this.view.state.selection.ranges.slice(0, 8).map((r) => ({ anchor: r.anchor, head: r.head }));
    this.send({ type: 'presence', ranges });
  }

  /** The document as the editor shows it; for tests and the server-side component. */
  get value(): string {
    return this.view ? this.view.state.doc.toString() : '';
  }
}

function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

customElements.define('ligevaerd-statement-editor', StatementEditor);
