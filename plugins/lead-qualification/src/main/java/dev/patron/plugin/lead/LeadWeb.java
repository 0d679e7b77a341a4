package dev.patron.plugin.lead;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginContext;
import dev.patron.api.data.PluginDatabase;
import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiRequest;
import dev.patron.api.web.ApiResponse;
import dev.patron.api.web.ApiRoute;
import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import dev.patron.api.web.WebContribution;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The plugin's REST routes, the leads pipeline page and the customer panel.
 *
 * <pre>
 * GET  /api/v1/plugins/lead-qualification/leads?class=&amp;status=&amp;cursor=&amp;limit=   viewer: the follow-up queue
 * GET  /api/v1/plugins/lead-qualification/leads/:customerId                     viewer: one lead with its history
 * POST /api/v1/plugins/lead-qualification/leads/:customerId/status              staff:  {"status":"contacted","note":"…"}
 * </pre>
 */
@Extension
public final class LeadWeb implements WebContribution {

    static final String API_BASE = "/api/v1/plugins/" + LeadQualificationPlugin.ID;
    static final int MAX_NOTE = 2000;
    static final int HISTORY_LIMIT = 50;
    private static final String ALL = "all";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PluginContext context;
    private final LeadQueue queue;

    public LeadWeb(PluginContext context) {
        this.context = context;
        this.queue = new LeadQueue(context.pluginId());
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/leads", "The follow-up queue: leads by priority, then most recent inquiry; filter by class and status",
                        this::listLeads),
                ApiRoute.get("/leads/:customerId", "One lead: class, combination, criteria, follow-up status and history",
                        this::showLead),
                ApiRoute.post("/leads/:customerId/status", "Sets a lead's follow-up status with a note (history is kept)",
                        this::setStatus));
    }

    @Override
    public List<ConsolePage> pages() {
        return List.of(new ConsolePage("/", "lead.nav", "lead.title", this::pipelinePage));
    }

    @Override
    public Optional<PageView> customerPanel(PageRequest request) {
        String customerId = request.customerId();
        if (customerId == null) {
            return Optional.empty();
        }
        Map<String, Object> lead = context.store().read(db -> detail(db, customerId));
        if (lead == null || (lead.get("class") == null && ((List<?>) lead.get("history")).isEmpty())) {
            return Optional.empty();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lead", lead);
        model.put("customerId", customerId);
        model.put("statuses", FollowUpStatus.codes());
        model.put("canEdit", canEdit(request.role()));
        model.put("apiBase", API_BASE);
        return Optional.of(new PageView("panel.ftlh", model));
    }

    // ------------------------------------------------------------------------------------------
    // Routes

    private ApiResponse listLeads(ApiRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        LeadQueue.Filter filter = filter(request.query(), problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        LeadQueue.Page page = context.store().read(db -> queue.read(db, filter, inquiredAttribute(), context.shopZone()));
        List<Map<String, Object>> items = new ArrayList<>();
        page.items().forEach(e -> items.add(json(e)));
        Map<String, Object> counts = new LinkedHashMap<>();
        page.counts().forEach((k, v) -> counts.put(k.code(), v));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("counts", counts);
        body.put("nextCursor", page.next() == null ? null : page.next().encode());
        return ApiResponse.ok(body);
    }

    private ApiResponse showLead(ApiRequest request) {
        String customerId = request.pathParameter("customerId");
        Map<String, Object> lead = context.store().read(db -> detail(db, customerId));
        if (lead == null) {
            throw new ApiProblem(404, "Not found", "no customer " + customerId);
        }
        return ApiResponse.ok(lead);
    }

    private ApiResponse setStatus(ApiRequest request) {
        String customerId = request.pathParameter("customerId");
        Map<String, Object> body = request.bodyObject();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String key : body.keySet()) {
            if (!key.equals("status") && !key.equals("note")) {
                problems.put(key, "is not a field of a status change; send status and, optionally, note");
            }
        }
        Object rawStatus = body.get("status");
        FollowUpStatus status = null;
        String allowed = String.join(", ", FollowUpStatus.codes());
        if (rawStatus == null) {
            problems.put("status", "is required: one of " + allowed);
        } else if (!(rawStatus instanceof String text) || (status = FollowUpStatus.fromCode(text)) == null) {
            problems.put("status", "'" + rawStatus + "' is not a follow-up status; use one of " + allowed);
        }
        Object rawNote = body.get("note");
        String note = null;
        if (rawNote != null && !(rawNote instanceof String)) {
            problems.put("note", "must be text");
        } else if (rawNote != null) {
            note = ((String) rawNote).strip();
            if (note.isEmpty()) {
                note = null;
            } else if (note.length() > MAX_NOTE) {
                problems.put("note", "is " + note.length() + " characters long; keep it to " + MAX_NOTE);
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        FollowUpStatus chosen = status;
        String text = note;
        String actor = request.actor() == null || request.actor().isBlank() ? "anonymous" : request.actor();
        long now = context.clock().millis();
        Pipeline.Change change = context.store().write(db -> {
            if (Pipeline.attributes(db, customerId).isEmpty()) {
                throw new ApiProblem(404, "Not found", "no customer " + customerId);
            }
            Optional<Pipeline.State> state = Pipeline.state(db, customerId);
            FollowUpStatus previous = state.map(Pipeline.State::status).orElseGet(() ->
                    Pipeline.scoredClass(db, context.pluginId(), customerId)
                            .map(c -> LeadClass.fromCode(c) == LeadClass.CONVERTED ? FollowUpStatus.CONVERTED : FollowUpStatus.NEW)
                            .orElse(FollowUpStatus.NEW));
            boolean firstConversion = chosen == FollowUpStatus.CONVERTED
                    && state.map(s -> s.convertedAt() == null).orElse(true);
            return Pipeline.change(db, customerId, previous, chosen, text, actor, Pipeline.SOURCE_STAFF, null,
                    firstConversion ? now : null, now);
        });
        return ApiResponse.created(json(change));
    }

    // ------------------------------------------------------------------------------------------
    // Console

    private PageView pipelinePage(PageRequest request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String selectedClass = request.queryParameter("class").orElse("").trim();
        String selectedStatus = request.queryParameter("status").orElse("").trim();
        if (!selectedClass.isEmpty()) {
            query.put("class", List.of(selectedClass));
        }
        if (!selectedStatus.isEmpty()) {
            query.put("status", List.of(selectedStatus));
        }
        request.queryParameter("cursor").ifPresent(c -> query.put("cursor", List.of(c)));
        Map<String, String> problems = new LinkedHashMap<>();
        LeadQueue.Filter filter = filter(query, problems);
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        String next = "";
        if (problems.isEmpty()) {
            LeadQueue.Page page = context.store().read(db -> queue.read(db, filter, inquiredAttribute(), context.shopZone()));
            page.items().forEach(e -> items.add(json(e)));
            page.counts().forEach((k, v) -> counts.put(k.code(), v));
            next = page.next() == null ? "" : page.next().encode();
        } else {
            context.store().read(queue::counts).forEach((k, v) -> counts.put(k.code(), v));
        }
        model.put("items", items);
        model.put("counts", counts);
        model.put("error", String.join("; ", problems.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        model.put("classes", LeadClass.codes());
        model.put("statuses", FollowUpStatus.codes());
        model.put("selectedClass", selectedClass);
        model.put("selectedStatus", selectedStatus);
        model.put("nextCursor", next);
        model.put("canEdit", canEdit(request.role()));
        model.put("apiBase", API_BASE);
        model.put("mode", mode().code());
        return new PageView("leads.ftlh", model);
    }

    static boolean canEdit(String role) {
        return "staff".equals(role) || "admin".equals(role);
    }

    // ------------------------------------------------------------------------------------------
    // Helpers

    /** Reads the queue's query parameters; adds a message per invalid one. */
    private static LeadQueue.Filter filter(Map<String, List<String>> query, Map<String, String> problems) {
        Set<LeadClass> classes = EnumSet.noneOf(LeadClass.class);
        for (String value : values(query, "class")) {
            if (value.equalsIgnoreCase(ALL)) {
                classes.addAll(EnumSet.allOf(LeadClass.class));
                continue;
            }
            LeadClass leadClass = LeadClass.fromCode(value);
            if (leadClass == null) {
                problems.put("class", "'" + value + "' is not a lead class; use one of " + String.join(", ", LeadClass.codes())
                        + " or all (several separated by commas)");
            } else {
                classes.add(leadClass);
            }
        }
        if (classes.isEmpty()) {
            classes = LeadQueue.openClasses();
        }
        Set<FollowUpStatus> statuses = EnumSet.noneOf(FollowUpStatus.class);
        for (String value : values(query, "status")) {
            FollowUpStatus status = FollowUpStatus.fromCode(value);
            if (status == null) {
                problems.put("status", "'" + value + "' is not a follow-up status; use one of "
                        + String.join(", ", FollowUpStatus.codes()));
            } else {
                statuses.add(status);
            }
        }
        int limit = LeadQueue.DEFAULT_LIMIT;
        List<String> limits = values(query, "limit");
        if (!limits.isEmpty()) {
            try {
                limit = Integer.parseInt(limits.get(0));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > LeadQueue.MAX_LIMIT) {
                problems.put("limit", "'" + limits.get(0) + "' must be a whole number from 1 to " + LeadQueue.MAX_LIMIT);
            }
        }
        LeadQueue.Position after = null;
        List<String> cursors = values(query, "cursor");
        if (!cursors.isEmpty()) {
            try {
                after = LeadQueue.Position.decode(cursors.get(0));
            } catch (IllegalArgumentException e) {
                problems.put("cursor", "is not a cursor from this queue; use the nextCursor of the previous page, or leave it out"
                        + " for the first page");
            }
        }
        return new LeadQueue.Filter(classes, statuses, limit, after);
    }

    /** Every value of a parameter, split on commas, trimmed, blanks dropped. */
    private static List<String> values(Map<String, List<String>> query, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String raw : query.getOrDefault(name, List.of())) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return new ArrayList<>(values);
    }

    private static ApiProblem invalid(Map<String, String> problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach((field, message) -> lines.add(field + " " + message));
        return new ApiProblem(400, "Invalid input", String.join("; ", lines), problems, Map.of());
    }

    /** One lead with its history, or null when there is no such customer. */
    private Map<String, Object> detail(PluginDatabase db, String customerId) {
        Optional<Map<String, String>> attributes = Pipeline.attributes(db, customerId);
        if (attributes.isEmpty()) {
            return null;
        }
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("customerId", customerId);
        lead.put("class", null);
        lead.put("classExplanation", null);
        lead.put("combination", null);
        lead.put("combinationExplanation", null);
        lead.put("priority", null);
        lead.put("priorityExplanation", null);
        Map<Criterion, Map<String, Object>> criteria = new java.util.EnumMap<>(Criterion.class);
        db.query("SELECT name, value, label, explanation FROM scores WHERE plugin_id = ? AND customer_id = ?", row -> {
            String name = row.text("name");
            String explanation = row.text("explanation");
            switch (name) {
                case Qualification.CLASS -> {
                    lead.put("class", row.text("label"));
                    lead.put("classExplanation", explanation);
                }
                case Qualification.COMBINATION -> {
                    lead.put("combination", row.text("label"));
                    lead.put("combinationExplanation", explanation);
                }
                case Qualification.PRIORITY -> {
                    Double value = row.decimal("value");
                    lead.put("priority", value == null ? null : value.intValue());
                    lead.put("priorityExplanation", explanation);
                }
                default -> {
                    Criterion criterion = Criterion.byScoreName(name);
                    if (criterion != null) {
                        Double value = row.decimal("value");
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("name", criterion.scoreName());
                        c.put("letter", String.valueOf(criterion.letter()));
                        c.put("met", value != null ? value >= 1 : Verdict.MET.equals(row.text("label")));
                        c.put("explanation", explanation);
                        criteria.put(criterion, c);
                    }
                }
            }
            return null;
        }, context.pluginId(), customerId);
        lead.put("criteria", new ArrayList<>(criteria.values()));
        Optional<Pipeline.State> state = Pipeline.state(db, customerId);
        FollowUpStatus status = state.map(Pipeline.State::status)
                .orElse(LeadClass.CONVERTED.code().equals(lead.get("class")) ? FollowUpStatus.CONVERTED : FollowUpStatus.NEW);
        lead.put("inquiredAt", Optional.ofNullable(AttributeValues.date(
                AttributeValues.text(attributes.get(), inquiredAttribute()), context.shopZone())).map(Object::toString).orElse(null));
        lead.put("status", status.code());
        lead.put("note", state.map(Pipeline.State::note).orElse(null));
        lead.put("statusUpdatedAt", state.map(s -> instant(s.updatedAt())).orElse(null));
        lead.put("statusUpdatedBy", state.map(Pipeline.State::updatedBy).orElse(null));
        lead.put("convertedAt", state.map(Pipeline.State::convertedAt).map(this::instant).orElse(null));
        lead.put("convertedOrderId", state.map(Pipeline.State::convertedOrderId).orElse(null));
        List<Map<String, Object>> history = new ArrayList<>();
        Pipeline.history(db, customerId, HISTORY_LIMIT).forEach(c -> history.add(json(c)));
        lead.put("history", history);
        return lead;
    }

    private Map<String, Object> json(LeadQueue.Entry e) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("customerId", e.customerId());
        item.put("name", e.name());
        item.put("email", e.email());
        item.put("class", e.leadClass() == null ? null : e.leadClass().code());
        item.put("classExplanation", e.classExplanation());
        item.put("combination", e.combination());
        item.put("priority", (int) e.priority());
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (LeadQueue.CriterionScore c : e.criteria()) {
            Map<String, Object> criterion = new LinkedHashMap<>();
            criterion.put("name", c.name());
            criterion.put("letter", String.valueOf(Criterion.byScoreName(c.name()).letter()));
            criterion.put("met", c.met());
            criterion.put("explanation", c.explanation());
            criteria.add(criterion);
        }
        item.put("criteria", criteria);
        item.put("inquiredAt", e.inquiredOn() == null ? null : e.inquiredOn().toString());
        item.put("status", e.status().code());
        item.put("note", e.note());
        item.put("statusUpdatedAt", e.statusAt() == null ? null : instant(e.statusAt()));
        item.put("statusUpdatedBy", e.statusBy());
        item.put("statusUpdatedAtLocal", e.statusAt() == null ? null : local(e.statusAt()));
        return item;
    }

    private Map<String, Object> json(Pipeline.Change c) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("customerId", c.customerId());
        change.put("seq", c.seq());
        change.put("status", c.status().code());
        change.put("previousStatus", c.previous().code());
        change.put("note", c.note());
        change.put("actor", c.actor());
        change.put("source", c.source());
        change.put("orderId", c.orderId());
        change.put("at", instant(c.createdAt()));
        change.put("atLocal", local(c.createdAt()));
        return change;
    }

    private String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** Shop-zone time to the minute, for the console. */
    private String local(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), context.shopZone()).format(MINUTES);
    }

    private LeadSettings settings() {
        try {
            return LeadSettings.read(context.settings());
        } catch (PatronPluginException e) {
            return LeadSettings.defaultSettings();
        }
    }

    private String inquiredAttribute() {
        return settings().inquiredAtAttribute();
    }

    private Mode mode() {
        return settings().mode();
    }
}
