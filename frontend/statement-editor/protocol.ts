/*
 * The messages of the live editor's WebSocket, /collab/{workspaceId} (docs/live-editing.md has the
 * whole protocol), and the limits the editor keeps to.
 */
import type { Update } from '@codemirror/collab';

export type Peer = { session: string; name: string; side: string; colour: string; canEdit: boolean };
export type Presence = { name: string; colour: string; ranges: { anchor: number; head: number }[] };
export type ServerUpdate = { version: number; clientID: string; changes: unknown; side: number; user: number };
export type Status = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Stays below the server's message limit (128 Ki characters) with room for the envelope. */
const BATCH_MAX_CHARS = 100_000;
const BATCH_MAX_UPDATES = 1_000;
export const PRESENCE_DELAY_MS = 120;
export const PING_EVERY_MS = 20_000;
/** How many accepted changes the editor keeps to carry marks made at an earlier version to its own. */
export const CHANGE_LOG_MAX = 2_000;
export const SILENCE_LIMIT_MS = 50_000;

/** The address of the workspace's live editor, beside the page's own (the app may not be at the root). */
export function collabUrl(workspace: number, language: string | undefined): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const base = new URL(document.baseURI);
  const path = base.pathname.replace(/\/$/, '');
  return `${scheme}//${base.host}${path}/collab/${workspace}?lang=${encodeURIComponent(language ?? 'da')}`;
}

/** As many of the unconfirmed updates, from the first, as fit in one push. */
export function pushBatch(updates: readonly Update[]): { clientID: string; changes: unknown }[] {
  const batch: { clientID: string; changes: unknown }[] = [];
  let size = 0;
  for (const update of updates) {
    const item = { clientID: update.clientID, changes: update.changes.toJSON() };
    const length = JSON.stringify(item).length;
    if (batch.length && (size + length > BATCH_MAX_CHARS || batch.length >= BATCH_MAX_UPDATES)) break;
    batch.push(item);
    size += length;
  }
  return batch;
}

/** JSON from the server; what cannot be read counts as the fallback. */
export function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}
