package dev.patron.api.web;

/** Handles one plugin REST route. Runs on a worker thread under a time limit; may block on the store. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);
}
