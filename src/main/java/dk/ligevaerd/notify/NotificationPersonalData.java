package dk.ligevaerd.notify;

import dk.ligevaerd.account.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * A person's notification choices, for their personal-data download. Erasure removes them with the
 * digest items still waiting for the person (they hold workspace titles meant for their eyes) and
 * the unsubscribe tokens mailed to them.
 */
@Component
class NotificationPersonalData implements PersonalData {

    private final JdbcTemplate jdbc;

    NotificationPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String section() {
        return "notificationSettings";
    }

    @Override
    public void writeJson(long userId, JsonGenerator json) {
        json.writeStartArray();
        jdbc.query("select kind, enabled, digest from notification_preference where user_id = ? order by kind", rs -> {
            json.writeStartObject();
            json.writeStringProperty("kind", rs.getString(1));
            json.writeBooleanProperty("enabled", rs.getBoolean(2));
            json.writeBooleanProperty("dailyDigest", rs.getBoolean(3));
            json.writeEndObject();
        }, userId);
        json.writeEndArray();
    }

    @Override
    public void erase(long userId) {
        jdbc.update("delete from notification_digest_item where user_id = ?", userId);
        jdbc.update("delete from unsubscribe_token where user_id = ?", userId);
        jdbc.update("delete from notification_preference where user_id = ?", userId);
    }
}
