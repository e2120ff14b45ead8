package dk.ligevaerd.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A priority on a PRIORITIZE ballot, with its title as it was when the round opened. */
@Embeddable
public record RoundOption(@Column(name = "option_id", nullable = false) long optionId,
        @Column(name = "title", nullable = false, length = 200) String title) {
}
