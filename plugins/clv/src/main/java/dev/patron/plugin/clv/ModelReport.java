package dev.patron.plugin.clv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/v1/plugins/clv/model}: both fitted models, how they were fitted and
 * what is in force. As everywhere in the HTTP API, money is a decimal string in major units of
 * the shop currency ({@code "35.17"}); model parameters (gamma included) and log-likelihoods are
 * plain numbers.
 */
final class ModelReport {

    private ModelReport() {
    }

    static Map<String, Object> json(StoredModels.Stored stored, Decimals money) {
        ClvModel m = stored.model();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", stored.runId());
        body.put("asOf", stored.asOf());
        body.put("fittedAt", stored.fittedAt().toString());
        body.put("method", m.method.settingValue());
        body.put("requestedMethod", m.settings.method().settingValue());
        body.put("fallback", m.fallback);
        body.put("unit", m.unit().settingValue());
        body.put("calibrationEnd", m.calibrationEnd().toString());
        body.put("currency", m.currency);
        body.put("customers", m.customers);
        body.put("buyers", m.buyers);
        body.put("warnings", m.warnings);
        Map<String, Object> bgnbd = fit(m.bgnbd);
        bgnbd.put("repeatCustomers", m.repeatCustomers);
        bgnbd.put("distinctTriples", m.distinctTriples);
        body.put("bgnbd", bgnbd);
        Map<String, Object> gg = fit(m.gammaGamma);
        gg.put("correlation", finite(m.correlation));
        gg.put("meanOrderValue", m.gammaGamma.attempted() && m.gammaGamma.parameter("q") > 1
                ? money.plainMoney(m.gammaGammaParameters().meanOrderValue()) : null);
        body.put("gammaGamma", gg);
        Map<String, Object> margin = new LinkedHashMap<>();
        margin.put("averageOrderValue", money.plainMoney(m.shopAverageOrder));
        margin.put("purchasesPerYear", m.shopPurchasesPerYear);
        body.put("margin", margin);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(ClvSettings.METHOD, m.settings.method().settingValue());
        settings.put(ClvSettings.MARGIN_PERCENT, m.settings.marginPercent());
        settings.put(ClvSettings.DISCOUNT_RATE_PERCENT, m.settings.discountRatePercent());
        settings.put(ClvSettings.HORIZON_DAYS, m.settings.horizonDays());
        settings.put(ClvSettings.LIFESPAN_YEARS, m.settings.lifespanYears());
        settings.put(ClvSettings.FIT_UNIT, m.unit().settingValue());
        settings.put(ClvSettings.CALIBRATION_END, m.settings.calibrationEnd() == null ? null : m.settings.calibrationEnd().toString());
        settings.put(ClvSettings.CORRELATION_WARNING, m.settings.correlationWarning());
        body.put("settings", settings);
        body.put("clvDistribution", distribution(m.distribution, money));
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("total", m.timings.total());
        timings.put("read", m.timings.read());
        timings.put("bgnbd", m.timings.bgnbd());
        timings.put("gammaGamma", m.timings.gammaGamma());
        timings.put("distribution", m.timings.distribution());
        body.put("fitMillis", timings);
        return body;
    }

    private static Map<String, Object> fit(ClvModel.Fit fit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", fit.status());
        json.put("used", fit.usable());
        if (!fit.attempted()) {
            json.put("parameters", null);
            return json;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < fit.names().size(); i++) {
            parameters.put(fit.names().get(i), fit.parameters()[i]);
        }
        json.put("parameters", parameters);
        json.put("logLikelihood", finite(fit.logLikelihood()));
        json.put("customers", fit.customers());
        json.put("converged", fit.converged());
        json.put("iterations", fit.iterations());
        json.put("evaluations", fit.evaluations());
        json.put("gradient", finite(fit.gradient()));
        return json;
    }

    private static Map<String, Object> distribution(ClvModel.Distribution d, Decimals money) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sampled", d.sampled());
        json.put("mean", money.plainMoney(d.mean()));
        json.put("median", money.plainMoney(d.median()));
        json.put("p90", money.plainMoney(d.p90()));
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int i = 0; i < d.counts().length; i++) {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("from", money.plainMoney(d.edges()[i]));
            bin.put("to", i == d.counts().length - 1 ? null : money.plainMoney(d.edges()[i + 1]));
            bin.put("count", (long) d.counts()[i]);
            bins.add(bin);
        }
        json.put("bins", bins);
        return json;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
