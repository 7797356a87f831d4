package io.etlfleet.storage.flows;

/** A value that does not fit its column; the message says why, without naming the mapping. */
final class ValueRefused extends Exception {

    ValueRefused(String message) {
        super(message, null, false, false);
    }
}
