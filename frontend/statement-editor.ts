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
 *
 * This file is the element; beside it, in statement-editor/, are the socket's messages and limits
 * (protocol.ts), what is drawn over the text (decorations.ts) and how it looks (theme.ts).
 */
import { ChangeDesc, ChangeSet, EditorState, Extension, Transaction } from '@codemirror/state';
import { DecorationSet, EditorView, ViewPlugin, ViewUpdate, keymap } from '@codemirror/view';
import { collab, getSyncedVersion, receiveUpdates, sendableUpdates, Update } from '@codemirror/collab';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  AuthorshipRuns,
  type Mark,
  type Side,
  editorDecorations,
  markDecorations,
  marksField,
  refresh,
  safeColour,
  setMarks,
} from './statement-editor/decorations';
import {
  CHANGE_LOG_MAX,
  PING_EVERY_MS,
  PRESENCE_DELAY_MS,
  type Peer,
  type Presence,
  SILENCE_LIMIT_MS,
  type ServerUpdate,
  type Status,
  collabUrl,
  parse,
  pushBatch,
} from './statement-editor/protocol';
import { editorTheme, shadowStyles } from './statement-editor/theme';

type Action = { name: string; label: string };

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
    return editorDecorations(state, this.showAuthorship, this.runs, this.sideMap, this.presence, this.session);
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
    const url = collabUrl(this.workspace, this.language);
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
    const batch = pushBatch(updates);
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
    const ranges = markDecorations(marks, synced, this.changeLog, local, length, this.sideMap, (key) => this.t(key));
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

customElements.define('ligevaerd-statement-editor', StatementEditor);
