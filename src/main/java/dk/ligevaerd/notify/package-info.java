/**
 * Mail to people between meetings: a round they can vote in opened, their side's confirmation is
 * awaited, a round closed, a workspace change awaits their side, someone replied in a comment
 * thread they take part in or mentioned them. Each person chooses per kind whether and how (at
 * once or in a daily digest); every mail can switch its kind off in one click.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"round", "deliberation", "workspace", "account", "mail", "shared"})
package dk.ligevaerd.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
