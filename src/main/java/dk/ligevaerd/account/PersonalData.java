package dk.ligevaerd.account;

import tools.jackson.core.JsonGenerator;

/**
 * A feature's part of what it holds about one person: written into their personal-data download,
 * and pseudonymised or removed when they erase their account (docs/personal-data.md). Contributors
 * are Spring beans; {@link AccountService} calls them in {@link #order()}, for the logged-in person
 * only, inside its own transaction.
 */
public interface PersonalData {

    int order();

    /** The JSON property this part is written under. */
    String section();

    /** Writes the value of {@link #section()} for the person: an array or an object. */
    void writeJson(long userId, JsonGenerator json);

    /**
     * Refuses, with a translated {@link dk.ligevaerd.shared.DomainException} naming what the person
     * must do first, when erasing them now would harm a workspace. Called for every contributor
     * before any of them erases anything.
     */
    default void checkErasable(long userId) {
    }

    /** Removes or pseudonymises what this feature keeps about the person, in the erasure's transaction. */
    default void erase(long userId) {
    }
}
