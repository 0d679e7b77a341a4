package dev.patron.plugin.lead;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.data.Row;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The follow-up queue: every customer the last scoring gave a lead class, from the host's
 * {@code scores} table joined with {@code customers} and the plugin's pipeline, filtered by
 * class and follow-up status, ordered by priority (highest first), then by class (so converted
 * leads, priority 0, come after those not a target), then by the last inquiry (most recent
 * first; leads without one after those with one), then by customer id, and cut into
 * pages by an opaque cursor (the position after the last lead shown, stable while leads come and
 * go).
 */
final class LeadQueue {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private static final Comparator<Entry> ORDER = Comparator
            .comparingDouble((Entry e) -> -e.priority())
            .thenComparingInt(e -> e.leadClass() == null ? Integer.MAX_VALUE : e.leadClass().ordinal())
            .thenComparing(e -> e.inquiredOn() == null ? Long.MAX_VALUE : -e.inquiredOn().toEpochDay())
            .thenComparing(Entry::customerId);

    private final String pluginId;

    LeadQueue(String pluginId) {
        this.pluginId = pluginId;
    }

    /**
     * What to list.
     *
     * @param classes the classes to show; never empty
     * @param statuses the follow-up statuses to show; empty for any
     * @param after the position to continue after, or null for the first page
     */
    record Filter(Set<LeadClass> classes, Set<FollowUpStatus> statuses, int limit, Position after) {
    }

    /** A place in the queue's order; {@code inquiredDay} is an epoch day or null. */
    record Position(double priority, LeadClass leadClass, Long inquiredDay, String customerId) {

        String encode() {
            String raw = priority + "|" + leadClass.code() + "|" + (inquiredDay == null ? "" : inquiredDay) + "|" + customerId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** The position a cursor names; throws IllegalArgumentException when it is not one this queue made. */
        static Position decode(String cursor) {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 4);
            LeadClass leadClass = parts.length == 4 ? LeadClass.fromCode(parts[1]) : null;
            if (leadClass == null || parts[3].isEmpty()) {
                throw new IllegalArgumentException("not a cursor of this queue");
            }
            double priority = Double.parseDouble(parts[0]);
            Long day = parts[2].isEmpty() ? null : Long.parseLong(parts[2]);
            return new Position(priority, leadClass, day, parts[3]);
        }
    }

    /** One lead in the queue. {@code status} is the pipeline's, else converted or new by class. */
    record Entry(String customerId, String name, String email, LeadClass leadClass, String classExplanation,
                 String combination, double priority, LocalDate inquiredOn, FollowUpStatus status, String note,
                 Long statusAt, String statusBy, List<CriterionScore> criteria) {

        Position position() {
            return new Position(priority, leadClass, inquiredOn == null ? null : inquiredOn.toEpochDay(), customerId);
        }

        Entry withCriteria(List<CriterionScore> scores) {
            return new Entry(customerId, name, email, leadClass, classExplanation, combination, priority, inquiredOn, status,
                    note, statusAt, statusBy, List.copyOf(scores));
        }
    }

    /** One criterion's stored score. */
    record CriterionScore(String name, boolean met, String explanation) {
    }

    /**
     * A page of the queue.
     *
     * @param counts leads per class over the whole queue (all classes, any status)
     * @param next the position to continue after, or null on the last page
     */
    record Page(List<Entry> items, Map<LeadClass, Integer> counts, Position next) {
    }

    /** Reads one page; {@code inquiredAttribute} names the inquiry date attribute in force. */
    Page read(PluginDatabase db, Filter filter, String inquiredAttribute, ZoneId zone) {
        Map<LeadClass, Integer> counts = counts(db);
        List<Object> parameters = new ArrayList<>(List.of(Qualification.PRIORITY, Qualification.COMBINATION, pluginId,
                Qualification.CLASS));
        StringBuilder in = new StringBuilder();
        for (LeadClass leadClass : filter.classes()) {
            in.append(in.length() == 0 ? "?" : ", ?");
            parameters.add(leadClass.code());
        }
        List<Entry> all = db.query("SELECT k.customer_id AS customer_id, k.label AS lead_class, k.explanation AS class_explanation,"
                        + " c.name AS customer_name, c.email AS customer_email, c.attributes AS customer_attributes,"
                        + " p.value AS priority, m.label AS combination,"
                        + " f.status AS follow_status, f.note AS follow_note, f.updated_at AS follow_at, f.updated_by AS follow_by"
                        + " FROM scores k"
                        + " JOIN customers c ON c.id = k.customer_id"
                        + " LEFT JOIN scores p ON p.customer_id = k.customer_id AND p.plugin_id = k.plugin_id AND p.name = ?"
                        + " LEFT JOIN scores m ON m.customer_id = k.customer_id AND m.plugin_id = k.plugin_id AND m.name = ?"
                        + " LEFT JOIN " + Pipeline.STATE + " f ON f.customer_id = k.customer_id"
                        + " WHERE k.plugin_id = ? AND k.name = ? AND k.label IN (" + in + ")",
                row -> entry(row, inquiredAttribute, zone), parameters.toArray());

        List<Entry> matching = new ArrayList<>();
        for (Entry entry : all) {
            if (filter.statuses().isEmpty() || filter.statuses().contains(entry.status())) {
                matching.add(entry);
            }
        }
        matching.sort(ORDER);
        int start = 0;
        if (filter.after() != null) {
            Position after = filter.after();
            Entry marker = new Entry(after.customerId(), null, null, after.leadClass(), null, null, after.priority(),
                    after.inquiredDay() == null ? null : LocalDate.ofEpochDay(after.inquiredDay()), null, null, null, null,
                    List.of());
            while (start < matching.size() && ORDER.compare(matching.get(start), marker) <= 0) {
                start++;
            }
        }
        int end = Math.min(matching.size(), start + filter.limit());
        List<Entry> page = new ArrayList<>(matching.subList(start, end));
        Map<String, List<CriterionScore>> criteria = criteria(db, page);
        page.replaceAll(e -> e.withCriteria(criteria.getOrDefault(e.customerId(), List.of())));
        Position next = end < matching.size() && !page.isEmpty() ? page.get(page.size() - 1).position() : null;
        return new Page(page, counts, next);
    }

    /** Leads per class (every class, any follow-up status). */
    Map<LeadClass, Integer> counts(PluginDatabase db) {
        Map<LeadClass, Integer> counts = new LinkedHashMap<>();
        for (LeadClass leadClass : LeadClass.values()) {
            counts.put(leadClass, 0);
        }
        db.query("SELECT label, COUNT(*) AS leads FROM scores WHERE plugin_id = ? AND name = ? GROUP BY label",
                row -> {
                    LeadClass leadClass = LeadClass.fromCode(row.text("label"));
                    if (leadClass != null) {
                        counts.merge(leadClass, row.whole("leads").intValue(), Integer::sum);
                    }
                    return null;
                }, pluginId, Qualification.CLASS);
        return counts;
    }

    /** The criterion scores of the given leads, in criterion order. */
    Map<String, List<CriterionScore>> criteria(PluginDatabase db, List<Entry> entries) {
        Map<String, List<CriterionScore>> result = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return result;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(pluginId);
        StringBuilder in = new StringBuilder();
        for (Entry entry : entries) {
            in.append(in.length() == 0 ? "?" : ", ?");
            parameters.add(entry.customerId());
        }
        Map<String, Map<Criterion, CriterionScore>> found = new LinkedHashMap<>();
        db.query("SELECT customer_id, name, value, label, explanation FROM scores WHERE plugin_id = ? AND customer_id IN ("
                + in + ")", row -> {
                    Criterion criterion = Criterion.byScoreName(row.text("name"));
                    if (criterion != null) {
                        Double value = row.decimal("value");
                        boolean met = value != null ? value >= 1 : Verdict.MET.equals(row.text("label"));
                        found.computeIfAbsent(row.text("customer_id"), k -> new java.util.EnumMap<>(Criterion.class))
                                .put(criterion, new CriterionScore(criterion.scoreName(), met, row.text("explanation")));
                    }
                    return null;
                }, parameters.toArray());
        found.forEach((id, byCriterion) -> result.put(id, List.copyOf(byCriterion.values())));
        return result;
    }

    private static Entry entry(Row row, String inquiredAttribute, ZoneId zone) {
        LeadClass leadClass = LeadClass.fromCode(row.text("lead_class"));
        Map<String, String> attributes = FlatJson.attributes(row.text("customer_attributes"));
        LocalDate inquired = AttributeValues.date(AttributeValues.text(attributes, inquiredAttribute), zone);
        FollowUpStatus status = FollowUpStatus.fromCode(row.text("follow_status"));
        if (status == null) {
            status = leadClass == LeadClass.CONVERTED ? FollowUpStatus.CONVERTED : FollowUpStatus.NEW;
        }
        Double priority = row.decimal("priority");
        return new Entry(row.text("customer_id"), row.text("customer_name"), row.text("customer_email"), leadClass,
                row.text("class_explanation"), row.text("combination"), priority == null ? 0 : priority, inquired, status,
                row.text("follow_note"), row.whole("follow_at"), row.text("follow_by"), List.of());
    }

    /** Every class but converted: the default view. */
    static Set<LeadClass> openClasses() {
        return EnumSet.copyOf(LeadClass.OPEN);
    }
}
