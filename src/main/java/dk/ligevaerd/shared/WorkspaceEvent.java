package dk.ligevaerd.shared;

/**
 * Something that happened in one workspace and that open views of that workspace may need to
 * show. Carries ids only; a receiver asks the owning service for what it needs.
 */
public interface WorkspaceEvent {

    long workspaceId();
}
