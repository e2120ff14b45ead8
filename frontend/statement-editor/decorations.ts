/*
 * What the statement editor draws over the text: who wrote what (authorship runs), the others' carets
 * and selections, and the marks other features put on passages (comment threads, suggested changes).
 */
import { ChangeDesc, ChangeSet, EditorState, Range, StateEffect, StateField } from '@codemirror/state';
import { Decoration, DecorationSet, EditorView, WidgetType } from '@codemirror/view';
import type { Presence } from './protocol';

export type Side = { name: string; colour: string };
type Run = { len: number; side: number | null };
/** A passage another feature marks (a comment thread, a suggested change), at the version its positions hold. */
export type Mark = { kind: string; id: number; from: number; to: number; version: number; side: number; text: string; sideName: string };

const COLOUR = /^#[0-9a-fA-F]{3,8}$/;

export function safeColour(colour: string | undefined): string {
  return colour && COLOUR.test(colour) ? colour : '#6b7280';
}

/** Side of each character of the document, as runs; follows every change like the server's Authorship. */
export class AuthorshipRuns {
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

export class CaretWidget extends WidgetType {
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

export const refresh = StateEffect.define<null>();

/** A suggested change's new words, after the struck old ones. */
export class SuggestionWidget extends WidgetType {
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
export const setMarks = StateEffect.define<Range<Decoration>[]>();

/** Whether a change replaces or deletes anything inside from..to, or puts something between its ends. */
export function changesInside(changes: ChangeDesc, from: number, to: number): boolean {
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
export function outdatedMark(spec: any): Decoration {
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

export const marksField = StateField.define<DecorationSet>({
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

/**
 * Who wrote what (when shown) and where the others are: their selections, and their carets with
 * their names.
 */
export function editorDecorations(
  state: EditorState,
  showAuthorship: boolean,
  runs: AuthorshipRuns,
  sideMap: Record<string, Side>,
  presence: Map<string, Presence>,
  ownSession: string,
): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const length = state.doc.length;
  if (showAuthorship) {
    let pos = 0;
    for (const run of runs.runs) {
      const side = run.side === null ? undefined : sideMap[String(run.side)];
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
  for (const [session, peer] of presence) {
    if (session === ownSession) continue;
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

/**
 * The decorations of the marks: each carried from the version it was made at through the accepted
 * changes since (changeLog, by the version each leads to) up to synced, then through local, what is
 * typed here and not yet accepted. A mark too old to carry is left out.
 */
export function markDecorations(
  marks: Mark[],
  synced: number,
  changeLog: Map<number, ChangeSet>,
  local: ChangeDesc | null,
  length: number,
  sideMap: Record<string, Side>,
  t: (key: string) => string,
): Range<Decoration>[] {
  const ranges: Range<Decoration>[] = [];
  for (const mark of marks) {
    let from = Number(mark.from);
    let to = Number(mark.to);
    let carried = Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to >= from;
    // A suggestion whose struck words were changed since it was looked at no longer fits.
    let outdated = mark.kind === 'suggestion-outdated';
    for (let v = Number(mark.version) + 1; carried && v <= synced; v++) {
      const change = changeLog.get(v);
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
    const colour = safeColour(sideMap[String(mark.side)]?.colour);
    const style = `--mark-colour: ${colour}`;
    const who = String(mark.sideName ?? '');
    const id = String(mark.id);
    if (mark.kind === 'comment') {
      if (to > from) {
        ranges.push(
          Decoration.mark({
            class: 'cm-comment-mark',
            attributes: { style, title: t('mark.comment').replace('{0}', who), 'data-thread': id, 'data-mark-kind': 'comment', 'data-mark-id': id },
          }).range(from, to),
        );
      }
    } else if (mark.kind === 'suggestion' || mark.kind === 'suggestion-outdated') {
      const spec = {
        class: 'cm-suggest-old',
        attributes: { style, title: t('mark.struck').replace('{0}', who), 'data-suggestion': id, 'data-mark-kind': 'suggestion', 'data-mark-id': id },
        outdatedTitle: t('mark.outdated').replace('{0}', who),
      };
      if (outdated) {
        if (to > from) ranges.push(outdatedMark(spec).range(from, to));
        continue;
      }
      if (to > from) ranges.push(Decoration.mark(spec).range(from, to));
      const added = t('mark.added').replace('{0}', who);
      ranges.push(
        Decoration.widget({ widget: new SuggestionWidget(String(mark.text ?? ''), colour, added, Number(mark.id)), side: 1 })
          .range(to),
      );
    }
  }
  return ranges;
}
