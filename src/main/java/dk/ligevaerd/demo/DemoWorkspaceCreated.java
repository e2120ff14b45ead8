package dk.ligevaerd.demo;

import dk.ligevaerd.account.UserSummary;
import java.util.Map;

/**
 * Published once the demo workspace and its members exist, so each feature's demo content
 * (statement, rounds, …) is added by its own listener in this package, in {@code @Order}.
 *
 * @param users the demo accounts by username
 */
record DemoWorkspaceCreated(long workspaceId, long municipalSideId, long civilSideId, Map<String, UserSummary> users) {

    UserSummary user(String username) {
        UserSummary user = users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("no demo user " + username);
        }
        return user;
    }
}
