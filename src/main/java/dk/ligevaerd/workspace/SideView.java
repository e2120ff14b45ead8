package dk.ligevaerd.workspace;

public record SideView(long id, String name, String colour, int position, long memberCount) {
}
