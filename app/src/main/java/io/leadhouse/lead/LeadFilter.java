package io.leadhouse.lead;

import io.leadhouse.support.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which leads a list shows: each present value must match, all combined with AND. The dates are
 * whole days in UTC, both inclusive: {@code createdTo=2026-03-01} includes leads created on that day.
 *
 * @param source how the lead came in, one of {@link #SOURCES}
 * @param stage the pipeline stage, one of {@link #STAGES}
 * @param status one of {@link #STATUSES}
 * @param createdFrom the first UTC day a lead may have been created on
 * @param createdTo the last UTC day a lead may have been created on
 */
public record LeadFilter(Optional<String> source, Optional<String> stage, Optional<String> status,
        Optional<LocalDate> createdFrom, Optional<LocalDate> createdTo) {
    /** The source kinds a lead can have. */
    public static final List<String> SOURCES = List.of("manual", "meta");
    /** The stages a lead can be in; every lead starts in {@code new} until pipelines can move it. */
    public static final List<String> STAGES = List.of("new");
    /** The statuses a lead can have. */
    public static final List<String> STATUSES = List.of("open", "won", "lost");
    /** The names of the filter parameters, in the order the API documents them. */
    public static final List<String> PARAMETERS = List.of("source", "stage", "status", "createdFrom", "createdTo");
    /** A filter that lets every lead through. */
    public static final LeadFilter NONE = new LeadFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /**
     * Reads and checks the filter parameters; an absent or empty value means "any".
     *
     * @param values the raw value of each parameter name, such as a query string's first value
     * @throws InvalidInputException naming the parameter and the values allowed
     */
    public static LeadFilter parse(Function<String, Optional<String>> values) {
        Optional<LocalDate> from = date(values, "createdFrom");
        Optional<LocalDate> to = date(values, "createdTo");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidInputException("createdFrom " + from.get() + " is after createdTo " + to.get()
                    + "; give a createdFrom on or before createdTo");
        }
        return new LeadFilter(oneOf(values, "source", SOURCES), oneOf(values, "stage", STAGES),
                oneOf(values, "status", STATUSES), from, to);
    }

    /** The present values by parameter name, in {@link #PARAMETERS} order; dates as ISO days. */
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        source.ifPresent(value -> parameters.put("source", value));
        stage.ifPresent(value -> parameters.put("stage", value));
        status.ifPresent(value -> parameters.put("status", value));
        createdFrom.ifPresent(value -> parameters.put("createdFrom", value.toString()));
        createdTo.ifPresent(value -> parameters.put("createdTo", value.toString()));
        return parameters;
    }

    private static Optional<String> present(Function<String, Optional<String>> values, String name) {
        return values.apply(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static Optional<String> oneOf(Function<String, Optional<String>> values, String name,
            List<String> allowed) {
        Optional<String> value = present(values, name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw new InvalidInputException(name + " is '" + printable(value.get()) + "'; use one of "
                    + String.join(", ", allowed) + " or leave it out");
        }
        return value;
    }

    private static Optional<LocalDate> date(Function<String, Optional<String>> values, String name) {
        Optional<String> value = present(values, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.get().length() != "yyyy-mm-dd".length()) {
                throw new DateTimeParseException("not a day", value.get(), 0);
            }
            return Optional.of(LocalDate.parse(value.get()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " is '" + printable(value.get())
                    + "'; use a day as YYYY-MM-DD, such as 2026-03-01, or leave it out");
        }
    }

    // Echoing what was sent helps the caller, but only as a short single line.
    private static String printable(String value) {
        String shortened = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return shortened.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
