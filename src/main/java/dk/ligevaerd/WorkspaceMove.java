package dk.ligevaerd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves one workspace, whole, from one installation to another (docs/workspace-move.md): every row
 * that belongs to it, with its own ids, so that the decision records' hashed content, the links
 * between records and every id inside recorded facts stay exactly as they were and "verify history"
 * holds on the other side.
 *
 * <p>The file is one line of header, {@code ligevaerd-workspace 1 sha256=<hex>}, then the JSON body
 * whose SHA-256 the header gives. An import checks the fingerprint before anything else, refuses a
 * file it has imported before (table {@code workspace_import}), and writes everything in one
 * transaction: a refused or failed import changes nothing.
 *
 * <p>Plain JDBC on purpose: the operator runs it against the database of a running installation
 * (through H2's AUTO_SERVER, or PostgreSQL) without starting a second application.
 */
final class WorkspaceMove {

    static final String FORMAT = "ligevaerd-workspace";
    static final int FORMAT_VERSION = 1;

    /** The workspace's tables in an order in which each row's references already exist, with how to find its rows. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();
    /** Columns (beside foreign keys) that name an account. */
    private static final Map<String, List<String>> USER_COLUMNS = new LinkedHashMap<>();
    /** Tables of the installation itself, never moved. */
    private static final Set<String> LOCAL = Set.of("flyway_schema_history", "mail_outbox", "sign_in_throttle",
            "trusted_browser", "workspace_import", "app_user",
            // A person's links and choices on this installation: addresses waiting for confirmation,
            // notification choices, digest items and unsubscribe tokens, sign-in links to an
            // organisation's accounts. The person sets them again where the workspace arrives (a
            // confirmed address moves with the account, so an organisation sign-in links again).
            "email_confirmation", "notification_preference", "notification_digest_item", "unsubscribe_token",
            "organisation_identity",
            // Notifications about to be composed into mail (for seconds, after their event's commit):
            // like the mail itself, this installation's to send.
            "notification_intent");

    static {
        String ofWorkspace = "workspace_id = ?";
        String ofRound = "round_id in (select id from decision_round where workspace_id = ?)";
        TABLES.put("workspace", "id = ?");
        TABLES.put("side", ofWorkspace);
        TABLES.put("membership", ofWorkspace);
        TABLES.put("invitation", ofWorkspace);
        TABLES.put("history_entry", ofWorkspace);
        TABLES.put("priority", ofWorkspace);
        TABLES.put("priority_lens", "priority_id in (select id from priority where workspace_id = ?)");
        TABLES.put("priority_proposer", "priority_id in (select id from priority where workspace_id = ?)");
        TABLES.put("statement", ofWorkspace);
        TABLES.put("statement_version", ofWorkspace);
        TABLES.put("statement_change", "statement_id in (select id from statement where workspace_id = ?)");
        TABLES.put("decision_round", ofWorkspace);
        TABLES.put("round_option", ofRound);
        TABLES.put("round_side", ofRound);
        TABLES.put("round_quorum", ofRound);
        TABLES.put("round_confirmation", ofRound);
        TABLES.put("round_cancel_request", ofRound);
        TABLES.put("ballot", ofRound);
        TABLES.put("decision_record", ofWorkspace);
        TABLES.put("decision_chain", ofWorkspace);
        TABLES.put("governance_proposal", ofWorkspace);
        TABLES.put("proposal_confirmation", "proposal_id in (select id from governance_proposal where workspace_id = ?)");
        TABLES.put("suggestion", ofWorkspace);
        TABLES.put("suggestion_acceptance", "suggestion_id in (select id from suggestion where workspace_id = ?)");
        TABLES.put("comment_thread", ofWorkspace);
        TABLES.put("thread_comment", ofWorkspace);
        USER_COLUMNS.put("workspace", List.of("created_by"));
        USER_COLUMNS.put("membership", List.of("user_id"));
        USER_COLUMNS.put("invitation", List.of("created_by", "used_by"));
        USER_COLUMNS.put("history_entry", List.of("actor_id", "subject_user_id"));
        USER_COLUMNS.put("priority_proposer", List.of("user_id"));
        USER_COLUMNS.put("statement_version", List.of("created_by"));
        USER_COLUMNS.put("statement_change", List.of("author_id"));
        USER_COLUMNS.put("decision_round", List.of("created_by", "opened_by", "cancelled_by"));
        USER_COLUMNS.put("round_confirmation", List.of("user_id"));
        USER_COLUMNS.put("round_cancel_request", List.of("user_id"));
        USER_COLUMNS.put("ballot", List.of("user_id"));
        USER_COLUMNS.put("governance_proposal", List.of("proposed_by", "decided_by", "subject_user"));
        USER_COLUMNS.put("proposal_confirmation", List.of("user_id"));
        USER_COLUMNS.put("suggestion", List.of("proposed_by", "decided_by"));
        USER_COLUMNS.put("suggestion_acceptance", List.of("user_id"));
        USER_COLUMNS.put("comment_thread", List.of("started_by", "resolved_by"));
        USER_COLUMNS.put("thread_comment", List.of("author_id"));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkspaceMove() {
    }

    /** A file that is refused, as a translation key and its arguments; nothing was changed. */
    static final class Refused extends Exception {

        final String key;
        final transient Object[] arguments;

        Refused(String key, Object... arguments) {
            super(key);
            this.key = key;
            this.arguments = arguments;
        }
    }

    /** What an import made: the workspace's id and name, and how many rows came in. */
    record Imported(long workspaceId, String name, int rows) {
    }

    // ---- export ---------------------------------------------------------------------------------

    /** The whole workspace as the bytes of a move file, read in one consistent snapshot. */
    static byte[] export(Connection connection, long workspaceId) throws SQLException, Refused {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            requireKnownTables(connection);
            ObjectNode body = JSON.createObjectNode();
            body.put("format", FORMAT);
            body.put("formatVersion", FORMAT_VERSION);
            body.put("schemaVersion", schemaVersion(connection));
            body.put("exportedAt", Instant.now().toString());
            body.put("workspaceId", workspaceId);
            ObjectNode tables = body.putObject("tables");
            Set<Long> users = new TreeSet<>();
            for (var table : TABLES.entrySet()) {
                List<Map<String, Object>> rows = rows(connection, "select * from " + table.getKey() + " where "
                        + table.getValue() + orderBy(connection, table.getKey()), workspaceId);
                if (table.getKey().equals("workspace") && rows.isEmpty()) {
                    throw new Refused("move.noSuchWorkspace", Long.toString(workspaceId));
                }
                for (String column : USER_COLUMNS.getOrDefault(table.getKey(), List.of())) {
                    rows.stream().map(r -> r.get(column)).filter(v -> v instanceof Number)
                            .forEach(v -> users.add(((Number) v).longValue()));
                }
                tables.set(table.getKey(), JSON.valueToTree(rows));
            }
            List<Map<String, Object>> accounts = new ArrayList<>();
            for (long user : users) {
                accounts.addAll(rows(connection, "select * from app_user where id = ?", user));
            }
            ObjectNode ordered = JSON.createObjectNode();
            ordered.set("app_user", JSON.valueToTree(accounts));
            ordered.setAll(tables);
            body.set("tables", ordered);
            byte[] json = JSON.writeValueAsBytes(body);
            ByteArrayOutputStream file = new ByteArrayOutputStream(json.length + 100);
            file.writeBytes((FORMAT + " " + FORMAT_VERSION + " sha256=" + sha256(json) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            file.writeBytes(json);
            return file.toByteArray();
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Refuses to export from a schema with tables this version does not know how to move. */
    private static void requireKnownTables(Connection connection) throws SQLException, Refused {
        for (String table : tables(connection)) {
            if (!TABLES.containsKey(table) && !LOCAL.contains(table)) {
                throw new Refused("move.unknownTable", table);
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && schema.equalsIgnoreCase("public")) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static String orderBy(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return columns.contains("id") ? " order by id" : " order by " + String.join(", ", columns);
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null")) {
            int highest = 0;
            while (rs.next()) {
                highest = Math.max(highest, Integer.parseInt(rs.getString(1)));
            }
            return Integer.toString(highest);
        }
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql, long id) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), value(rs, i, meta.getColumnType(i)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Object value = switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant().toString();
            }
            case Types.DATE -> {
                java.time.LocalDate d = rs.getObject(i, java.time.LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case Types.BIGINT -> rs.getLong(i);
            case Types.INTEGER, Types.SMALLINT -> rs.getInt(i);
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    // ---- import ---------------------------------------------------------------------------------

    /**
     * Reads a move file and writes its workspace into this installation, all or nothing.
     *
     * @throws Refused when the file is damaged, was imported before, comes from another schema
     *                 version, or its rows collide with rows this installation already holds
     */
    static Imported importFile(Connection connection, byte[] file) throws SQLException, Refused {
        int newline = indexOf(file, (byte) '\n');
        if (newline < 0) {
            throw new Refused("move.damaged");
        }
        String header = new String(file, 0, newline, StandardCharsets.US_ASCII);
        String prefix = FORMAT + " " + FORMAT_VERSION + " sha256=";
        if (!header.startsWith(FORMAT + " ")) {
            throw new Refused("move.notAMoveFile");
        }
        if (!header.startsWith(prefix)) {
            throw new Refused("move.formatVersion", header.substring(FORMAT.length() + 1).split(" ")[0]);
        }
        byte[] json = java.util.Arrays.copyOfRange(file, newline + 1, file.length);
        String fingerprint = sha256(json);
        if (!fingerprint.equals(header.substring(prefix.length()).trim())) {
            throw new Refused("move.damaged");
        }
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (RuntimeException unreadable) {
            throw new Refused("move.damaged");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Imported imported = write(connection, body, fingerprint);
            connection.commit();
            return imported;
        } catch (SQLException | Refused | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Imported write(Connection connection, JsonNode body, String fingerprint) throws SQLException, Refused {
        String here = schemaVersion(connection);
        String there = body.path("schemaVersion").asString("");
        if (!here.equals(there)) {
            throw new Refused("move.schemaVersion", there, here);
        }
        try (PreparedStatement s = connection.prepareStatement(
                "select workspace_id from workspace_import where fingerprint = ?")) {
            s.setString(1, fingerprint);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new Refused("move.alreadyImported", Long.toString(rs.getLong(1)));
                }
            }
        }
        JsonNode tables = body.path("tables");
        int rows = 0;
        for (String table : tables.propertyNames()) {
            if (!table.equals("app_user") && !TABLES.containsKey(table)) {
                throw new Refused("move.unknownTable", table);
            }
            rows += insert(connection, table, tables.path(table));
        }
        JsonNode workspace = tables.path("workspace").path(0);
        long workspaceId = workspace.path("id").asLong();
        try (PreparedStatement s = connection.prepareStatement(
                "insert into workspace_import (fingerprint, workspace_id, imported_at) values (?, ?, ?)")) {
            s.setString(1, fingerprint);
            s.setLong(2, workspaceId);
            s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        restartIdentities(connection, tables);
        return new Imported(workspaceId, workspace.path("name").asString(""), rows);
    }

    private static int insert(Connection connection, String table, JsonNode rows) throws SQLException, Refused {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
            }
        }
        List<String> columns = new ArrayList<>(rows.path(0).propertyNames());
        if (!types.keySet().equals(new java.util.HashSet<>(columns))) {
            throw new Refused("move.columns", table);
        }
        // A priority may be merged into one made after it: link those once all of them are in.
        boolean selfLinks = table.equals("priority");
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (JsonNode row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    JsonNode value = selfLinks && column.equals("merged_into") ? null : row.get(column);
                    bind(insert, i + 1, types.get(column), value);
                }
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new Refused("move.collision", table);
            }
            throw e;
        }
        if (selfLinks) {
            try (PreparedStatement link = connection.prepareStatement("update priority set merged_into = ? where id = ?")) {
                for (JsonNode row : rows) {
                    if (!row.path("merged_into").isNull() && !row.path("merged_into").isMissingNode()) {
                        link.setLong(1, row.path("merged_into").asLong());
                        link.setLong(2, row.path("id").asLong());
                        link.executeUpdate();
                    }
                }
            }
        }
        return rows.size();
    }

    private static void bind(PreparedStatement s, int index, int type, JsonNode value) throws SQLException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            s.setNull(index, type);
            return;
        }
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP ->
                    s.setObject(index, OffsetDateTime.ofInstant(Instant.parse(value.asString()), ZoneOffset.UTC));
            // A typed value: PostgreSQL refuses text for a date column (the retention rule's archiving day).
            case Types.DATE -> s.setObject(index, java.time.LocalDate.parse(value.asString()));
            case Types.BIGINT -> s.setLong(index, value.asLong());
            case Types.INTEGER, Types.SMALLINT -> s.setInt(index, value.asInt());
            case Types.BOOLEAN, Types.BIT -> s.setBoolean(index, value.asBoolean());
            default -> s.setString(index, value.asString());
        }
    }

    /** New rows made here later must not take the ids that came in with the file. */
    private static void restartIdentities(Connection connection, JsonNode tables) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        for (String table : tables.propertyNames()) {
            if (tables.path(table).isEmpty() || !tables.path(table).path(0).has("id")) {
                continue;
            }
            long next;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement s = connection.createStatement()) {
                if (postgres) {
                    s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
                } else {
                    s.execute("alter table " + table + " alter column id restart with " + next);
                }
            }
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
