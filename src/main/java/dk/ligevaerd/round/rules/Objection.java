package dk.ligevaerd.round.rules;

import java.util.Objects;

/**
 * An objection under {@link AdoptRule#CONSENT}, shown with the objector's side but not their name,
 * so that even a secret round tells the others what would have to change and whom to talk to.
 *
 * @param side   the objector's side id
 * @param reason the reason given, never blank
 */
public record Objection(long side, String reason) {

    public Objection {
        Objects.requireNonNull(reason, "reason");
    }
}
