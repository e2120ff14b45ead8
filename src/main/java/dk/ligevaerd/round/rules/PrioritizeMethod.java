package dk.ligevaerd.round.rules;

/** How the voters of a PRIORITIZE round express their preferences. */
public enum PrioritizeMethod {
    /** Each voter spreads a budget of points, with a cap per option ({@link DotVoting}). */
    DOTS,
    /** Each voter orders some or all options, scored by Borda count ({@link RankingVoting}). */
    RANKING
}
