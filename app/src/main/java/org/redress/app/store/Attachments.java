package org.redress.app.store;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.core.channel.Attachment;

/** The files customers sent with their messages (table {@code attachment}), kept with the complaint. */
public final class Attachments {

    /** A file as a complaint lists it. */
    public record Listed(long id, long complaint, String name, String mediaType, long size) {
    }

    /** A file with its bytes, to hand to an agent. */
    public record File(Listed about, byte[] content) {
    }

    private final Database database;

    public Attachments(Database database) {
        this.database = database;
    }

    /** Keeps a file that came with a message on a complaint, in the caller's transaction. */
    public static void keep(Tx tx, long complaint, String messageId, Attachment a, Instant now) {
        tx.handle.createUpdate("insert into attachment (complaint_number, message_id, name, media_type, size_bytes, content, received_at) "
                        + "values (:n, :message, :name, :type, :size, :content, :now)")
                .bind("n", complaint).bind("message", cut(messageId, 1000)).bind("name", cut(a.name(), 500))
                .bind("type", cut(a.mediaType(), 200)).bind("size", a.size()).bind("content", a.content()).bind("now", at(now)).execute();
    }

    public List<Listed> of(long complaint) {
        return database.jdbi().withHandle(h -> h.createQuery("select id, complaint_number, name, media_type, size_bytes from attachment "
                        + "where complaint_number = :n order by id").bind("n", complaint)
                .map((rs, ctx) -> new Listed(rs.getLong("id"), rs.getLong("complaint_number"), rs.getString("name"), rs.getString("media_type"),
                        rs.getLong("size_bytes"))).list());
    }

    public Optional<File> find(long id) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from attachment where id = :id").bind("id", id)
                .map((rs, ctx) -> new File(new Listed(rs.getLong("id"), rs.getLong("complaint_number"), rs.getString("name"),
                        rs.getString("media_type"), rs.getLong("size_bytes")), rs.getBytes("content"))).findOne());
    }
}
