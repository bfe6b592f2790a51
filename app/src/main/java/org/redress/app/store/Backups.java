package org.redress.app.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;

/**
 * A desk's whole database as one file, and back: a zip with a manifest (the schema version, when, how many rows of
 * each table) and one JSON Lines file per table. It is the same on H2 and PostgreSQL, so a backup of one restores
 * into the other (an H2 desk moving to PostgreSQL). Rows stream in and out, one at a time: a desk of any size fits.
 *
 * <p>A restore goes into an empty database only: its schema is made to the backup's version, the rows go in parents
 * before children in one transaction, identity and number sequences are set past the highest id, and the schema is
 * then brought up to this release. Flyway's own history is not copied; the manifest's version stands for it.
 */
public final class Backups {

    /** What a backup holds, from its manifest. */
    public record Manifest(int schemaVersion, String takenAt, String from, Map<String, Long> rows) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "manifest.json";

    private Backups() {
    }

    /** Writes every table of the desk to {@code out}; returns what it wrote. */
    public static Manifest backup(Database db, Path out) throws IOException {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Manifest manifest;
        try (Connection c = db.connection(); OutputStream file = Files.newOutputStream(partial);
             ZipOutputStream zip = new ZipOutputStream(file)) {
            // one snapshot: the tables agree with each other, whatever the desk does meanwhile
            c.setAutoCommit(false);
            if (db.isPostgres()) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : tables(c)) {
                zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
                rows.put(table, dump(c, table, zip));
                zip.closeEntry();
            }
            c.commit();
            manifest = new Manifest(schemaVersion(c), java.time.Instant.now().toString(), db.isPostgres() ? "postgresql" : "h2", rows);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw new DatabaseException("cannot back the desk up: " + DatabaseErrors.describe(e).orElse(e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        PrivateFiles.file(out);
        return manifest;
    }

    /** Reads a backup's manifest. */
    public static Manifest manifest(Path backup) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(MANIFEST)) {
                    return JSON.readValue(zip.readAllBytes(), Manifest.class);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(backup + " is not a Redress backup (not a zip: " + e.getMessage() + ")");
        }
        throw new IllegalArgumentException(backup + " is not a Redress backup (it has no " + MANIFEST + ")");
    }

    /**
     * Restores a backup into the empty database at {@code url} and brings it up to this release's schema.
     *
     * @throws IllegalArgumentException when the database is not empty, or the backup is newer than this release
     */
    public static Manifest restore(Path backup, String url) throws IOException {
        Manifest manifest = manifest(backup);
        if (manifest.schemaVersion() > Database.SCHEMA_VERSION) {
            throw new IllegalArgumentException("the backup's schema is V" + manifest.schemaVersion() + ", newer than this release's V"
                    + Database.SCHEMA_VERSION + ": restore it with the release that made it, or a newer one");
        }
        String normal = Database.normalise(url);
        Flyway flyway = Flyway.configure().dataSource(normal, null, null).locations(Database.migrations(normal))
                .target(String.valueOf(manifest.schemaVersion())).load();
        if (flyway.info().applied().length > 0) {
            throw new IllegalArgumentException("the database at " + Database.redacted(normal) + " already holds a desk; restore "
                    + "into a new, empty one (nothing was changed)");
        }
        flyway.migrate();
        try (Connection c = java.sql.DriverManager.getConnection(normal)) {
            c.setAutoCommit(false);
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().startsWith("tables/")) {
                        files.put(e.getName().substring("tables/".length()).replace(".jsonl", ""), null);
                    }
                }
            }
            // parents before children, whatever order the backup lists them in
            for (String table : insertOrder(c, files.keySet())) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        if (e.getName().equals("tables/" + table + ".jsonl")) {
                            load(c, table, zip);
                        }
                    }
                }
            }
            resetSequences(c);
            c.commit();
        } catch (SQLException e) {
            throw new DatabaseException("cannot restore " + backup + ": " + DatabaseErrors.describe(e).orElse(e.getMessage())
                    + " (nothing was kept: restore into a new, empty database)", e);
        }
        // then up to this release, as any older desk is
        Database.open(url, 2).close();
        return manifest;
    }

    // ---- out ----------------------------------------------------------------------------------------------

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                // the search index is made from the other tables: not kept, and made again by the restored desk
                // and who had which complaint open at that moment is nothing to restore
                if (!name.equals("flyway_schema_history") && !SearchIndex.TABLES.contains(name) && !name.equals("presence")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private static long dump(Connection c, String table, OutputStream out) throws SQLException, IOException {
        long n = 0;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery("select * from " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    JsonGenerator g = JSON.getFactory().createGenerator(new NonClosing(out));
                    g.writeStartObject();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        g.writeFieldName(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                        write(g, rs, i, md.getColumnType(i));
                    }
                    g.writeEndObject();
                    g.close();
                    out.write('\n');
                    n++;
                }
            }
        }
        return n;
    }

    private static void write(JsonGenerator g, ResultSet rs, int i, int type) throws SQLException, IOException {
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] b = rs.getBytes(i);
                if (b == null) {
                    g.writeNull();
                } else {
                    g.writeString(Base64.getEncoder().encodeToString(b));
                }
            }
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                if (t == null) {
                    g.writeNull();
                } else {
                    g.writeString(t.toString());
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(i);
                if (rs.wasNull()) {
                    g.writeNull();
                } else {
                    g.writeBoolean(v);
                }
            }
            default -> {
                String v = rs.getString(i);
                if (v == null) {
                    g.writeNull();
                } else {
                    g.writeString(v);
                }
            }
        }
    }

    // ---- in -----------------------------------------------------------------------------------------------

    private static List<String> insertOrder(Connection c, Set<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String t : tables) {
            Set<String> of = new LinkedHashSet<>();
            for (String name : new String[] {t, t.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), name)) {
                    while (rs.next()) {
                        String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!parent.equals(t)) {
                            of.add(parent);
                        }
                    }
                }
            }
            parents.put(t, of);
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (order.size() < tables.size()) {
            boolean moved = false;
            for (String t : parents.keySet()) {
                if (!placed.contains(t) && placed.containsAll(parents.get(t).stream().filter(tables::contains).toList())) {
                    order.add(t);
                    placed.add(t);
                    moved = true;
                }
            }
            if (!moved) {
                throw new IllegalStateException("the tables' foreign keys form a cycle: " + parents);
            }
        }
        return order;
    }

    private static void load(Connection c, String table, InputStream in) throws SQLException, IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                types.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
            }
        }
        List<String> columns = new ArrayList<>(types.keySet());
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement insert = c.prepareStatement(sql);
             JsonParser p = JSON.getFactory().createParser(new NonClosingIn(in))) {
            int batch = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> row = JSON.readValue(p, Map.class);
                for (int i = 0; i < columns.size(); i++) {
                    set(insert, i + 1, types.get(columns.get(i)), row.get(columns.get(i)));
                }
                insert.addBatch();
                if (++batch % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void set(PreparedStatement s, int i, int type, Object v) throws SQLException {
        if (v == null) {
            s.setNull(i, type);
            return;
        }
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> s.setBytes(i, Base64.getDecoder().decode((String) v));
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> s.setObject(i, OffsetDateTime.parse((String) v));
            case Types.BOOLEAN, Types.BIT -> s.setBoolean(i, (Boolean) v);
            case Types.BIGINT -> s.setLong(i, Long.parseLong(v.toString()));
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> s.setInt(i, Integer.parseInt(v.toString()));
            case Types.NUMERIC, Types.DECIMAL -> s.setBigDecimal(i, new BigDecimal(v.toString()));
            default -> s.setString(i, v.toString());
        }
    }

    /** Identity columns and the complaint numbers go on after the highest restored value. */
    private static void resetSequences(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        DatabaseMetaData meta = c.getMetaData();
        List<String[]> identities = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, c.getSchema(), "%", "%")) {
            while (rs.next()) {
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                    identities.add(new String[] {rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT),
                            rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)});
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] id : identities) {
                if (id[0].equals("flyway_schema_history")) {
                    continue;
                }
                long next = next(s, "select coalesce(max(" + id[1] + "), 0) + 1 from " + id[0]);
                s.execute(postgres ? "select setval(pg_get_serial_sequence('" + id[0] + "', '" + id[1] + "'), " + next + ", false)"
                        : "alter table " + id[0] + " alter column " + id[1] + " restart with " + next);
            }
            long number = next(s, "select coalesce(max(number), 999) + 1 from complaint");
            s.execute(postgres ? "select setval('complaint_number_seq', " + number + ", false)"
                    : "alter sequence complaint_number_seq restart with " + number);
        }
    }

    private static long next(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version from flyway_schema_history "
                + "where success = true and version is not null")) {
            int v = 0;
            while (rs.next()) {
                v = Math.max(v, Integer.parseInt(rs.getString(1)));
            }
            return v;
        }
    }

    /** The zip entry stays open between rows: a generator closing it would end the entry. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class NonClosingIn extends java.io.FilterInputStream {
        NonClosingIn(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream is the caller's
        }
    }
}
