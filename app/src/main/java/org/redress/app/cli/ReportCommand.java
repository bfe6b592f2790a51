package org.redress.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redress.app.desk.DeskReports;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redress report}: weak areas, SLA compliance, promises kept, rates and compensation, as a table, CSV or JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Where the company is weak: complaints per category and month with trends, SLA compliance, promises kept "
                + "per agent, reopen and first-contact-resolution rates, compensation granted per category.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DeskOptions desk;

    @Option(names = "--since", paramLabel = "DATE", description = "Complaints received from this date (default: 90 days ago).")
    LocalDate since;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new IllegalArgumentException("--format: table, csv or json; got '" + format + "'");
        }
        Instant from = since != null ? since.atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.now().minus(Duration.ofDays(90));
        try (DeskOptions.Opened opened = desk.open(2)) {
            DeskReports.Report r = opened.desk().reports().since(from);
            PrintWriter out = spec.commandLine().getOut();
            Map<String, List<DeskReports.Row>> parts = DeskReports.parts(r);
            switch (format) {
                case "json" -> out.println(new ObjectMapper().writeValueAsString(Map.of("since", r.since().toString(), "until", r.until().toString(),
                        "complaints", r.complaints(), "parts", parts)));
                case "csv" -> out.print(DeskReports.csv(r));
                default -> {
                    out.printf("%d complaints received from %s to %s%n", r.complaints(), r.since(), r.until());
                    parts.forEach((name, rows) -> {
                        out.println();
                        out.println(name.toUpperCase());
                        if (rows.isEmpty()) {
                            out.println("  (nothing yet)");
                        }
                        rows.forEach(row -> out.printf("  %-28s %s%n", row.label(), row.figures()));
                    });
                }
            }
            out.flush();
        }
        return 0;
    }
}
