package org.riskbudget.bench.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana variable query) reads. Not a parser: it removes what cannot be a
 * metric name (strings, label matchers, ranges, grouping labels, Grafana variables, numbers and durations), then
 * every remaining identifier that is not a function, an aggregator or a keyword is a metric name. That is enough
 * for the expressions a dashboard and alert rules hold, and errs towards reporting a name, never towards missing one.
 */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?\\w+(?::\\w+)?}?");
    /** Grafana's {@code label_values(metric, label)}: only the first argument is a metric. */
    private static final Pattern LABEL_VALUES = Pattern.compile("\\blabel_values\\(\\s*([^,()]*?)\\s*(?:,\\s*\\w+\\s*)?\\)");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[a-zA-Z]*)|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan", "Inf", "NaN");

    private PromQl() {}

    static Set<String> metricNames(String expression) {
        String text = STRING.matcher(expression).replaceAll(" ");
        text = LABEL_VALUES.matcher(text).replaceAll(" $1 ");
        text = LABEL_MATCHERS.matcher(text).replaceAll(" ");
        text = RANGE.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        text = GRAFANA_VARIABLE.matcher(text).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String name = token.group("name");
            if (name == null || KEYWORDS.contains(name) || followedByParenthesis(text, token.end())) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static boolean followedByParenthesis(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '(';
            }
        }
        return false;
    }
}
