/**
 * E-mail that never gets lost: a transactional outbox written in the same transaction as the event
 * that causes a mail, and a worker that sends it after commit, retries with backoff, survives a
 * restart and sends each mail once even with several nodes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package dk.ligevaerd.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
