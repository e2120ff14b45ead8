package dk.ligevaerd.deliberation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A workspace's choices about deliberation; a workspace without a row has the defaults. */
@Entity
@Table(name = "deliberation_setting")
public class DeliberationSetting {

    @Id
    @Column(name = "workspace_id")
    private long workspaceId;

    @Column(name = "observers_may_comment", nullable = false)
    private boolean observersMayComment;

    protected DeliberationSetting() {
    }

    public DeliberationSetting(long workspaceId, boolean observersMayComment) {
        this.workspaceId = workspaceId;
        this.observersMayComment = observersMayComment;
    }

    public boolean observersMayComment() {
        return observersMayComment;
    }

    public void observersMayComment(boolean allowed) {
        this.observersMayComment = allowed;
    }
}
