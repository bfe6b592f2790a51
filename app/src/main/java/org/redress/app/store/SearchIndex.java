package org.redress.app.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * What the agents' search looks in: every complaint's words — its subject, what the customer and the agents wrote,
 * the caller of a call, and its customer's name, email addresses, phone numbers and social handles — folded to lower
 * case without diacritics, so that "Ștefan", "stefan" and "Stefan" find each other in any of the desk's languages.
 * Every word of a query must be found; the last one typed finds the words it starts ("ombud" finds "ombudsman").
 *
 * <p>On PostgreSQL the words are a {@code tsvector} under a GIN index, asked with a prefix {@code tsquery}; on H2
 * they are rows of a table whose primary key a prefix is a range of. The desk keeps the index as it writes (a new
 * complaint, each entry, a merge or an erasure) and makes the part that is missing when it opens (an upgraded or a
 * restored desk), since the index is never backed up: it is made from the rest.
 */
public final class SearchIndex {

    /** The tables of the index, which a backup leaves out (they differ between the two databases). */
    public static final Set<String> TABLES = Set.of("complaint_search", "search_term", "search_pending");

    /** A word longer than this is cut: no one types more of it into a search box. */
    static final int LONGEST_TERM = 64;
    /** Of one message, the first this many characters are indexed: the rest of long texts is pasted logs and quotes. */
    static final int INDEXED_CHARS = 20_000;
    /** A query's first words only. */
    static final int QUERY_TERMS = 8;

    /** A phone number as people write it: digits with spaces, dots, dashes or brackets between them. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ().-]{5,}\\d");
    /** The digits of a number without its country or trunk prefix. */
    private static final int NATIONAL_DIGITS = 9;

    private SearchIndex() {
    }

    // ---- words ----------------------------------------------------------------------------------------------

    /** Lower case, without diacritics, with the letters that do not decompose written as their base letters. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'đ', 'Đ' -> out.append('d');
                case 'ł', 'Ł' -> out.append('l');
                case 'ø', 'Ø' -> out.append('o');
                case 'æ', 'Æ' -> out.append("ae");
                case 'œ', 'Œ' -> out.append("oe");
                default -> out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** The words the index keeps of a text: each word, and an address or handle both whole and by its parts. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        String folded = fold(text.length() > INDEXED_CHARS ? text.substring(0, INDEXED_CHARS) : text);
        for (String chunk : chunks(folded)) {
            if (isCompound(chunk)) {
                add(terms, chunk);
                int at = chunk.indexOf('@', 1);
                if (at > 0) {
                    add(terms, chunk.substring(at + 1)); // the domain: everyone who writes from a company
                }
            }
            for (String part : parts(chunk)) {
                add(terms, part);
            }
        }
        Matcher phone = PHONE.matcher(folded);
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            if (digits.length() >= 7 && digits.length() <= 15) {
                add(terms, digits);
                add(terms, national(digits));
            }
        }
        return terms;
    }

    /**
     * What a query asks for, each a whole word but the last, which is a word's start (what is still being typed: "ana pop"
     * finds Ana Popescu; a first word as a prefix would be every word and address starting with it, thousands of them
     * at a million complaints, for no better answer): an address, a handle or a phone number is one term (a phone
     * number by its national digits, so "+40 721 234 567" and "0721 234 567" find each other).
     */
    static List<String> queryTerms(String query) {
        String folded = fold(query.strip());
        List<String> terms = new ArrayList<>();
        String digits = folded.replaceAll("\\D", "");
        if (digits.length() >= 7 && folded.matches("[+\\d ().-]+")) {
            return List.of(national(digits));
        }
        for (String chunk : chunks(folded)) {
            if (isCompound(chunk)) {
                terms.add(cut(chunk.startsWith("@") ? chunk.substring(1) : chunk));
            } else {
                for (String part : parts(chunk)) {
                    if (!part.isEmpty()) {
                        terms.add(cut(part));
                    }
                }
            }
        }
        // a lone letter ("ombudsman's") narrows nothing a person meant, unless it is all they typed
        List<String> meant = terms.stream().filter(t -> t.length() > 1 || Character.isDigit(t.charAt(0))).toList();
        return (meant.isEmpty() ? terms : meant).stream().distinct().limit(QUERY_TERMS).toList();
    }

    /** Runs of letters, digits and the characters that hold an address or a handle together, trimmed of those. */
    private static List<String> chunks(String folded) {
        List<String> chunks = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            boolean inside = Character.isLetterOrDigit(c) || c == '@' || c == '.' || c == '_' || c == '-' || c == '+';
            if (inside && start < 0) {
                start = i;
            } else if (!inside && start >= 0) {
                // trimmed of what holds a compound together but cannot start one (an '@' can) or end one
                int from = start;
                int to = i;
                while (from < to && !isWordChar(folded.charAt(from)) && folded.charAt(from) != '@') {
                    from++;
                }
                while (to > from && !isWordChar(folded.charAt(to - 1))) {
                    to--;
                }
                if (from < to) {
                    chunks.add(folded.substring(from, to));
                }
                start = -1;
            }
        }
        return chunks;
    }

    /** A letter or a decimal digit: what a word is made of (the regex classes \\p{L} and \\p{Nd}). */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /**
     * The words of a chunk: its runs of letters and digits. Written out rather than split by a regex: intake's indexer
     * runs it over every word of every message, and compiling the pattern each time was a sixth of its work.
     */
    private static List<String> parts(String chunk) {
        List<String> parts = new ArrayList<>(2);
        int start = -1;
        for (int i = 0; i <= chunk.length(); i++) {
            boolean word = i < chunk.length() && isWordChar(chunk.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                parts.add(chunk.substring(start, i));
                start = -1;
            }
        }
        return parts;
    }

    /** An email address, a handle, a domain or a file name: kept whole as well as by its parts. */
    private static boolean isCompound(String chunk) {
        return chunk.length() > 2 && chunk.substring(1).chars().anyMatch(c -> c == '@' || c == '.' || c == '_')
                || chunk.startsWith("@") && chunk.length() > 1;
    }

    private static void add(Set<String> terms, String term) {
        String t = term.startsWith("@") ? term.substring(1) : term;
        if (t.length() >= 2 || !t.isEmpty() && Character.isDigit(t.charAt(0))) {
            terms.add(cut(t));
        }
    }

    private static String national(String digits) {
        return digits.length() > NATIONAL_DIGITS ? digits.substring(digits.length() - NATIONAL_DIGITS) : digits;
    }

    private static String cut(String term) {
        return term.length() > LONGEST_TERM ? term.substring(0, LONGEST_TERM) : term;
    }

    // ---- writing --------------------------------------------------------------------------------------------

    /**
     * A new complaint (its subject, its customer's name and addresses, its first entries): to be indexed soon, not in
     * the transaction that stores it — intake would otherwise write fifty-odd rows of words per message.
     */
    static void complaintAdded(Handle h, long number) {
        pending(h, number);
    }

    /** One more entry of a complaint: its text, and who wrote or called when that is the customer, to be indexed soon. */
    static void entryAdded(Handle h, long number, String kind) {
        if (indexed(kind)) {
            pending(h, number);
        }
    }

    private static void pending(Handle h, long number) {
        h.createUpdate("insert into search_pending (complaint_number) values (:n)").bind("n", number).execute();
    }

    /**
     * Indexes the complaints waiting (up to {@code limit} changes, oldest first), each made again whole from what the
     * desk holds, in the caller's transaction; returns how many changes it took. Only the rows it read are deleted:
     * a change committed meanwhile keeps its row and is indexed by the next run.
     */
    static int indexPending(Handle h, int limit) {
        List<Map<String, Object>> rows = h.createQuery("select id, complaint_number from search_pending order by id limit :limit")
                .bind("limit", limit).mapToMap().list();
        if (rows.isEmpty()) {
            return 0;
        }
        Set<Long> numbers = new java.util.TreeSet<>();
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            ids.add(((Number) r.get("id")).longValue());
            numbers.add(((Number) r.get("complaint_number")).longValue());
        }
        index(h, numbers);
        h.createUpdate("delete from search_pending where id in (<ids>)").bindList("ids", ids).execute();
        return rows.size();
    }

    /** Makes a complaint's words again from what the desk holds now: after a merge, or an erasure. */
    static void reindex(Handle h, long number) {
        index(h, List.of(number));
    }

    /**
     * Indexes up to {@code limit} complaints that have no words yet (a desk upgraded to the index, or restored from
     * a backup, which leaves it out); returns how many it indexed.
     */
    static int catchUp(Handle h, int limit) {
        List<Long> missing = h.createQuery("select number from complaint c where not exists (select 1 from complaint_search s "
                + "where s.complaint_number = c.number) order by number limit :limit").bind("limit", limit).mapTo(Long.class).list();
        index(h, missing);
        return missing.size();
    }

    /** Makes the words of these complaints again, whole, from what the desk holds now. */
    private static void index(Handle h, java.util.Collection<Long> numbers) {
        boolean postgres = postgres(h);
        Map<Long, Set<String>> words = new java.util.TreeMap<>();
        for (long number : numbers) {
            forget(h, postgres, number);
            words.put(number, wordsOf(h, number));
        }
        if (postgres) {
            words.forEach((number, terms) -> addToVector(h, number, terms));
        } else {
            addRows(h, words);
        }
    }

    /** A complaint's words: its subject, its customer's name and addresses, and what its people wrote or said. */
    private static Set<String> wordsOf(Handle h, long number) {
        Set<String> terms = new LinkedHashSet<>();
        h.createQuery("select subject, customer_id from complaint where number = :n").bind("n", number).mapToMap().findOne()
                .ifPresent(c -> {
                    terms.addAll(terms((String) c.get("subject")));
                    terms.addAll(customerTerms(h, ((Number) c.get("customer_id")).longValue()));
                });
        for (Map<String, Object> e : h.createQuery("select kind, author, text from complaint_entry where complaint_number = :n "
                + "and kind in ('inbound', 'reply', 'note', 'call') order by id").bind("n", number).mapToMap().list()) {
            terms.addAll(terms((String) e.get("text")));
            if (!"reply".equals(e.get("kind")) && !"note".equals(e.get("kind"))) {
                terms.addAll(terms((String) e.get("author")));
            }
        }
        return terms;
    }

    private static boolean indexed(String kind) {
        return kind.equals("inbound") || kind.equals("reply") || kind.equals("note") || kind.equals("call");
    }

    private static Set<String> customerTerms(Handle h, long customer) {
        Set<String> terms = new LinkedHashSet<>();
        h.createQuery("select display_name from customer where id = :id").bind("id", customer).mapTo(String.class).findOne()
                .ifPresent(name -> terms.addAll(terms(name)));
        for (String address : h.createQuery("select address from customer_identity where customer_id = :id").bind("id", customer)
                .mapTo(String.class).list()) {
            terms.addAll(terms(address));
        }
        return terms;
    }

    private static void forget(Handle h, boolean postgres, long number) {
        if (!postgres) {
            h.createUpdate("delete from search_term where complaint_number = :n").bind("n", number).execute();
        }
        h.createUpdate("delete from complaint_search where complaint_number = :n").bind("n", number).execute();
    }

    private static void addToVector(Handle h, long number, Set<String> terms) {
        // tsvector from the desk's own words: PostgreSQL's parser would split an address the desk keeps whole
        h.createUpdate("insert into complaint_search (complaint_number, terms) values (:n, array_to_tsvector(:terms)) "
                        + "on conflict (complaint_number) do update set terms = complaint_search.terms || excluded.terms")
                .bind("n", number).bindArray("terms", String.class, List.copyOf(terms)).execute();
    }

    /**
     * The words of many complaints as rows, inserted in the order of the key: H2 writes each changed page of the index
     * again every megabyte or so of changes, and words in the order they come in (each complaint's in its own order)
     * change a page per word, while in key order a page takes dozens before the next is touched — indexing a batch
     * of new mail was three quarters page writes before.
     */
    private static void addRows(Handle h, Map<Long, Set<String>> words) {
        PreparedBatch searched = h.prepareBatch("insert into complaint_search (complaint_number) values (:n) on conflict do nothing");
        List<Map.Entry<String, Long>> rows = new ArrayList<>();
        words.forEach((number, terms) -> {
            searched.bind("n", number).add();
            terms.forEach(t -> rows.add(Map.entry(t, number)));
        });
        searched.execute();
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Map.Entry.<String, Long>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        PreparedBatch batch = h.prepareBatch("insert into search_term (term, complaint_number) values (:t, :n) on conflict do nothing");
        for (Map.Entry<String, Long> row : rows) {
            batch.bind("t", row.getKey()).bind("n", row.getValue()).add();
        }
        batch.execute();
    }

    private static boolean postgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (java.sql.SQLException e) {
            throw new DatabaseException("cannot tell which database this is: " + e.getMessage(), e);
        }
    }

    // ---- asking ---------------------------------------------------------------------------------------------

    /**
     * The condition on {@code number} that a query puts on complaints: its words found in the index, or the
     * complaint's number when the query is one ("#1042"). Parameters are named {@code :search…}; {@link #bind} binds them.
     * It is one {@code number in (…)} so that either database starts from the index, not from every complaint.
     */
    static String condition(boolean postgres, String query) {
        return matching(postgres, query).map(m -> "number in (" + m + ")").orElse("false");
    }

    /**
     * The numbers of up to {@code limit} complaints a query finds, in no order: where there are fewer than the limit,
     * a list asks by these numbers, which neither database can misjudge (PostgreSQL guesses a prefix's share of a
     * million documents badly, and then reads every complaint backwards for an address that has nine).
     */
    static List<Long> find(Handle h, boolean postgres, String query, int limit) {
        Optional<String> matching = matching(postgres, query);
        if (matching.isEmpty()) {
            return List.of();
        }
        Query q = h.createQuery("select complaint_number from (" + matching.get() + ") found limit :searchLimit").bind("searchLimit", limit);
        bind(q, postgres, query);
        return q.mapTo(Long.class).list();
    }

    /** The select of the numbers a query finds, empty when it can find nothing. */
    private static Optional<String> matching(boolean postgres, String query) {
        List<String> terms = queryTerms(query);
        StringBuilder found = new StringBuilder();
        if (number(query).isPresent()) {
            found.append("select cast(:searchNumber as bigint) as complaint_number");
        }
        if (!terms.isEmpty()) {
            found.append(found.isEmpty() ? "" : " union ");
            if (postgres) {
                // the query's words written into the statement, not bound: bound, PostgreSQL soon plans it once for any
                // words alike, and a plan good for an address with nine complaints reads half the desk for a surname
                found.append("select complaint_number from complaint_search where terms @@ cast('")
                        .append(tsquery(terms).replace("'", "''")).append("' as tsquery)");
            } else {
                found.append("select complaint_number from (");
                for (int i = 0; i < terms.size(); i++) {
                    found.append(i == 0 ? "" : " intersect ").append("select complaint_number from search_term where ")
                            .append(i == terms.size() - 1 ? "term >= :search" + i + " and term < :searchEnd" + i : "term = :search" + i);
                }
                found.append(") words");
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.toString());
    }

    /** Each term quoted as a lexeme, all of them required, the last as a prefix (see {@link #queryTerms}). */
    private static String tsquery(List<String> terms) {
        // the desk's terms hold letters, digits and @._+- only; a quote or a backslash is dropped all the same
        List<String> lexemes = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            lexemes.add("'" + terms.get(i).replace("'", "").replace("\\", "") + "'" + (i == terms.size() - 1 ? ":*" : ""));
        }
        return String.join(" & ", lexemes);
    }

    /** The complaint number a query is, if it is one. */
    private static Optional<Long> number(String query) {
        String digits = query.strip().replaceFirst("^#", "");
        return digits.matches("\\d{1,18}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }

    static void bind(Query query, boolean postgres, String search) {
        number(search).ifPresent(n -> query.bind("searchNumber", n));
        List<String> terms = queryTerms(search);
        if (terms.isEmpty()) {
            return;
        }
        if (postgres) {
            return; // written into the statement (matching)
        }
        for (int i = 0; i < terms.size(); i++) {
            query.bind("search" + i, terms.get(i));
            if (i == terms.size() - 1) {
                query.bind("searchEnd" + i, terms.get(i) + Character.MAX_VALUE);
            }
        }
    }
}
