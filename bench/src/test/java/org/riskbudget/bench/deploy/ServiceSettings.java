package org.riskbudget.bench.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service can be configured with, read from its sources rather than written down again here: the keys of
 * its {@code application*.yml}, the components of its {@code @ConfigurationProperties} records (kebab-case under the
 * record's prefix), the keys of its {@code @Value("${...}")} placeholders, and the prefixes bound to a bean as a
 * whole ({@code @ConfigurationProperties} on a {@code @Bean} method or a class with setters).
 *
 * @param name           the module, e.g. {@code ledger-service}
 * @param serverPort     {@code server.port} from its application.yml
 * @param properties     every property name it knows exactly
 * @param boundPrefixes  prefixes (ending in '.') under which any property binds to a bean
 */
record ServiceSettings(String name, int serverPort, Set<String> properties, Set<String> boundPrefixes) {

    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");
    private static final Pattern RECORD_AFTER_ANNOTATIONS = Pattern.compile(
            "^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:(?:public|protected|private|final|static)\\s+)*record\\s+\\w+\\s*\\(");
    private static final Pattern VALUE_PLACEHOLDER = Pattern.compile("@Value\\(\"\\$\\{([^:}]+)[:}]");
    private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\((?:[^()]|\\([^()]*\\))*\\))?");
    /** Component types that bind from one value; any other type binds a nested group under the component's name. */
    private static final Set<String> SCALARS = Set.of("String", "int", "Integer", "long", "Long", "short", "Short",
            "boolean", "Boolean", "double", "Double", "Duration", "Path", "URI", "DataSize", "Charset");

    // After the patterns: static fields initialise in order, and reading a service uses them.
    static final ServiceSettings LEDGER = read("ledger-service");
    static final ServiceSettings PROJECTION = read("projection-service");
    static final List<ServiceSettings> BOTH = List.of(LEDGER, PROJECTION);

    static ServiceSettings of(String name) {
        return BOTH.stream().filter(service -> service.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    static ServiceSettings read(String module) {
        Path main = Repository.ROOT.resolve(module).resolve("src/main");
        Set<String> properties = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        Map<String, Object> application = null;
        for (Path yml : Repository.files(main.resolve("resources"), ".yml", ".yaml")) {
            if (!yml.getFileName().toString().startsWith("application")) {
                continue;
            }
            for (Object document : Repository.yamlDocuments(yml)) {
                flatten("", Repository.map(document, yml.toString()), properties);
                if (yml.getFileName().toString().matches("application\\.ya?ml")) {
                    application = Repository.map(document, yml.toString());
                }
            }
        }
        // A service reads its own settings and those of the platform module every service is built on.
        for (Path sources : List.of(main.resolve("java"), Repository.ROOT.resolve("platform/src/main/java"))) {
            for (Path source : Repository.files(sources, ".java")) {
                readSource(Repository.read(source), properties, prefixes);
            }
        }
        if (application == null) {
            throw new IllegalStateException(module + " has no application.yml");
        }
        Object port = Repository.path(application, "server").get("port");
        if (!(port instanceof Integer serverPort)) {
            throw new IllegalStateException(module + "'s application.yml sets no numeric server.port");
        }
        return new ServiceSettings(module, serverPort, Set.copyOf(properties), Set.copyOf(prefixes));
    }

    /** Records the properties and bound prefixes one Java source file declares. */
    static void readSource(String source, Set<String> properties, Set<String> prefixes) {
        Matcher annotation = CONFIGURATION_PROPERTIES.matcher(source);
        while (annotation.find()) {
            String prefix = annotation.group(1);
            String rest = source.substring(annotation.end());
            Matcher record = RECORD_AFTER_ANNOTATIONS.matcher(rest);
            if (record.find()) {
                String components = rest.substring(record.end(), closingParenthesis(rest, record.end() - 1));
                for (String component : splitTopLevel(components)) {
                    String declaration = ANNOTATION.matcher(component).replaceAll(" ").strip();
                    String[] tokens = declaration.split("\\s+");
                    String type = tokens[tokens.length - 2].replaceAll("<.*", "");
                    String property = prefix + "." + kebab(tokens[tokens.length - 1]);
                    properties.add(property);
                    if (!SCALARS.contains(type)) {
                        prefixes.add(property + ".");
                    }
                }
            } else {
                // On a @Bean method or a JavaBean: every property under the prefix binds to its setters.
                prefixes.add(prefix + ".");
            }
        }
        Matcher value = VALUE_PLACEHOLDER.matcher(source);
        while (value.find()) {
            properties.add(value.group(1).strip());
        }
    }

    /** {@code snapshotEveryEvents} → {@code snapshot-every-events}, as Spring names record components. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static void flatten(String prefix, Map<String, Object> node, Set<String> into) {
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?>) {
                flatten(key, Repository.map(entry.getValue(), key), into);
            } else {
                into.add(key); // only leaves: a group such as spring.kafka cannot be set from one variable
            }
        }
    }

    private static int closingParenthesis(String text, int opening) {
        int depth = 0;
        for (int i = opening; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced parentheses after " + text.substring(0, Math.min(80, text.length())));
    }

    /** Splits record components on commas outside parentheses and generics. */
    private static List<String> splitTopLevel(String components) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < components.length(); i++) {
            char c = components.charAt(i);
            if (c == '"' && (i == 0 || components.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '<')) {
                depth++;
            } else if (!quoted && (c == ')' || c == '>')) {
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                parts.add(components.substring(start, i));
                start = i + 1;
            }
        }
        if (!components.isBlank()) {
            parts.add(components.substring(start));
        }
        return parts;
    }
}
