/**
 * The live editor's connection: a WebSocket endpoint ({@code /collab/{workspaceId}}) beside
 * Vaadin's push, carrying the statement's change stream and everyone's carets.
 *
 * <p>The protocol is small JSON messages. From the editor: {@code push} (changes made on a
 * version), {@code pull} (changes since a version), {@code snapshot}, {@code presence} (carets and
 * selections) and {@code ping}. From the server: {@code welcome}, {@code updates}, {@code ack},
 * {@code behind}, {@code snapshot}, {@code peers}, {@code presence}, {@code pong} and
 * {@code error}. See {@code docs/live-editing.md}.
 */
@NullMarked
package dk.ligevaerd.statement.live;

import org.jspecify.annotations.NullMarked;
