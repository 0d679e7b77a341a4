package dev.patron.plugin.clv;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.Model;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fitted CLV model in typed form, and its mapping to and from the host's {@link Model}.
 *
 * <p>It holds what {@link ClvScorer#score} needs (the method in force, the settings, the fitting
 * unit and the parameters) and what the model page and {@code GET /model} show (log-likelihoods,
 * customers used, convergence, warnings, the reason for a fallback and the CLV distribution).
 * Keys are listed as constants; amounts are major units of the shop currency.
 */
final class ClvModel {

    static final String VERSION = "version";
    /** Text: the method in force, {@code probabilistic} or {@code margin}. */
    static final String METHOD = "method";
    /** Text: why the margin model is in force although the settings ask for the probabilistic one. */
    static final String FALLBACK = "fallback";
    /** Text: warnings, one per line. */
    static final String WARNINGS = "warnings";
    static final String UNIT = "unit";
    static final String AS_OF = "asOf";
    static final String CALIBRATION_END = "calibrationEnd";
    static final String CURRENCY = "currency";
    static final String REQUESTED_METHOD = "settings.method";
    static final String MARGIN_PERCENT = "settings.marginPercent";
    static final String DISCOUNT_RATE_PERCENT = "settings.discountRatePercent";
    static final String HORIZON_DAYS = "settings.horizonDays";
    static final String LIFESPAN_YEARS = "settings.lifespanYears";
    static final String CORRELATION_WARNING = "settings.correlationWarning";
    static final String CUSTOMERS = "customers";
    static final String BUYERS = "buyers";
    static final String SHOP_AVERAGE_ORDER = "margin.averageOrderValue";
    static final String SHOP_PURCHASES_PER_YEAR = "margin.purchasesPerYear";
    static final String CLV_SAMPLED = "clv.sampled";
    static final String CLV_MEAN = "clv.mean";
    static final String CLV_MEDIAN = "clv.median";
    static final String CLV_P90 = "clv.p90";
    static final String CLV_EDGES = "clv.histogram.edges";
    static final String CLV_COUNTS = "clv.histogram.counts";
    static final String FIT_MILLIS = "fit.millis";
    static final String READ_MILLIS = "fit.millis.read";
    static final String BGNBD_MILLIS = "fit.millis.bgnbd";
    static final String GG_MILLIS = "fit.millis.gammaGamma";
    static final String DISTRIBUTION_MILLIS = "fit.millis.distribution";

    static final String BGNBD = "bgnbd";
    static final String GG = "gg";

    private static final int LAYOUT_VERSION = 1;

    /**
     * One fitted sub-model (BG/NBD or Gamma-Gamma): its status, its parameters by name (empty when
     * it was not fitted) and how the fit went.
     *
     * @param status {@code fitted}, or why it was not fitted or is not used
     * @param usable whether scoring may use it (it converged to finite, meaningful parameters)
     * @param parameters parameter names and values, in model order (r, alpha, a, b or p, q, gamma)
     */
    record Fit(String status, boolean usable, List<String> names, double[] parameters, double logLikelihood,
               int customers, int evaluations, int iterations, boolean converged, double gradient) {

        static Fit notFitted(String why) {
            return new Fit(why, false, List.of(), new double[0], Double.NaN, 0, 0, 0, false, Double.NaN);
        }

        boolean attempted() {
            return parameters.length > 0;
        }

        double parameter(String name) {
            int i = names.indexOf(name);
            return i < 0 ? Double.NaN : parameters[i];
        }
    }

    /** The CLV distribution of a sample of customers at fit time, for the model page. */
    record Distribution(int sampled, double mean, double median, double p90, double[] edges, double[] counts) {
        static final Distribution NONE = new Distribution(0, 0, 0, 0, new double[0], new double[0]);
    }

    /** Milliseconds spent reading the population, in each fit and on the distribution. */
    record Timings(long total, long read, long bgnbd, long gammaGamma, long distribution) {
        static final Timings NONE = new Timings(0, 0, 0, 0, 0);
    }

    final Method method;
    final String fallback;
    final List<String> warnings;
    final ClvSettings settings;
    final LocalDate asOf;
    final String currency;
    final int customers;
    final int buyers;
    final Fit bgnbd;
    final int repeatCustomers;
    final int distinctTriples;
    final Fit gammaGamma;
    final double correlation;
    final double shopAverageOrder;
    final double shopPurchasesPerYear;
    final Distribution distribution;
    final Timings timings;

    ClvModel(Method method, String fallback, List<String> warnings, ClvSettings settings, LocalDate asOf, String currency,
             int customers, int buyers, Fit bgnbd, int repeatCustomers, int distinctTriples, Fit gammaGamma,
             double correlation, double shopAverageOrder, double shopPurchasesPerYear, Distribution distribution,
             Timings timings) {
        if (method == Method.PROBABILISTIC && !(bgnbd.usable() && gammaGamma.usable())) {
            throw new IllegalArgumentException("the probabilistic method needs usable BG/NBD and Gamma-Gamma fits");
        }
        this.method = method;
        this.fallback = fallback;
        this.warnings = List.copyOf(warnings);
        this.settings = settings;
        this.asOf = asOf;
        this.currency = currency;
        this.customers = customers;
        this.buyers = buyers;
        this.bgnbd = bgnbd;
        this.repeatCustomers = repeatCustomers;
        this.distinctTriples = distinctTriples;
        this.gammaGamma = gammaGamma;
        this.correlation = correlation;
        this.shopAverageOrder = shopAverageOrder;
        this.shopPurchasesPerYear = shopPurchasesPerYear;
        this.distribution = distribution;
        this.timings = timings;
    }

    ClvModel with(Distribution newDistribution, Timings newTimings) {
        return new ClvModel(method, fallback, warnings, settings, asOf, currency, customers, buyers, bgnbd, repeatCustomers,
                distinctTriples, gammaGamma, correlation, shopAverageOrder, shopPurchasesPerYear, newDistribution,
                newTimings);
    }

    /** The calibration end in force: the setting, or the as-of date. */
    LocalDate calibrationEnd() {
        return settings.calibrationEnd() == null ? asOf : settings.calibrationEnd();
    }

    FitUnit unit() {
        return settings.fitUnit();
    }

    /** The BG/NBD parameters in the fitting unit; only when the method is probabilistic. */
    BgNbd bgNbdParameters() {
        return new BgNbd(bgnbd.parameter("r"), bgnbd.parameter("alpha"), bgnbd.parameter("a"), bgnbd.parameter("b"));
    }

    GammaGamma gammaGammaParameters() {
        return new GammaGamma(gammaGamma.parameter("p"), gammaGamma.parameter("q"), gammaGamma.parameter("gamma"));
    }

    /** The score name of the expected purchases, e.g. {@code expected_purchases_365d}. */
    String expectedPurchasesName() {
        return "expected_purchases_" + settings.horizonDays() + "d";
    }

    /** The host's form of this model. */
    Model toModel() {
        Model.Builder b = Model.builder()
                .number(VERSION, LAYOUT_VERSION)
                .text(METHOD, method.settingValue())
                .text(UNIT, settings.fitUnit().settingValue())
                .text(AS_OF, asOf.toString())
                .text(CALIBRATION_END, calibrationEnd().toString())
                .text(CURRENCY, currency)
                .text(REQUESTED_METHOD, settings.method().settingValue())
                .number(MARGIN_PERCENT, settings.marginPercent())
                .number(DISCOUNT_RATE_PERCENT, settings.discountRatePercent())
                .number(HORIZON_DAYS, settings.horizonDays())
                .number(LIFESPAN_YEARS, settings.lifespanYears())
                .number(CORRELATION_WARNING, settings.correlationWarning())
                .number(CUSTOMERS, customers)
                .number(BUYERS, buyers)
                .number(BGNBD + ".repeatCustomers", repeatCustomers)
                .number(BGNBD + ".distinctTriples", distinctTriples)
                .number(SHOP_AVERAGE_ORDER, shopAverageOrder)
                .number(SHOP_PURCHASES_PER_YEAR, shopPurchasesPerYear)
                .number(CLV_SAMPLED, distribution.sampled())
                .number(CLV_MEAN, distribution.mean())
                .number(CLV_MEDIAN, distribution.median())
                .number(CLV_P90, distribution.p90())
                .array(CLV_EDGES, distribution.edges())
                .array(CLV_COUNTS, distribution.counts())
                .number(FIT_MILLIS, timings.total())
                .number(READ_MILLIS, timings.read())
                .number(BGNBD_MILLIS, timings.bgnbd())
                .number(GG_MILLIS, timings.gammaGamma())
                .number(DISTRIBUTION_MILLIS, timings.distribution());
        if (fallback != null) {
            b.text(FALLBACK, fallback);
        }
        if (!warnings.isEmpty()) {
            b.text(WARNINGS, String.join("\n", warnings));
        }
        if (Double.isFinite(correlation)) {
            b.number(GG + ".correlation", correlation);
        }
        write(b, BGNBD, bgnbd);
        write(b, GG, gammaGamma);
        if (gammaGamma.attempted() && gammaGamma.parameter("q") > 1) {
            b.number(GG + ".meanOrderValue", gammaGammaParameters().meanOrderValue());
        }
        return b.build();
    }

    private static void write(Model.Builder b, String prefix, Fit fit) {
        b.text(prefix + ".status", fit.status());
        b.number(prefix + ".usable", fit.usable() ? 1 : 0);
        if (!fit.attempted()) {
            return;
        }
        for (int i = 0; i < fit.names().size(); i++) {
            b.number(prefix + "." + fit.names().get(i), fit.parameters()[i]);
        }
        b.number(prefix + ".logLikelihood", fit.logLikelihood())
                .number(prefix + ".customers", fit.customers())
                .number(prefix + ".evaluations", fit.evaluations())
                .number(prefix + ".iterations", fit.iterations())
                .number(prefix + ".converged", fit.converged() ? 1 : 0);
        if (Double.isFinite(fit.gradient())) {
            b.number(prefix + ".gradient", fit.gradient());
        }
    }

    /**
     * Reads a model written by {@link #toModel}.
     *
     * @throws PatronPluginException if an entry is missing or has the wrong shape, e.g. a model
     *     stored by another layout version; a full scoring run writes a fresh one
     */
    static ClvModel from(Model model) {
        Double version = model.number(VERSION);
        if (version == null || version != LAYOUT_VERSION) {
            throw damaged("has layout version " + version + " instead of " + LAYOUT_VERSION);
        }
        Method method = Method.fromSetting(text(model, METHOD));
        FitUnit unit = FitUnit.fromSetting(text(model, UNIT));
        LocalDate asOf = date(model, AS_OF);
        LocalDate end = date(model, CALIBRATION_END);
        ClvSettings settings = new ClvSettings(Method.fromSetting(text(model, REQUESTED_METHOD)),
                number(model, MARGIN_PERCENT), number(model, DISCOUNT_RATE_PERCENT), (int) number(model, HORIZON_DAYS),
                number(model, LIFESPAN_YEARS), unit, end.equals(asOf) ? null : end, number(model, CORRELATION_WARNING));
        String warnings = model.text(WARNINGS);
        List<String> warningList = warnings == null || warnings.isEmpty() ? List.of() : List.of(warnings.split("\n"));
        double[] edges = model.array(CLV_EDGES);
        double[] counts = model.array(CLV_COUNTS);
        Distribution distribution = new Distribution((int) optional(model, CLV_SAMPLED, 0), optional(model, CLV_MEAN, 0),
                optional(model, CLV_MEDIAN, 0), optional(model, CLV_P90, 0), edges == null ? new double[0] : edges,
                counts == null ? new double[0] : counts);
        Timings timings = new Timings((long) optional(model, FIT_MILLIS, 0), (long) optional(model, READ_MILLIS, 0),
                (long) optional(model, BGNBD_MILLIS, 0), (long) optional(model, GG_MILLIS, 0),
                (long) optional(model, DISTRIBUTION_MILLIS, 0));
        try {
            return new ClvModel(method, model.text(FALLBACK), warningList, settings, asOf,
                    model.text(CURRENCY) == null ? "" : model.text(CURRENCY),
                    (int) optional(model, CUSTOMERS, 0), (int) optional(model, BUYERS, 0),
                    fit(model, BGNBD, List.of("r", "alpha", "a", "b")),
                    (int) optional(model, BGNBD + ".repeatCustomers", 0), (int) optional(model, BGNBD + ".distinctTriples", 0),
                    fit(model, GG, List.of("p", "q", "gamma")), optional(model, GG + ".correlation", Double.NaN),
                    optional(model, SHOP_AVERAGE_ORDER, 0), optional(model, SHOP_PURCHASES_PER_YEAR, 0), distribution,
                    timings);
        } catch (IllegalArgumentException e) {
            throw damaged("is inconsistent (" + e.getMessage() + ")");
        }
    }

    private static Fit fit(Model model, String prefix, List<String> names) {
        String status = text(model, prefix + ".status");
        boolean usable = optional(model, prefix + ".usable", 0) == 1;
        double[] parameters = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Double value = model.number(prefix + "." + names.get(i));
            if (value == null) {
                if (usable) {
                    throw damaged("has no number '" + prefix + "." + names.get(i) + "'");
                }
                return Fit.notFitted(status);
            }
            parameters[i] = value;
        }
        return new Fit(status, usable, names, parameters, optional(model, prefix + ".logLikelihood", Double.NaN),
                (int) optional(model, prefix + ".customers", 0), (int) optional(model, prefix + ".evaluations", 0),
                (int) optional(model, prefix + ".iterations", 0), optional(model, prefix + ".converged", 0) == 1,
                optional(model, prefix + ".gradient", Double.NaN));
    }

    private static double number(Model model, String key) {
        Double value = model.number(key);
        if (value == null) {
            throw damaged("has no number '" + key + "'");
        }
        return value;
    }

    private static double optional(Model model, String key, double otherwise) {
        Double value = model.number(key);
        return value == null ? otherwise : value;
    }

    private static String text(Model model, String key) {
        String value = model.text(key);
        if (value == null) {
            throw damaged("has no text '" + key + "'");
        }
        return value;
    }

    private static LocalDate date(Model model, String key) {
        try {
            return LocalDate.parse(text(model, key));
        } catch (DateTimeParseException e) {
            throw damaged("has text '" + key + "' that is not a date");
        }
    }

    private static PatronPluginException damaged(String problem) {
        return new PatronPluginException("the stored CLV model " + problem
                + "; run a full scoring run so the clv plugin fits a new model");
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("method=" + method.settingValue());
        if (bgnbd.attempted()) {
            parts.add("bgnbd=" + bgnbd.names() + Arrays.toString(bgnbd.parameters()));
        }
        if (gammaGamma.attempted()) {
            parts.add("gg=" + gammaGamma.names() + Arrays.toString(gammaGamma.parameters()));
        }
        if (fallback != null) {
            parts.add("fallback=" + fallback);
        }
        return "ClvModel{" + String.join(", ", parts) + "}";
    }
}
