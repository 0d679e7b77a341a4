/**
 * The lead qualification plugin: sorts prospects for sales follow-up by the MAN rule (Money,
 * Authority, Need), or optionally BANT (adding Timeline), and keeps a follow-up pipeline.
 *
 * <p>{@link dev.patron.plugin.lead.Qualifier} is the rule itself, a pure function of a
 * customer's profile attributes, the scoring date and whether the customer has bought.
 * {@link dev.patron.plugin.lead.LeadScorer} publishes its result as scores ({@code class},
 * {@code combination}, {@code priority} and one score per criterion), with the settings in force
 * at the last full run frozen in the model. {@link dev.patron.plugin.lead.ConversionHandler}
 * marks a lead converted inside the transaction of its first order, and
 * {@link dev.patron.plugin.lead.LeadWeb} serves the follow-up queue, status changes, the pipeline
 * page and the customer panel.
 */
package dev.patron.plugin.lead;
