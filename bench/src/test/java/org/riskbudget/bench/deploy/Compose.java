package org.riskbudget.bench.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/compose/compose.yaml as Compose would see it with no .env file: anchors and merge keys resolved, every
 * {@code ${VAR:-default}} replaced by its default.
 */
final class Compose {

    static final Path FILE = Repository.DEPLOY.resolve("compose/compose.yaml");
    static final Path DIRECTORY = FILE.getParent();

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)(?:(:?-)([^}]*))?}");

    final Map<String, Object> root;
    final Map<String, Map<String, Object>> services = new LinkedHashMap<>();

    Compose() {
        this.root = Repository.yaml(FILE);
        Repository.map(root, "services").forEach((name, service) -> services.put(name, Repository.map(service, name)));
    }

    /** The module a compose service runs, by its image's repository, or empty for infrastructure. */
    Optional<ServiceSettings> runs(String service) {
        String repository = imageRepository(Repository.string(services.get(service), "image"));
        return ServiceSettings.BOTH.stream()
                .filter(settings -> repository.equals("risk-budget-ledger/" + settings.name()))
                .findFirst();
    }

    List<String> instancesOf(ServiceSettings settings) {
        return services.keySet().stream().filter(name -> runs(name).equals(Optional.of(settings))).toList();
    }

    /** A service's environment, list or mapping form, with interpolations resolved to their defaults. */
    Map<String, String> environment(String service) {
        Object environment = services.get(service).get("environment");
        Map<String, String> resolved = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> resolved.put(String.valueOf(key),
                    value == null ? "" : interpolate(String.valueOf(value))));
        } else {
            for (Object entry : Repository.list(environment, service + ".environment")) {
                String[] pair = String.valueOf(entry).split("=", 2);
                resolved.put(pair[0], pair.length == 2 ? interpolate(pair[1]) : "");
            }
        }
        return resolved;
    }

    /** The container ports a service publishes or exposes. */
    List<Integer> containerPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        for (Object port : Repository.list(services.get(service), "ports")) {
            ports.add(port instanceof Map<?, ?> longForm
                    ? Integer.parseInt(String.valueOf(longForm.get("target")))
                    : Integer.parseInt(stripProtocol(lastColonPart(String.valueOf(port)))));
        }
        for (Object port : Repository.list(services.get(service), "expose")) {
            ports.add(Integer.parseInt(stripProtocol(String.valueOf(port))));
        }
        return ports;
    }

    /** The host side ({@code [ip:]port}) of each published port in short form. */
    List<String> hostPorts(String service) {
        List<String> hostPorts = new ArrayList<>();
        for (Object port : Repository.list(services.get(service), "ports")) {
            String text = String.valueOf(port);
            int last = text.lastIndexOf(':');
            if (last > 0) {
                hostPorts.add(text.substring(0, last));
            }
        }
        return hostPorts;
    }

    /** Every {@code ${VAR}} in the file, and whether it has a default. */
    static Map<String, Boolean> interpolatedVariables() {
        Map<String, Boolean> variables = new LinkedHashMap<>();
        Matcher matcher = INTERPOLATION.matcher(Repository.read(FILE));
        while (matcher.find()) {
            variables.merge(matcher.group(1), matcher.group(2) != null, Boolean::logicalAnd);
        }
        return variables;
    }

    static String interpolate(String value) {
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            if (matcher.group(2) == null) {
                throw new IllegalStateException("${" + matcher.group(1) + "} has no default: " + value);
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(matcher.group(3)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    static String imageRepository(String image) {
        if (image == null) {
            return "";
        }
        String withoutDigest = image.split("@", 2)[0];
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** The tag of an image reference, or null when it has none (a digest-only reference counts as pinned). */
    static String imageTag(String image) {
        String withoutDigest = image.split("@", 2)[0];
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : null;
    }

    static boolean isPinned(String image) {
        if (image == null || image.isBlank()) {
            return false;
        }
        if (image.contains("@sha256:")) {
            return true;
        }
        String tag = imageTag(image);
        return tag != null && !tag.isBlank() && !tag.equalsIgnoreCase("latest");
    }

    private static String lastColonPart(String port) {
        return port.substring(port.lastIndexOf(':') + 1);
    }

    private static String stripProtocol(String port) {
        return port.replaceAll("/(tcp|udp)$", "");
    }
}
