package dk.ligevaerd.demo;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.deliberation.ThreadView;
import dk.ligevaerd.history.HistoryVerification;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/demo-discussion-${random.uuid}"})
class DemoDiscussionIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired CommentService comments;
    @Autowired HistoryVerification verification;

    @Test
    void the_demo_workspace_has_threads_with_replies_from_both_sides() {
        UserSummary observer = accounts.findByUsername("observer1").orElseThrow();
        long ws = as(observer, () -> workspaces.mine()).getFirst().id();
        List<ThreadView> threads = as(observer, () -> comments.threads(ws));
        assertThat(threads).extracting(ThreadView::target)
                .containsExactly(TargetKind.STATEMENT, TargetKind.STATEMENT, TargetKind.PRIORITY, TargetKind.RECORD);
        assertThat(threads).filteredOn(t -> t.target() == TargetKind.STATEMENT)
                .allSatisfy(t -> assertThat(t.passage().removed()).isFalse())
                .extracting(t -> t.passage().wording())
                .containsExactly("høre til", "samler henvisninger og koordinering ét sted");
        assertThat(threads.getFirst().comments()).hasSize(3);
        assertThat(threads.get(2).resolved()).isTrue();
        assertThat(threads).flatExtracting(ThreadView::comments).extracting(c -> c.authorSideId())
                .doesNotContainNull().hasSizeGreaterThan(6);
        assertThat(as(observer, () -> verification.verify(ws))).allSatisfy(r -> assertThat(r.intact()).isTrue());
    }
}
