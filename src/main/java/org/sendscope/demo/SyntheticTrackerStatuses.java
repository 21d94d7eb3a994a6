package org.sendscope.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.sendscope.ingest.actions.ActionsDemo;
import org.sendscope.ingest.actions.PlanDates;

/**
 * Two snapshots of an officer's tracker for the demo: the 43 actions transcribed from BCP's SEND
 * Improvement Plan 2023/26 (refs, titles, leads, deadlines: {@link ActionsDemo#RESOURCE}), with a
 * status for each action that the plan's text does not give. The plan prints each action's colour,
 * which was lost when the PDF became text; what it does print is its own count out of 138 actions
 * (2 high risk, 30 significant risk, 96 on track, 7 actioned, 0 completed, 3 not started). The first
 * snapshot (12 April 2024, the plan's date) deals those shares out to the 43 actions with a fixed
 * seed; the second (24 July 2024, the scrutiny committee's date) moves each action on by fixed
 * chances (on track to actioned, at risk back on track, …) and re-plans some overdue deadlines by
 * three months. Every status is synthetic, and says so in its row, its plan id and its file name.
 */
public final class SyntheticTrackerStatuses {
    /** The plan id: the actions are BCP's, the statuses made up. */
    public static final String PLAN = "bcp-send-improvement-2023-26-synthetic-statuses";
    public static final LocalDate FIRST = LocalDate.of(2024, 4, 12);
    public static final LocalDate SECOND = LocalDate.of(2024, 7, 24);
    /** The seed: every run makes the same two files. */
    public static final long SEED = 20240412L;

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yy");
    /** The plan's own count of its 138 actions by status (its RAG key, page 2). */
    private static final String[] STATUSES = {"High risk", "Significant risk", "On track", "Actioned", "Completed", "Not started"};
    private static final int[] PLAN_COUNTS = {2, 30, 96, 7, 0, 3};

    private SyntheticTrackerStatuses() {
    }

    /** The two trackers as CSV text, first snapshot then second. */
    public static List<byte[]> csvs() {
        List<CSVRecord> rows = transcribed();
        Random r = new Random(SEED);
        List<String> first = firstStatuses(rows.size(), r);
        List<String> second = new ArrayList<>();
        List<String> deadlines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String next = move(first.get(i), r);
            second.add(next);
            String deadline = rows.get(i).get("Deadline");
            LocalDate d = PlanDates.read(deadline).last();
            boolean open = !next.equals("Actioned") && !next.equals("Completed");
            if (d != null && open && d.isBefore(FIRST) && r.nextDouble() < 0.3) deadline = DMY.format(d.plusMonths(3));
            deadlines.add(deadline);
        }
        List<String> firstDeadlines = rows.stream().map(x -> x.get("Deadline")).toList();
        return List.of(write(rows, first, firstDeadlines, FIRST), write(rows, second, deadlines, SECOND));
    }

    /** The plan's shares dealt out to {@code n} actions: largest remainders, then shuffled with the seed. */
    static List<String> firstStatuses(int n, Random r) {
        int total = 0;
        for (int c : PLAN_COUNTS) total += c;
        int[] k = new int[STATUSES.length];
        double[] rest = new double[STATUSES.length];
        int given = 0;
        for (int i = 0; i < k.length; i++) {
            double exact = (double) n * PLAN_COUNTS[i] / total;
            k[i] = (int) Math.floor(exact);
            rest[i] = exact - k[i];
            given += k[i];
        }
        while (given < n) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) if (rest[i] > rest[best]) best = i;
            k[best]++;
            rest[best] = -1;
            given++;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k.length; i++) for (int j = 0; j < k[i]; j++) out.add(STATUSES[i]);
        Collections.shuffle(out, r);
        return out;
    }

    /** Three months on: most on-track actions stay, some are actioned or completed; risks mostly ease. */
    private static String move(String status, Random r) {
        double u = r.nextDouble();
        return switch (status) {
            case "On track" -> u < 0.25 ? "Actioned" : u < 0.35 ? "Completed" : u < 0.45 ? "Significant risk" : "On track";
            case "Significant risk" -> u < 0.5 ? "On track" : u < 0.6 ? "High risk" : "Significant risk";
            case "High risk" -> u < 0.5 ? "Significant risk" : "High risk";
            case "Not started" -> u < 0.6 ? "On track" : "Not started";
            case "Actioned" -> u < 0.5 ? "Completed" : "Actioned";
            default -> status;
        };
    }

    private static List<CSVRecord> transcribed() {
        try (InputStream in = SyntheticTrackerStatuses.class.getClassLoader().getResourceAsStream(ActionsDemo.RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + ActionsDemo.RESOURCE);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(List<CSVRecord> rows, List<String> statuses, List<String> deadlines, LocalDate snapshot) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord("Ref", "Priority", "Action", "Lead", "Deadline", "RAG", "Notes");
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord x = rows.get(i);
                p.printRecord(x.get("Ref"), x.get("Priority"), x.get("Action"), x.get("Lead"), deadlines.get(i),
                        statuses.get(i), x.get("Transcribed from") + "; status at " + snapshot
                                + " synthetic (sendscope demo generator, seed " + SEED + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }
}
