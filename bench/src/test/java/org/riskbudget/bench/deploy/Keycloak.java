package org.riskbudget.bench.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/** Reading deploy/keycloak/risk-budget-ledger-realm.json: its one client, its audience, its user profile. */
final class Keycloak {

    private Keycloak() {}

    /** The realm's one client, the one the README's curl asks for tokens. */
    static Map<String, Object> client(Map<String, Object> realm) {
        List<Map<String, Object>> clients = Repository.maps(realm, "clients");
        if (clients.size() != 1) {
            throw new AssertionError("the realm should define one client, not " + clients.size());
        }
        return clients.get(0);
    }

    /** The audience its access tokens carry, which the services require. */
    static String audience(Map<String, Object> realm) {
        return Repository.maps(client(realm), "protocolMappers").stream()
                .filter(mapper -> "oidc-audience-mapper".equals(mapper.get("protocolMapper")))
                .map(mapper -> Repository.string(Repository.map(mapper, "config"), "included.custom.audience"))
                .findFirst().orElseThrow(() -> new AssertionError("the client has no audience mapper"));
    }

    /**
     * Every member path of a JSON tree, list positions written {@code []}: {@code clients[].protocolMappers[].config}.
     * Values inside {@code config} and {@code attributes} mappings are free-form keys, not fields, so the walk stops
     * there.
     */
    static Set<String> keyPaths(Map<String, Object> tree) {
        Set<String> paths = new TreeSet<>();
        walk("", tree, paths);
        return paths;
    }

    private static void walk(String path, Object node, Set<String> paths) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String child = path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey();
                paths.add(child);
                if (!FREE_FORM.contains(String.valueOf(entry.getKey()))) {
                    walk(child, entry.getValue(), paths);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(path + "[]", item, paths));
        }
    }

    private static final Set<String> FREE_FORM = Set.of("config", "attributes", "components", "subComponents");

    /** The declarative user profile, which Keycloak keeps as JSON inside a component's configuration. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> userProfile(Map<String, Object> realm) {
        List<Map<String, Object>> providers = Repository.maps(Repository.map(realm, "components"),
                "org.keycloak.userprofile.UserProfileProvider");
        Object configuration = Repository.list(Repository.map(providers.get(0), "config"), "kc.user.profile.config").get(0);
        return JsonMapper.builder().build().readValue(String.valueOf(configuration), Map.class);
    }
}
