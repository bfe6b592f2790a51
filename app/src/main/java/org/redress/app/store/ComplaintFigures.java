package org.redress.app.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.statement.SqlStatement;
import org.redress.core.complaint.Complaint;
import org.redress.core.sla.SlaClock;
import org.redress.core.sla.SlaClocks;
import org.redress.core.sla.SlaMetric;

/**
 * What the supervisor's reports count of one complaint, kept on its row (V14) and written whenever the complaint or its
 * clocks are: its replies and customer contacts, and per SLA metric its clocks stopped, those of them met, and a current
 * clock running past its deadline as the SLA job marked it. A report over a period then reads the period's complaint
 * rows alone ({@link ReportCounts}) instead of joining their clocks and entries. The definitions are those of the rows
 * they summarise, as V14's backfill counts them.
 */
final class ComplaintFigures {

    /** The figure columns of one metric: met, stopped, late. */
    static String[] columns(SlaMetric m) {
        String prefix = "sla_" + m.name().toLowerCase(Locale.ROOT);
        return new String[] {prefix + "_met", prefix + "_stopped", prefix + "_late"};
    }

    /** Every clock figure column, in the metrics' order. */
    static final List<String> CLOCK_COLUMNS;

    static {
        List<String> all = new ArrayList<>();
        for (SlaMetric m : SlaMetric.values()) {
            all.addAll(List.of(columns(m)));
        }
        CLOCK_COLUMNS = List.copyOf(all);
    }

    /** "col = :col, …" of the clock figures, for an update. */
    static final String CLOCK_SETS = String.join(", ", CLOCK_COLUMNS.stream().map(c -> c + " = :" + c).toList());

    private ComplaintFigures() {
    }

    /** Binds the replies and contacts of a complaint as {@code :replies} and {@code :contacts}. */
    static void bindEntries(SqlStatement<?> s, Complaint c) {
        s.bind("replies", c.replies()).bind("contacts", c.customerContacts());
    }

    /** Binds the clock figures of a complaint's clocks, each as {@code :<column>}. */
    static void bindClocks(SqlStatement<?> s, SlaClocks clocks) {
        int[] n = new int[CLOCK_COLUMNS.size()];
        for (SlaClock.Stored k : clocks.replaced()) {
            count(n, k, false);
        }
        for (SlaClock.Stored k : clocks.current()) {
            count(n, k, true);
        }
        for (int i = 0; i < n.length; i++) {
            s.bind(CLOCK_COLUMNS.get(i), n[i]);
        }
    }

    private static void count(int[] n, SlaClock.Stored k, boolean current) {
        int at = k.metric().ordinal() * 3;
        if (k.stoppedAt() != null) {
            n[at + 1]++;
            if (Boolean.FALSE.equals(k.missed())) {
                n[at]++;
            }
        } else if (current && k.breached()) {
            n[at + 2]++;
        }
    }
}
