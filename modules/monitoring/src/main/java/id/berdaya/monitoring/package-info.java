/**
 * Monitoring (pemantauan): the visits scheduled from each handover, what became of the goods
 * (asset ledger), reintegration and its risk flags, the outcome at 12 months, and the province's
 * picture (scorecards, map, charts, reports). Feature packages below this one; tables
 * {@code monitoring_*}.
 */
package id.berdaya.monitoring;
