package dev.patron.bench;

/**
 * What a load generator measured against one URL.
 *
 * @param errors responses other than 2xx/3xx, plus socket errors
 */
record LoadResult(double requestsPerSecond, double p50Ms, double p99Ms, long requests, long errors) {
}
