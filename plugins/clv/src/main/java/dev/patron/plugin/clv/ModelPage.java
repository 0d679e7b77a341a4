package dev.patron.plugin.clv;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the console's model page ({@code templates/clv/model.ftlh}): both fits, their
 * convergence, warnings, the settings in force and the CLV distribution as the geometry of a
 * server-rendered SVG histogram. Every number is formatted here, so the template only places text.
 */
final class ModelPage {

    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 240;
    static final int PLOT_LEFT = 48;
    static final int PLOT_RIGHT = 12;
    static final int PLOT_TOP = 12;
    static final int PLOT_BOTTOM = 36;

    private ModelPage() {
    }

    static Map<String, Object> view(Optional<StoredModels.Stored> latest, Decimals decimals, ZoneId zone) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("fitted", latest.isPresent());
        if (latest.isEmpty()) {
            return view;
        }
        StoredModels.Stored stored = latest.get();
        ClvModel m = stored.model();
        view.put("method", m.method.settingValue());
        view.put("fallback", m.fallback == null ? "" : m.fallback);
        view.put("warnings", m.warnings);
        view.put("asOf", stored.asOf());
        view.put("calibrationEnd", m.calibrationEnd().toString());
        view.put("unit", m.unit().settingValue());
        view.put("fittedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(stored.fittedAt().atZone(zone)));
        view.put("runId", stored.runId());
        view.put("customers", Decimals.fixed(m.customers, 0));
        view.put("buyers", Decimals.fixed(m.buyers, 0));
        view.put("currency", m.currency);
        view.put("fitMillis", Decimals.fixed(m.timings.total(), 0));

        Map<String, Object> bgnbd = fit(m.bgnbd);
        bgnbd.put("repeatCustomers", Decimals.fixed(m.repeatCustomers, 0));
        bgnbd.put("distinctTriples", Decimals.fixed(m.distinctTriples, 0));
        view.put("bgnbd", bgnbd);
        Map<String, Object> gg = fit(m.gammaGamma);
        gg.put("correlation", Double.isFinite(m.correlation) ? Decimals.fixed(m.correlation, 3) : "—");
        gg.put("meanOrderValue", m.gammaGamma.attempted() && m.gammaGamma.parameter("q") > 1
                ? decimals.money(m.gammaGammaParameters().meanOrderValue()) : "—");
        view.put("gg", gg);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("method", m.settings.method().settingValue());
        settings.put("margin", Decimals.percent(m.settings.marginPercent()) + "%");
        settings.put("discount", Decimals.percent(m.settings.discountRatePercent()) + "%");
        settings.put("horizon", Decimals.fixed(m.settings.horizonDays(), 0));
        settings.put("lifespan", ClvSettings.text(m.settings.lifespanYears()));
        settings.put("correlationWarning", ClvSettings.text(m.settings.correlationWarning()));
        settings.put("shopAverageOrder", decimals.money(m.shopAverageOrder));
        settings.put("shopPurchasesPerYear", Decimals.fixed(m.shopPurchasesPerYear, 2));
        view.put("settings", settings);
        view.put("chart", chart(m.distribution, decimals));
        return view;
    }

    private static Map<String, Object> fit(ClvModel.Fit fit) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", fit.status());
        view.put("used", fit.usable());
        view.put("attempted", fit.attempted());
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < fit.names().size(); i++) {
            parameters.add(Map.of("name", fit.names().get(i), "value", significant(fit.parameters()[i])));
        }
        view.put("parameters", parameters);
        view.put("logLikelihood", Double.isFinite(fit.logLikelihood()) ? Decimals.fixed(fit.logLikelihood(), 3) : "—");
        view.put("customers", Decimals.fixed(fit.customers(), 0));
        view.put("converged", fit.converged());
        view.put("iterations", Decimals.fixed(fit.iterations(), 0));
        view.put("evaluations", Decimals.fixed(fit.evaluations(), 0));
        view.put("gradient", Double.isFinite(fit.gradient()) ? String.format(Locale.ROOT, "%.2g", fit.gradient()) : "—");
        return view;
    }

    /** The histogram as SVG geometry: one bar per bin, scaled to the fullest bin, with a few axis labels. */
    static Map<String, Object> chart(ClvModel.Distribution d, Decimals decimals) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("width", CHART_WIDTH);
        chart.put("height", CHART_HEIGHT);
        int bins = d.counts().length;
        chart.put("empty", bins == 0);
        chart.put("sampled", Decimals.fixed(d.sampled(), 0));
        chart.put("mean", decimals.money(d.mean()));
        chart.put("median", decimals.money(d.median()));
        chart.put("p90", decimals.money(d.p90()));
        if (bins == 0) {
            return chart;
        }
        double plotWidth = CHART_WIDTH - PLOT_LEFT - PLOT_RIGHT;
        double plotHeight = CHART_HEIGHT - PLOT_TOP - PLOT_BOTTOM;
        double most = 1;
        for (double c : d.counts()) {
            most = Math.max(most, c);
        }
        double barWidth = plotWidth / bins;
        List<Map<String, Object>> bars = new ArrayList<>();
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            double h = plotHeight * d.counts()[i] / most;
            String from = decimals.money(d.edges()[i]);
            String range = i == bins - 1 ? from + "+" : from + " – " + decimals.money(d.edges()[i + 1]);
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("x", coordinate(PLOT_LEFT + i * barWidth + 1));
            bar.put("y", coordinate(PLOT_TOP + plotHeight - h));
            bar.put("width", coordinate(Math.max(1, barWidth - 2)));
            bar.put("height", coordinate(h));
            bar.put("range", range);
            bar.put("count", Decimals.fixed(d.counts()[i], 0));
            bars.add(bar);
            if (i % 5 == 0) {
                ticks.add(Map.of("x", coordinate(PLOT_LEFT + i * barWidth), "label", Decimals.fixed(d.edges()[i], 0)));
            }
        }
        chart.put("bars", bars);
        chart.put("ticks", ticks);
        chart.put("plotLeft", PLOT_LEFT);
        chart.put("plotRight", CHART_WIDTH - PLOT_RIGHT);
        chart.put("plotTop", PLOT_TOP);
        chart.put("baseline", coordinate(PLOT_TOP + plotHeight));
        chart.put("tickLabelY", coordinate(PLOT_TOP + plotHeight + 16));
        chart.put("axisLabelY", coordinate(CHART_HEIGHT - 4));
        chart.put("most", Decimals.fixed(most, 0));
        chart.put("mostY", coordinate(PLOT_TOP + 10));
        return chart;
    }

    /** Four significant digits, plain for ordinary magnitudes: 0.2426, 4.414, 15.44, 1234. */
    static String significant(double value) {
        if (value != 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
