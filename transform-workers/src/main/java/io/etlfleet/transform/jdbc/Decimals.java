package io.etlfleet.transform.jdbc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lossless widening of a warehouse {@code numeric} column to fit a source decimal column that grew. */
final class Decimals {

    private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+),\\s*(\\d+)\\))?");
    private static final int MAX_PRECISION = 1000;

    private Decimals() {
    }

    /**
     * @param targetType the warehouse column's type, e.g. {@code numeric(10,2)}
     * @return the type that holds both the stored values and the source's, when that is wider than {@code targetType}
     */
    static Optional<String> widened(String targetType, SourceColumn column) {
        Matcher target = NUMERIC.matcher(targetType.trim());
        Matcher source = NUMERIC.matcher(column.pgType());
        if (!"decimal".equals(column.kind()) || !target.matches() || !source.matches() || target.group(1) == null) {
            return Optional.empty();
        }
        if (source.group(1) == null) {
            return Optional.of("numeric");
        }
        int targetScale = Integer.parseInt(target.group(2));
        int sourceScale = Integer.parseInt(source.group(2));
        int scale = Math.max(targetScale, sourceScale);
        int digits = Math.max(Integer.parseInt(target.group(1)) - targetScale, Integer.parseInt(source.group(1)) - sourceScale);
        if (digits + scale > MAX_PRECISION) {
            return Optional.of("numeric");
        }
        String wider = "numeric(" + (digits + scale) + "," + scale + ")";
        return wider.equals(targetType.replace(" ", "")) ? Optional.empty() : Optional.of(wider);
    }
}
