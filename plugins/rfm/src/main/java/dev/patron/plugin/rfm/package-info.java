/**
 * The RFM plugin: recency, frequency and monetary quintile scores, a named segment for every
 * R/F/M combination, and a value tier (customer pyramid) by spend.
 *
 * <p>{@link dev.patron.plugin.rfm.RfmScorer#fit} ranks every customer with at least one order and
 * keeps only what scoring needs in the model: four cut points per dimension, the number of
 * customers per score (for honest wording), the tier thresholds, the monetary mode and the
 * segment table. {@link dev.patron.plugin.rfm.RfmScorer#score} then needs nothing but one
 * customer and that model, which is what lets the host re-score a customer right after a new
 * order without ranking the whole population again.
 */
package dev.patron.plugin.rfm;
