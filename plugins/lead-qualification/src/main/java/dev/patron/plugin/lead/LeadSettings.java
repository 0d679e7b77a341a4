package dev.patron.plugin.lead;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import dev.patron.api.scoring.Model;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's settings, read and checked as a whole. The scorer reads them at fit time and keeps
 * them in the model, so a change applies to everyone at the next full scoring run instead of
 * half-way; the schema runs the same checks when a value is entered.
 *
 * <p>An attribute-name setting left blank switches that source off (for example no income band);
 * each criterion needs at least one source.
 *
 * @param mode {@value #MODE}: MAN or BANT
 * @param budgetAttribute {@value #BUDGET_ATTRIBUTE}: budget in major units of the shop currency
 * @param threshold {@value #THRESHOLD}: the budget from which Money is met (inclusive)
 * @param bandAttribute {@value #BAND_ATTRIBUTE}: an income or company-size band, or blank
 * @param bandValues {@value #BAND_VALUES}: the bands that meet Money (case-insensitive)
 * @param roleAttribute {@value #ROLE_ATTRIBUTE}: the contact's role, or blank
 * @param roles {@value #ROLES}: the roles that meet Authority (case-insensitive, trimmed)
 * @param decisionMakerAttribute {@value #DECISION_MAKER_ATTRIBUTE}: a yes/no flag, or blank
 * @param needAttribute {@value #NEED_ATTRIBUTE}: a stated need, met when not blank
 * @param inquiredAtAttribute {@value #INQUIRED_AT_ATTRIBUTE}: the last inquiry's date
 * @param inquiryDays {@value #INQUIRY_DAYS}: an inquiry at most this many days before the
 *     scoring date meets Need
 * @param timelineAttribute {@value #TIMELINE_ATTRIBUTE}: the planned purchase date (BANT)
 * @param timelineDays {@value #TIMELINE_DAYS}: a purchase date at most this many days after the
 *     scoring date meets Timeline (BANT)
 */
record LeadSettings(Mode mode,
                    String budgetAttribute, BigDecimal threshold, String bandAttribute, List<String> bandValues,
                    String roleAttribute, List<String> roles, String decisionMakerAttribute,
                    String needAttribute, String inquiredAtAttribute, int inquiryDays,
                    String timelineAttribute, int timelineDays) {

    static final String MODE = "mode";
    static final String BUDGET_ATTRIBUTE = "money.budgetAttribute";
    static final String THRESHOLD = "money.threshold";
    static final String BAND_ATTRIBUTE = "money.bandAttribute";
    static final String BAND_VALUES = "money.bandValues";
    static final String ROLE_ATTRIBUTE = "authority.roleAttribute";
    static final String ROLES = "authority.roles";
    static final String DECISION_MAKER_ATTRIBUTE = "authority.decisionMakerAttribute";
    static final String NEED_ATTRIBUTE = "need.attribute";
    static final String INQUIRED_AT_ATTRIBUTE = "need.inquiredAtAttribute";
    static final String INQUIRY_DAYS = "need.inquiryDays";
    static final String TIMELINE_ATTRIBUTE = "timeline.attribute";
    static final String TIMELINE_DAYS = "timeline.days";

    /** Every key with its default, in the order forms show them. */
    static final Map<String, String> DEFAULTS = defaults();

    static final int MAX_DAYS = 3650;
    /** The host's rule for attribute names (customers API and imports). */
    private static final java.util.regex.Pattern ATTRIBUTE_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final String MODEL_PREFIX = "setting.";

    LeadSettings {
        bandValues = List.copyOf(bandValues);
        roles = List.copyOf(roles);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(MODE, Mode.MAN.code());
        d.put(BUDGET_ATTRIBUTE, "budget");
        d.put(THRESHOLD, "20000.00");
        d.put(BAND_ATTRIBUTE, "");
        d.put(BAND_VALUES, "");
        d.put(ROLE_ATTRIBUTE, "role");
        d.put(ROLES, "owner, director, purchasing manager");
        d.put(DECISION_MAKER_ATTRIBUTE, "decisionMaker");
        d.put(NEED_ATTRIBUTE, "need");
        d.put(INQUIRED_AT_ATTRIBUTE, "inquiredAt");
        d.put(INQUIRY_DAYS, "30");
        d.put(TIMELINE_ATTRIBUTE, "purchaseDate");
        d.put(TIMELINE_DAYS, "90");
        return java.util.Collections.unmodifiableMap(d);
    }

    /** The settings with every default. */
    static LeadSettings defaultSettings() {
        return read(PluginSettings.empty());
    }

    /**
     * Reads and checks every setting.
     *
     * @throws PatronPluginException listing every problem, each naming the setting and the fix
     */
    static LeadSettings read(PluginSettings settings) {
        List<String> problems = new ArrayList<>();
        LeadSettings read = parse(settings.asMap(), problems);
        if (!problems.isEmpty()) {
            throw new PatronPluginException(String.join("; ", problems));
        }
        return read;
    }

    /** What is wrong with a complete set of values (defaults filled in for missing keys); empty when valid. */
    static List<String> problems(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        parse(values, problems);
        return problems;
    }

    /** Parses {@code values}, adding a message to {@code problems} for each unusable one; never throws. */
    static LeadSettings parse(Map<String, String> values, List<String> problems) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        values.forEach((key, value) -> {
            if (value != null) {
                v.put(key, value);
            }
        });
        Mode mode = Mode.fromCode(v.get(MODE));
        if (mode == null) {
            problems.add("setting '" + MODE + "' must be 'man' (Money, Authority, Need) or 'bant' (adds Timeline), not '"
                    + v.get(MODE) + "'");
            mode = Mode.MAN;
        }
        String budget = attribute(v, BUDGET_ATTRIBUTE, problems);
        BigDecimal threshold = threshold(v.get(THRESHOLD), problems);
        String band = attribute(v, BAND_ATTRIBUTE, problems);
        List<String> bandValues = list(v.get(BAND_VALUES));
        String role = attribute(v, ROLE_ATTRIBUTE, problems);
        List<String> roles = list(v.get(ROLES));
        String decisionMaker = attribute(v, DECISION_MAKER_ATTRIBUTE, problems);
        String need = attribute(v, NEED_ATTRIBUTE, problems);
        String inquiredAt = attribute(v, INQUIRED_AT_ATTRIBUTE, problems);
        int inquiryDays = days(v, INQUIRY_DAYS, problems);
        String timeline = attribute(v, TIMELINE_ATTRIBUTE, problems);
        int timelineDays = days(v, TIMELINE_DAYS, problems);

        if (budget.isEmpty() && band.isEmpty()) {
            problems.add("Money has no source: set '" + BUDGET_ATTRIBUTE + "' (e.g. budget) or '" + BAND_ATTRIBUTE
                    + "' with '" + BAND_VALUES + "'");
        }
        if (!band.isEmpty() && bandValues.isEmpty()) {
            problems.add("setting '" + BAND_VALUES + "' must list at least one value (comma-separated, e.g. large, enterprise)"
                    + " while '" + BAND_ATTRIBUTE + "' is '" + band + "'; list the bands that meet Money or clear '"
                    + BAND_ATTRIBUTE + "'");
        }
        if (band.isEmpty() && !bandValues.isEmpty()) {
            problems.add("setting '" + BAND_VALUES + "' lists values but '" + BAND_ATTRIBUTE
                    + "' is blank; name the attribute that holds the band (e.g. companySize) or clear '" + BAND_VALUES + "'");
        }
        if (role.isEmpty() && decisionMaker.isEmpty()) {
            problems.add("Authority has no source: set '" + ROLE_ATTRIBUTE + "' (e.g. role) with '" + ROLES + "', or '"
                    + DECISION_MAKER_ATTRIBUTE + "' (e.g. decisionMaker)");
        }
        if (!role.isEmpty() && roles.isEmpty()) {
            problems.add("setting '" + ROLES + "' must list at least one role (comma-separated, e.g. owner, director) while '"
                    + ROLE_ATTRIBUTE + "' is '" + role + "'; list the roles that can decide a purchase or clear '"
                    + ROLE_ATTRIBUTE + "'");
        }
        if (need.isEmpty() && inquiredAt.isEmpty()) {
            problems.add("Need has no source: set '" + NEED_ATTRIBUTE + "' (e.g. need) or '" + INQUIRED_AT_ATTRIBUTE
                    + "' (e.g. inquiredAt)");
        }
        if (mode == Mode.BANT && timeline.isEmpty()) {
            problems.add("setting '" + TIMELINE_ATTRIBUTE + "' must name the planned purchase date attribute (e.g. purchaseDate)"
                    + " in BANT mode");
        }
        Map<String, String> used = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(List.of(BUDGET_ATTRIBUTE, BAND_ATTRIBUTE, ROLE_ATTRIBUTE, DECISION_MAKER_ATTRIBUTE,
                NEED_ATTRIBUTE, INQUIRED_AT_ATTRIBUTE));
        if (mode == Mode.BANT) {
            keys.add(TIMELINE_ATTRIBUTE);
        }
        for (String key : keys) {
            String name = v.get(key).trim();
            if (name.isEmpty()) {
                continue;
            }
            String earlier = used.putIfAbsent(name, key);
            if (earlier != null) {
                problems.add("settings '" + earlier + "' and '" + key + "' both name attribute '" + name
                        + "'; each source needs an attribute of its own");
            }
        }
        return new LeadSettings(mode, budget, threshold, band, bandValues, role, roles, decisionMaker, need, inquiredAt,
                inquiryDays, timeline, timelineDays);
    }

    /** The settings as model texts, so scoring reads exactly what the last full run used. */
    void writeTo(Model.Builder model) {
        asMap().forEach((key, value) -> model.text(MODEL_PREFIX + key, value));
    }

    /** The settings stored in {@code model}, or null when the model holds none (not fitted yet). */
    static LeadSettings fromModel(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        model.texts().forEach((key, value) -> {
            if (key.startsWith(MODEL_PREFIX)) {
                values.put(key.substring(MODEL_PREFIX.length()), value);
            }
        });
        if (values.isEmpty()) {
            return null;
        }
        return read(PluginSettings.of(values));
    }

    /** The settings as stored values. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(MODE, mode.code());
        map.put(BUDGET_ATTRIBUTE, budgetAttribute);
        map.put(THRESHOLD, threshold.toPlainString());
        map.put(BAND_ATTRIBUTE, bandAttribute);
        map.put(BAND_VALUES, String.join(", ", bandValues));
        map.put(ROLE_ATTRIBUTE, roleAttribute);
        map.put(ROLES, String.join(", ", roles));
        map.put(DECISION_MAKER_ATTRIBUTE, decisionMakerAttribute);
        map.put(NEED_ATTRIBUTE, needAttribute);
        map.put(INQUIRED_AT_ATTRIBUTE, inquiredAtAttribute);
        map.put(INQUIRY_DAYS, Integer.toString(inquiryDays));
        map.put(TIMELINE_ATTRIBUTE, timelineAttribute);
        map.put(TIMELINE_DAYS, Integer.toString(timelineDays));
        return map;
    }

    /** The attribute names the rule reads in this mode, blank ones left out. */
    Set<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : List.of(budgetAttribute, bandAttribute, roleAttribute, decisionMakerAttribute, needAttribute,
                inquiredAtAttribute)) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (mode == Mode.BANT && !timelineAttribute.isEmpty()) {
            names.add(timelineAttribute);
        }
        return names;
    }

    /**
     * Splits a list setting on commas, semicolons or line breaks (also the full-width {@code ，}
     * {@code 、} {@code ；}), trims each item, drops blanks and case-insensitive repeats.
     */
    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (text == null) {
            return items;
        }
        for (String part : text.split("[,;\\n\\r\\uFF0C\\u3001\\uFF1B]")) {
            String item = AttributeValues.normalise(part);
            if (!item.isEmpty() && seen.add(item.toLowerCase(Locale.ROOT))) {
                items.add(item);
            }
        }
        return items;
    }

    private static String attribute(Map<String, String> v, String key, List<String> problems) {
        String name = v.get(key).trim();
        if (!name.isEmpty() && !ATTRIBUTE_NAME.matcher(name).matches()) {
            problems.add("setting '" + key + "' must be an attribute name as customers carry them (letters, digits and '_',"
                    + " starting with a letter, at most 64), not '" + name + "'; leave it blank to switch this source off");
            // kept, so the checks below do not also report the source as missing
        }
        return name;
    }

    private static BigDecimal threshold(String text, List<String> problems) {
        BigDecimal value = AttributeValues.decimal(text);
        if (value == null) {
            problems.add("setting '" + THRESHOLD + "' must be an amount of the shop currency such as 20000.00, not '" + text
                    + "'");
            return new BigDecimal(DEFAULTS.get(THRESHOLD));
        }
        if (value.signum() < 0) {
            problems.add("setting '" + THRESHOLD + "' must be at least 0, not " + text.trim()
                    + "; set the smallest budget that meets Money");
            return new BigDecimal(DEFAULTS.get(THRESHOLD));
        }
        return value;
    }

    private static int days(Map<String, String> v, String key, List<String> problems) {
        String text = v.get(key).trim();
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.stripTrailingZeros().scale() <= 0 && value.signum() >= 0
                    && value.compareTo(BigDecimal.valueOf(MAX_DAYS)) <= 0) {
                return value.intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        problems.add("setting '" + key + "' must be a whole number of days from 0 to " + MAX_DAYS + ", not '" + text + "'");
        return Integer.parseInt(DEFAULTS.get(key));
    }
}
