package dev.patron.plugin.clv;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Population;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits the CLV models on a population: one pass collects the BG/NBD triples and the Gamma-Gamma
 * spend of every customer as of the calibration end, then each model is fitted by maximum
 * likelihood, checked, and either used or replaced by the margin model with a message saying why.
 * Finally a sample of customers is valued with the result, for the model page's distribution.
 *
 * <p>The fitting unit and the calibration end are per-fit options ({@link ClvSettings#withFitOptions});
 * the scorer takes them from the settings.
 */
final class ClvFitter {

    /** Fewer customers with a purchase by the calibration end than this: the margin model. */
    static final int MIN_BUYERS = 30;
    /** Fewer customers with a repeat purchase than this: the margin model. */
    static final int MIN_REPEAT_BUYERS = 10;
    /** Fewer repeat buyers with positive repeat spend than this: no Gamma-Gamma, so the margin model. */
    static final int MIN_SPENDERS = 10;
    /** Customers valued at most for the distribution on the model page. */
    static final int DISTRIBUTION_SAMPLE = 5_000;
    static final int DISTRIBUTION_BINS = 20;

    private ClvFitter() {
    }

    /** Fits on {@code population} with {@code settings}; amounts reported in major units of a currency with that many minor units per major. */
    static ClvModel fit(Population population, ClvSettings requested, String currency, double minorPerMajor) {
        long started = System.nanoTime();
        LocalDate asOf = population.asOf();
        List<String> warnings = new ArrayList<>();
        ClvSettings settings = requested;
        if (requested.calibrationEnd() != null && requested.calibrationEnd().isAfter(asOf)) {
            warnings.add("The calibration end " + requested.calibrationEnd() + " is after the scoring date " + asOf
                    + "; the models were fitted on all orders up to " + asOf + ".");
            settings = requested.withFitOptions(requested.fitUnit(), null);
        }
        LocalDate end = settings.calibrationEnd() == null ? asOf : settings.calibrationEnd();
        long endDay = end.toEpochDay();
        FitUnit unit = settings.fitUnit();

        // One pass: triples, spend, and the shop averages of the margin model.
        PurchaseHistory history = new PurchaseHistory();
        Triples.Builder triples = new Triples.Builder();
        SpendData.Builder spend = new SpendData.Builder();
        int customers = 0;
        int zeroValueRepeaters = 0;
        double sumAverageOrder = 0;
        double sumRate = 0;
        for (CustomerSummary customer : population) {
            customers++;
            if (!customer.hasOrders() || !history.read(customer, endDay)) {
                continue;
            }
            long tDays = endDay - history.firstDay();
            triples.add(history.repeatDays(), history.lastPurchaseAfterFirstDays(), tDays);
            sumAverageOrder += history.averageNetMinor() / minorPerMajor;
            sumRate += MarginModel.purchasesPerYear(history.purchaseDays(), tDays);
            if (history.repeatDays() > 0) {
                double total = history.repeatNetMinor() / minorPerMajor;
                if (total > 0) {
                    spend.add(history.repeatDays(), total);
                } else {
                    zeroValueRepeaters++;
                }
            }
        }
        int buyers = triples.customers();
        double shopAverageOrder = buyers == 0 ? 0 : sumAverageOrder / buyers;
        double shopRate = buyers == 0 ? 0 : sumRate / buyers;
        Triples data = triples.build();
        SpendData spendData = spend.build();
        long read = System.nanoTime();

        // BG/NBD
        String fallback = null;
        ClvModel.Fit bgnbd;
        int repeatBuyers = data.repeatCustomers();
        if (buyers == 0) {
            bgnbd = ClvModel.Fit.notFitted("not fitted: no customer bought by the calibration end " + end);
        } else if (buyers < MIN_BUYERS) {
            bgnbd = ClvModel.Fit.notFitted("not fitted: only " + buyers + (buyers == 1 ? " customer" : " customers")
                    + " bought by the calibration end " + end + "; BG/NBD needs at least " + MIN_BUYERS);
        } else if (repeatBuyers == 0) {
            bgnbd = ClvModel.Fit.notFitted("not fitted: every one of the " + buyers + " customers bought on one day only"
                    + " by the calibration end " + end + ", so there is no repeat purchase to learn from");
        } else if (repeatBuyers < MIN_REPEAT_BUYERS) {
            bgnbd = ClvModel.Fit.notFitted("not fitted: only " + repeatBuyers + " of " + buyers + " customers made a repeat"
                    + " purchase by the calibration end " + end + "; BG/NBD needs at least " + MIN_REPEAT_BUYERS);
        } else if (data.observedDays() == 0) {
            bgnbd = ClvModel.Fit.notFitted("not fitted: every customer first bought on the calibration end " + end
                    + ", so no time was observed");
        } else {
            bgnbd = fitBgNbd(data, unit, warnings);
        }
        long bgnbdDone = System.nanoTime();

        // Gamma-Gamma
        ClvModel.Fit gammaGamma;
        if (zeroValueRepeaters > 0) {
            warnings.add(zeroValueRepeaters + (zeroValueRepeaters == 1 ? " customer's" : " customers'")
                    + " repeat purchases have no value net of refunds; the Gamma-Gamma model left them out.");
        }
        if (!bgnbd.usable()) {
            gammaGamma = ClvModel.Fit.notFitted("not fitted: the BG/NBD model is not available");
        } else if (spendData.customers == 0) {
            gammaGamma = ClvModel.Fit.notFitted("not fitted: no repeat purchase has a value above zero net of refunds");
        } else if (spendData.customers < MIN_SPENDERS) {
            gammaGamma = ClvModel.Fit.notFitted("not fitted: only " + spendData.customers + " customers have repeat purchases"
                    + " of positive value; Gamma-Gamma needs at least " + MIN_SPENDERS);
        } else if (spendData.variationOfMeans < 1e-9) {
            gammaGamma = ClvModel.Fit.notFitted("not fitted: every repeat buyer spent the same on average ("
                    + String.format(Locale.ROOT, "%.2f", spendData.meanOfMeans) + "), so spend cannot be modelled");
        } else {
            gammaGamma = fitGammaGamma(spendData, warnings);
        }
        double correlation = spendData.correlation;
        if (gammaGamma.attempted() && Double.isFinite(correlation) && Math.abs(correlation) > settings.correlationWarning()) {
            warnings.add(String.format(Locale.ROOT, "Spend and purchase frequency are correlated (Pearson r = %.2f over %d"
                    + " repeat buyers, above the warning threshold %s): the Gamma-Gamma model assumes they are"
                    + " independent, so expected order values may be biased.", correlation, spendData.customers,
                    ClvSettings.text(settings.correlationWarning())));
        }
        long ggDone = System.nanoTime();

        Method method = settings.method();
        if (method == Method.PROBABILISTIC && !(bgnbd.usable() && gammaGamma.usable())) {
            method = Method.MARGIN;
            fallback = !bgnbd.usable() ? "BG/NBD " + bgnbd.status() : "Gamma-Gamma " + gammaGamma.status();
        }
        ClvModel model = new ClvModel(method, fallback, warnings, settings, asOf, currency, customers, buyers, bgnbd,
                repeatBuyers, data.size(), gammaGamma, correlation, shopAverageOrder, shopRate,
                ClvModel.Distribution.NONE, ClvModel.Timings.NONE);

        ClvModel.Distribution distribution = distribution(population, new ClvEngine(model, minorPerMajor));
        long done = System.nanoTime();
        return model.with(distribution, new ClvModel.Timings(millis(started, done), millis(started, read),
                millis(read, bgnbdDone), millis(bgnbdDone, ggDone), millis(ggDone, done)));
    }

    private static ClvModel.Fit fitBgNbd(Triples data, FitUnit unit, List<String> warnings) {
        BgNbdLikelihood likelihood = new BgNbdLikelihood(data, unit);
        LogSpaceMaximizer.Result result = LogSpaceMaximizer.maximize(
                v -> likelihood.logLikelihood(v[0], v[1], v[2], v[3]), bgNbdStart(data, unit));
        double[] v = result.parameters();
        boolean finite = Double.isFinite(result.logLikelihood()) && Arrays.stream(v).allMatch(Double::isFinite);
        String status;
        boolean usable = false;
        if (!finite) {
            status = "not used: the log-likelihood is not finite at the best point found";
        } else if (!result.converged()) {
            status = "not used: the fit did not converge after " + result.evaluations() + " evaluations (largest gradient "
                    + String.format(Locale.ROOT, "%.3g", result.gradient()) + ")";
        } else {
            status = "fitted";
            usable = true;
            if (result.atBound()) {
                warnings.add(String.format(Locale.ROOT, "A BG/NBD parameter ran to the edge of its search range (r = %.4g,"
                        + " alpha = %.4g, a = %.4g, b = %.4g): the data say little about it, for example almost no"
                        + " customer seems to stop buying.", v[0], v[1], v[2], v[3]));
            }
        }
        return new ClvModel.Fit(status, usable, List.of("r", "alpha", "a", "b"), v, result.logLikelihood(), data.customers,
                result.evaluations(), result.iterations(), result.converged(), result.gradient());
    }

    /**
     * Starting values: r = 1 and alpha so that the mean purchase rate r/alpha equals the observed
     * repeat purchases per unit of observed time (this puts alpha on the scale of the fitting
     * unit); a = 1 and b = 3, a mean dropout probability of 1/4 per repeat purchase.
     */
    static double[] bgNbdStart(Triples data, FitUnit unit) {
        double rate = data.repeatPurchases() / unit.fromDays(data.observedDays());
        return new double[] {1, 1 / rate, 1, 3};
    }

    private static ClvModel.Fit fitGammaGamma(SpendData data, List<String> warnings) {
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(data);
        LogSpaceMaximizer.Result result = LogSpaceMaximizer.maximize(
                v -> likelihood.logLikelihood(v[0], v[1], v[2]), gammaGammaStart(data));
        double[] v = result.parameters();
        boolean finite = Double.isFinite(result.logLikelihood()) && Arrays.stream(v).allMatch(Double::isFinite);
        String status;
        boolean usable = false;
        if (!finite) {
            status = "not used: the log-likelihood is not finite at the best point found";
        } else if (!result.converged()) {
            status = "not used: the fit did not converge after " + result.evaluations() + " evaluations (largest gradient "
                    + String.format(Locale.ROOT, "%.3g", result.gradient()) + ")";
        } else if (v[1] <= 1) {
            status = String.format(Locale.ROOT, "not used: q = %.4g is at most 1, so the mean order value p*gamma/(q-1) of"
                    + " a customer without repeat purchases does not exist (spend is too heavy-tailed)", v[1]);
        } else {
            status = "fitted";
            usable = true;
            if (result.atBound()) {
                warnings.add(String.format(Locale.ROOT, "A Gamma-Gamma parameter ran to the edge of its search range (p ="
                        + " %.4g, q = %.4g, gamma = %.4g): customers' average spend hardly varies.", v[0], v[1], v[2]));
            }
        }
        return new ClvModel.Fit(status, usable, List.of("p", "q", "gamma"), v, result.logLikelihood(), data.customers,
                result.evaluations(), result.iterations(), result.converged(), result.gradient());
    }

    /**
     * Starting values: p = 2, q = 3 and gamma so that the model's mean order value p*gamma/(q-1)
     * equals the mean of the customers' average repeat spend (gamma is then on the scale of the
     * currency).
     */
    static double[] gammaGammaStart(SpendData data) {
        double p = 2;
        double q = 3;
        return new double[] {p, q, data.meanOfMeans * (q - 1) / p};
    }

    /** Values every k-th customer with orders (at most {@value #DISTRIBUTION_SAMPLE}) and bins their CLV. */
    private static ClvModel.Distribution distribution(Population population, ClvEngine engine) {
        int buyers = 0;
        for (CustomerSummary customer : population) {
            if (customer.hasOrders()) {
                buyers++;
            }
        }
        if (buyers == 0) {
            return ClvModel.Distribution.NONE;
        }
        int step = (buyers + DISTRIBUTION_SAMPLE - 1) / DISTRIBUTION_SAMPLE;
        double[] values = new double[(buyers + step - 1) / step];
        PurchaseHistory history = new PurchaseHistory();
        int seen = 0;
        int n = 0;
        for (CustomerSummary customer : population) {
            if (!customer.hasOrders()) {
                continue;
            }
            if (seen++ % step == 0 && n < values.length) {
                ClvEngine.Value value = engine.value(customer, history);
                if (value != null) {
                    values[n++] = value.clv();
                }
            }
        }
        return histogram(Arrays.copyOf(values, n));
    }

    /**
     * Bins values into {@value #DISTRIBUTION_BINS} equal bins from 0 up to about the 95th
     * percentile (CLV is strongly skewed: a few customers hold much of the value, and bins up to the
     * maximum would put nearly everyone in the first); the last bin takes everything above.
     */
    static ClvModel.Distribution histogram(double[] values) {
        int n = values.length;
        if (n == 0) {
            return ClvModel.Distribution.NONE;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        double p90 = sorted[(int) Math.ceil(0.9 * n) - 1];
        double top = sorted[(int) Math.ceil(0.95 * n) - 1];
        if (!(top > 0)) {
            top = sorted[n - 1] > 0 ? sorted[n - 1] : 1;
        }
        double width = niceWidth(top / DISTRIBUTION_BINS);
        double[] edges = new double[DISTRIBUTION_BINS + 1];
        for (int i = 0; i <= DISTRIBUTION_BINS; i++) {
            edges[i] = i * width;
        }
        double[] counts = new double[DISTRIBUTION_BINS];
        for (double v : sorted) {
            int bin = (int) Math.floor(Math.max(0, v) / width);
            counts[Math.min(bin, DISTRIBUTION_BINS - 1)]++;
        }
        return new ClvModel.Distribution(n, sum / n, median, p90, edges, counts);
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten at least {@code raw}, so bin edges read well. */
    static double niceWidth(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= raw * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
