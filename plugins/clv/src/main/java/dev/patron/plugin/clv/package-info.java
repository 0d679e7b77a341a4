/**
 * The customer lifetime value plugin: BG/NBD (Fader, Hardie and Lee 2005) for the number of
 * future purchases and the probability a customer is still active, Gamma-Gamma for the value of
 * their orders, both fitted by maximum likelihood on the population, and a margin model that is
 * always available and takes over when the data cannot support the probabilistic models.
 *
 * <p>{@link dev.patron.plugin.clv.ClvScorer#fit} aggregates the population into the sufficient
 * statistics of each likelihood (distinct (x, t_x, T) triples with counts; repeat spend grouped by
 * x), fits over log-parameters with BOBYQA (commons-math3, shaded into the jar), and keeps in
 * the model everything {@link dev.patron.plugin.clv.ClvScorer#score} needs, so a customer can be
 * re-scored after an order from the stored model alone. {@link dev.patron.plugin.clv.ClvWeb}
 * serves the latest stored model ({@code GET /api/v1/plugins/clv/model}), the model page and the
 * customer panel. See docs/clv.md.
 */
package dev.patron.plugin.clv;
