/**
 * The core of live co-writing: CodeMirror's change sets ({@link dk.ligevaerd.statement.collab.ChangeSet}),
 * the single authority that orders everyone's changes ({@link dk.ligevaerd.statement.collab.Authority})
 * and who wrote what ({@link dk.ligevaerd.statement.collab.Authorship}).
 *
 * <p>Nothing here uses Spring, JPA or IO, so convergence can be property-tested in milliseconds and
 * the caller is free to choose storage and transport. The one library used is Jackson 3
 * ({@code tools.jackson.databind}, already on the classpath through Vaadin and Spring Boot 4): change
 * sets are read from and written to its {@code JsonNode}, which is what Vaadin 25 hands to a
 * {@code @ClientCallable} and what a WebSocket handler gets from parsing a message. Reading the
 * CodeMirror format straight from the JSON tree, rather than from maps and lists bound by a mapper,
 * lets the parser tell {@code 1} from {@code 1.0} and from a number too large for an int, and refuse
 * each precisely.
 *
 * <p>Other features may use it as the named interface {@code statement :: collab}: deliberation
 * carries the passages that comments point at through the accepted changes.
 */
@NullMarked
@NamedInterface("collab")
package dk.ligevaerd.statement.collab;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
