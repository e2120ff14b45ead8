package dk.ligevaerd.account;

/** A person erased their account; their login sessions end once the erasure is committed. */
public record AccountErased(long userId, int formerMemberNo) {
}
