package dk.ligevaerd.shared;

/**
 * Something changed in the workspace on another application node. Stands for any number of
 * events there, folded together, so it says only where: a receiver reads afresh what it shows.
 */
public record RemoteChange(long workspaceId) implements WorkspaceEvent {
}
